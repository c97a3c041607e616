#pragma once

// Runs shmscope-cli (or any program) to its end, as the CLI suites do: no shell, a timeout, and what
// it printed on each channel kept apart so a test can insist on "exactly one line on stderr".

#include <QJsonDocument>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace ShmScopeTest {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QStringList errLines() const { return QString::fromUtf8(err).split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline CliResult runProgram(const QString &program, const QStringList &arguments, int timeoutMs = 30000)
{
    QProcess process;
    process.start(program, arguments);
    CliResult result;
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        result.err = QFileInfo(program).fileName().toUtf8() + " did not finish normally";
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace ShmScopeTest
