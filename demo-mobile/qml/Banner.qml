// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic

// A message strip: kind "error", "offline" or "notice". Tapping the × dismisses it.
Rectangle {
    id: banner
    property string kind: "error"
    property alias text: label.text
    property bool dismissable: true
    signal dismissed()

    visible: text.length > 0
    color: kind === "error" ? Theme.dangerSoft : kind === "offline" ? Theme.offline : Theme.successSoft
    radius: 12
    implicitHeight: Math.max(48, label.implicitHeight + 24)

    Icon {
        id: mark
        name: banner.kind === "offline" ? "offline" : banner.kind === "error" ? "shield" : "check"
        color: label.color
        width: 20; height: 20
        anchors.left: parent.left
        anchors.leftMargin: 14
        anchors.verticalCenter: parent.verticalCenter
    }
    Text {
        id: label
        objectName: "bannerText_" + banner.kind
        anchors.left: mark.right
        anchors.leftMargin: 10
        anchors.right: close.left
        anchors.verticalCenter: parent.verticalCenter
        wrapMode: Text.Wrap
        font.pixelSize: 14
        color: banner.kind === "error" ? Theme.danger : banner.kind === "offline" ? "#FFFFFF" : Theme.success
    }
    ToolButton {
        id: close
        objectName: "dismiss_" + banner.kind
        visible: banner.dismissable
        width: visible ? 40 : 8
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        text: "×"
        font.pixelSize: 20
        onClicked: banner.dismissed()
        Accessible.name: qsTr("Dismiss")
    }
}
