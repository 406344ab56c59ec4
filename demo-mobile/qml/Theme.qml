// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
pragma Singleton
import QtQuick

QtObject {
    readonly property color brand: "#1B2A4A"        // deep indigo
    readonly property color brandSoft: "#2C3E66"
    readonly property color accent: "#E4572E"       // vermilion
    readonly property color accentSoft: "#FCE9E3"
    readonly property color background: "#F6F4F1"
    readonly property color surface: "#FFFFFF"
    readonly property color line: "#E6E1DA"
    readonly property color text: "#1C1C1E"
    readonly property color textSoft: "#6B6B70"
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
        default: return [brand, brandSoft]
        }
    }

    function yen(amount) {
        return "¥" + Number(amount).toLocaleString(Qt.locale("en_US"), "f", 0)
    }
}
