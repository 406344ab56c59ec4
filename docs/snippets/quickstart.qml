// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/quickstart.md, "A QML app": checked by qmllint (ctest docs.snippets_qml) when the Concierge
// QML module is built.
//! [window]
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Concierge 1.0

ApplicationWindow {
    width: 420; height: 300; visible: true
    title: qsTr("Shop")

    Auth {
        id: auth
        issuer: "http://127.0.0.1:9000"   // your issuer
        clientId: "concierge-cli"          // your client id (a native/public client)
        scopes: ["openid", "profile", "email", "offline_access"]
        storage: Session.Keychain          // stay signed in across restarts
        Component.onCompleted: auth.restore()
    }

    ColumnLayout {
        anchors.centerIn: parent
        Label {
            text: auth.signedIn ? qsTr("Signed in as %1").arg(auth.name) : qsTr("Not signed in")
        }
        Button {
            text: auth.signedIn ? qsTr("Sign out") : qsTr("Sign in")
            enabled: !auth.busy
            onClicked: auth.signedIn ? auth.signOut() : auth.signIn()
        }
        Label {
            visible: auth.error.isError
            text: auth.error.message   // translated; never contains a secret
            color: "firebrick"
        }
    }
}
//! [window]
