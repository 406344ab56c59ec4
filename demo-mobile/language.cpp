// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "language.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLocale>
#include <QtCore/QSettings>
#include <QtQml/QQmlEngine>

namespace {
const QString settingKey = QStringLiteral("language");
}

Language::Language(QObject *parent)
    : QObject(parent)
{
    m_choice = QSettings().value(settingKey).toString();
    if (m_choice != QLatin1String("ja") && m_choice != QLatin1String("en"))
        m_choice.clear();
    apply();
}

QString Language::systemCode() const
{
    // uiLanguages() honours LANGUAGE/LC_ALL/LANG on Linux and the phone's language list on Android/iOS.
    const QStringList languages = QLocale::system().uiLanguages();
    for (const QString &tag : languages) {
        if (tag.startsWith(QLatin1String("ja")))
            return QStringLiteral("ja");
        if (tag.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString Language::code() const
{
    return m_choice.isEmpty() ? systemCode() : m_choice;
}

void Language::choose(const QString &choice, bool persist)
{
    const QString normalized = (choice == QLatin1String("ja") || choice == QLatin1String("en")) ? choice : QString();
    if (persist) {
        QSettings settings;
        if (normalized.isEmpty())
            settings.remove(settingKey);
        else
            settings.setValue(settingKey, normalized);
    }
    if (normalized == m_choice)
        return;
    m_choice = normalized;
    apply();
    if (m_engine)
        m_engine->retranslate();
    Q_EMIT changed();
}

void Language::apply()
{
    QCoreApplication::removeTranslator(&m_app);
    const QString lang = code();
    QLocale::setDefault(QLocale(lang == QLatin1String("ja") ? QLocale::Japanese : QLocale::English,
                                lang == QLatin1String("ja") ? QLocale::Japan : QLocale::UnitedStates));
    if (m_app.load(QStringLiteral(":/i18n/demo_mobile_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(&m_app);
}
