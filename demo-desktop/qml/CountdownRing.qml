// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import Kiosk

// A ring that empties as the time runs out, with m:ss in the middle.
Item {
    id: ring
    property int secondsLeft: 0
    property int totalSeconds: 1
    property color color: Theme.accent
    property real lineWidth: Theme.px(8)
    readonly property real fraction: totalSeconds > 0 ? Math.max(0, Math.min(1, secondsLeft / totalSeconds)) : 0
    readonly property string label: Math.floor(secondsLeft / 60) + ":" + ("0" + (secondsLeft % 60)).slice(-2)

    implicitWidth: Theme.px(96)
    implicitHeight: implicitWidth

    onFractionChanged: canvas.requestPaint()
    onWidthChanged: canvas.requestPaint()

    Canvas {
        id: canvas
        anchors.fill: parent
        antialiasing: true
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const r = Math.min(width, height) / 2 - ring.lineWidth / 2
            ctx.lineWidth = ring.lineWidth
            ctx.lineCap = "round"
            ctx.strokeStyle = Theme.line
            ctx.beginPath()
            ctx.arc(width / 2, height / 2, r, 0, 2 * Math.PI)
            ctx.stroke()
            if (ring.fraction > 0) {
                ctx.strokeStyle = ring.color
                ctx.beginPath()
                ctx.arc(width / 2, height / 2, r, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * ring.fraction)
                ctx.stroke()
            }
        }
    }
    Text {
        anchors.centerIn: parent
        text: ring.label
        font.family: Theme.fontFamily
        font.pixelSize: ring.height * 0.24
        font.weight: Font.Bold
        color: Theme.ink
    }
}
