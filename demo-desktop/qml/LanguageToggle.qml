// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// 日本語 | English: each language named in itself, so anybody finds theirs.
Rectangle {
    id: toggle
    implicitWidth: row.implicitWidth + Theme.px(8)
    implicitHeight: Theme.px(52)
    radius: height / 2
    color: Theme.card
    border.color: Theme.line
    border.width: Theme.px(1)

    Row {
        id: row
        anchors.centerIn: parent
        spacing: Theme.px(4)
        Repeater {
            model: [{ code: "ja", label: "日本語" }, { code: "en", label: "English" }]
            delegate: AbstractButton {
                id: option
                required property var modelData
                readonly property bool current: App.language === modelData.code
                objectName: "lang-" + modelData.code
                width: Math.max(Theme.px(112), label.implicitWidth + Theme.px(36))
                height: toggle.height - Theme.px(8)
                focusPolicy: Qt.StrongFocus
                Accessible.name: modelData.label
                onClicked: App.language = modelData.code
                background: Rectangle {
                    radius: height / 2
                    color: option.current ? Theme.indigo : (option.down ? Theme.indigoSoft : "transparent")
                    border.width: option.visualFocus ? Theme.px(2) : 0
                    border.color: Theme.accent
                }
                contentItem: Text {
                    id: label
                    text: option.modelData.label
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.px(18)
                    font.weight: option.current ? Font.Bold : Font.Normal
                    color: option.current ? "white" : Theme.ink
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
            }
        }
    }
}
