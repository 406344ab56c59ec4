// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtCore/QTranslator>
#include <QtCore/QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;
class QQuickWindow;

//! The kiosk's settings from the command line.
struct KioskOptions
{
    QString issuer = QStringLiteral("http://127.0.0.1:9000");
    QString clientId = QStringLiteral("storefront-kiosk");
    QString lang = QStringLiteral("ja");
    QString screenshotDir;
    int idleSeconds = 60;
    int warningSeconds = 15;
    bool windowed = false;
    bool automation = false;
    bool checkRevoked = false;
    qint64 processStartMsSinceEpoch = 0;
};

/*!
  The app's side of the QML (the singleton `App` in the module Kiosk): the settings, the language
  (with its translator), prices, and the automation hooks (JSON lines, screenshots, first frame).
  The sign-in itself is all Concierge's: Auth, DeviceSignIn, KioskPolicy in QML.
*/
class KioskApp : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(QString issuer READ issuer CONSTANT)
    Q_PROPERTY(QString clientId READ clientId CONSTANT)
    Q_PROPERTY(int idleSeconds READ idleSeconds CONSTANT)
    Q_PROPERTY(int warningSeconds READ warningSeconds CONSTANT)
    Q_PROPERTY(bool automation READ automation CONSTANT)
    Q_PROPERTY(QString defaultLanguage READ defaultLanguage CONSTANT)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
public:
    //! The instance main() made; the QML singleton is this object.
    static KioskApp *create(QQmlEngine *engine, QJSEngine *);
    KioskApp(const KioskOptions &options, QQmlEngine *engine);
    ~KioskApp() override;
    static void setInstance(KioskApp *app);

    QString issuer() const { return m_options.issuer; }
    QString clientId() const { return m_options.clientId; }
    int idleSeconds() const { return m_options.idleSeconds; }
    int warningSeconds() const { return m_options.warningSeconds; }
    bool automation() const { return m_options.automation; }
    QString defaultLanguage() const { return m_options.lang; }
    QString language() const { return m_language; }
    void setLanguage(const QString &language);

    //! A price in yen: "¥1,280" in English, "1,280円" in Japanese. QML passes App.language as
    //! \a language, so that bindings follow the language toggle; empty means the current one.
    Q_INVOKABLE QString yen(double amount, const QString &language = {}) const;
    //! Reports the screen now shown: an automation line, and a screenshot when asked for.
    Q_INVOKABLE void screenShown(const QString &name);
    //! Prints \a event as one JSON line on stdout (with --automation).
    Q_INVOKABLE void event(const QVariantMap &event);
    //! The window to watch for the first frame and to take screenshots of.
    void setWindow(QQuickWindow *window);
    //! With --check-revoked (tests only): the shopper's access token is kept in memory during the
    //! visit so that, after the sign-out, it can be sent once to the storefront to show it is refused.
    Q_INVOKABLE void rememberVisitToken(const QString &storefront, QObject *auth);
    Q_INVOKABLE void probeRevokedToken();

Q_SIGNALS:
    void languageChanged();

private:
    void takeScreenshot(const QString &name, int attempt = 0);
    //! --automation: one JSON command per line on stdin, delivered as real input events:
    //! {"command":"click","object":NAME}, {"command":"key","key":"Return|Escape|Tab|Space"},
    //! {"command":"quit"}.
    void readCommands();
    void runCommand(const QByteArray &line);

    KioskOptions m_options;
    QQmlEngine *m_engine;
    QString m_language;
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQuickWindow> m_window;
    QString m_screen;
    int m_shotGeneration = 0;
    bool m_firstFrame = false;
    QByteArray m_visitToken;
    QString m_storefront;
    QElapsedTimer m_clock;
    QByteArray m_stdin;
};
