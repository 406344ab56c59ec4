// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Layouts
import Kiosk

// "Are you still there?": shown in the last seconds before the idle sign-out. Any touch or key
// counts as activity (KioskPolicy watches the input), so the shopper only has to tap.
Item {
    id: overlay
    property bool shown: false
    property int secondsLeft: 0
    property int totalSeconds: 15
    signal stayRequested()
    signal signOutRequested()

    opacity: shown ? 1 : 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: 250 } }
    onShownChanged: if (shown) stay.forceActiveFocus()

    Rectangle {
        anchors.fill: parent
        color: "#1d2433"
        opacity: 0.55
        MouseArea { anchors.fill: parent; onClicked: overlay.stayRequested() }
    }

    Rectangle {
        id: card
        objectName: "idleWarning"
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.px(120), Theme.px(640))
        height: content.implicitHeight + Theme.px(72)
        radius: Theme.px(28)
        color: Theme.card
        scale: overlay.shown ? 1 : 0.96
        Behavior on scale { NumberAnimation { duration: 250; easing.type: Easing.OutBack } }

        ColumnLayout {
            id: content
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.px(40) }
            spacing: Theme.px(18)
            CountdownRing {
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Theme.px(116)
                Layout.preferredHeight: Theme.px(116)
                secondsLeft: overlay.secondsLeft
                totalSeconds: Math.max(1, overlay.totalSeconds)
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Are you still there?")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(34)
                font.weight: Font.Bold
                color: Theme.ink
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                //: %n seconds until the automatic sign-out
                text: qsTr("For your privacy, we will sign you out in %n second(s).", "", overlay.secondsLeft)
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(19)
                color: Theme.inkSoft
                wrapMode: Text.WordWrap
            }
            Row {
                Layout.alignment: Qt.AlignHCenter
                Layout.topMargin: Theme.px(8)
                spacing: Theme.px(16)
                KioskButton {
                    primary: false
                    text: qsTr("Sign out now")
                    onClicked: overlay.signOutRequested()
                }
                KioskButton {
                    id: stay
                    objectName: "stayButton"
                    text: qsTr("I'm still here")
                    onClicked: overlay.stayRequested()
                }
            }
        }
    }
}
