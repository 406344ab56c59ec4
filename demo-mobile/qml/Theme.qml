// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
pragma Singleton
import QtQuick

QtObject {
    readonly property color brand: "#27355C"        // aizome indigo, as the kiosk
    readonly property color brandSoft: "#3A4A78"
    readonly property color accent: "#C8553D"       // persimmon, as the kiosk
    readonly property color accentSoft: "#F6E3DC"
    readonly property color background: "#FAF7F2"
    readonly property color surface: "#FFFFFF"
    readonly property color line: "#E8E2D8"
    readonly property color text: "#1D2433"
    readonly property color textSoft: "#5B6475"
    readonly property color textOnBrand: "#FFFFFF"
    readonly property color danger: "#B42318"
    readonly property color dangerSoft: "#FDECEA"
    readonly property color success: "#1E7F4F"
    readonly property color successSoft: "#E5F4EC"
    readonly property color offline: "#44403C"

    readonly property int radius: 16
    readonly property int margin: 20
    readonly property int spacing: 12
    readonly property int buttonHeight: 52

    readonly property int fontSmall: 12
    readonly property int fontBody: 15
    readonly property int fontLarge: 18
    readonly property int fontTitle: 26
    readonly property int fontHero: 34

    function tierColors(tier) {
        switch (tier) {
        case "gold": return ["#B8862B", "#E9C46A"]
        case "silver": return ["#6E7681", "#C4CAD2"]
        case "bronze": return ["#8C5A3C", "#D49A6A"]
        default: return ["#27355C", "#3A4A78"]
        }
    }

    function yen(amount) {
        return "¥" + Number(amount).toLocaleString(Qt.locale("en_US"), "f", 0)
    }
}
