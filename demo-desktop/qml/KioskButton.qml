// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic

// A large touch target (at least 56 design px high) with keyboard focus ring.
Button {
    id: control
    property bool primary: true
    property bool subtle: false
    property real size: 20

    font.family: Theme.fontFamily
    font.pixelSize: Theme.px(size)
    font.weight: Font.Bold
    leftPadding: Theme.px(size * 1.6)
    rightPadding: Theme.px(size * 1.6)
    topPadding: Theme.px(size * 0.8)
    bottomPadding: Theme.px(size * 0.8)
    implicitHeight: Math.max(Theme.px(56), implicitContentHeight + topPadding + bottomPadding)
    focusPolicy: Qt.StrongFocus
    // Enter works like Space: a kiosk keyboard (or a barcode wedge) presses Enter.
    Keys.onReturnPressed: control.clicked()
    Keys.onEnterPressed: control.clicked()

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.primary ? "white" : (control.subtle ? Theme.inkSoft : Theme.indigo)
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: height / 2
        color: control.primary ? (control.down ? Theme.accentDark : Theme.accent)
                               : (control.down ? Theme.indigoSoft : (control.subtle ? "transparent" : Theme.card))
        border.width: control.primary ? 0 : (control.subtle ? 0 : Theme.px(2))
        border.color: Theme.indigo
        Rectangle {
            anchors.fill: parent
            anchors.margins: -Theme.px(5)
            radius: height / 2
            color: "transparent"
            border.width: Theme.px(3)
            border.color: Theme.indigo
            opacity: control.visualFocus ? 0.6 : 0
        }
        scale: control.down ? 0.97 : 1.0
        Behavior on scale { NumberAnimation { duration: 90 } }
    }
}
