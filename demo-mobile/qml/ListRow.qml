// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic

// A tappable settings row: icon, title, optional subtitle, chevron.
ItemDelegate {
    id: row
    property string iconName
    property string title
    property string subtitle
    property color tint: Theme.brand
    width: parent ? parent.width : implicitWidth
    implicitHeight: Math.max(60, texts.implicitHeight + 24)
    Accessible.name: title
    contentItem: Item {
        Icon {
            id: glyph
            name: row.iconName
            color: row.tint
            width: 24; height: 24
            anchors.verticalCenter: parent.verticalCenter
        }
        Column {
            id: texts
            anchors.left: glyph.right
            anchors.leftMargin: 14
            anchors.right: chevron.left
            anchors.rightMargin: 8
            anchors.verticalCenter: parent.verticalCenter
            spacing: 2
            Text { text: row.title; font.pixelSize: Theme.fontBody; color: row.tint === Theme.danger ? Theme.danger : Theme.text; width: parent.width; wrapMode: Text.Wrap }
            Text { visible: text.length > 0; text: row.subtitle; font.pixelSize: 13; color: Theme.textSoft; width: parent.width; wrapMode: Text.Wrap }
        }
        Icon { id: chevron; name: "chevron"; color: Theme.textSoft; width: 18; height: 18; anchors.right: parent.right; anchors.verticalCenter: parent.verticalCenter }
    }
    background: Rectangle { color: row.down ? Theme.background : "transparent"; radius: 12 }
}
