// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Layouts
import Kiosk

// What went wrong, in plain words, and what to do next.
FocusScope {
    id: screen
    property bool active: false
    property string kind: ""     // denied | expired | offline | other
    property string errorId: ""
    signal retryRequested()
    signal backRequested()

    opacity: active ? 1 : 0
    visible: opacity > 0
    enabled: active
    focus: active
    Behavior on opacity { NumberAnimation { duration: 300; easing.type: Easing.OutCubic } }
    onActiveChanged: if (active) retry.forceActiveFocus()
    Keys.onEscapePressed: screen.backRequested()

    readonly property string title: kind === "denied" ? qsTr("Sign-in was not approved")
                                  : kind === "expired" ? qsTr("The code has expired")
                                  : kind === "offline" ? qsTr("We can't connect right now")
                                  : qsTr("Something went wrong")
    readonly property string body: kind === "denied" ? qsTr("The request was declined on your phone. If that was a mistake, try again with a new code.")
                                 : kind === "expired" ? qsTr("Codes are only valid for a few minutes, to keep your account safe. Get a new one and scan it again.")
                                 : kind === "offline" ? qsTr("This kiosk can't reach our servers. Please try again in a moment, or ask a member of staff.")
                                 : qsTr("Please try again. If it keeps happening, a member of staff can help.")
    readonly property string glyph: kind === "denied" ? "✕" : kind === "expired" ? "⌛" : kind === "offline" ? "!" : "?"

    TopBar {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top }
    }

    ColumnLayout {
        anchors.centerIn: parent
        anchors.verticalCenterOffset: bar.height / 4
        width: Math.min(parent.width - Theme.px(160), Theme.px(760))
        spacing: Theme.px(22)

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.px(104)
            Layout.preferredHeight: Theme.px(104)
            radius: width / 2
            color: screen.kind === "offline" ? Theme.indigoSoft : Theme.accentSoft
            Text {
                anchors.centerIn: parent
                text: screen.glyph
                font.family: Theme.fontFamily
                font.pixelSize: Theme.px(48)
                font.weight: Font.Bold
                color: screen.kind === "offline" ? Theme.indigo : Theme.accent
            }
        }
        Text {
            objectName: "errorTitle"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: screen.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(38)
            font.weight: Font.Bold
            color: Theme.ink
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: screen.body
            font.family: Theme.fontFamily
            font.pixelSize: Theme.px(20)
            lineHeight: 1.3
            color: Theme.inkSoft
            wrapMode: Text.WordWrap
        }
        Row {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.px(12)
            spacing: Theme.px(18)
            KioskButton {
                objectName: "backButton"
                primary: false
                text: qsTr("Back to start")
                onClicked: screen.backRequested()
            }
            KioskButton {
                id: retry
                objectName: "retryButton"
                text: qsTr("Try again")
                onClicked: screen.retryRequested()
            }
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            visible: screen.errorId.length > 0
            //: a technical reference for staff, e.g. "Reference: access_denied"
            text: qsTr("Reference: %1").arg(screen.errorId)
            font.family: "DejaVu Sans Mono"
            font.pixelSize: Theme.px(13)
            color: Theme.inkFaint
        }
    }
}
