// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/quickstart.md, "A QML app": compiled and linked by the target snippet_quickstart_qml.
//! [main]
#include <concierge/translation.h>

#include <QtGui/QGuiApplication>
#include <QtQml/QQmlApplicationEngine>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    Concierge::installTranslator(QLocale()); // the SDK's texts in the app's language (ja or en)

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml")); // Qt 6.4: not a default import path yet
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Shop/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}
//! [main]
