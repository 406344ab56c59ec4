// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// A kiosk visit in QML against the FAKE provider: device sign-in, the QR code of the verification
// link, the shopper's claims, an authorized request, "Done" (sign-out with revocation), and the
// failure cases a kiosk shows (denied, unreachable provider, cancel).
import QtQuick
import QtTest
import Concierge

Item {
    width: 400
    height: 400

    Auth {
        id: auth
        issuer: fakeIdp.issuer
        clientId: fakeIdp.clientId
        scopes: ["openid", "profile", "email"]
    }
    DeviceSignIn { id: device; auth: auth }
    KioskPolicy { id: kiosk; auth: auth; idleTimeoutSeconds: 120; warningSeconds: 10 }
    QrCode { id: qr; text: device.qr; width: 300; height: 300 }

    Auth { id: offline; issuer: fakeIdp.unreachableIssuer; clientId: fakeIdp.clientId }
    DeviceSignIn { id: offlineDevice; auth: offline }
    DeviceSignIn { id: orphan }

    SignalSpy { id: signedIn; target: device; signalName: "signedIn" }
    SignalSpy { id: failed; target: device; signalName: "failed" }
    SignalSpy { id: cancelled; target: device; signalName: "cancelled" }
    SignalSpy { id: finished; target: device; signalName: "finished" }
    SignalSpy { id: ended; target: kiosk; signalName: "ended" }
    SignalSpy { id: offlineFailed; target: offlineDevice; signalName: "failed" }
    SignalSpy { id: orphanFailed; target: orphan; signalName: "failed" }

    TestCase {
        name: "DeviceSignIn"
        when: windowShown

        function init() {
            fakeIdp.reset(false)
            for (const spy of [signedIn, failed, cancelled, finished, ended, offlineFailed, orphanFailed])
                spy.clear()
        }

        function test_1_visit() {
            compare(device.state, DeviceSignIn.Idle)
            compare(kiosk.state, KioskPolicy.Inactive)
            device.start()
            tryVerify(() => device.userCode === fakeIdp.userCode || !device.running, 5000)
            compare(device.error.id, "none")
            compare(device.userCode, fakeIdp.userCode)
            verify(device.running)
            compare(device.verificationUriComplete.toString(), fakeIdp.issuer + "/activate?user_code=" + fakeIdp.userCode)
            compare(device.qr, device.verificationUriComplete.toString())
            verify(qr.valid)
            verify(device.secondsLeft > 100 && device.secondsLeft <= 120, device.secondsLeft)
            compare(device.lifetimeSeconds, 120)
            compare(device.pollInterval, 1)

            signedIn.wait(10000)
            compare(finished.count, 1)
            compare(device.state, DeviceSignIn.SignedIn)
            verify(!device.error.isError)
            verify(auth.signedIn)
            compare(auth.name, "Aiko Tanaka")
            compare(auth.email, "aiko@example.com")
            compare(auth.claims.sub, "shopper-0001")
            compare(kiosk.state, KioskPolicy.Active)
            verify(kiosk.secondsLeft > 110)

            let me = null
            auth.get(fakeIdp.issuer + "/api/me", function (r) { me = r })
            tryVerify(() => me !== null, 5000)
            compare(me.ok, true)
            compare(me.status, 200)
            compare(me.json.loyalty.tier, "gold")

            kiosk.done()
            ended.wait(5000)
            compare(ended.signalArguments[0][0], KioskPolicy.Done)
            verify(!auth.signedIn)
            compare(Object.keys(auth.claims).length, 0)
            verify(fakeIdp.revoked().indexOf("at-qml-1") >= 0)
            verify(fakeIdp.revoked().indexOf("rt-qml-1") >= 0)

            let after = null
            auth.get(fakeIdp.issuer + "/api/me", function (r) { after = r })
            tryVerify(() => after !== null, 5000)
            compare(after.ok, false)
        }

        function test_2_denied() {
            fakeIdp.reset(true)
            device.start()
            failed.wait(10000)
            compare(failed.signalArguments[0][0].id, "access_denied")
            compare(device.state, DeviceSignIn.Failed)
            compare(device.error.id, "access_denied")
            compare(signedIn.count, 0)
            verify(!auth.signedIn)
            compare(finished.count, 1)
        }

        function test_3_cancel() {
            device.start()
            tryCompare(device, "userCode", fakeIdp.userCode, 5000)
            device.cancel()
            compare(cancelled.count, 1)
            compare(failed.count, 0)
            compare(device.state, DeviceSignIn.Cancelled)
            compare(device.secondsLeft, 0)
            wait(1500) // no poll answer may end it again
            compare(finished.count, 1)
        }

        function test_4_offline() {
            offlineDevice.start()
            offlineFailed.wait(10000)
            compare(offlineFailed.signalArguments[0][0].id, "network_error")
            compare(offlineDevice.state, DeviceSignIn.Failed)
        }

        function test_5_withoutAuth() {
            orphan.start()
            orphanFailed.wait(2000)
            compare(orphanFailed.signalArguments[0][0].id, "invalid_configuration")
            compare(orphan.state, DeviceSignIn.Failed)
        }
    }
}
