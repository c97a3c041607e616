#pragma once

#include <QCoreApplication>
#include <QVariant>

namespace ShmScope {

// The classroom zoom (1.0 normal, 2.0 in presentation mode), published on the application object by
// ZoomController so that a view with a font of its own (the byte grid's monospace) can scale it too.
inline double currentZoom()
{
    const QVariant zoom = QCoreApplication::instance() ? qApp->property("shmscopeZoom") : QVariant();
    return zoom.isValid() ? zoom.toDouble() : 1.0;
}

} // namespace ShmScope
