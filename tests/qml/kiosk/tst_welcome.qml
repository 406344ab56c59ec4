// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Kiosk

Item {
    width: 1280
    height: 800

    WelcomeScreen {
        id: welcome
        anchors.fill: parent
        active: true
        me: ({ name: "田中 愛子", given_name: "愛子", loyalty: { tier: "gold", points: 12480 } })
        cart: ({ item_count: 3, total_yen: 7640, items: [
                   { id: "matcha-set", name: "宇治抹茶 飲み比べセット", price_yen: 3240, quantity: 1 },
                   { id: "hasami-mug", name: "波佐見焼 マグカップ", price_yen: 2200, quantity: 2 } ] })
        offers: [{ id: "gold-10", title: "ゴールド会員さま 10%オフ", text: "…", expires: "2026-12-31" }]
    }
    SignalSpy { id: done; target: welcome; signalName: "doneRequested" }

    TestCase {
        name: "WelcomeScreen"
        when: windowShown

        function test_greetingTierAndTotal() {
            App.language = "ja"
            compare(welcome.greeting(), "田中 愛子 さま、ようこそ")
            compare(welcome.tierName("gold"), "ゴールド会員")
            compare(welcome.until("2026-12-31"), "12月31日まで")
            compare(findChild(welcome, "cartTotal").text, "7,640円")

            App.language = "en"
            welcome.me = { name: "Aiko Tanaka", given_name: "Aiko", loyalty: { tier: "silver", points: 10 } }
            compare(welcome.greeting(), "Welcome back, Aiko")
            compare(welcome.tierName("silver"), "Silver member")
            compare(welcome.tierName(""), "Member")
            compare(welcome.until("2026-12-06"), "Until 6 Dec")
            compare(welcome.until("garbage"), "")
            compare(findChild(welcome, "cartTotal").text, "¥7,640")
        }

        function test_doneButton() {
            tryCompare(welcome, "opacity", 1)
            const button = findChild(welcome, "doneButton")
            mouseClick(button)
            compare(done.count, 1)
            button.forceActiveFocus()
            keyClick(Qt.Key_Return) // Enter works like Space on a kiosk
            compare(done.count, 2)
        }
    }
}
