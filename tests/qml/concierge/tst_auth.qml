// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Concierge

Item {
    Auth {
        id: unconfigured
    }
    Auth {
        id: auth
        issuer: fakeIdp.issuer
        clientId: fakeIdp.clientId
        scopes: ["openid", "profile", "email"]
        storage: Session.Keychain
        profile: "kiosk"
    }
    SignalSpy { id: errors; target: unconfigured; signalName: "errorChanged" }

    TestCase {
        name: "Auth"

        function test_defaults() {
            compare(auth.state, Session.SignedOut)
            verify(!auth.signedIn)
            verify(!auth.busy)
            verify(auth.session !== null)
            compare(auth.name, "")
            compare(Object.keys(auth.claims).length, 0)
            verify(!auth.error.isError)
            compare(auth.storage, Session.Keychain)
            auth.storage = Session.Memory
            compare(auth.storage, Session.Memory)
        }

        function test_unconfiguredFailsClearly() {
            compare(unconfigured.session, null)
            unconfigured.signIn()
            verify(unconfigured.error.isError)
            compare(unconfigured.error.id, "invalid_configuration")
            verify(unconfigured.error.message.length > 0)
            unconfigured.clearError()
            verify(!unconfigured.error.isError)
        }

        function test_requestWithoutSignIn() {
            let answer = null
            auth.get(fakeIdp.issuer + "/api/me", function (r) { answer = r })
            tryVerify(() => answer !== null, 5000)
            compare(answer.ok, false)
            compare(answer.error.id, "not_signed_in")
        }

        function test_restoreNothing() {
            auth.storage = Session.Memory
            let answer = null
            auth.restore(function (r) { answer = r })
            tryVerify(() => answer !== null, 5000)
            compare(answer.ok, true)
            compare(answer.restored, false)
            verify(!auth.signedIn)
        }
    }
}
