#pragma once

#include <QString>
#include <QStringList>

class QApplication;

namespace ShmScope {

// The app's three looks: the calm dark default (theme.cpp) and two high-contrast ones for projectors,
// whose washed-out blacks and greys swallow the default's subtle greys. Names are the settings values.
namespace ClassroomTheme {

inline QString dark() { return QStringLiteral("dark"); }
inline QString contrastDark() { return QStringLiteral("contrast-dark"); }
inline QString contrastLight() { return QStringLiteral("contrast-light"); }
inline QStringList names() { return {dark(), contrastDark(), contrastLight()}; }

// Applies the named theme (an unknown name: the default); returns the name applied.
QString apply(QApplication &app, const QString &name);

} // namespace ClassroomTheme
} // namespace ShmScope
