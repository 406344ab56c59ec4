// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Concierge
import Kiosk

// "Sign in with your phone": the QR code of verification_uri_complete, the user code in large type
// (to compare on the phone, or to type at the address shown), and the time left.
FocusScope {
    id: screen
    property bool active: false
    property DeviceSignIn device
    property bool finishing: false     // signed in: the shopper's cart is on its way
    signal cancelRequested()

    readonly property bool hasCode: device && device.userCode.length > 0

    opacity: active ? 1 : 0
    visible: opacity > 0
    enabled: active
    focus: active
    Behavior on opacity { NumberAnimation { duration: 300; easing.type: Easing.OutCubic } }
    onActiveChanged: if (active) back.forceActiveFocus()
    Keys.onEscapePressed: screen.cancelRequested()

    TopBar {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        KioskButton {
            id: back
            objectName: "cancelSignIn"
            primary: false
            size: 17
            text: qsTr("Back")
            onClicked: screen.cancelRequested()
        }
    }

    // The code card
    Rectangle {
        id: qrCard
        anchors { left: parent.left; verticalCenter: parent.verticalCenter; verticalCenterOffset: bar.height / 2; leftMargin: Theme.px(80) }
        width: Math.min(screen.height - bar.height - Theme.px(120), screen.width * 0.4)
        height: width + Theme.px(64)
        radius: Theme.px(28)
        color: Theme.card
        border.color: Theme.line
        border.width: Theme.px(1)

        QrCode {
            id: qr
            objectName: "qrCode"
            anchors { top: parent.top; horizontalCenter: parent.horizontalCenter; topMargin: Theme.px(16) }
            width: parent.width - Theme.px(32)
            height: width
            text: screen.device ? screen.device.qr : ""
            darkColor: Theme.ink
            visible: screen.hasCode
        }
        BusyIndicator {
            anchors.centerIn: qr
            running: screen.active && !screen.hasCode
            visible: running
            width: Theme.px(72); height: width
        }
        Text {
            anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter; bottomMargin: Theme.px(22) }
            text: screen.hasCode ? qsTr("Point your phone's camera here") : qsTr("Getting a code…")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(17)
            color: Theme.inkSoft
        }
    }

    ColumnLayout {
        id: steps
        anchors { left: qrCard.right; right: parent.right; top: qrCard.top; bottom: qrCard.bottom; leftMargin: Theme.px(64); rightMargin: Theme.px(72) }
        spacing: Theme.px(14)

        Text {
            Layout.fillWidth: true
            text: qsTr("Sign in with your phone")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(38)
            font.weight: Font.Bold
            color: Theme.ink
            wrapMode: Text.WordWrap
        }
        Repeater {
            model: [
                qsTr("Scan the code with your phone's camera."),
                qsTr("Check that your phone shows this code:"),
            ]
            delegate: RowLayout {
                required property string modelData
                required property int index
                Layout.fillWidth: true
                spacing: Theme.px(14)
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: Theme.px(34)
                    Layout.preferredHeight: Theme.px(34)
                    radius: width / 2
                    color: Theme.indigo
                    Text { anchors.centerIn: parent; text: index + 1; color: "white"; font.pixelSize: Theme.px(17); font.weight: Font.Bold; font.family: Theme.fontFamily }
                }
                Text {
                    Layout.fillWidth: true
                    text: modelData
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(20)
                    color: Theme.ink
                    wrapMode: Text.WordWrap
                }
            }
        }
        // The user code, in large type
        Rectangle {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.px(48)
            Layout.preferredHeight: Theme.px(104)
            radius: Theme.px(20)
            color: Theme.indigoSoft
            Text {
                id: userCode
                objectName: "userCode"
                anchors.centerIn: parent
                text: screen.hasCode ? screen.device.userCode : "••••-••••"
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Theme.px(56)
                font.weight: Font.Bold
                font.letterSpacing: Theme.px(6)
                color: Theme.indigo
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(14)
            Rectangle {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: Theme.px(34)
                Layout.preferredHeight: Theme.px(34)
                radius: width / 2
                color: Theme.indigo
                Text { anchors.centerIn: parent; text: "3"; color: "white"; font.pixelSize: Theme.px(17); font.weight: Font.Bold; font.family: Theme.fontFamily }
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Approve on your phone. Your cart and offers appear here.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(20)
                color: Theme.ink
                wrapMode: Text.WordWrap
            }
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.px(20)
            CountdownRing {
                objectName: "countdown"
                Layout.preferredWidth: Theme.px(88)
                Layout.preferredHeight: Theme.px(88)
                secondsLeft: screen.device ? screen.device.secondsLeft : 0
                totalSeconds: screen.device ? Math.max(1, screen.device.lifetimeSeconds) : 1
                visible: screen.hasCode
            }
            Text {
                Layout.fillWidth: true
                visible: screen.hasCode
                text: qsTr("No camera? Go to %1 and enter the code.")
                        .arg("<b>" + (screen.device ? screen.device.verificationUri.toString().replace(/^https?:\/\//, "") : "") + "</b>")
                textFormat: Text.StyledText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(16)
                color: Theme.inkSoft
                wrapMode: Text.WordWrap
            }
        }
    }

    // Signed in: a moment while the shopper's cart is fetched.
    Rectangle {
        anchors.fill: parent
        color: Theme.paper
        opacity: screen.finishing ? 0.96 : 0
        visible: opacity > 0
        Behavior on opacity { NumberAnimation { duration: 200 } }
        Column {
            anchors.centerIn: parent
            spacing: Theme.px(18)
            BusyIndicator { anchors.horizontalCenter: parent.horizontalCenter; running: screen.finishing; width: Theme.px(64); height: width }
            Text {
                text: qsTr("Signed in. Getting your cart…")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                color: Theme.ink
            }
        }
    }
}
