// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// "Sign in at a kiosk": the code the kiosk shows, or the link its QR code holds. The approval itself
// happens on the IdP's device page in the browser, where the shopper sees which device asks.
Rectangle {
    id: screen
    property QtObject shop
    property bool opened: false
    signal back()
    color: Theme.background
    onVisibleChanged: if (!visible) { opened = false; codeField.text = "" }

    ScreenHeader {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        title: qsTr("Sign in at a kiosk")
        onBack: screen.back()
    }
    Connections {
        target: screen.shop
        function onEvent(name, details) { if (name === "kiosk_opened") screen.opened = true }
    }

    ColumnLayout {
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.margin
        spacing: 14

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 6
            width: 88; height: 88; radius: 44
            color: Theme.accentSoft
            Icon { anchors.centerIn: parent; name: screen.opened ? "check" : "kiosk"; color: Theme.accent; width: 44; height: 44; stroke: 2.5 }
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: Theme.text
            text: screen.opened
                  ? qsTr("Approve in your browser. The kiosk will greet you by name in a moment.")
                  : qsTr("Type the code shown on the kiosk, or paste the link from its QR code.")
        }
        TextField {
            id: codeField
            objectName: "kioskCodeField"
            Layout.fillWidth: true
            implicitHeight: 60
            placeholderText: "BCDF-GHJK"
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: text.indexOf("://") >= 0 ? 13 : 24
            font.letterSpacing: text.length === 0 || text.indexOf("://") >= 0 ? 0 : 3
            inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
            background: Rectangle { radius: 12; color: Theme.surface; border.color: codeField.activeFocus ? Theme.brand : Theme.line; border.width: codeField.activeFocus ? 2 : 1 }
            onAccepted: approve.clicked()
        }
        AppButton {
            id: approve
            objectName: "kioskApproveButton"
            kind: "primary"
            text: qsTr("Continue to approve")
            enabled: codeField.text.trim().length >= 4 && screen.shop && screen.shop.online
            onClicked: screen.shop.approveKiosk(codeField.text)
        }
        Card {
            Layout.fillWidth: true
            Layout.topMargin: 8
            Text {
                width: parent.width
                wrapMode: Text.Wrap
                font.pixelSize: 13
                color: Theme.textSoft
                text: qsTr("Only approve a code you can see on a Hikari Market kiosk in front of you. Our page shows which kiosk is asking before you say yes.")
            }
        }
    }
}
