// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
pragma Singleton
import QtQuick

// Colours, type and spacing of Hikari Market. Every size is in design pixels of a 1280×800 screen,
// multiplied by `scale` (set by Main.qml from the window size), so the kiosk looks the same up to 4K.
QtObject {
    property real scale: 1.0
    function px(n) { return Math.round(n * scale) }

    readonly property color ink: "#1d2433"
    readonly property color inkSoft: "#5b6475"
    readonly property color inkFaint: "#8d94a3"
    readonly property color paper: "#faf7f2"
    readonly property color card: "#ffffff"
    readonly property color line: "#e8e2d8"
    readonly property color accent: "#c8553d"      // persimmon
    readonly property color accentDark: "#a8432e"
    readonly property color accentSoft: "#f6e3dc"
    readonly property color indigo: "#27355c"       // aizome
    readonly property color indigoSoft: "#e4e8f2"
    readonly property color matcha: "#5f7f4f"
    readonly property color gold: "#b8892c"
    readonly property color danger: "#b3261e"

    readonly property string fontFamily: "Noto Sans CJK JP"
    readonly property int radius: px(18)

    function tierColor(tier) {
        switch (tier) {
        case "gold": return "#b8892c"
        case "silver": return "#7d8594"
        default: return "#a0643c"
        }
    }
}
