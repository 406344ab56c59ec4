// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import Kiosk

// A product: an illustration (a glyph on the product's colour), its name and price.
Rectangle {
    id: tile
    property string productId
    property string name
    property real priceYen: 0
    property int quantity: 0          // > 0 in a cart: "× 2"
    property bool compact: false

    // The product's illustration: a glyph on its colour (the catalogue has no photos).
    function lookOf(id) {
        switch (id) {
        case "matcha-set": return { glyph: "茶", color: "#dfe8d2", ink: "#4d6b3c" }
        case "hasami-mug": return { glyph: "器", color: "#dde6ef", ink: "#3d5a7a" }
        case "tenugui": return { glyph: "布", color: "#f3e1d6", ink: "#a0563a" }
        case "furoshiki": return { glyph: "包", color: "#efe0ea", ink: "#7d4868" }
        case "folding-umbrella": return { glyph: "傘", color: "#e2e0f0", ink: "#4b4785" }
        case "canvas-sneakers": return { glyph: "靴", color: "#ece7dc", ink: "#6b5a3a" }
        default: return { glyph: name.length ? name.charAt(0) : "・", color: "#ece7dc", ink: "#1d2433" }
        }
    }
    readonly property var look: lookOf(productId)

    radius: Theme.radius
    color: Theme.card
    border.color: Theme.line
    border.width: Theme.px(1)
    implicitWidth: Theme.px(compact ? 300 : 220)
    implicitHeight: compact ? Theme.px(84) : Theme.px(260)

    // Full tile (attract screen)
    Item {
        anchors.fill: parent
        visible: !tile.compact
        Rectangle {
            id: picture
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.px(10) }
            height: parent.height * 0.58
            radius: Theme.radius - Theme.px(6)
            color: tile.look.color
            Text {
                anchors.centerIn: parent
                text: tile.look.glyph
                font.family: Theme.fontFamily
                font.pixelSize: parent.height * 0.5
                font.weight: Font.Bold
                color: tile.look.ink
                opacity: 0.85
            }
        }
        Text {
            id: nameLabel
            anchors { left: parent.left; right: parent.right; top: picture.bottom; margins: Theme.px(14) }
            text: tile.name
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(17)
            color: Theme.ink
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            anchors { left: parent.left; bottom: parent.bottom; margins: Theme.px(14) }
            text: App.yen(tile.priceYen, App.language)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(20)
            font.weight: Font.Bold
            color: Theme.indigo
        }
    }

    // One line (cart)
    Item {
        anchors.fill: parent
        visible: tile.compact
        Rectangle {
            id: thumb
            anchors { left: parent.left; verticalCenter: parent.verticalCenter; leftMargin: Theme.px(10) }
            width: parent.height - Theme.px(20); height: width
            radius: Theme.px(12)
            color: tile.look.color
            Text {
                anchors.centerIn: parent
                text: tile.look.glyph
                font.family: Theme.fontFamily
                font.pixelSize: parent.height * 0.55
                font.weight: Font.Bold
                color: tile.look.ink
            }
        }
        Column {
            anchors { left: thumb.right; right: price.left; verticalCenter: parent.verticalCenter; leftMargin: Theme.px(14); rightMargin: Theme.px(10) }
            spacing: Theme.px(2)
            Text {
                width: parent.width
                text: tile.name
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(18)
                color: Theme.ink
                elide: Text.ElideRight
            }
            Text {
                //: quantity in the cart and the unit price, e.g. "Qty 2 · ¥2,200 each"
                text: qsTr("Qty %1 · %2 each").arg(tile.quantity).arg(App.yen(tile.priceYen, App.language))
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(14)
                color: Theme.inkSoft
            }
        }
        Text {
            id: price
            anchors { right: parent.right; verticalCenter: parent.verticalCenter; rightMargin: Theme.px(18) }
            text: App.yen(tile.priceYen * Math.max(1, tile.quantity), App.language)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(19)
            font.weight: Font.Bold
            color: Theme.ink
        }
    }
}
