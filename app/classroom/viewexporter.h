#pragma once

#include <QImage>
#include <QString>

class QWidget;

namespace ShmScope {

// A widget (the main window, or one dock) as a picture for slides: a PNG at the screen's pixel ratio,
// or an SVG whose text stays text and whose boxes stay sharp at any projector size. Errors come back
// as one sentence naming the file.
namespace ViewExporter {

QImage renderToImage(QWidget *widget);
bool exportPng(QWidget *widget, const QString &path, QString *error);
bool exportSvg(QWidget *widget, const QString &path, QString *error);
// By the file's suffix: .png or .svg; anything else is refused with a message.
bool exportView(QWidget *widget, const QString &path, QString *error);

} // namespace ViewExporter
} // namespace ShmScope
