// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The shopper's own screen: a greeting by name, loyalty tier and points, the cart, offers, and Done.
FocusScope {
    id: screen
    property bool active: false
    property var me: null
    property var cart: null
    property var offers: []
    signal doneRequested()

    readonly property string tier: me && me.loyalty ? me.loyalty.tier : ""
    readonly property var items: cart && cart.items ? cart.items : []

    opacity: active ? 1 : 0
    visible: opacity > 0
    enabled: active
    focus: active
    Behavior on opacity { NumberAnimation { duration: 300; easing.type: Easing.OutCubic } }
    onActiveChanged: if (active) done.forceActiveFocus()

    function tierName(t) {
        switch (t) {
        case "gold": return qsTr("Gold member")
        case "silver": return qsTr("Silver member")
        case "bronze": return qsTr("Bronze member")
        default: return qsTr("Member")
        }
    }
    function greeting() {
        if (!me)
            return ""
        const given = me.given_name || me.name || ""
        //: %1 is the shopper's given name (English) or full name (Japanese, followed by さま)
        return App.language === "ja" ? qsTr("Welcome back, %1").arg(me.name || given)
                                     : qsTr("Welcome back, %1").arg(given)
    }
    function until(iso) {
        if (!iso)
            return ""
        const parts = String(iso).split("-")
        if (parts.length !== 3)
            return ""
        const month = parseInt(parts[1], 10), day = parseInt(parts[2], 10)
        const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        const date = App.language === "ja" ? month + "月" + day + "日" : day + " " + months[month - 1]
        //: an offer's last day, e.g. "Until 31 Dec"
        return qsTr("Until %1").arg(date)
    }

    // A band of the shopper's tier colour behind the greeting.
    Rectangle {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: hero.y + hero.height + Theme.px(36)
        gradient: Gradient {
            orientation: Gradient.Horizontal
            GradientStop { position: 0.0; color: "#27355c" }
            GradientStop { position: 1.0; color: "#34487a" }
        }
    }

    TopBar {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        light: true
        KioskButton {
            id: done
            objectName: "doneButton"
            size: 20
            text: qsTr("Done")
            onClicked: screen.doneRequested()
        }
    }

    ColumnLayout {
        id: hero
        anchors { left: parent.left; right: parent.right; top: bar.bottom; leftMargin: Theme.px(64); rightMargin: Theme.px(64); topMargin: Theme.px(4) }
        spacing: Theme.px(10)
        Text {
            objectName: "greeting"
            Layout.fillWidth: true
            text: screen.greeting()
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(42)
            font.weight: Font.Bold
            color: "white"
            elide: Text.ElideRight
        }
        RowLayout {
            spacing: Theme.px(14)
            Rectangle {
                implicitWidth: tierLabel.implicitWidth + Theme.px(36)
                implicitHeight: Theme.px(40)
                radius: height / 2
                color: Theme.tierColor(screen.tier)
                Text {
                    id: tierLabel
                    anchors.centerIn: parent
                    text: "★ " + screen.tierName(screen.tier)
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(17)
                    font.weight: Font.Bold
                    color: "white"
                }
            }
            Text {
                text: screen.me && screen.me.loyalty
                      //: loyalty points balance, e.g. "12,480 points"
                      ? qsTr("%1 points").arg(Number(screen.me.loyalty.points).toLocaleString(Qt.locale("en_US"), "f", 0))
                      : ""
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(20)
                color: "#dfe4f0"
            }
        }
    }

    // Cart (left) and offers (right)
    RowLayout {
        anchors { left: parent.left; right: parent.right; top: hero.bottom; bottom: footer.top
                  leftMargin: Theme.px(64); rightMargin: Theme.px(64); topMargin: Theme.px(72); bottomMargin: Theme.px(20) }
        spacing: Theme.px(32)

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 55
            radius: Theme.radius
            color: Theme.card
            border.color: Theme.line
            border.width: Theme.px(1)
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.px(24)
                spacing: Theme.px(12)
                Text {
                    text: qsTr("Your cart")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(24)
                    font.weight: Font.Bold
                    color: Theme.ink
                }
                Text {
                    visible: screen.items.length === 0
                    text: qsTr("Your cart is empty. Today's picks are on the shelves around you.")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(17)
                    color: Theme.inkSoft
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                ListView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: Theme.px(10)
                    model: screen.items
                    delegate: ProductTile {
                        required property var modelData
                        width: ListView.view.width
                        compact: true
                        productId: modelData.id
                        name: modelData.name
                        priceYen: modelData.price_yen
                        quantity: modelData.quantity
                    }
                }
                Rectangle { Layout.fillWidth: true; height: Theme.px(1); color: Theme.line }
                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        Layout.fillWidth: true
                        //: %n is the number of items in the cart
                        text: qsTr("Total (%n item(s))", "", screen.cart ? screen.cart.item_count : 0)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(19)
                        color: Theme.inkSoft
                    }
                    Text {
                        objectName: "cartTotal"
                        text: App.yen(screen.cart ? screen.cart.total_yen : 0, App.language)
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(28)
                        font.weight: Font.Bold
                        color: Theme.ink
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 45
            spacing: Theme.px(14)
            Text {
                text: qsTr("Offers for you")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                font.weight: Font.Bold
                color: Theme.ink
            }
            Repeater {
                model: screen.offers.slice(0, 3)
                delegate: Rectangle {
                    required property var modelData
                    Layout.fillWidth: true
                    Layout.preferredHeight: offerText.implicitHeight + Theme.px(40)
                    radius: Theme.radius
                    color: Theme.accentSoft
                    Rectangle {
                        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
                        width: Theme.px(6); radius: width / 2
                        color: Theme.accent
                    }
                    ColumnLayout {
                        id: offerText
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: Theme.px(26); rightMargin: Theme.px(20) }
                        spacing: Theme.px(4)
                        Text {
                            Layout.fillWidth: true
                            text: modelData.title || ""
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(19)
                            font.weight: Font.Bold
                            color: Theme.accentDark
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            Layout.fillWidth: true
                            text: modelData.text || ""
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(15)
                            color: Theme.ink
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            text: screen.until(modelData.expires)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.px(13)
                            color: Theme.inkSoft
                        }
                    }
                }
            }
            Item { Layout.fillHeight: true }
        }
    }

    Text {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; leftMargin: Theme.px(64); rightMargin: Theme.px(64); bottomMargin: Theme.px(22) }
        text: qsTr("Tap Done when you have finished. For your privacy, you are signed out after a short while without activity.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.px(14)
        color: Theme.inkFaint
        wrapMode: Text.WordWrap
    }
}
