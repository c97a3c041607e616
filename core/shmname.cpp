#include "shmname.h"

namespace ShmScope {

namespace {

// The name becomes one file under /dev/shm, so it is bounded by the file system's NAME_MAX.
constexpr int kMaxNameBytes = 255;

QString rejected(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return QString();
}

} // namespace

QString normalizedShmName(const QString &name, QString *error)
{
    QString bare = name;
    if (bare.startsWith(QLatin1Char('/')))
        bare.remove(0, 1);

    if (bare.isEmpty())
        return rejected(error, QStringLiteral("a shared-memory name must not be empty"));
    if (bare.contains(QLatin1Char('/')))
        return rejected(error,
            QStringLiteral("invalid shared-memory name '%1': no '/' allowed "
                           "except one at the start")
                .arg(name));
    if (bare.contains(QChar(0)))
        return rejected(error, QStringLiteral("invalid shared-memory name: it contains a NUL character"));
    // "." and ".." name the directory /dev/shm itself and its parent, never a segment.
    if (bare == QLatin1String(".") || bare == QLatin1String(".."))
        return rejected(error,
            QStringLiteral("invalid shared-memory name '%1': '.' and '..' are "
                           "directories")
                .arg(name));
    const qsizetype bytes = bare.toUtf8().size();
    if (bytes > kMaxNameBytes)
        return rejected(error,
            QStringLiteral("invalid shared-memory name: %1 bytes long, at most %2 "
                           "allowed")
                .arg(bytes)
                .arg(kMaxNameBytes));
    if (error)
        error->clear();
    return bare;
}

QByteArray shmOpenName(const QString &normalizedName)
{
    return '/' + normalizedName.toUtf8();
}

} // namespace ShmScope
