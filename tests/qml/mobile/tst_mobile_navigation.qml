// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import StorefrontMobile

// The window picks its screen from the shop's phase and the shopper's navigation.
TestCase {
    id: test
    name: "MobileNavigation"
    when: windowShown
    width: 390
    height: 844

    Component { id: shopComponent; FakeShop {} }
    Component { id: mainComponent; Main {} }

    function makeWindow() {
        const shop = createTemporaryObject(shopComponent, test)
        const win = createTemporaryObject(mainComponent, test, { shop: shop })
        verify(win)
        return { shop: shop, win: win }
    }

    function test_screens_follow_the_phase() {
        const t = makeWindow()
        t.shop.phase = "starting"
        compare(t.win.screenName, "starting")
        t.shop.phase = "signedOut"
        compare(t.win.screenName, "welcome")
        t.shop.phase = "authorizing"
        compare(t.win.screenName, "authorizing")
        t.shop.phase = "awaitingLink"
        compare(t.win.screenName, "check_inbox")
        t.shop.phase = "locked"
        compare(t.win.screenName, "locked")
        t.shop.phase = "signedIn"
        compare(t.win.screenName, "home")
    }

    function test_tabs_and_pages() {
        const t = makeWindow()
        t.shop.phase = "signedIn"
        t.win.tab = "cart"
        compare(t.win.screenName, "cart")
        t.win.tab = "account"
        t.win.page = "privacy"
        compare(t.win.screenName, "privacy")
        t.win.page = ""
        compare(t.win.screenName, "account")
        // Signing out forgets the navigation: the next shopper starts at home.
        t.win.page = "kiosk"
        t.shop.phase = "signedOut"
        compare(t.win.screenName, "welcome")
        compare(t.win.page, "")
        t.shop.phase = "signedIn"
        compare(t.win.screenName, "home")
    }

    function test_magic_link_page_before_sign_in() {
        const t = makeWindow()
        t.win.page = "magic_link"
        compare(t.win.screenName, "magic_link")
        t.shop.phase = "signedIn"   // the link came back
        compare(t.win.page, "")
        compare(t.win.screenName, "home")
    }

    function test_offline_and_errors_are_shown() {
        const t = makeWindow()
        t.shop.phase = "signedIn"
        const offline = findChild(t.win.contentItem, "offlineBanner")
        verify(offline)
        verify(!offline.visible)
        t.shop.online = false
        verify(offline.visible)
        const error = findChild(t.win.contentItem, "errorBanner")
        verify(!error.visible)
        t.shop.errorText = "You seem to be offline."
        verify(error.visible)
        compare(findChild(error, "bannerText_error").text, "You seem to be offline.")
        const dismiss = findChild(error, "dismiss_error")
        dismiss.clicked()
        compare(t.shop.errorText, "")
        verify(t.shop.calls.indexOf("clearError") >= 0)
    }
}
