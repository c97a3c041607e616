#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ShmScope {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("AboutDialog"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/shmscope.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);
    m_body = new QLabel(this);
    m_body->setObjectName(QStringLiteral("AboutText"));
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setOpenExternalLinks(true);
    m_body->setMinimumWidth(420);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(m_body, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    retranslate();
}

QString AboutDialog::versionText()
{
    return QStringLiteral("ShmScope ") + QStringLiteral(SHMSCOPE_VERSION);
}

QString AboutDialog::bodyText() const
{
    return m_body->text();
}

void AboutDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void AboutDialog::retranslate()
{
    setWindowTitle(tr("About ShmScope"));
    m_body->setText(
        QStringLiteral("<h2>%1</h2>").arg(versionText().toHtmlEscaped())
        + tr("<p>Watch POSIX shared memory between processes while it happens: bytes, typed values, locks and "
             "the processes that map each block.</p>")
        + tr("<p>Built with Qt %1.</p>").arg(QString::fromLatin1(qVersion()))
        + tr("<p>Released under the MIT licence: use, copy, change and share it freely, keeping the copyright "
             "notice.</p>"));
}

} // namespace ShmScope
