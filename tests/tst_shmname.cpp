// POSIX shared-memory names: what shm_open accepts, normalized the way /dev/shm and Python show them.
#include "shmname.h"

#include <QTest>

using namespace ShmScope;

class TestShmName : public QObject {
    Q_OBJECT

private slots:
    void goodNames_data();
    void goodNames();
    void badNames_data();
    void badNames();
    void shmOpenNameAddsOneSlash();
};

void TestShmName::goodNames_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");

    QTest::addRow("plain") << QStringLiteral("counter") << QStringLiteral("counter");
    QTest::addRow("leading slash") << QStringLiteral("/counter") << QStringLiteral("counter");
    QTest::addRow("python name") << QStringLiteral("psm_1a2b3c4d") << QStringLiteral("psm_1a2b3c4d");
    QTest::addRow("one character") << QStringLiteral("x") << QStringLiteral("x");
    QTest::addRow("dots inside") << QStringLiteral("a.b..c") << QStringLiteral("a.b..c");
    QTest::addRow("three dots") << QStringLiteral("...") << QStringLiteral("...");
    QTest::addRow("spaces") << QStringLiteral("my block") << QStringLiteral("my block");
    QTest::addRow("255 bytes") << QString(255, QLatin1Char('a')) << QString(255, QLatin1Char('a'));
    QTest::addRow("255 bytes after slash")
        << (QLatin1Char('/') + QString(255, QLatin1Char('a'))) << QString(255, QLatin1Char('a'));
    // "共享内存" is 4 characters, 12 bytes in UTF-8.
    QTest::addRow("utf-8") << QStringLiteral("共享内存") << QStringLiteral("共享内存");
    const QString utf8At255 = QString(81, QChar(0x5171)) + QStringLiteral("ab"); // 81 * 3 + 2 = 245
    QTest::addRow("multibyte under limit") << utf8At255 << utf8At255;
}

void TestShmName::goodNames()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QString error = QStringLiteral("untouched");
    QCOMPARE(normalizedShmName(input, &error), normalized);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(normalizedShmName(input), normalized); // the reason is optional
}

void TestShmName::badNames_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reasonContains");

    QTest::addRow("empty") << QString() << QStringLiteral("empty");
    QTest::addRow("only slash") << QStringLiteral("/") << QStringLiteral("empty");
    QTest::addRow("two leading slashes") << QStringLiteral("//a") << QStringLiteral("'/'");
    QTest::addRow("slash inside") << QStringLiteral("a/b") << QStringLiteral("'/'");
    QTest::addRow("trailing slash") << QStringLiteral("a/") << QStringLiteral("'/'");
    QTest::addRow("nul") << (QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << QStringLiteral("NUL");
    QTest::addRow("dot") << QStringLiteral(".") << QStringLiteral("directories");
    QTest::addRow("dot dot") << QStringLiteral("/..") << QStringLiteral("directories");
    QTest::addRow("256 bytes") << QString(256, QLatin1Char('a')) << QStringLiteral("256 bytes");
    // 86 characters but 258 bytes: the limit is bytes of the file name, not characters.
    QTest::addRow("multibyte over limit") << QString(86, QChar(0x5171)) << QStringLiteral("258 bytes");
}

void TestShmName::badNames()
{
    QFETCH(QString, input);
    QFETCH(QString, reasonContains);
    QString error;
    QVERIFY(normalizedShmName(input, &error).isEmpty());
    QVERIFY2(error.contains(reasonContains), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')), "a reason is one line");
    QVERIFY(normalizedShmName(input).isEmpty());
}

void TestShmName::shmOpenNameAddsOneSlash()
{
    QCOMPARE(shmOpenName(QStringLiteral("counter")), QByteArray("/counter"));
    QCOMPARE(shmOpenName(QStringLiteral("共享")), QByteArray("/\xe5\x85\xb1\xe4\xba\xab"));
}

QTEST_APPLESS_MAIN(TestShmName)
#include "tst_shmname.moc"
