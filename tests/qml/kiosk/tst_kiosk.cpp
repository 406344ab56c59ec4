// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// QtQuickTest runner for the kiosk's own components (the static QML module Kiosk of demo-desktop):
// prices, the language toggle, the countdown, the error and welcome screens. The App singleton is a
// real KioskApp without automation.
#include "kioskapp.h"

#include <QtQml/QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->addImportPath(QStringLiteral(CONCIERGE_QML_IMPORT_PATH));
        KioskOptions options;
        options.lang = QStringLiteral("ja");
        app = std::make_unique<KioskApp>(options, engine); // one per test file's engine
        KioskApp::setInstance(app.get());
    }
    void cleanupTestCase() { app.reset(); }

private:
    std::unique_ptr<KioskApp> app;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_kiosk, Setup)
#include "tst_kiosk.moc"
