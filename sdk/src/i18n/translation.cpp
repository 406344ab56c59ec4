// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/translation.h>

#include "i18n/translation_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QMutex>
#include <QtCore/QPointer>
#include <QtCore/QTranslator>

// The .qm files are compiled into the library as the resource "concierge_i18n" (see
// sdk/translations/translations.cmake). Naming its initializer pulls the resource's object file
// into static links too (the white-box tests link the SDK's objects statically).
static void initConciergeTranslations()
{
    Q_INIT_RESOURCE(concierge_i18n);
}

namespace Concierge {

namespace {

const QString kResourceDir = QStringLiteral(":/concierge/i18n");
const QStringList kLanguages = {QStringLiteral("en"), QStringLiteral("ja")};

void ensureResources()
{
    static const bool once = [] {
        initConciergeTranslations();
        return true;
    }();
    Q_UNUSED(once);
}

//! ISO 639 code of a BCP 47 tag or locale name ("ja-JP", "ja_JP", "JA" -> "ja"), empty when unknown.
QString languageCode(const QString &tag)
{
    const QLocale locale(tag);
    if (locale.language() == QLocale::C || locale.language() == QLocale::AnyLanguage)
        return {};
    return QLocale::languageToCode(locale.language());
}

// One translator per language for pages written in a language of their own (the loopback page).
// They are never destroyed: a QTranslator must not outlive Qt's own globals into static
// destruction, and there are at most two. Guarded: the listener may run in any thread.
QMutex translatorsMutex;

const QTranslator *translatorFor(const QString &language)
{
    static auto *translators = new QHash<QString, QTranslator *>;
    QMutexLocker lock(&translatorsMutex);
    auto it = translators->find(language);
    if (it == translators->end()) {
        ensureResources();
        auto *translator = new QTranslator;
        if (!translator->load(QStringLiteral("concierge_") + language, kResourceDir)) {
            delete translator;
            translator = nullptr;
        }
        it = translators->insert(language, translator);
    }
    return it.value();
}

// The translator installed in the application by installTranslator().
QPointer<QTranslator> &installed()
{
    static QPointer<QTranslator> translator;
    return translator;
}

} // namespace

QStringList translationLanguages()
{
    return kLanguages;
}

bool installTranslator(const QLocale &locale)
{
    removeTranslator();
    auto *app = QCoreApplication::instance();
    if (!app)
        return false;
    ensureResources();
    for (const QString &tag : locale.uiLanguages()) {
        const QString language = languageCode(tag);
        if (!kLanguages.contains(language))
            continue;
        auto *translator = new QTranslator(app); // goes with the application
        if (!translator->load(QStringLiteral("concierge_") + language, kResourceDir)) {
            delete translator;
            return language == QLatin1String("en"); // English is the source text
        }
        QCoreApplication::installTranslator(translator);
        installed() = translator;
        return true;
    }
    return false;
}

void removeTranslator()
{
    if (QTranslator *translator = installed()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installed() = nullptr;
}

QString deviceSignInInstructions(const QUrl &verificationUri, const QString &userCode)
{
    return QCoreApplication::translate("Concierge::DeviceSignIn",
                                       "On your phone or computer, go to %1 and enter the code %2.")
        .arg(verificationUri.toDisplayString(QUrl::RemoveUserInfo), userCode);
}

QString deviceSignInScanPrompt()
{
    return QCoreApplication::translate("Concierge::DeviceSignIn",
                                       "Scan the code with your phone's camera to sign in.");
}

namespace Internal {

QStringList preferredLanguages(const QString &uiLocales)
{
    QStringList languages;
    const auto add = [&languages](const QString &tag) {
        const QString language = languageCode(tag);
        if (!language.isEmpty() && !languages.contains(language))
            languages.append(language);
    };
    for (const QString &tag : uiLocales.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        add(tag);
    if (QLocale().language() != QLocale::C) {
        for (const QString &tag : QLocale().uiLanguages())
            add(tag);
    }
    return languages;
}

QString translate(const QStringList &languages, const char *context, const char *source,
                  const char *disambiguation)
{
    for (const QString &language : languages) {
        if (!kLanguages.contains(language))
            continue;
        if (const QTranslator *translator = translatorFor(language)) {
            const QString text = translator->translate(context, source, disambiguation);
            if (!text.isEmpty())
                return text;
        }
        break; // the first language the SDK has decides, even when a string is missing from it
    }
    return QString::fromUtf8(source);
}

QString defaultUiLocales()
{
    const QLocale locale;
    if (locale.language() == QLocale::C)
        return {};
    return locale.uiLanguages().join(QLatin1Char(' '));
}

} // namespace Internal

} // namespace Concierge
