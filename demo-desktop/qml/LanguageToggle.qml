// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import Kiosk

// 日本語 | English: each language named in itself, so anybody finds theirs.
Rectangle {
    id: toggle
    readonly property real optionWidth: Theme.px(124)
    implicitWidth: optionWidth * 2 + Theme.px(12)
    implicitHeight: Theme.px(52)
    width: implicitWidth
    height: implicitHeight
    radius: height / 2
    color: Theme.card
    border.color: Theme.line
    border.width: Theme.px(1)

    component Option: Rectangle {
        id: option
        property string code
        property string label
        readonly property bool selected: App.language === code
        width: toggle.optionWidth
        height: toggle.height - Theme.px(8)
        radius: height / 2
        color: selected ? Theme.indigo : (area.pressed ? Theme.indigoSoft : Theme.card)
        border.width: activeFocus ? Theme.px(2) : 0
        border.color: Theme.accent
        activeFocusOnTab: true
        Accessible.role: Accessible.Button
        Accessible.name: label
        Keys.onSpacePressed: App.language = code
        Keys.onReturnPressed: App.language = code
        Text {
            anchors.centerIn: parent
            text: option.label
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(18)
            font.weight: option.selected ? Font.Bold : Font.Normal
            color: option.selected ? "white" : Theme.ink
        }
        MouseArea {
            id: area
            anchors.fill: parent
            onClicked: App.language = option.code
        }
    }

    Row {
        anchors.centerIn: parent
        spacing: Theme.px(4)
        Option { objectName: "lang-ja"; code: "ja"; label: "日本語" }
        Option { objectName: "lang-en"; code: "en"; label: "English" }
    }
}
