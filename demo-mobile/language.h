// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTranslator>

#include <QtQml/QQmlEngine>

/*
  The app's language: the system locale (ja or en), or the shopper's choice in Settings (kept in
  QSettings), or --lang for a run. Switching installs the other translator and retranslates the UI
  at once.
*/
class Language : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString code READ code NOTIFY changed)           // "ja" or "en": what is shown
    Q_PROPERTY(QString choice READ choice NOTIFY changed)       // "" (follow the phone), "ja" or "en"
    Q_PROPERTY(QString systemCode READ systemCode CONSTANT)
public:
    explicit Language(QObject *parent = nullptr);

    void setEngine(QQmlEngine *engine) { m_engine = engine; }
    QString code() const;
    QString choice() const { return m_choice; }
    QString systemCode() const;

    //! "" follows the system; "ja"/"en" override it. \a persist keeps the choice for next time.
    Q_INVOKABLE void choose(const QString &choice, bool persist = true);

Q_SIGNALS:
    void changed();

private:
    void apply();

    QString m_choice;
    QTranslator m_app;
    QPointer<QQmlEngine> m_engine;
};
