// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Shown while the browser has the shopper (sign-in) or while the app starts.
Rectangle {
    id: screen
    property QtObject shop
    property string text
    property bool cancellable: true
    color: Theme.background

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - Theme.margin * 2
        spacing: 18
        BusyIndicator { Layout.alignment: Qt.AlignHCenter; running: screen.visible; implicitWidth: 56; implicitHeight: 56 }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: screen.text
            font.pixelSize: Theme.fontLarge
            color: Theme.text
        }
        Text {
            visible: screen.cancellable
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: 13
            color: Theme.textSoft
            text: qsTr("We opened our secure sign-in page in your browser. Come back here when you're done.")
        }
        AppButton {
            visible: screen.cancellable
            objectName: "cancelSignInButton"
            kind: "light"
            text: qsTr("Cancel")
            onClicked: screen.shop.cancelSignIn()
        }
    }
}
