// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Window

// The phone app's window: picks the screen from the shop's phase and the shopper's navigation.
Window {
    id: window
    property QtObject shop
    property QtObject language
    property QtObject automation

    property string tab: "home"      // home, cart, account
    property string page: ""         // a pushed page: magic_link, kiosk, privacy
    readonly property string phase: shop ? shop.phase : "starting"
    readonly property string screenName: {
        if (phase === "starting") return "starting"
        if (phase === "locked") return "locked"
        if (phase === "signedIn")
            return page === "privacy" && privacy.confirming ? "delete_confirm"
                 : (page === "kiosk" || page === "privacy") ? page : tab
        if (phase === "awaitingLink") return "check_inbox"
        if (page === "magic_link") return "magic_link"
        return phase === "authorizing" ? "authorizing" : "welcome"
    }

    width: 390
    height: 844
    minimumWidth: 320
    minimumHeight: 560
    visible: true
    color: Theme.background
    title: qsTr("Hikari Market")

    onScreenNameChanged: if (automation) automation.screen(screenName)
    Component.onCompleted: if (automation) automation.screen(screenName)
    onPhaseChanged: {
        if (phase === "signedOut" || phase === "locked") { tab = "home"; page = "" }
        if (phase === "signedIn" && page === "magic_link") page = ""
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle { // offline strip: what is shown is kept, actions that need the network wait
            objectName: "offlineBanner"
            Layout.fillWidth: true
            visible: window.shop && !window.shop.online
            implicitHeight: 36
            color: Theme.offline
            Row {
                anchors.centerIn: parent
                spacing: 8
                Icon { name: "offline"; color: "white"; width: 18; height: 18; anchors.verticalCenter: parent.verticalCenter }
                Text { text: qsTr("You're offline. Showing what we had."); color: "white"; font.pixelSize: 13; anchors.verticalCenter: parent.verticalCenter }
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            WaitScreen { anchors.fill: parent; visible: window.screenName === "starting"; shop: window.shop; cancellable: false; text: qsTr("Opening your account…") }
            WelcomeScreen {
                anchors.fill: parent
                visible: window.screenName === "welcome"
                shop: window.shop
                language: window.language
                onEmailLinkRequested: window.page = "magic_link"
            }
            MagicLinkScreen {
                anchors.fill: parent
                visible: window.screenName === "magic_link" || window.screenName === "check_inbox"
                shop: window.shop
                onBack: window.page = ""
            }
            WaitScreen { anchors.fill: parent; visible: window.screenName === "authorizing"; shop: window.shop; text: window.shop ? window.shop.busyText : "" }
            LockedScreen { anchors.fill: parent; visible: window.screenName === "locked"; shop: window.shop }
            HomeScreen { anchors.fill: parent; visible: window.screenName === "home"; shop: window.shop }
            CartScreen { anchors.fill: parent; visible: window.screenName === "cart"; shop: window.shop }
            AccountScreen {
                anchors.fill: parent
                visible: window.screenName === "account"
                shop: window.shop
                language: window.language
                onKioskRequested: window.page = "kiosk"
                onPrivacyRequested: window.page = "privacy"
            }
            KioskScreen { anchors.fill: parent; visible: window.screenName === "kiosk"; shop: window.shop; onBack: window.page = "" }
            PrivacyScreen {
                id: privacy
                anchors.fill: parent
                visible: window.screenName === "privacy" || window.screenName === "delete_confirm"
                shop: window.shop
                onBack: window.page = ""
            }

            Column { // messages float above the content, nearest the thumb
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: 12
                spacing: 8
                z: 10
                Banner {
                    objectName: "errorBanner"
                    width: parent.width
                    kind: "error"
                    text: window.shop ? window.shop.errorText : ""
                    onDismissed: window.shop.clearError()
                }
                Timer { // notices go away on their own; errors stay until dismissed
                    running: window.shop && window.shop.noticeText.length > 0
                    interval: 6000
                    onTriggered: window.shop.clearNotice()
                }
                Banner {
                    objectName: "noticeBanner"
                    width: parent.width
                    kind: "notice"
                    text: window.shop ? window.shop.noticeText : ""
                    onDismissed: window.shop.clearNotice()
                }
            }

            Rectangle { // busy veil for actions of a signed-in shopper (download, delete, scope upgrade)
                anchors.fill: parent
                z: 20
                visible: window.shop && window.shop.busy && window.phase === "signedIn"
                color: "#B3F6F4F1"
                MouseArea { anchors.fill: parent }
                Column {
                    anchors.centerIn: parent
                    width: parent.width - 60
                    spacing: 14
                    BusyIndicator { anchors.horizontalCenter: parent.horizontalCenter; running: parent.visible }
                    Text { width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.Wrap; text: window.shop ? window.shop.busyText : ""; font.pixelSize: Theme.fontBody; color: Theme.text }
                    AppButton {
                        objectName: "cancelBusyButton"
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: 160
                        kind: "light"
                        text: qsTr("Cancel")
                        onClicked: window.shop.cancelSignIn()
                    }
                }
            }
        }

        Rectangle { // bottom tabs, signed in only
            Layout.fillWidth: true
            visible: window.phase === "signedIn" && window.page === ""
            implicitHeight: 68
            color: Theme.surface
            Rectangle { width: parent.width; height: 1; color: Theme.line }
            Row {
                anchors.fill: parent
                Repeater {
                    model: [
                        { key: "home", icon: "home", label: qsTr("Home") },
                        { key: "cart", icon: "bag", label: qsTr("Cart") },
                        { key: "account", icon: "person", label: qsTr("Account") }
                    ]
                    delegate: ItemDelegate {
                        required property var modelData
                        objectName: "tab_" + modelData.key
                        width: parent.width / 3
                        height: parent.height
                        readonly property bool current: window.tab === modelData.key
                        Accessible.name: modelData.label
                        contentItem: Column {
                            spacing: 3
                            Item { width: 1; height: 4 }
                            Icon { name: modelData.icon; color: current ? Theme.accent : Theme.textSoft; anchors.horizontalCenter: parent.horizontalCenter }
                            Text { text: modelData.label; font.pixelSize: 11; color: current ? Theme.accent : Theme.textSoft; anchors.horizontalCenter: parent.horizontalCenter }
                        }
                        background: Item {}
                        onClicked: window.tab = modelData.key
                        Rectangle { // cart count
                            visible: modelData.key === "cart" && window.shop && window.shop.cart.length > 0
                            x: parent.width / 2 + 6; y: 6
                            width: 18; height: 18; radius: 9
                            color: Theme.accent
                            Text { anchors.centerIn: parent; text: window.shop ? window.shop.cart.length : ""; color: "white"; font.pixelSize: 10; font.weight: Font.Bold }
                        }
                    }
                }
            }
        }
    }
}
