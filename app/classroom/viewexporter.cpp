#include "viewexporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace ShmScope::ViewExporter {

namespace {
// Translation context "ViewExporter" for the messages of these free functions.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ViewExporter)
};

bool refuse(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}
} // namespace

QImage renderToImage(QWidget *widget)
{
    if (!widget || widget->size().isEmpty())
        return QImage();
    const qreal ratio = widget->devicePixelRatioF();
    QImage image(widget->size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(widget->palette().color(QPalette::Window));
    widget->render(&image);
    return image;
}

bool exportPng(QWidget *widget, const QString &path, QString *error)
{
    const QImage image = renderToImage(widget);
    if (image.isNull())
        return refuse(error, Text::tr("There is nothing to export: the view has no size."));
    // QSaveFile: a failed write never leaves half a picture where a good one was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return refuse(error, Text::tr("Cannot write %1: %2").arg(path, file.errorString()));
    QImageWriter writer(&file, "png");
    if (!writer.write(image))
        return refuse(error, Text::tr("Cannot write %1: %2").arg(path, writer.errorString()));
    if (!file.commit())
        return refuse(error, Text::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

bool exportSvg(QWidget *widget, const QString &path, QString *error)
{
    if (!widget || widget->size().isEmpty())
        return refuse(error, Text::tr("There is nothing to export: the view has no size."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return refuse(error, Text::tr("Cannot write %1: %2").arg(path, file.errorString()));
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(widget->size());
    generator.setResolution(widget->logicalDpiX()); // a slide shows it at the size it had on screen
    generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
    generator.setTitle(widget->windowTitle().isEmpty() ? QStringLiteral("ShmScope") : widget->windowTitle());
    generator.setDescription(Text::tr("Exported from ShmScope"));
    {
        QPainter painter(&generator);
        painter.fillRect(QRect(QPoint(0, 0), widget->size()), widget->palette().color(QPalette::Window));
        widget->render(&painter);
    } // the painter writes the closing </svg> when it ends
    if (!file.commit())
        return refuse(error, Text::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

bool exportView(QWidget *widget, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return exportPng(widget, path, error);
    if (suffix == QLatin1String("svg"))
        return exportSvg(widget, path, error);
    return refuse(error, Text::tr("%1: choose a file name ending in .png or .svg").arg(path));
}

} // namespace ShmScope::ViewExporter
