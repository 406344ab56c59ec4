// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// demo-mobile: the shopper's phone app. Portrait; on a desktop it runs in a phone-sized window.
#include "automation.h"
#include "language.h"
#include "shop.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QProcess>
#include <QtGui/QFont>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtQml/QQmlApplicationEngine>
#include <QtQml/QQmlEngineExtensionPlugin>
#include <QtQuick/QQuickWindow>
#include <QtQuickControls2/QQuickStyle>

Q_IMPORT_QML_PLUGIN(StorefrontMobilePlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Concierge"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("example.com"));
    QCoreApplication::setApplicationName(QStringLiteral("demo-mobile"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Hikari Market"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hikari Market: the shopper's phone app (Concierge demo)"));
    parser.addHelpOption();
    const QCommandLineOption issuerOption(QStringLiteral("issuer"), QStringLiteral("OpenID Provider (default http://127.0.0.1:9000)."),
                                          QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9000"));
    const QCommandLineOption apiOption(QStringLiteral("api"), QStringLiteral("Storefront API root (default <issuer>/storefront/v1)."),
                                       QStringLiteral("url"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("ja or en for this run (default: the setting, else the system)."),
                                        QStringLiteral("code"));
    const QCommandLineOption automationOption(QStringLiteral("automation"),
                                              QStringLiteral("JSON lines on stdout (events), commands on stdin."));
    const QCommandLineOption shotsOption(QStringLiteral("screenshot-dir"), QStringLiteral("Save a screenshot of every screen here."),
                                         QStringLiteral("dir"));
    const QCommandLineOption browserOption(QStringLiteral("browser-command"),
                                           QStringLiteral("Open sign-in pages with this command instead of the system browser (URL appended)."),
                                           QStringLiteral("command"));
    const QCommandLineOption downloadOption(QStringLiteral("download-dir"), QStringLiteral("Where \"Download my data\" saves (default: Downloads)."),
                                            QStringLiteral("dir"));
    const QCommandLineOption memoryOption(QStringLiteral("no-keychain"), QStringLiteral("Keep the sign-in in memory only."));
    parser.addOptions({issuerOption, apiOption, langOption, automationOption, shotsOption, browserOption,
                       downloadOption, memoryOption});
    parser.addPositionalArgument(QStringLiteral("link"), QStringLiteral("A link to open (magic link, kiosk link)."), QStringLiteral("[link]"));
    parser.process(app);

    const QStringList families = QFontDatabase::families();
    if (families.contains(QStringLiteral("Noto Sans CJK JP")))
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK JP"), 11));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    Language language;
    if (parser.isSet(langOption)) {
        const QString code = parser.value(langOption);
        if (code != QLatin1String("ja") && code != QLatin1String("en")) {
            qCritical("demo-mobile: --lang takes ja or en");
            return 2;
        }
        language.choose(code, false);
    }

    Shop::Options options;
    options.issuer = parser.value(issuerOption);
    options.apiBase = parser.value(apiOption);
    options.browserCommand = QProcess::splitCommand(parser.value(browserOption));
    options.downloadDir = parser.value(downloadOption);
    options.language = language.code();
    options.keychain = !parser.isSet(memoryOption);
    Shop shop(options);
    QObject::connect(&language, &Language::changed, &shop, [&] {
        shop.setLanguage(language.code());
        Q_EMIT shop.profileChanged(); // names come in the chosen script
        shop.reload();                // offers and product names in the chosen language
    });

    Automation automation(parser.isSet(automationOption), parser.value(shotsOption));
    QObject::connect(&shop, &Shop::event, &automation, &Automation::emitEvent);
    QObject::connect(&automation, &Automation::openUrlRequested, &shop, &Shop::handleUrl);

    QQmlApplicationEngine engine;
    language.setEngine(&engine);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("shop"), QVariant::fromValue<QObject *>(&shop)},
                                 {QStringLiteral("language"), QVariant::fromValue<QObject *>(&language)},
                                 {QStringLiteral("automation"), QVariant::fromValue<QObject *>(&automation)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/StorefrontMobile/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    automation.setWindow(qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()));
    automation.emitEvent(QStringLiteral("ready"), {{QStringLiteral("lang"), language.code()}});

    shop.start();
    const QStringList links = parser.positionalArguments();
    if (!links.isEmpty())
        QMetaObject::invokeMethod(&shop, [&shop, link = links.constFirst()] { shop.handleUrl(QUrl(link)); }, Qt::QueuedConnection);
    return app.exec();
}
