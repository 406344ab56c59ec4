// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Two steps: the email address, then "check your inbox" with a code as the fallback.
Rectangle {
    id: screen
    property QtObject shop
    readonly property bool sent: shop && shop.phase === "awaitingLink"
    signal back()
    color: Theme.background

    ScreenHeader {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        title: screen.sent ? qsTr("Check your inbox") : qsTr("Sign in by email")
        onBack: { if (screen.shop) screen.shop.cancelSignIn(); screen.back() }
    }

    ColumnLayout {
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.margin
        spacing: 14

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 10
            width: 88; height: 88; radius: 44
            color: Theme.accentSoft
            Icon { anchors.centerIn: parent; name: "mail"; color: Theme.accent; width: 44; height: 44; stroke: 2.5 }
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: Theme.text
            text: screen.sent
                  ? qsTr("We sent a sign-in link to %1. Open it on this phone to continue.").arg(screen.shop.magicLinkEmail)
                  : qsTr("We'll email you a link that signs you in. No password needed.")
        }

        // Step 1: the address
        TextField {
            id: emailField
            objectName: "emailField"
            visible: !screen.sent
            Layout.fillWidth: true
            implicitHeight: Theme.buttonHeight
            placeholderText: qsTr("you@example.com")
            inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
            font.pixelSize: Theme.fontBody
            text: screen.shop ? screen.shop.magicLinkEmail : ""
            background: Rectangle { radius: 12; color: Theme.surface; border.color: emailField.activeFocus ? Theme.brand : Theme.line; border.width: emailField.activeFocus ? 2 : 1 }
            onAccepted: sendButton.clicked()
        }
        AppButton {
            id: sendButton
            objectName: "sendLinkButton"
            visible: !screen.sent
            kind: "accent"
            text: qsTr("Send me the link")
            enabled: /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(emailField.text) && screen.shop && !screen.shop.busy
            onClicked: screen.shop.sendMagicLink(emailField.text)
        }

        // Step 2: the fallback code
        Text {
            visible: screen.sent
            Layout.fillWidth: true
            Layout.topMargin: 8
            wrapMode: Text.Wrap
            color: Theme.textSoft
            font.pixelSize: 13
            text: qsTr("Reading mail on another device? Type the code from the email instead.")
        }
        TextField {
            id: codeField
            objectName: "codeField"
            visible: screen.sent
            Layout.fillWidth: true
            implicitHeight: Theme.buttonHeight
            placeholderText: qsTr("Code from the email")
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: text.length > 0 ? 22 : Theme.fontBody
            font.letterSpacing: text.length > 0 ? 4 : 0
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
            background: Rectangle { radius: 12; color: Theme.surface; border.color: codeField.activeFocus ? Theme.brand : Theme.line; border.width: codeField.activeFocus ? 2 : 1 }
            onAccepted: codeButton.clicked()
        }
        AppButton {
            id: codeButton
            objectName: "codeButton"
            visible: screen.sent
            kind: "primary"
            text: qsTr("Sign in with the code")
            enabled: codeField.text.trim().length >= 4 && screen.shop && !screen.shop.busy
            onClicked: screen.shop.completeWithCode(codeField.text.trim())
        }
        AppButton {
            objectName: "resendButton"
            visible: screen.sent
            kind: "text"
            text: qsTr("Send a new link")
            enabled: screen.shop && !screen.shop.busy
            onClicked: screen.shop.sendMagicLink(screen.shop.magicLinkEmail)
        }
    }
}
