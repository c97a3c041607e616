#pragma once

#include <QDialog>

class QLabel;

namespace ShmScope {

// Help > About ShmScope: what the tool is, its version (SHMSCOPE_VERSION), the Qt it runs on and its
// licence (MIT), in the current language.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString versionText(); // "ShmScope 0.1.0"
    QString bodyText() const;     // what the dialog shows, as rich text

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_body = nullptr;
};

} // namespace ShmScope
