#pragma once

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTranslator>

class QWidget;

namespace ShmScope {

// Remembers, for every text it translated, which source string it came from, so that a widget's text
// set once in a constructor can be translated again when the language changes at run time — without
// every panel keeping a retranslateUi() of its own. Texts built with arguments ("%1 Hz") are not found
// this way; their owners refresh them (status labels tick, painted views call tr() in paintEvent).
class RecordingTranslator : public QTranslator {
    Q_OBJECT
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; } // consulted even before a .qm is loaded

    // The text in the current language for a text shown under any language so far; empty if unknown.
    QString retranslated(const QString &shownText) const;

private:
    struct Source {
        QByteArray context, text, disambiguation;
    };
    mutable QMutex m_mutex; // tr() may run on the poller's thread too
    mutable QHash<QString, Source> m_sources;
};

// English and Simplified Chinese: the app's .qm files (embedded under :/i18n) and Qt's own (dialog
// buttons). Follows the system locale unless told a language; switching sends LanguageChange to every
// widget and re-translates the texts widgets keep.
class LanguageManager : public QObject {
    Q_OBJECT
public:
    static LanguageManager *instance(); // created on first use, a child of the application

    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }
    static QString nativeName(const QString &language); // "English", "简体中文"
    static QString systemLanguage();                     // zh_CN for any Chinese locale, else en

    // "" follows the system. Returns false (and keeps the language) for a language without translations.
    bool setLanguage(const QString &language);
    QString language() const { return m_language; } // the one in use: "en" or "zh_CN"
    QString requested() const { return m_requested; } // "" when following the system
    // "en" or "zh": the code of the experiments' LocalizedText for the current language.
    QString experimentLanguage() const;

    // Walks the widgets' and actions' texts and puts each recorded one in the current language.
    void retranslateWidgets() const;

Q_SIGNALS:
    void languageChanged(const QString &language);

private:
    explicit LanguageManager(QObject *parent);
    void retranslateObject(QObject *object) const;

    RecordingTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
    QString m_language;
    QString m_requested;
};

} // namespace ShmScope
