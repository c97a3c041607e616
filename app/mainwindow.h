#pragma once

#include <QMainWindow>

namespace ShmScope {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace ShmScope
