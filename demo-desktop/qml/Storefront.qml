// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import Concierge

// The store's API (<storefront>/v1): the catalogue is public; the shopper's profile, cart and offers
// are sent with the shopper's access token by Auth.get(). The storefront URL comes from the issuer's
// GET /__dev/services (the dev IdP), or <issuer>/storefront.
QtObject {
    id: store
    required property Auth auth
    property string issuer
    property string base: issuer.length ? issuer + "/storefront" : ""
    readonly property string api: base + "/v1"

    property var products: []
    property var me: null
    property var cart: null
    property var offers: []
    property bool visitLoaded: false
    property string visitError: ""      // "", "offline", "refused"

    function discover(done) {
        const xhr = new XMLHttpRequest()
        xhr.onreadystatechange = function () {
            if (xhr.readyState !== XMLHttpRequest.DONE)
                return
            if (xhr.status === 200) {
                try {
                    const services = JSON.parse(xhr.responseText)
                    if (typeof services.storefront === "string" && services.storefront.length)
                        store.base = services.storefront
                } catch (e) { /* keep the default */ }
            }
            if (done) done()
        }
        xhr.open("GET", issuer + "/__dev/services")
        xhr.send()
    }

    // The public catalogue in `lang`; done(ok) when it answered (or failed).
    function loadProducts(lang, done) {
        const xhr = new XMLHttpRequest()
        xhr.onreadystatechange = function () {
            if (xhr.readyState !== XMLHttpRequest.DONE)
                return
            let ok = false
            if (xhr.status === 200) {
                try {
                    store.products = JSON.parse(xhr.responseText).products || []
                    ok = true
                } catch (e) { /* keep what is shown */ }
            }
            if (done) done(ok)
        }
        xhr.open("GET", api + "/products?lang=" + lang)
        xhr.send()
    }

    // Profile, cart and offers for the signed-in shopper; done(ok) once all three answered.
    function loadVisit(lang, done) {
        visitLoaded = false
        visitError = ""
        let pending = 3
        let failed = ""
        const finish = function (reply) {
            if (!reply.ok)
                failed = reply.status === 0 ? "offline" : "refused"
            if (--pending > 0)
                return
            store.visitError = failed
            store.visitLoaded = failed === ""
            if (done) done(failed === "")
        }
        auth.get(api + "/me?lang=" + lang, function (r) { if (r.ok) store.me = r.json; finish(r) })
        auth.get(api + "/me/cart?lang=" + lang, function (r) { if (r.ok) store.cart = r.json; finish(r) })
        auth.get(api + "/me/offers?lang=" + lang, function (r) { if (r.ok) store.offers = r.json.offers || []; finish(r) })
    }

    function clearVisit() {
        me = null
        cart = null
        offers = []
        visitLoaded = false
        visitError = ""
    }
}
