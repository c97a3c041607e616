#pragma once

#include <QFont>
#include <QObject>

class QWidget;

namespace ShmScope {

// Scales every text of the app by one factor: the application font (which widgets without a font of
// their own inherit) and each font a widget set for itself (titles, values in bold), remembered at its
// unzoomed size so that zooming in and out never drifts. Painted views take their fonts from the
// widget, so they follow. Widgets created later are caught when they are first polished.
class ZoomController : public QObject {
    Q_OBJECT
public:
    static constexpr double kStep = 1.15;

    explicit ZoomController(QObject *parent = nullptr);
    ~ZoomController() override;

    double zoom() const { return m_zoom; }
    void setZoom(double zoom); // clamped to AppSettings' range
    void zoomIn() { setZoom(m_zoom * kStep); }
    void zoomOut() { setZoom(m_zoom / kStep); }
    void resetZoom() { setZoom(1.0); }
    QFont baseFont() const { return m_baseFont; }
    // Dock titles at the current zoom. Needed again after a style sheet change (a theme): that drops the
    // docks' own fonts, and a dock without one paints its title at its construction-time size.
    void applyDockTitleFonts() const;

Q_SIGNALS:
    void zoomChanged(double zoom);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static void rememberBaseSize(QWidget *widget, double zoomNow);
    void applyZoom(QWidget *widget) const;

    QFont m_baseFont;
    double m_zoom = 1.0;
    bool m_scaling = false;
};

} // namespace ShmScope
