// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

Rectangle {
    id: screen
    property QtObject shop
    property QtObject language
    signal emailLinkRequested()
    color: Theme.background

    Rectangle {
        id: hero
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: parent.height * 0.42
        clip: true
        gradient: Gradient {
            GradientStop { position: 0; color: Theme.brand }
            GradientStop { position: 1; color: Theme.brandSoft }
        }
        Rectangle { // a soft sun behind the wordmark
            width: 220; height: 220; radius: 110
            color: Theme.accent
            opacity: 0.18
            x: parent.width - 150; y: -60
        }
        AppButton {
            id: languageToggle
            objectName: "languageToggle"
            kind: "text"
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: 12
            width: implicitWidth
            Layout.fillWidth: false
            iconName: "globe"
            text: screen.language && screen.language.code === "ja" ? "English" : "日本語"
            palette.buttonText: "white"
            contentItem: Row {
                spacing: 6
                Icon { name: "globe"; color: "white"; width: 18; height: 18; anchors.verticalCenter: parent.verticalCenter }
                Text { text: languageToggle.text; color: "white"; font.pixelSize: 14; anchors.verticalCenter: parent.verticalCenter }
            }
            onClicked: if (screen.language) screen.language.choose(screen.language.code === "ja" ? "en" : "ja")
        }
        Column {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.margins: Theme.margin + 4
            anchors.bottomMargin: 36
            spacing: 10
            Rectangle {
                width: 56; height: 56; radius: 16
                color: Theme.accent
                Text { anchors.centerIn: parent; text: "光"; color: "white"; font.pixelSize: 30; font.weight: Font.Bold }
            }
            Text {
                text: qsTr("Hikari Market")
                color: "white"
                font.pixelSize: Theme.fontHero
                font.weight: Font.Bold
            }
            Text {
                width: parent.width
                text: qsTr("Your membership, cart and offers — in your pocket and at every kiosk.")
                color: "#DCE3F0"
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
        }
    }

    ColumnLayout {
        anchors.top: hero.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.margin
        anchors.topMargin: 26
        spacing: 12

        AppButton {
            objectName: "googleButton"
            kind: "light"
            badge: "G"
            badgeColor: "#4285F4"
            text: qsTr("Continue with Google (dev)")
            enabled: screen.shop && screen.shop.socialAvailable && !screen.shop.busy
            onClicked: screen.shop.signInWithProvider("google")
        }
        AppButton {
            objectName: "appleButton"
            kind: "dark"
            badge: "●"
            badgeColor: "white"
            text: qsTr("Continue with Apple (dev)")
            enabled: screen.shop && screen.shop.socialAvailable && !screen.shop.busy
            onClicked: screen.shop.signInWithProvider("apple")
        }
        AppButton {
            objectName: "magicLinkButton"
            kind: "accent"
            iconName: "mail"
            text: qsTr("Email me a sign-in link")
            enabled: screen.shop && screen.shop.magicLinkAvailable && !screen.shop.busy
            onClicked: screen.emailLinkRequested()
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 4
            spacing: 10
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.line }
            Text { text: qsTr("or"); color: Theme.textSoft; font.pixelSize: 13 }
            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.line }
        }
        AppButton {
            objectName: "passwordButton"
            kind: "primary"
            iconName: "lock"
            text: qsTr("Sign in with password")
            enabled: screen.shop && !screen.shop.busy
            onClicked: screen.shop.signInWithPassword()
        }
        Text {
            Layout.fillWidth: true
            Layout.topMargin: 6
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.textSoft
            font.pixelSize: 12
            text: qsTr("You sign in on our secure page in your browser. This app never sees your password.")
        }
    }
}
