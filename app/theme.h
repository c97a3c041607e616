#pragma once

class QApplication;

namespace ShmScope {

// Fusion with a calm dark palette: the same look on every desktop and offscreen, so that
// screenshots in the README match what a user sees.
void applyTheme(QApplication &app);

} // namespace ShmScope
