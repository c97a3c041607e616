#pragma once

#include <QCoreApplication>
#include <QString>

class QMainWindow;

namespace ShmScope {

// "What am I looking at?": a few plain sentences per panel, for a student who has never seen shared
// memory. Shown by What's This (Shift+F1, then a click on the panel) and by F1 for the focused panel.
class PanelHelp {
    Q_DECLARE_TR_FUNCTIONS(PanelHelp)
public:
    // The explanation of the panel a dock or the central widget holds, by its object name; the
    // overview of the window for an unknown name.
    static QString textFor(const QString &objectName);
    static QString overview();
    // Puts the explanations on every dock (and its contents) and on the byte grid as What's This.
    static void install(QMainWindow *window);
};

} // namespace ShmScope
