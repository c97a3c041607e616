#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ShmScope"));
    QApplication::setApplicationVersion(QStringLiteral(SHMSCOPE_VERSION));
    ShmScope::MainWindow window;
    window.show();
    return app.exec();
}
