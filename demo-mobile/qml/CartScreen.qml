// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Cart tab: the same cart the kiosk shows (storefront API /me/cart).
Rectangle {
    id: screen
    property QtObject shop
    color: Theme.background

    Flickable {
        anchors.fill: parent
        contentHeight: content.implicitHeight + 40
        clip: true
        ColumnLayout {
            id: content
            x: Theme.margin
            width: parent.width - Theme.margin * 2
            spacing: 14
            Text {
                Layout.topMargin: 22
                text: qsTr("Your cart")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.Bold
                color: Theme.text
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.textSoft
                font.pixelSize: 13
                text: qsTr("The same cart you see at our kiosks and on the web.")
            }
            Card {
                Layout.fillWidth: true
                visible: screen.shop && screen.shop.cart.length === 0
                Column {
                    width: parent.width
                    spacing: 8
                    Icon { name: "bag"; color: Theme.textSoft; width: 40; height: 40; anchors.horizontalCenter: parent.horizontalCenter }
                    Text {
                        objectName: "emptyCart"
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        color: Theme.textSoft
                        font.pixelSize: 14
                        text: screen.shop && screen.shop.storefrontLoaded ? qsTr("Your cart is empty. Items you add at a kiosk show up here too.")
                                                                          : qsTr("Loading your cart…")
                    }
                }
            }
            Card {
                Layout.fillWidth: true
                visible: screen.shop && screen.shop.cart.length > 0
                spacing: 0
                Repeater {
                    model: screen.shop ? screen.shop.cart : []
                    delegate: Item {
                        required property var modelData
                        required property int index
                        objectName: "cartItem_" + index
                        width: parent.width
                        height: 64
                        Rectangle { visible: index > 0; width: parent.width; height: 1; color: Theme.line }
                        Rectangle {
                            id: thumb
                            width: 44; height: 44; radius: 10
                            anchors.verticalCenter: parent.verticalCenter
                            color: Theme.accentSoft
                            Text { anchors.centerIn: parent; text: modelData.name.length > 0 ? modelData.name.charAt(0) : "?"; color: Theme.accent; font.pixelSize: 20; font.weight: Font.Bold }
                        }
                        Column {
                            anchors.left: thumb.right
                            anchors.leftMargin: 12
                            anchors.right: price.left
                            anchors.rightMargin: 8
                            anchors.verticalCenter: parent.verticalCenter
                            Text { text: modelData.name; font.pixelSize: Theme.fontBody; color: Theme.text; elide: Text.ElideRight; width: parent.width }
                            Text { text: qsTr("Qty %1").arg(modelData.quantity); font.pixelSize: 13; color: Theme.textSoft }
                        }
                        Text {
                            id: price
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            text: Theme.yen(modelData.lineTotal)
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                    }
                }
                Rectangle { width: parent.width; height: 1; color: Theme.line }
                RowLayout {
                    width: parent.width
                    height: 56
                    Text { text: qsTr("Total"); font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold; color: Theme.text; Layout.fillWidth: true }
                    Text { objectName: "cartTotal"; text: Theme.yen(screen.shop ? screen.shop.cartTotal : 0); font.pixelSize: Theme.fontLarge; font.weight: Font.Bold; color: Theme.accent }
                }
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.textSoft
                font.pixelSize: 12
                text: qsTr("Prices include tax.")
            }
            Text {
                visible: screen.shop && screen.shop.products.length > 0
                Layout.topMargin: 8
                text: qsTr("Popular in store")
                font.pixelSize: Theme.fontLarge
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Card {
                Layout.fillWidth: true
                visible: screen.shop && screen.shop.products.length > 0
                spacing: 0
                Repeater {
                    model: screen.shop ? screen.shop.products : []
                    delegate: Item {
                        required property var modelData
                        required property int index
                        width: parent.width
                        height: 56
                        Rectangle { visible: index > 0; width: parent.width; height: 1; color: Theme.line }
                        Column {
                            anchors.left: parent.left
                            anchors.right: add.left
                            anchors.rightMargin: 8
                            anchors.verticalCenter: parent.verticalCenter
                            Text { text: modelData.name; font.pixelSize: 14; color: Theme.text; elide: Text.ElideRight; width: parent.width }
                            Text { text: Theme.yen(modelData.price); font.pixelSize: 13; color: Theme.textSoft }
                        }
                        Button {
                            id: add
                            objectName: "add_" + modelData.id
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            width: 40; height: 40
                            enabled: screen.shop && screen.shop.online && !screen.shop.busy
                            contentItem: Text { text: "+"; color: Theme.accent; font.pixelSize: 22; font.weight: Font.Bold; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter }
                            background: Rectangle { radius: 20; color: add.down ? Theme.accent : Theme.accentSoft }
                            onClicked: screen.shop.addToCart(modelData.id)
                            Accessible.name: qsTr("Add %1 to the cart").arg(modelData.name)
                        }
                    }
                }
            }
        }
    }
}
