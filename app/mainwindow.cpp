#include "mainwindow.h"

namespace ShmScope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("ShmScope"));
    resize(1280, 800);
}

} // namespace ShmScope
