// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import StorefrontMobile

// What each screen shows, and what its buttons ask the shop to do (real mouse clicks).
TestCase {
    id: test
    name: "MobileScreens"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component { id: shopComponent; FakeShop {} }
    Component { id: welcomeComponent; WelcomeScreen { width: 390; height: 844 } }
    Component { id: magicComponent; MagicLinkScreen { width: 390; height: 844 } }
    Component { id: homeComponent; HomeScreen { width: 390; height: 844 } }
    Component { id: cartComponent; CartScreen { width: 390; height: 844 } }
    Component { id: kioskComponent; KioskScreen { width: 390; height: 844 } }
    Component { id: privacyComponent; PrivacyScreen { width: 390; height: 844 } }
    Component { id: lockedComponent; LockedScreen { width: 390; height: 844 } }
    Component { id: languageComponent; QtObject { property string code: "en"; property string choice: ""; property var chosen: []; function choose(c) { chosen = chosen.concat([c]) } } }

    function shop(props) { return createTemporaryObject(shopComponent, test, props || {}) }
    function click(root, name) {
        const item = findChild(root, name)
        verify(item, "no item " + name)
        verify(item.visible, name + " is not visible")
        verify(item.enabled, name + " is disabled")
        mouseClick(item)
    }

    function test_welcome_buttons() {
        const s = shop()
        const lang = createTemporaryObject(languageComponent, test)
        const w = createTemporaryObject(welcomeComponent, test, { shop: s, language: lang })
        let asked = 0
        w.emailLinkRequested.connect(() => asked++)
        click(w, "passwordButton")
        click(w, "googleButton")
        click(w, "appleButton")
        click(w, "magicLinkButton")
        compare(s.calls, ["password", "provider:google", "provider:apple"])
        compare(asked, 1)
        click(w, "languageToggle")
        compare(lang.chosen, ["ja"])
    }

    function test_welcome_waits_while_busy() {
        const s = shop({ busy: true })
        const w = createTemporaryObject(welcomeComponent, test, { shop: s })
        verify(!findChild(w, "passwordButton").enabled)
        verify(!findChild(w, "googleButton").enabled)
    }

    function test_magic_link_email_then_code() {
        const s = shop()
        const m = createTemporaryObject(magicComponent, test, { shop: s })
        const field = findChild(m, "emailField")
        field.text = "not an address"
        verify(!findChild(m, "sendLinkButton").enabled)
        field.text = "ken@example.com"
        click(m, "sendLinkButton")
        compare(s.calls, ["magic:ken@example.com"])
        // The shop says the mail is out: the code fallback appears, the address stays.
        s.magicLinkEmail = "ken@example.com"
        s.phase = "awaitingLink"
        verify(!findChild(m, "emailField").visible)
        const code = findChild(m, "codeField")
        verify(code.visible)
        verify(!findChild(m, "codeButton").enabled)
        code.text = " 123456 "
        waitForRendering(m) // the layout has moved the buttons
        click(m, "codeButton")
        compare(s.calls, ["magic:ken@example.com", "code:123456"])
    }

    function test_home_offers_and_birthday_upgrade() {
        const s = shop({ offers: [
            { id: "gold10", title: "10% off", detail: "Whole basket", expires: "2026-12-31", requires: "", locked: false },
            { id: "birthday", title: "A birthday treat", detail: "", expires: "", requires: "storefront.birthday", locked: true } ] })
        const h = createTemporaryObject(homeComponent, test, { shop: s })
        compare(findChild(h, "tierLabel").text, "Gold member")
        compare(findChild(h, "greeting").text, "Hello, Aiko Tanaka")
        verify(!findChild(h, "unlock_").visible) // the unlocked offer asks for nothing
        click(h, "unlock_storefront.birthday")
        compare(s.calls, ["scope:storefront.birthday"])
        s.online = false // no consent step while offline
        verify(!findChild(h, "unlock_storefront.birthday").enabled)
    }

    function test_cart_in_yen() {
        const s = shop({ cart: [ { id: "a", name: "Uji matcha tasting set", quantity: 1, price: 3240, lineTotal: 3240 },
                                 { id: "b", name: "Hasami porcelain mug", quantity: 2, price: 2200, lineTotal: 4400 } ],
                         cartTotal: 7640, products: [ { id: "tenugui", name: "Cotton tenugui towel", price: 1320 } ] })
        const c = createTemporaryObject(cartComponent, test, { shop: s })
        compare(findChild(c, "cartTotal").text, "¥7,640")
        verify(findChild(c, "cartItem_1"))
        verify(!findChild(c, "emptyCart").visible)
        click(c, "add_tenugui")
        compare(s.calls, ["add:tenugui"])
        s.cart = []
        verify(findChild(c, "emptyCart").visible)
    }

    function test_kiosk_code() {
        const s = shop()
        const k = createTemporaryObject(kioskComponent, test, { shop: s })
        const field = findChild(k, "kioskCodeField")
        field.text = "BC"
        verify(!findChild(k, "kioskApproveButton").enabled)
        field.text = "bcdf ghjk"
        click(k, "kioskApproveButton")
        compare(s.calls, ["kiosk:bcdf ghjk"])
    }

    function test_delete_needs_confirmation() {
        const s = shop({ phase: "signedIn", grantedScopes: [ { scope: "email", title: "Your email address", detail: "x" } ],
                         sharedClaims: [ { label: "Email", value: "aiko@example.com" } ] })
        const p = createTemporaryObject(privacyComponent, test, { shop: s })
        click(p, "downloadButton")
        compare(s.calls, ["download"])
        verify(!p.confirming)
        click(p, "deleteButton")
        tryVerify(() => p.confirming)
        compare(s.calls, ["download"]) // nothing deleted yet
        const cancel = findChild(p, "deleteCancelButton")
        mouseClick(cancel)
        tryVerify(() => !p.confirming)
        compare(s.calls, ["download"])
        click(p, "deleteButton")
        tryVerify(() => p.confirming)
        mouseClick(findChild(p, "deleteConfirmButton"))
        compare(s.calls, ["download", "delete"])
    }

    function test_locked_screen() {
        const s = shop({ phase: "locked" })
        const l = createTemporaryObject(lockedComponent, test, { shop: s })
        click(l, "unlockButton")
        click(l, "freshSignInButton")
        compare(s.calls, ["unlock", "forget"])
    }
}
