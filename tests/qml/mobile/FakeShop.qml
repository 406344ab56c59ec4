// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// A FAKE of the app's Shop view model: the same properties, and invokables that record their calls.
import QtQuick

QtObject {
    property string phase: "signedOut"
    property bool busy: false
    property string busyText: ""
    property bool online: true
    property string errorText: ""
    property string noticeText: ""
    property string displayName: "Aiko Tanaka"
    property string email: "aiko@example.com"
    property string tier: "gold"
    property int points: 12480
    property string phone: ""
    property string birthday: ""
    property var cart: []
    property int cartTotal: 0
    property var offers: []
    property var products: []
    property bool storefrontLoaded: true
    property var grantedScopes: []
    property var sharedClaims: []
    property string magicLinkEmail: ""
    property bool socialAvailable: true
    property bool magicLinkAvailable: true
    property bool biometricAvailable: true
    property bool biometricEnabled: false
    property string biometricStatus: ""
    property string lastDownload: ""
    property var calls: []
    signal event(string name, var details)

    function record(name, arg) { calls = calls.concat([arg === undefined ? name : name + ":" + arg]) }
    function signInWithPassword() { record("password") }
    function signInWithProvider(p) { record("provider", p) }
    function sendMagicLink(e) { record("magic", e) }
    function completeWithCode(c) { record("code", c) }
    function cancelSignIn() { record("cancel") }
    function clearError() { errorText = ""; record("clearError") }
    function clearNotice() { noticeText = "" }
    function refreshBiometric() { record("refreshBiometric") }
    function setBiometricEnabled(on) { record("biometric", on) }
    function unlock() { record("unlock") }
    function forgetAndSignIn() { record("forget") }
    function approveKiosk(c) { record("kiosk", c) }
    function requestScope(s) { record("scope", s) }
    function addToCart(id) { record("add", id) }
    function downloadMyData() { record("download") }
    function signOut() { record("signOut") }
    function signOutEverywhere() { record("signOutEverywhere") }
    function deleteAccount() { record("delete") }
}
