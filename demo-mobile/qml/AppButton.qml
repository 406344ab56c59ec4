// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// kind: "primary" (filled brand), "accent", "light" (white, outlined), "dark" (black), "danger", "text"
Button {
    id: control
    property string kind: "primary"
    property string iconName
    property string badge        // a short mark drawn at the start, e.g. "G"
    property color badgeColor: Theme.text

    readonly property color fill: kind === "primary" ? Theme.brand
                                 : kind === "accent" ? Theme.accent
                                 : kind === "dark" ? "#000000"
                                 : kind === "danger" ? Theme.danger
                                 : kind === "text" ? "transparent" : Theme.surface
    readonly property color ink: (kind === "light" || kind === "text") ? (kind === "text" ? Theme.brand : Theme.text)
                                                                       : Theme.textOnBrand

    implicitHeight: kind === "text" ? 40 : Theme.buttonHeight
    Layout.fillWidth: true
    font.pixelSize: Theme.fontBody
    font.weight: Font.DemiBold
    opacity: enabled ? 1 : 0.45
    Accessible.name: text

    contentItem: Item {
        implicitWidth: row.implicitWidth
        implicitHeight: row.implicitHeight
        Row {
            id: row
            spacing: 10
            anchors.centerIn: parent
            width: Math.min(implicitWidth, parent.width)
            Text {
                visible: control.badge.length > 0
                text: control.badge
                color: control.badgeColor
                font.pixelSize: 18
                font.weight: Font.Bold
                anchors.verticalCenter: parent.verticalCenter
            }
            Icon {
                visible: control.iconName.length > 0
                name: control.iconName
                color: control.ink
                width: 20; height: 20
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                text: control.text
                font: control.font
                color: control.ink
                elide: Text.ElideRight
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }
    background: Rectangle {
        radius: 14
        color: control.down ? Qt.darker(control.fill, control.kind === "light" ? 1.05 : 1.15) : control.fill
        border.width: control.kind === "light" ? 1 : 0
        border.color: Theme.line
    }
}
