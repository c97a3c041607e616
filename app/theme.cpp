#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

namespace ShmScope {

void applyTheme(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    const QColor window(0x23, 0x26, 0x2e);
    const QColor base(0x1b, 0x1e, 0x24);
    const QColor text(0xdc, 0xdf, 0xe4);
    const QColor accent(0x3d, 0x8b, 0xfd);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x21, 0x25, 0x2c));
    palette.setColor(QPalette::ToolTipBase, QColor(0x2c, 0x31, 0x3a));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x86, 0x8e, 0x9c));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x2c, 0x30, 0x39));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x4b));
    palette.setColor(QPalette::Midlight, QColor(0x30, 0x35, 0x40));
    palette.setColor(QPalette::Mid, QColor(0x1f, 0x22, 0x29));
    palette.setColor(QPalette::Dark, QColor(0x15, 0x17, 0x1c));
    palette.setColor(QPalette::Shadow, QColor(0x0e, 0x10, 0x13));
    palette.setColor(QPalette::Highlight, accent);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, accent.lighter(120));
    const QColor disabled(0x6b, 0x72, 0x7f);
    palette.setColor(QPalette::Disabled, QPalette::Text, disabled);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    app.setPalette(palette);

    app.setStyleSheet(QStringLiteral(
        "QDockWidget { titlebar-close-icon: none; }"
        "QDockWidget::title { background: #1f2229; padding: 6px 8px; border-bottom: 1px solid #2f3440; }"
        "QToolBar { background: #23262e; border: none; border-bottom: 1px solid #2f3440; spacing: 6px; padding: 4px; }"
        "QStatusBar { background: #1f2229; border-top: 1px solid #2f3440; }"
        "QStatusBar QLabel { color: #aab1bd; padding: 0 8px; }"
        "QHeaderView::section { background: #23262e; color: #9aa3b2; border: none;"
        " border-bottom: 1px solid #2f3440; padding: 4px 6px; }"
        "QTreeView, QTableView, QListView { border: none; }"
        "QMainWindow::separator { background: #2f3440; width: 1px; height: 1px; }"));
}

} // namespace ShmScope
