// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Account tab: fingerprint unlock, kiosk sign-in, privacy centre, language, sign out.
Rectangle {
    id: screen
    property QtObject shop
    property QtObject language
    signal kioskRequested()
    signal privacyRequested()
    color: Theme.background
    // A finger may have been enrolled in the phone's settings meanwhile.
    onVisibleChanged: if (visible && shop) shop.refreshBiometric()

    Flickable {
        anchors.fill: parent
        contentHeight: content.implicitHeight + 40
        clip: true
        ColumnLayout {
            id: content
            x: Theme.margin
            width: parent.width - Theme.margin * 2
            spacing: 14

            RowLayout {
                Layout.topMargin: 22
                spacing: 14
                Rectangle {
                    width: 60; height: 60; radius: 30
                    color: Theme.brand
                    Text {
                        anchors.centerIn: parent
                        text: screen.shop && screen.shop.displayName.length > 0 ? screen.shop.displayName.charAt(0) : "?"
                        color: "white"; font.pixelSize: 26; font.weight: Font.Bold
                    }
                }
                Column {
                    Layout.fillWidth: true
                    Text { text: screen.shop ? screen.shop.displayName : ""; font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold; color: Theme.text; elide: Text.ElideRight; width: parent.width }
                    Text { text: screen.shop ? screen.shop.email : ""; font.pixelSize: 13; color: Theme.textSoft; elide: Text.ElideRight; width: parent.width }
                }
            }

            Card {
                Layout.fillWidth: true
                padding: 6
                spacing: 0
                Item {
                    width: parent.width
                    height: 72
                    Icon { id: fp; name: "fingerprint"; color: Theme.brand; anchors.left: parent.left; anchors.leftMargin: 12; anchors.verticalCenter: parent.verticalCenter }
                    Column {
                        anchors.left: fp.right
                        anchors.leftMargin: 14
                        anchors.right: biometricSwitch.left
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: 2
                        Text { text: qsTr("Unlock with fingerprint"); font.pixelSize: Theme.fontBody; color: Theme.text; width: parent.width; wrapMode: Text.Wrap }
                        Text {
                            width: parent.width; wrapMode: Text.Wrap
                            font.pixelSize: 12; color: Theme.textSoft
                            text: screen.shop ? (screen.shop.biometricStatus.length > 0 ? screen.shop.biometricStatus
                                                 : qsTr("Keeps you signed in, locked until your finger says it's you."))
                                              : ""
                        }
                    }
                    Switch {
                        id: biometricSwitch
                        objectName: "biometricSwitch"
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        enabled: screen.shop && screen.shop.biometricAvailable && !screen.shop.busy
                        checked: screen.shop ? screen.shop.biometricEnabled : false
                        onToggled: {
                            const wanted = checked
                            checked = Qt.binding(() => screen.shop ? screen.shop.biometricEnabled : false)
                            screen.shop.setBiometricEnabled(wanted)
                        }
                        Accessible.name: qsTr("Unlock with fingerprint")
                    }
                }
                Rectangle { width: parent.width; height: 1; color: Theme.line }
                ListRow {
                    objectName: "kioskRow"
                    iconName: "kiosk"
                    title: qsTr("Sign in at a kiosk")
                    subtitle: qsTr("Type the code shown on the kiosk screen")
                    onClicked: screen.kioskRequested()
                }
                Rectangle { width: parent.width; height: 1; color: Theme.line }
                ListRow {
                    objectName: "privacyRow"
                    iconName: "shield"
                    title: qsTr("Privacy centre")
                    subtitle: qsTr("What we know, download it, delete it")
                    onClicked: screen.privacyRequested()
                }
            }

            Card {
                Layout.fillWidth: true
                Row {
                    spacing: 10
                    Icon { name: "globe"; color: Theme.brand; anchors.verticalCenter: parent.verticalCenter }
                    Text { text: qsTr("Language"); font.pixelSize: Theme.fontBody; color: Theme.text; anchors.verticalCenter: parent.verticalCenter }
                }
                Row {
                    id: segments
                    width: parent.width
                    spacing: 6
                    Repeater {
                        model: [
                            { key: "", name: "langSystem", label: qsTr("Phone setting") },
                            { key: "ja", name: "langJa", label: "日本語" },
                            { key: "en", name: "langEn", label: "English" }
                        ]
                        delegate: Button {
                            required property var modelData
                            objectName: modelData.name
                            width: (segments.width - 12) / 3
                            height: 40
                            readonly property bool selected: screen.language && screen.language.choice === modelData.key
                            text: modelData.label
                            font.pixelSize: 13
                            contentItem: Text { text: parent.text; font: parent.font; color: parent.selected ? "white" : Theme.text; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter; elide: Text.ElideRight }
                            background: Rectangle { radius: 10; color: parent.selected ? Theme.brand : Theme.background; border.color: Theme.line }
                            onClicked: if (screen.language) screen.language.choose(modelData.key)
                        }
                    }
                }
            }

            AppButton {
                objectName: "signOutButton"
                kind: "light"
                text: qsTr("Sign out")
                enabled: screen.shop && !screen.shop.busy
                onClicked: screen.shop.signOut()
            }
        }
    }
}
