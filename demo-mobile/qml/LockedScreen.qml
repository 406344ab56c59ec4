// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The kept sign-in is sealed: a fingerprint opens it, or the shopper signs in afresh.
Rectangle {
    id: screen
    property QtObject shop
    color: Theme.brand

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - Theme.margin * 2
        spacing: 16
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            width: 110; height: 110; radius: 55
            color: Theme.brandSoft
            border.color: Theme.accent
            border.width: 2
            Icon { anchors.centerIn: parent; name: "fingerprint"; color: "white"; width: 60; height: 60; stroke: 2.5 }
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Welcome back")
            color: "white"
            font.pixelSize: Theme.fontTitle
            font.weight: Font.Bold
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "#DCE3F0"
            font.pixelSize: Theme.fontBody
            text: qsTr("Your account is locked on this phone. Touch the fingerprint reader to open it.")
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: screen.shop && screen.shop.busy
            text: screen.shop ? screen.shop.busyText : ""
            color: Theme.accent
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
        }
        AppButton {
            objectName: "unlockButton"
            Layout.topMargin: 12
            kind: "accent"
            iconName: "fingerprint"
            text: qsTr("Unlock with fingerprint")
            enabled: screen.shop && !screen.shop.busy
            onClicked: screen.shop.unlock()
        }
        AppButton {
            objectName: "freshSignInButton"
            kind: "text"
            contentItem: Text { text: qsTr("Sign in another way"); color: "white"; font.pixelSize: Theme.fontBody; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter }
            onClicked: screen.shop.forgetAndSignIn()
        }
    }
}
