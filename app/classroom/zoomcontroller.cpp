#include "zoomcontroller.h"

#include "appsettings.h"
#include "zoomfactor.h"

#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QWidget>
#include <QtMath>

namespace ShmScope {

namespace {
// The unzoomed size of a font a widget set for itself, kept on the widget.
constexpr char kBasePointSize[] = "shmscopeBasePointSize";
constexpr char kBasePixelSize[] = "shmscopeBasePixelSize";
} // namespace

ZoomController::ZoomController(QObject *parent)
    : QObject(parent)
    , m_baseFont(QApplication::font())
{
    qApp->installEventFilter(this);
}

ZoomController::~ZoomController()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

void ZoomController::setZoom(double zoom)
{
    zoom = qBound(AppSettings::kMinimumZoom, zoom, AppSettings::kMaximumZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    // Every own font's unzoomed size first, while all fonts are still at the old zoom: once a parent
    // is rescaled, a child that inherits the size would read the new one.
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets)
        rememberBaseSize(widget, m_zoom);
    m_zoom = zoom;
    m_scaling = true;
    QFont font = m_baseFont;
    if (m_baseFont.pointSizeF() > 0)
        font.setPointSizeF(m_baseFont.pointSizeF() * zoom);
    else
        font.setPixelSize(qRound(m_baseFont.pixelSize() * zoom));
    qApp->setProperty("shmscopeZoom", zoom); // before the FontChange that makes the byte grid look
    QApplication::setFont(font);
    applyDockTitleFonts();
    for (QWidget *widget : widgets)
        applyZoom(widget);
    m_scaling = false;
    Q_EMIT zoomChanged(m_zoom);
}

void ZoomController::applyDockTitleFonts() const
{
    // QDockWidget paints its title with the font it had when it was made, unless its own font differs
    // from the application's (qdockwidget.cpp): give docks one that differs only in a harmless hint.
    if (m_baseFont.pointSizeF() <= 0)
        return;
    QFont dockFont = QApplication::font();
    dockFont.setPointSizeF(m_baseFont.pointSizeF() * m_zoom);
    dockFont.setStyleStrategy(QFont::PreferAntialias);
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        if (!qobject_cast<QDockWidget *>(widget))
            continue;
        widget->setProperty(kBasePointSize, m_baseFont.pointSizeF());
        if (!widget->testAttribute(Qt::WA_SetFont) || widget->font() != dockFont)
            widget->setFont(dockFont);
    }
}

void ZoomController::rememberBaseSize(QWidget *widget, double zoomNow)
{
    // A widget without a font of its own follows the application font already.
    if (!widget->testAttribute(Qt::WA_SetFont) || widget->property(kBasePointSize).isValid()
        || widget->property(kBasePixelSize).isValid())
        return;
    const QFont font = widget->font();
    if (font.pointSizeF() > 0)
        widget->setProperty(kBasePointSize, font.pointSizeF() / zoomNow);
    else if (font.pixelSize() > 0)
        widget->setProperty(kBasePixelSize, font.pixelSize() / zoomNow);
}

void ZoomController::applyZoom(QWidget *widget) const
{
    QFont font = widget->font();
    const QVariant basePoints = widget->property(kBasePointSize);
    const QVariant basePixels = widget->property(kBasePixelSize);
    if (basePoints.isValid())
        font.setPointSizeF(basePoints.toDouble() * m_zoom);
    else if (basePixels.isValid())
        font.setPixelSize(qMax(1, qRound(basePixels.toDouble() * m_zoom)));
    else
        return;
    widget->setFont(font);
}

bool ZoomController::eventFilter(QObject *watched, QEvent *event)
{
    // A card or a dialog built after the last zoom change.
    if (!m_scaling && event->type() == QEvent::Polish && watched->isWidgetType()) {
        // Code here sizes fonts from the inherited (already zoomed) one: remember, do not scale again.
        rememberBaseSize(static_cast<QWidget *>(watched), m_zoom);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ShmScope
