// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Window
import Concierge
import Kiosk

// Hikari Market's kiosk: attract -> sign in with your phone -> welcome -> (idle | Done) -> attract.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    minimumWidth: 960
    minimumHeight: 600
    visible: false // main.cpp shows it (full screen unless --windowed)
    title: qsTr("Hikari Market")
    color: Theme.paper
    font.family: Theme.fontFamily

    // attract | signin | welcome | error; the idle warning is an overlay on welcome.
    property string screen: "attract"
    property string errorKind: ""      // denied | expired | offline | other
    property string errorId: ""
    property bool loadingVisit: false

    onWidthChanged: Theme.scale = Math.min(width / 1280, height / 800)
    onHeightChanged: Theme.scale = Math.min(width / 1280, height / 800)
    Component.onCompleted: {
        Theme.scale = Math.min(width / 1280, height / 800)
        // The attract screen is announced (and photographed) once the shelves are filled, or failed.
        store.discover(function () { store.loadProducts(App.language, function () { window.started = true }) })
    }
    property bool started: false
    Timer { interval: 3000; running: !window.started; onTriggered: window.started = true } // a silent network
    onStartedChanged: App.screenShown(screen)
    onScreenChanged: if (started) App.screenShown(screen)

    Auth {
        id: auth
        issuer: App.issuer
        clientId: App.clientId
        scopes: ["openid", "profile", "email"]
        storage: Session.Memory
        onSignedIn: window.loadVisit()
    }

    DeviceSignIn {
        id: device
        auth: auth
        onVerificationChanged: {
            if (userCode.length)
                App.event({ event: "device_code", verification_uri_complete: verificationUriComplete.toString(),
                            verification_uri: verificationUri.toString(), user_code: userCode,
                            expires_in: secondsLeft })
        }
        onFailed: (error) => window.showError(error.id)
    }

    KioskPolicy {
        id: kiosk
        auth: auth
        idleTimeoutSeconds: App.idleSeconds
        warningSeconds: App.warningSeconds
        onWarningStarted: App.screenShown("idle_warning")
        property bool idleShown: false
        onStateChanged: {
            if (state === KioskPolicy.Active && window.screen === "welcome" && idleShown)
                App.screenShown("welcome")
            idleShown = state === KioskPolicy.Warning
            // The tokens are gone from memory the moment the sign-out starts: the shopper's data
            // leaves the screen at once, whatever the revocation requests still take.
            if (state === KioskPolicy.SigningOut)
                window.endVisit()
        }
        onEnded: (reason) => {
            const why = reason === KioskPolicy.Idle ? "idle" : reason === KioskPolicy.Done ? "done" : "session"
            window.endVisit()
            App.event({ event: "signed_out", reason: why })
            App.probeRevokedToken()
        }
    }

    function endVisit() {
        store.clearVisit()
        App.language = App.defaultLanguage // the next shopper starts in the store's language
        if (screen !== "error")
            screen = "attract"
    }

    Storefront {
        id: store
        auth: auth
        issuer: App.issuer
    }

    Connections {
        target: App
        function onLanguageChanged() { store.loadProducts(App.language) }
    }

    function startSignIn() {
        errorKind = ""
        screen = "signin"
        device.start()
    }

    function cancelSignIn() {
        device.cancel()
        screen = "attract"
    }

    function showError(id) {
        errorId = id
        errorKind = id === "access_denied" ? "denied"
                  : id === "expired_token" ? "expired"
                  : (id === "network_error" || id === "timeout" || id === "server_error" || id === "tls_error") ? "offline"
                  : "other"
        App.event({ event: "error", code: id, kind: errorKind })
        screen = "error"
    }

    function loadVisit() {
        loadingVisit = true
        App.rememberVisitToken(store.base + "/v1", auth)
        store.loadVisit(App.language, function (ok) {
            loadingVisit = false
            if (!ok) {
                // Without the shopper's data there is nothing to show: end the visit cleanly.
                window.showError(store.visitError === "offline" ? "network_error" : "storefront_refused")
                kiosk.done()
                return
            }
            App.event({ event: "signed_in", name: store.me ? store.me.name : auth.name,
                        tier: store.me && store.me.loyalty ? store.me.loyalty.tier : "",
                        cart_items: store.cart ? store.cart.item_count : 0, lang: App.language })
            screen = "welcome"
        })
    }

    // No screen half faded in or out (screenshots wait for this).
    readonly property bool settled: {
        for (let i = 0; i < stage.children.length; ++i) {
            const o = stage.children[i].opacity
            if (o > 0 && o < 1)
                return false
        }
        return true
    }

    Item {
        id: stage
        anchors.fill: parent

        AttractScreen {
            anchors.fill: parent
            active: window.screen === "attract"
            products: store.products
            onSignInRequested: window.startSignIn()
        }
        SignInScreen {
            anchors.fill: parent
            active: window.screen === "signin"
            device: device
            finishing: window.loadingVisit
            onCancelRequested: window.cancelSignIn()
        }
        WelcomeScreen {
            anchors.fill: parent
            active: window.screen === "welcome"
            me: store.me
            cart: store.cart
            offers: store.offers
            onDoneRequested: kiosk.done()
        }
        ErrorScreen {
            anchors.fill: parent
            active: window.screen === "error"
            kind: window.errorKind
            errorId: window.errorId
            onRetryRequested: window.startSignIn()
            onBackRequested: window.screen = "attract"
        }
        IdleWarning {
            anchors.fill: parent
            shown: kiosk.warning && window.screen === "welcome"
            secondsLeft: kiosk.secondsLeft
            totalSeconds: kiosk.warningSeconds
            onStayRequested: kiosk.noteActivity()
            onSignOutRequested: kiosk.done()
        }
    }
}
