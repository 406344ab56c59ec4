// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Layouts
import Kiosk

// What passers-by see: today's products and one big invitation to sign in with the phone.
FocusScope {
    id: screen
    property bool active: false
    property var products: []
    signal signInRequested()

    opacity: active ? 1 : 0
    visible: opacity > 0
    enabled: active
    focus: active
    Behavior on opacity { NumberAnimation { duration: 300; easing.type: Easing.OutCubic } }
    onActiveChanged: if (active) cta.forceActiveFocus()

    Keys.onReturnPressed: screen.signInRequested()
    Keys.onEnterPressed: screen.signInRequested()

    // Soft wash of colour behind the invitation.
    Rectangle {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: parent.width * 0.46
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#f4ece1" }
            GradientStop { position: 1.0; color: "#efe3d3" }
        }
    }

    TopBar {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        LanguageToggle { objectName: "languageToggle" }
    }

    ColumnLayout {
        id: invitation
        anchors { left: parent.left; top: bar.bottom; bottom: parent.bottom; leftMargin: Theme.px(64); topMargin: Theme.px(36); bottomMargin: Theme.px(56) }
        width: screen.width * 0.46 - Theme.px(112)
        spacing: Theme.px(20)

        Text {
            text: qsTr("MEMBERS")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(15)
            font.weight: Font.Bold
            font.letterSpacing: Theme.px(3)
            color: Theme.accent
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Your cart, points and offers, with one scan.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(44)
            font.weight: Font.Bold
            lineHeight: 1.15
            color: Theme.ink
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Scan the code with your phone and approve. Nothing to type here, and nothing of yours stays on this screen.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(19)
            lineHeight: 1.35
            color: Theme.inkSoft
            wrapMode: Text.WordWrap
        }
        Item { Layout.preferredHeight: Theme.px(8) }
        KioskButton {
            id: cta
            objectName: "signInButton"
            size: 24
            text: qsTr("Sign in with your phone")
            onClicked: screen.signInRequested()
        }
        Item { Layout.fillHeight: true }
        Row {
            spacing: Theme.px(12)
            Rectangle {
                width: Theme.px(36); height: width; radius: width / 2
                color: Theme.indigoSoft
                anchors.verticalCenter: parent.verticalCenter
                Text { anchors.centerIn: parent; text: "✓"; color: Theme.indigo; font.pixelSize: Theme.px(18); font.weight: Font.Bold }
            }
            Text {
                anchors.verticalCenter: parent.verticalCenter
                width: invitation.width - Theme.px(48)
                text: qsTr("You are signed out automatically when you leave.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(15)
                color: Theme.inkSoft
                wrapMode: Text.WordWrap
            }
        }
    }

    // Today's picks
    Item {
        id: shelf
        anchors { left: parent.left; right: parent.right; top: bar.bottom; bottom: parent.bottom
                  leftMargin: screen.width * 0.46 + Theme.px(48); rightMargin: Theme.px(48); topMargin: Theme.px(36); bottomMargin: Theme.px(48) }
        Text {
            id: shelfTitle
            text: qsTr("Today's picks")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(22)
            font.weight: Font.Bold
            color: Theme.ink
        }
        Grid {
            id: grid
            anchors { top: shelfTitle.bottom; topMargin: Theme.px(18); left: parent.left; right: parent.right; bottom: parent.bottom }
            columns: 3
            spacing: Theme.px(18)
            readonly property real cellW: (width - spacing * (columns - 1)) / columns
            readonly property real cellH: (height - spacing) / 2
            Repeater {
                model: screen.products.slice(0, 6)
                delegate: ProductTile {
                    required property var modelData
                    width: grid.cellW
                    height: grid.cellH
                    productId: modelData.id
                    name: modelData.name
                    priceYen: modelData.price_yen
                }
            }
        }
        Text {
            anchors.centerIn: grid
            visible: screen.products.length === 0
            text: qsTr("Our shelves are loading…")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(18)
            color: Theme.inkFaint
        }
    }
}
