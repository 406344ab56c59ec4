// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import Kiosk

// The store's mark on the left; whatever the screen puts in `actions` on the right.
Item {
    id: bar
    default property alias actions: slot.data
    property bool light: false   // on a dark band
    implicitHeight: Theme.px(88)

    Row {
        anchors { left: parent.left; verticalCenter: parent.verticalCenter; leftMargin: Theme.px(40) }
        spacing: Theme.px(14)
        Rectangle {
            width: Theme.px(48); height: width; radius: width / 2
            color: Theme.accent
            Text {
                anchors.centerIn: parent
                text: "光"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(26)
                font.weight: Font.Bold
                color: "white"
            }
        }
        Column {
            anchors.verticalCenter: parent.verticalCenter
            Text {
                text: qsTr("Hikari Market")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(24)
                font.weight: Font.Bold
                color: bar.light ? "white" : Theme.ink
            }
            Text {
                text: qsTr("Shibuya store")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(13)
                color: bar.light ? "#c9d0e2" : Theme.inkSoft
            }
        }
    }
    Row {
        id: slot
        anchors { right: parent.right; verticalCenter: parent.verticalCenter; rightMargin: Theme.px(40) }
        spacing: Theme.px(16)
    }
}
