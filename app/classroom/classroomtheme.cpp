#include "classroomtheme.h"

#include "theme.h"

#include <QApplication>
#include <QPalette>

namespace ShmScope::ClassroomTheme {

namespace {

struct Colours {
    QColor window, base, alternate, text, dimText, button, border, highlight, highlightedText, title;
};

void applyContrast(QApplication &app, const Colours &c)
{
    QPalette palette;
    palette.setColor(QPalette::Window, c.window);
    palette.setColor(QPalette::WindowText, c.text);
    palette.setColor(QPalette::Base, c.base);
    palette.setColor(QPalette::AlternateBase, c.alternate);
    palette.setColor(QPalette::ToolTipBase, c.base);
    palette.setColor(QPalette::ToolTipText, c.text);
    palette.setColor(QPalette::PlaceholderText, c.dimText);
    palette.setColor(QPalette::Text, c.text);
    palette.setColor(QPalette::Button, c.button);
    palette.setColor(QPalette::ButtonText, c.text);
    palette.setColor(QPalette::BrightText, QColor(0xD5, 0x5E, 0x00)); // Okabe–Ito vermillion
    palette.setColor(QPalette::Light, c.border);
    palette.setColor(QPalette::Midlight, c.border);
    palette.setColor(QPalette::Mid, c.border);
    palette.setColor(QPalette::Dark, c.border);
    palette.setColor(QPalette::Shadow, c.border);
    palette.setColor(QPalette::Highlight, c.highlight);
    palette.setColor(QPalette::HighlightedText, c.highlightedText);
    palette.setColor(QPalette::Link, c.highlight);
    palette.setColor(QPalette::Disabled, QPalette::Text, c.dimText);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, c.dimText);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, c.dimText);
    app.setPalette(palette);

    // Borders two pixels wide and titles in full contrast: a projector blurs one-pixel lines away.
    const QString border = c.border.name();
    app.setStyleSheet(
        QStringLiteral("QDockWidget::title { background: %1; color: %2; padding: 6px 8px;"
                       " border-bottom: 2px solid %3; }"
                       "QToolBar { background: %4; border: none; border-bottom: 2px solid %3; spacing: 6px; padding: 4px; }"
                       "QStatusBar { background: %1; border-top: 2px solid %3; }"
                       "QStatusBar QLabel { color: %2; padding: 0 8px; }"
                       "QHeaderView::section { background: %1; color: %2; border: none;"
                       " border-bottom: 2px solid %3; padding: 4px 6px; }"
                       "QTreeView, QTableView, QListView { border: none; }"
                       "QMainWindow::separator { background: %3; width: 2px; height: 2px; }")
            .arg(c.title.name(), c.text.name(), border, c.window.name()));
}

} // namespace

QString apply(QApplication &app, const QString &name)
{
    if (name == contrastDark()) {
        applyContrast(app, Colours{QColor(0x00, 0x00, 0x00), QColor(0x00, 0x00, 0x00), QColor(0x1a, 0x1a, 0x1a),
                               QColor(0xff, 0xff, 0xff), QColor(0xb0, 0xb0, 0xb0), QColor(0x1a, 0x1a, 0x1a),
                               QColor(0xff, 0xff, 0xff), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x00, 0x00),
                               QColor(0x10, 0x10, 0x10)});
        return name;
    }
    if (name == contrastLight()) {
        applyContrast(app, Colours{QColor(0xff, 0xff, 0xff), QColor(0xff, 0xff, 0xff), QColor(0xee, 0xee, 0xee),
                               QColor(0x00, 0x00, 0x00), QColor(0x50, 0x50, 0x50), QColor(0xee, 0xee, 0xee),
                               QColor(0x00, 0x00, 0x00), QColor(0x00, 0x72, 0xB2), QColor(0xff, 0xff, 0xff),
                               QColor(0xe4, 0xe4, 0xe4)});
        return name;
    }
    applyTheme(app);
    return dark();
}

} // namespace ShmScope::ClassroomTheme
