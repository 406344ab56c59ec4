// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Home tab: greeting, membership card, offers (some unlock with one more piece of profile data).
Rectangle {
    id: screen
    property QtObject shop
    color: Theme.background

    function tierName(tier) {
        switch (tier) {
        case "gold": return qsTr("Gold member")
        case "silver": return qsTr("Silver member")
        case "bronze": return qsTr("Bronze member")
        default: return qsTr("Member")
        }
    }
    function scopeAsk(scope) {
        switch (scope) {
        case "phone": return qsTr("Add your phone number to unlock")
        case "storefront.birthday": return qsTr("Add your birthday to unlock")
        default: return qsTr("Share a little more to unlock")
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: content.implicitHeight + 40
        clip: true
        ColumnLayout {
            id: content
            x: Theme.margin
            width: parent.width - Theme.margin * 2
            spacing: 16

            Text {
                Layout.topMargin: 22
                Layout.fillWidth: true
                objectName: "greeting"
                text: screen.shop && screen.shop.displayName.length > 0 ? qsTr("Hello, %1").arg(screen.shop.displayName) : qsTr("Hello")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.Bold
                color: Theme.text
                elide: Text.ElideRight
            }

            Rectangle { // membership card
                id: card
                objectName: "membershipCard"
                Layout.fillWidth: true
                implicitHeight: 190
                radius: 20
                readonly property var tones: Theme.tierColors(screen.shop ? screen.shop.tier : "")
                gradient: Gradient {
                    orientation: Gradient.Horizontal
                    GradientStop { position: 0; color: card.tones[0] }
                    GradientStop { position: 1; color: card.tones[1] }
                }
                Rectangle { width: 180; height: 180; radius: 90; color: "white"; opacity: 0.10; x: parent.width - 120; y: -50 }
                Rectangle { width: 120; height: 120; radius: 60; color: "white"; opacity: 0.08; x: parent.width - 60; y: 100 }
                Column {
                    anchors.fill: parent
                    anchors.margins: 20
                    spacing: 4
                    Text { text: qsTr("HIKARI MEMBERS"); color: "white"; opacity: 0.85; font.pixelSize: 12; font.letterSpacing: 2 }
                    Item { width: 1; height: 26 }
                    Text {
                        objectName: "tierLabel"
                        text: screen.tierName(screen.shop ? screen.shop.tier : "")
                        color: "white"; font.pixelSize: 24; font.weight: Font.Bold
                    }
                    Text { text: screen.shop ? screen.shop.displayName : ""; color: "white"; font.pixelSize: Theme.fontBody; elide: Text.ElideRight; width: parent.width }
                    Text { text: screen.shop ? screen.shop.email : ""; color: "white"; opacity: 0.85; font.pixelSize: 13; elide: Text.ElideRight; width: parent.width }
                }
                Column {
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    anchors.margins: 20
                    visible: screen.shop && screen.shop.points > 0
                    Text { anchors.right: parent.right; text: screen.shop ? Number(screen.shop.points).toLocaleString(Qt.locale("en_US"), "f", 0) : ""; color: "white"; font.pixelSize: 22; font.weight: Font.Bold }
                    Text { anchors.right: parent.right; text: qsTr("points"); color: "white"; opacity: 0.85; font.pixelSize: 12 }
                }
            }

            Text {
                Layout.topMargin: 6
                text: qsTr("Offers for you")
                font.pixelSize: Theme.fontLarge
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Text {
                visible: screen.shop && screen.shop.offers.length === 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.textSoft
                font.pixelSize: 14
                text: screen.shop && screen.shop.storefrontLoaded ? qsTr("No offers right now. Check back soon!") : qsTr("Loading your offers…")
            }
            Repeater {
                model: screen.shop ? screen.shop.offers : []
                delegate: Card {
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    objectName: "offer_" + index
                    RowLayout {
                        width: parent.width
                        spacing: 12
                        Rectangle {
                            width: 48; height: 48; radius: 12
                            color: modelData.locked ? Theme.background : Theme.accentSoft
                            Icon { anchors.centerIn: parent; name: modelData.locked ? "lock" : "gift"; color: modelData.locked ? Theme.textSoft : Theme.accent }
                        }
                        Column {
                            Layout.fillWidth: true
                            spacing: 3
                            Text { text: modelData.title; font.pixelSize: Theme.fontBody; font.weight: Font.DemiBold; color: Theme.text; width: parent.width; wrapMode: Text.Wrap }
                            Text { text: modelData.detail; visible: text.length > 0; font.pixelSize: 13; color: Theme.textSoft; width: parent.width; wrapMode: Text.Wrap }
                            Text { text: modelData.expires.length > 0 ? qsTr("Until %1").arg(modelData.expires) : ""; visible: text.length > 0; font.pixelSize: 12; color: Theme.accent; width: parent.width }
                        }
                    }
                    AppButton {
                        visible: modelData.locked && modelData.requires.length > 0
                        width: parent.width
                        objectName: "unlock_" + modelData.requires
                        kind: "light"
                        text: screen.scopeAsk(modelData.requires)
                        enabled: screen.shop && !screen.shop.busy && screen.shop.online
                        onClicked: screen.shop.requestScope(modelData.requires)
                    }
                }
            }
        }
    }
}
