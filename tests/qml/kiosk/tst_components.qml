// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Kiosk

Item {
    id: root
    width: 1280
    height: 800

    LanguageToggle { id: toggle; x: 900; y: 20 }
    CountdownRing { id: ring; x: 20; y: 20; width: 100; height: 100 }
    ErrorScreen { id: errorScreen; y: 200; width: 1280; height: 600; active: false }
    SignalSpy { id: retry; target: errorScreen; signalName: "retryRequested" }
    SignalSpy { id: back; target: errorScreen; signalName: "backRequested" }

    TestCase {
        name: "KioskComponents"
        when: windowShown

        function init() { App.language = "ja" }

        function test_pricesInYen() {
            App.language = "en"
            compare(App.yen(1280), "¥1,280")
            compare(App.yen(7640), "¥7,640")
            compare(App.yen(0), "¥0")
            compare(App.yen(1234567), "¥1,234,567")
            App.language = "ja"
            compare(App.yen(1280), "1,280円")
            compare(App.yen(300), "300円")
        }

        function test_languageToggle() {
            compare(App.language, "ja")
            const en = findChild(toggle, "lang-en")
            const ja = findChild(toggle, "lang-ja")
            verify(en && ja)
            mouseClick(en)
            compare(App.language, "en")
            verify(en.selected && !ja.selected)
            mouseClick(ja)
            compare(App.language, "ja")
            App.language = "fr" // not a kiosk language: the store's default language
            compare(App.language, "ja")
        }

        function test_translationsCompiledIn() {
            App.language = "ja"
            compare(qsTranslate("TopBar", "Hikari Market"), "ひかりマーケット")
            App.language = "en"
            compare(qsTranslate("TopBar", "Hikari Market"), "Hikari Market")
        }

        function test_countdown() {
            ring.totalSeconds = 120
            ring.secondsLeft = 65
            compare(ring.label, "1:05")
            compare(ring.fraction, 65 / 120)
            ring.secondsLeft = 9
            compare(ring.label, "0:09")
            ring.secondsLeft = 0
            compare(ring.fraction, 0)
        }

        function test_errorsInPlainWords() {
            App.language = "en"
            errorScreen.active = true
            const titles = {}
            for (const kind of ["denied", "expired", "offline", "other"]) {
                errorScreen.kind = kind
                titles[kind] = errorScreen.title
                verify(errorScreen.body.length > 20)
            }
            compare(titles.denied, "Sign-in was not approved")
            compare(titles.expired, "The code has expired")
            compare(titles.offline, "We can't connect right now")
            compare(new Set(Object.values(titles)).size, 4)
            App.language = "ja"
            errorScreen.kind = "expired"
            compare(errorScreen.title, "コードの有効期限が切れました")

            tryCompare(errorScreen, "opacity", 1)
            mouseClick(findChild(errorScreen, "retryButton"))
            compare(retry.count, 1)
            keyClick(Qt.Key_Escape)
            compare(back.count, 1)
            errorScreen.active = false
        }
    }
}
