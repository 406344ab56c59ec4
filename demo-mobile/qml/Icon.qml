// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Small line icons drawn with Canvas (no icon font needed on any platform).
import QtQuick

Canvas {
    id: icon
    property string name
    property color color: Theme.text
    property real stroke: 2
    implicitWidth: 24
    implicitHeight: 24
    onNameChanged: requestPaint()
    onColorChanged: requestPaint()

    onPaint: {
        const c = getContext("2d")
        const w = width, h = height
        c.reset()
        c.strokeStyle = color
        c.fillStyle = color
        c.lineWidth = stroke
        c.lineCap = "round"
        c.lineJoin = "round"
        c.beginPath()
        switch (name) {
        case "home":
            c.moveTo(w * 0.15, h * 0.48); c.lineTo(w * 0.5, h * 0.15); c.lineTo(w * 0.85, h * 0.48)
            c.moveTo(w * 0.25, h * 0.4); c.lineTo(w * 0.25, h * 0.85); c.lineTo(w * 0.75, h * 0.85); c.lineTo(w * 0.75, h * 0.4)
            break
        case "bag":
            c.rect(w * 0.18, h * 0.32, w * 0.64, h * 0.55)
            c.moveTo(w * 0.36, h * 0.32); c.arc(w * 0.5, h * 0.32, w * 0.14, Math.PI, 0, false)
            break
        case "person":
            c.arc(w * 0.5, h * 0.33, w * 0.17, 0, Math.PI * 2, false)
            c.moveTo(w * 0.16, h * 0.88); c.quadraticCurveTo(w * 0.5, h * 0.45, w * 0.84, h * 0.88)
            break
        case "lock":
            c.rect(w * 0.2, h * 0.45, w * 0.6, h * 0.42)
            c.moveTo(w * 0.32, h * 0.45); c.lineTo(w * 0.32, h * 0.32)
            c.arc(w * 0.5, h * 0.32, w * 0.18, Math.PI, 0, false); c.lineTo(w * 0.68, h * 0.45)
            break
        case "mail":
            c.rect(w * 0.12, h * 0.25, w * 0.76, h * 0.5)
            c.moveTo(w * 0.12, h * 0.25); c.lineTo(w * 0.5, h * 0.55); c.lineTo(w * 0.88, h * 0.25)
            break
        case "fingerprint":
            for (let r = 0.12; r <= 0.42; r += 0.1) {
                c.moveTo(w * 0.5 + w * r, h * 0.55)
                c.arc(w * 0.5, h * 0.55, w * r, 0, Math.PI * 1.15, true)
            }
            break
        case "kiosk":
            c.rect(w * 0.2, h * 0.12, w * 0.6, h * 0.5)
            c.moveTo(w * 0.5, h * 0.62); c.lineTo(w * 0.5, h * 0.86)
            c.moveTo(w * 0.3, h * 0.86); c.lineTo(w * 0.7, h * 0.86)
            break
        case "shield":
            c.moveTo(w * 0.5, h * 0.1); c.lineTo(w * 0.82, h * 0.22); c.lineTo(w * 0.78, h * 0.55)
            c.quadraticCurveTo(w * 0.7, h * 0.8, w * 0.5, h * 0.9)
            c.quadraticCurveTo(w * 0.3, h * 0.8, w * 0.22, h * 0.55); c.lineTo(w * 0.18, h * 0.22); c.closePath()
            break
        case "globe":
            c.arc(w * 0.5, h * 0.5, w * 0.36, 0, Math.PI * 2, false)
            c.moveTo(w * 0.14, h * 0.5); c.lineTo(w * 0.86, h * 0.5)
            c.moveTo(w * 0.5, h * 0.14); c.quadraticCurveTo(w * 0.25, h * 0.5, w * 0.5, h * 0.86)
            c.moveTo(w * 0.5, h * 0.14); c.quadraticCurveTo(w * 0.75, h * 0.5, w * 0.5, h * 0.86)
            break
        case "chevron":
            c.moveTo(w * 0.38, h * 0.22); c.lineTo(w * 0.64, h * 0.5); c.lineTo(w * 0.38, h * 0.78)
            break
        case "back":
            c.moveTo(w * 0.62, h * 0.22); c.lineTo(w * 0.36, h * 0.5); c.lineTo(w * 0.62, h * 0.78)
            break
        case "check":
            c.moveTo(w * 0.2, h * 0.52); c.lineTo(w * 0.42, h * 0.74); c.lineTo(w * 0.8, h * 0.28)
            break
        case "gift":
            c.rect(w * 0.16, h * 0.38, w * 0.68, h * 0.48)
            c.moveTo(w * 0.5, h * 0.38); c.lineTo(w * 0.5, h * 0.86)
            c.moveTo(w * 0.12, h * 0.38); c.lineTo(w * 0.88, h * 0.38)
            c.moveTo(w * 0.5, h * 0.38); c.quadraticCurveTo(w * 0.2, h * 0.1, w * 0.5, h * 0.3)
            c.moveTo(w * 0.5, h * 0.38); c.quadraticCurveTo(w * 0.8, h * 0.1, w * 0.5, h * 0.3)
            break
        case "download":
            c.moveTo(w * 0.5, h * 0.15); c.lineTo(w * 0.5, h * 0.65)
            c.moveTo(w * 0.3, h * 0.46); c.lineTo(w * 0.5, h * 0.66); c.lineTo(w * 0.7, h * 0.46)
            c.moveTo(w * 0.18, h * 0.84); c.lineTo(w * 0.82, h * 0.84)
            break
        case "offline":
            c.moveTo(w * 0.15, h * 0.45); c.quadraticCurveTo(w * 0.5, h * 0.15, w * 0.85, h * 0.45)
            c.moveTo(w * 0.3, h * 0.6); c.quadraticCurveTo(w * 0.5, h * 0.42, w * 0.7, h * 0.6)
            c.moveTo(w * 0.15, h * 0.15); c.lineTo(w * 0.85, h * 0.85)
            break
        }
        c.stroke()
    }
}
