// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Concierge

Item {
    Auth {
        id: auth
        issuer: fakeIdp.issuer
        clientId: fakeIdp.clientId
        storage: Session.Keychain // the policy turns this into memory
    }
    KioskPolicy {
        id: kiosk
        auth: auth
        idleTimeoutSeconds: 0 // clamped to 1 by the core
        warningSeconds: 5
    }

    TestCase {
        name: "KioskPolicy"

        function test_forcesMemory() {
            compare(auth.storage, Session.Memory)
        }

        function test_idleState() {
            compare(kiosk.state, KioskPolicy.Inactive)
            verify(!kiosk.warning)
            compare(kiosk.secondsLeft, 0)
            verify(kiosk.watchInput)
            kiosk.noteActivity() // nobody signed in: nothing happens
            kiosk.done()
            compare(kiosk.state, KioskPolicy.Inactive)
        }
    }
}
