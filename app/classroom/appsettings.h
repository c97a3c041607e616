#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace ShmScope {

// What the app remembers between runs, in one place so that the keys are spelled once. Backed by
// QSettings("ShmScope", "ShmScope"); tests point QSettings elsewhere with QStandardPaths test mode.
class AppSettings {
public:
    AppSettings();

    int pollRateHz(int fallback) const;
    void setPollRateHz(int hz);
    QString theme() const; // "dark" (default), "contrast-dark", "contrast-light"
    void setTheme(const QString &theme);
    QString language() const; // "" follows the system locale, else "en" or "zh_CN"
    void setLanguage(const QString &language);
    double zoom() const; // 1.0 normal; clamped to the zoom range on read
    void setZoom(double zoom);
    bool presentation() const;
    void setPresentation(bool on);
    QString lastExperiment() const; // the built-in's title or the file path a teacher opened
    void setLastExperiment(const QString &experiment);
    QByteArray windowGeometry() const;
    QByteArray windowState() const; // docks and toolbars: QMainWindow::saveState
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    void sync() { m_settings.sync(); }

    static constexpr double kMinimumZoom = 0.6;
    static constexpr double kMaximumZoom = 3.0;

private:
    QSettings m_settings;
};

} // namespace ShmScope
