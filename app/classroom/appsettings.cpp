#include "appsettings.h"

#include <QtGlobal>

namespace ShmScope {

namespace {
// Bumped when a saved dock layout could no longer match the window's docks (restoreState would
// then put panels in odd places).
constexpr int kLayoutVersion = 1;

QString key(const char *name)
{
    return QString::fromLatin1(name);
}
} // namespace

AppSettings::AppSettings()
    : m_settings(QStringLiteral("ShmScope"), QStringLiteral("ShmScope"))
{
}

int AppSettings::pollRateHz(int fallback) const
{
    bool ok = false;
    const int hz = m_settings.value(key("view/pollRateHz")).toInt(&ok);
    return ok && hz > 0 ? hz : fallback;
}

void AppSettings::setPollRateHz(int hz)
{
    m_settings.setValue(key("view/pollRateHz"), hz);
}

QString AppSettings::theme() const
{
    const QString theme = m_settings.value(key("view/theme")).toString();
    const bool known = theme == QLatin1String("contrast-dark") || theme == QLatin1String("contrast-light");
    return known ? theme : QStringLiteral("dark"); // a hand-edited value must not leave the app unstyled
}

void AppSettings::setTheme(const QString &theme)
{
    m_settings.setValue(key("view/theme"), theme);
}

QString AppSettings::language() const
{
    const QString language = m_settings.value(key("view/language")).toString();
    return language == QLatin1String("en") || language == QLatin1String("zh_CN") ? language : QString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(key("view/language"), language);
}

double AppSettings::zoom() const
{
    bool ok = false;
    const double zoom = m_settings.value(key("view/zoom"), 1.0).toDouble(&ok);
    return ok ? qBound(kMinimumZoom, zoom, kMaximumZoom) : 1.0;
}

void AppSettings::setZoom(double zoom)
{
    m_settings.setValue(key("view/zoom"), zoom);
}

bool AppSettings::presentation() const
{
    return m_settings.value(key("view/presentation"), false).toBool();
}

void AppSettings::setPresentation(bool on)
{
    m_settings.setValue(key("view/presentation"), on);
}

QString AppSettings::lastExperiment() const
{
    return m_settings.value(key("lesson/lastExperiment")).toString();
}

void AppSettings::setLastExperiment(const QString &experiment)
{
    m_settings.setValue(key("lesson/lastExperiment"), experiment);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(key("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    if (m_settings.value(key("window/layoutVersion")).toInt() != kLayoutVersion)
        return QByteArray();
    return m_settings.value(key("window/state")).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(key("window/geometry"), geometry);
    m_settings.setValue(key("window/state"), state);
    m_settings.setValue(key("window/layoutVersion"), kLayoutVersion);
}

} // namespace ShmScope
