// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic

// Title bar of a pushed screen, with a back button.
Item {
    id: header
    property alias title: label.text
    property string backName: "back"
    signal back()
    implicitHeight: 56
    ToolButton {
        id: backButton
        objectName: header.backName
        anchors.left: parent.left
        anchors.leftMargin: 6
        anchors.verticalCenter: parent.verticalCenter
        width: 44; height: 44
        contentItem: Icon { name: "back"; color: Theme.brand }
        background: Rectangle { radius: 22; color: backButton.down ? Theme.line : "transparent" }
        onClicked: header.back()
        Accessible.name: qsTr("Back")
    }
    Text {
        id: label
        anchors.centerIn: parent
        font.pixelSize: Theme.fontLarge
        font.weight: Font.DemiBold
        color: Theme.text
    }
}
