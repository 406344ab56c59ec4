// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// QML component tests of the phone app's UI (module StorefrontMobile, linked in statically), with a
// FAKE shop object standing in for the app's view model: screens, navigation, what each button asks
// the shop to do, and plain-words states. Offscreen, no network.
#include <QtQml/QQmlEngine>
#include <QtQml/QQmlEngineExtensionPlugin>
#include <QtQuickControls2/QQuickStyle>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(StorefrontMobilePlugin)

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Basic")); }
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
};

QUICK_TEST_MAIN_WITH_SETUP(mobile, Setup)

#include "tst_mobile.moc"
