#include "languagemanager.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLibraryInfo>
#include <QLocale>
#include <QMetaProperty>
#include <QPointer>
#include <QTabBar>
#include <QWidget>

namespace ShmScope {

namespace {
// The QString properties of widgets and actions that hold words for the reader (not object names,
// style sheets or document contents).
constexpr const char *kTextProperties[] = {"text",   "title",      "windowTitle",     "toolTip",
                                           "statusTip", "whatsThis", "placeholderText", "suffix",
                                           "prefix", "iconText", "specialValueText", "accessibleName"};

QPointer<LanguageManager> g_instance;
} // namespace

QString RecordingTranslator::translate(const char *context, const char *sourceText, const char *disambiguation,
                                       int n) const
{
    QString result = QTranslator::translate(context, sourceText, disambiguation, n);
    if (!sourceText || n >= 0) // plural forms are shown with their number filled in: never found again
        return result;
    const QString shown = result.isEmpty() ? QString::fromUtf8(sourceText) : result;
    QMutexLocker lock(&m_mutex);
    m_sources.insert(shown, Source{context, sourceText, disambiguation});
    return result;
}

QString RecordingTranslator::retranslated(const QString &shownText) const
{
    if (shownText.isEmpty())
        return QString();
    Source source;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_sources.constFind(shownText);
        if (it == m_sources.constEnd())
            return QString();
        source = *it;
    }
    return QCoreApplication::translate(source.context.constData(), source.text.constData(),
                                       source.disambiguation.isEmpty() ? nullptr : source.disambiguation.constData());
}

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
    , m_appTranslator(new RecordingTranslator(this))
    , m_qtTranslator(new QTranslator(this))
{
    QCoreApplication::installTranslator(m_qtTranslator);
    QCoreApplication::installTranslator(m_appTranslator); // installed last: asked first
    m_language = QStringLiteral("en");
}

LanguageManager *LanguageManager::instance()
{
    if (!g_instance)
        g_instance = new LanguageManager(QCoreApplication::instance());
    return g_instance;
}

QString LanguageManager::nativeName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString LanguageManager::systemLanguage()
{
    // Taiwan's or Hong Kong's Chinese reader still reads Simplified better than English.
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString LanguageManager::experimentLanguage() const
{
    return m_language == QLatin1String("zh_CN") ? QStringLiteral("zh") : QStringLiteral("en");
}

bool LanguageManager::setLanguage(const QString &requested)
{
    const QString language = requested.isEmpty() ? systemLanguage() : requested;
    if (!languages().contains(language))
        return false;
    // Loading into installed translators: QTranslator::load() itself posts LanguageChange to every widget.
    if (!m_appTranslator->load(QStringLiteral(":/i18n/shmscope_") + language))
        return false;
    if (language == QLatin1String("en"))
        (void)m_qtTranslator->load(QString()); // Qt's own texts are English already
    else
        (void)m_qtTranslator->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                                   QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    m_requested = requested;
    const bool changed = language != m_language;
    m_language = language;
    if (changed) {
        QLocale::setDefault(QLocale(language));
        retranslateWidgets();
        Q_EMIT languageChanged(language);
    }
    return true;
}

void LanguageManager::retranslateObject(QObject *object) const
{
    const QMetaObject *meta = object->metaObject();
    for (const char *name : kTextProperties) {
        const int index = meta->indexOfProperty(name);
        if (index < 0)
            continue;
        const QMetaProperty property = meta->property(index);
        if (!property.isWritable() || property.metaType().id() != QMetaType::QString)
            continue;
        const QString translated = m_appTranslator->retranslated(property.read(object).toString());
        if (!translated.isEmpty())
            property.write(object, translated);
    }
}

void LanguageManager::retranslateWidgets() const
{
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        retranslateObject(widget);
        for (QAction *action : widget->actions())
            retranslateObject(action);
        for (QAction *action : widget->findChildren<QAction *>(QString(), Qt::FindDirectChildrenOnly))
            retranslateObject(action);
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i) {
                const QString translated = m_appTranslator->retranslated(combo->itemText(i));
                if (!translated.isEmpty())
                    combo->setItemText(i, translated);
            }
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                const QString translated = m_appTranslator->retranslated(tabs->tabText(i));
                if (!translated.isEmpty())
                    tabs->setTabText(i, translated);
            }
        } else if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
            // Models answer headerData()/data() with tr() when asked: make the views ask again.
            if (QAbstractItemModel *model = view->model()) {
                if (model->columnCount() > 0)
                    Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, model->columnCount() - 1);
            }
        }
        widget->update(); // painted views call tr() in paintEvent
    }
}

} // namespace ShmScope
