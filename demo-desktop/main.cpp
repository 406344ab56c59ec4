// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Hikari Market, the in-store kiosk: shoppers sign in with their phone (a QR code, RFC 8628), see
// their cart, points and offers, and are signed out when they walk away. Built on Concierge::Core
// and the QML module Concierge like any app outside this repository.
//
//   concierge-kiosk [--windowed] [--issuer URL] [--lang ja|en] [--idle-seconds N]
//                   [--warning-seconds N] [--automation] [--screenshot-dir DIR] [--check-revoked]

#include "kioskapp.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QUrl>
#include <QtGui/QFont>
#include <QtGui/QGuiApplication>
#include <QtGui/QScreen>
#include <QtQml/QQmlApplicationEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuick/QQuickWindow>

#include <cstdio>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(KioskPlugin) // the user interface: the static QML module Kiosk

namespace {

// When the process started (ms since the epoch), from /proc on Linux; 0 when unknown (the first
// frame is then measured from main()).
qint64 processStartMsSinceEpoch()
{
    QFile statFile(QStringLiteral("/proc/self/stat"));
    QFile systemStat(QStringLiteral("/proc/stat"));
    if (!statFile.open(QIODevice::ReadOnly) || !systemStat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = statFile.readAll();
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return 0;
    const qint64 startTicks = fields.at(19).toLongLong(); // field 22: starttime, clock ticks after boot
    qint64 bootSeconds = 0;
    for (const QByteArray &line : systemStat.readAll().split('\n')) {
        if (line.startsWith("btime "))
            bootSeconds = line.mid(6).trimmed().toLongLong();
    }
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (bootSeconds <= 0 || ticksPerSecond <= 0)
        return 0;
    return bootSeconds * 1000 + startTicks * 1000 / ticksPerSecond;
}

} // namespace

int main(int argc, char *argv[])
{
    KioskOptions options;
    options.processStartMsSinceEpoch = processStartMsSinceEpoch();

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Hikari Market Kiosk"));
    QGuiApplication::setOrganizationName(QStringLiteral("Concierge"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hikari Market: the in-store kiosk (Concierge demo)"));
    parser.addHelpOption();
    const QCommandLineOption windowed(QStringLiteral("windowed"), QStringLiteral("Run in a 1280x800 window instead of full screen."));
    const QCommandLineOption issuer(QStringLiteral("issuer"), QStringLiteral("The OpenID Provider (default http://127.0.0.1:9000)."), QStringLiteral("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("The client id (default storefront-kiosk)."), QStringLiteral("id"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("The language on the attract screen: ja (default) or en."), QStringLiteral("ja|en"));
    const QCommandLineOption idle(QStringLiteral("idle-seconds"), QStringLiteral("Sign out after this many idle seconds (default 60)."), QStringLiteral("n"));
    const QCommandLineOption warning(QStringLiteral("warning-seconds"), QStringLiteral("Warn this many seconds before (default 15)."), QStringLiteral("n"));
    const QCommandLineOption automation(QStringLiteral("automation"), QStringLiteral("Print what happens as JSON lines on stdout."));
    const QCommandLineOption shots(QStringLiteral("screenshot-dir"), QStringLiteral("Save a PNG of every screen shown to this folder."), QStringLiteral("dir"));
    const QCommandLineOption revoked(QStringLiteral("check-revoked"), QStringLiteral("Tests only: after a sign-out, show that the storefront refuses the visit's token."));
    parser.addOptions({windowed, issuer, clientId, lang, idle, warning, automation, shots, revoked});
    parser.process(app);

    const auto positive = [&parser](const QCommandLineOption &option, int fallback, int min) {
        if (!parser.isSet(option))
            return fallback;
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min) {
            std::fprintf(stderr, "concierge-kiosk: --%s needs a whole number >= %d\n", qPrintable(option.names().constFirst()), min);
            std::exit(2);
        }
        return value;
    };
    options.windowed = parser.isSet(windowed);
    if (parser.isSet(issuer))
        options.issuer = parser.value(issuer);
    if (parser.isSet(clientId))
        options.clientId = parser.value(clientId);
    if (parser.isSet(lang)) {
        options.lang = parser.value(lang);
        if (options.lang != QLatin1String("ja") && options.lang != QLatin1String("en")) {
            std::fprintf(stderr, "concierge-kiosk: --lang is ja or en\n");
            return 2;
        }
    }
    options.idleSeconds = positive(idle, options.idleSeconds, 2);
    options.warningSeconds = qMin(positive(warning, qMin(options.warningSeconds, options.idleSeconds / 2), 0),
                                  options.idleSeconds - 1);
    options.automation = parser.isSet(automation);
    options.screenshotDir = parser.value(shots);
    options.checkRevoked = parser.isSet(revoked);

    // One typeface for both languages: Noto Sans CJK JP has the Latin letters too (no tofu, one look).
    QFont font(QStringLiteral("Noto Sans CJK JP"));
    font.setStyleHint(QFont::SansSerif);
    QGuiApplication::setFont(font);

    QQmlApplicationEngine engine;
    KioskApp kiosk(options, &engine);
    KioskApp::setInstance(&kiosk);
    const QString appDir = QCoreApplication::applicationDirPath();
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.addImportPath(QDir(appDir).absoluteFilePath(QStringLiteral(KIOSK_QML_INSTALL_RELATIVE)));
    engine.addImportPath(QDir(appDir).absoluteFilePath(QStringLiteral(KIOSK_QML_IMPORT_RELATIVE)));

    QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &app, [&](QObject *object, const QUrl &) {
        if (!object) {
            std::fprintf(stderr, "concierge-kiosk: the user interface could not be loaded\n");
            QCoreApplication::exit(1);
            return;
        }
        auto *window = qobject_cast<QQuickWindow *>(object);
        kiosk.setWindow(window);
        if (window) {
            if (options.windowed) {
                window->show();
            } else {
                // Without a window manager (a kiosk session, Xvfb) full screen is only a request: take
                // the screen's geometry as well.
                if (QScreen *screen = window->screen())
                    window->setGeometry(screen->geometry());
                window->showFullScreen();
            }
            window->requestActivate();
        }
    }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Kiosk/qml/Main.qml")));
    return app.exec();
}
