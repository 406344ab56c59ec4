// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T

// Privacy centre: what the app may see (scopes and claims in plain words), download, sign out
// everywhere, delete the account (after a confirmation).
Rectangle {
    id: screen
    property QtObject shop
    readonly property bool confirming: confirm.opened
    signal back()
    color: Theme.background

    ScreenHeader {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        title: qsTr("Privacy centre")
        onBack: screen.back()
    }

    Flickable {
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        contentHeight: content.implicitHeight + 40
        clip: true
        ColumnLayout {
            id: content
            x: Theme.margin
            width: parent.width - Theme.margin * 2
            spacing: 12

            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: 14
                color: Theme.textSoft
                text: qsTr("You're in control. Here is everything this app may see, and what you can do about it.")
            }
            Text { text: qsTr("What this app may do"); font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold; color: Theme.text; Layout.topMargin: 6 }
            Card {
                Layout.fillWidth: true
                Repeater {
                    model: screen.shop ? screen.shop.grantedScopes : []
                    delegate: Row {
                        required property var modelData
                        width: parent.width
                        spacing: 12
                        Icon { name: "check"; color: Theme.success; width: 20; height: 20 }
                        Column {
                            width: parent.width - 32
                            spacing: 2
                            Text { text: modelData.title; font.pixelSize: Theme.fontBody; font.weight: Font.DemiBold; color: Theme.text; width: parent.width; wrapMode: Text.Wrap }
                            Text { text: modelData.detail; font.pixelSize: 13; color: Theme.textSoft; width: parent.width; wrapMode: Text.Wrap }
                        }
                    }
                }
            }
            Text { text: qsTr("What it knows about you"); font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold; color: Theme.text; Layout.topMargin: 6 }
            Card {
                Layout.fillWidth: true
                Repeater {
                    model: screen.shop ? screen.shop.sharedClaims : []
                    delegate: RowLayout {
                        required property var modelData
                        width: parent.width
                        Text { text: modelData.label; font.pixelSize: 14; color: Theme.textSoft; Layout.preferredWidth: parent.width * 0.38; elide: Text.ElideRight }
                        Text { text: modelData.value; font.pixelSize: 14; color: Theme.text; Layout.fillWidth: true; horizontalAlignment: Text.AlignRight; elide: Text.ElideMiddle }
                    }
                }
            }
            Text { text: qsTr("Your choices"); font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold; color: Theme.text; Layout.topMargin: 6 }
            AppButton {
                objectName: "downloadButton"
                kind: "light"
                iconName: "download"
                text: qsTr("Download my data")
                enabled: screen.shop && !screen.shop.busy && screen.shop.online
                onClicked: screen.shop.downloadMyData()
            }
            Text {
                visible: screen.shop && screen.shop.lastDownload.length > 0
                Layout.fillWidth: true
                wrapMode: Text.WrapAnywhere
                font.pixelSize: 12
                color: Theme.textSoft
                text: screen.shop ? qsTr("Last saved to %1").arg(screen.shop.lastDownload) : ""
            }
            AppButton {
                objectName: "signOutEverywhereButton"
                kind: "light"
                text: qsTr("Sign out everywhere")
                enabled: screen.shop && !screen.shop.busy
                onClicked: screen.shop.signOutEverywhere()
            }
            AppButton {
                objectName: "deleteButton"
                kind: "danger"
                text: qsTr("Delete my account")
                enabled: screen.shop && !screen.shop.busy && screen.shop.online
                onClicked: confirm.open()
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: 12
                color: Theme.textSoft
                text: qsTr("Deleting removes your account, membership, cart and offers for good. It cannot be undone.")
            }
        }
    }

    Popup {
        id: confirm
        objectName: "deleteConfirm"
        parent: T.Overlay.overlay
        modal: true
        anchors.centerIn: parent
        width: (parent ? parent.width : 390) - 40
        padding: 22
        background: Rectangle { radius: 20; color: Theme.surface }
        T.Overlay.modal: Rectangle { color: "#99000000" }
        contentItem: ColumnLayout {
            spacing: 14
            Text { text: qsTr("Delete your account?"); font.pixelSize: Theme.fontLarge; font.weight: Font.Bold; color: Theme.text }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: 14
                color: Theme.textSoft
                text: qsTr("Your account, membership, cart and offers will be deleted for good, and you'll be signed out on this phone.")
            }
            AppButton {
                objectName: "deleteConfirmButton"
                kind: "danger"
                text: qsTr("Delete for good")
                onClicked: { confirm.close(); screen.shop.deleteAccount() }
            }
            AppButton {
                objectName: "deleteCancelButton"
                kind: "light"
                text: qsTr("Keep my account")
                onClicked: confirm.close()
            }
        }
    }
}
