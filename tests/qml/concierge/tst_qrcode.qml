// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
import QtQuick
import QtTest
import Concierge

Item {
    id: root
    width: 400
    height: 400

    QrCode {
        id: qr
        width: 330
        height: 330
        text: "http://127.0.0.1:9000/device?user_code=WDJB-MJHT"
    }

    TestCase {
        name: "QrCode"
        when: windowShown
        readonly property string link: "http://127.0.0.1:9000/device?user_code=WDJB-MJHT"

        function init() {
            qr.text = link
            qr.darkColor = "black"
            qr.lightColor = "white"
        }

        function test_valid() {
            verify(qr.valid)
            // at least version 3 (29 modules) for this link at level M, plus 4 quiet modules on each side
            verify(qr.moduleCount >= 29 + 8, qr.moduleCount)
            qr.text = "short"
            verify(qr.moduleCount < 29 + 8) // the smallest version that fits
            verify(qr.implicitWidth > 0)
        }

        function test_drawsFinderPatternAndQuietZone() {
            const image = grabImage(qr)
            const module = Math.floor(330 / qr.moduleCount)
            const origin = Math.round((330 - module * qr.moduleCount) / 2)
            const at = (mx, my) => image.pixel(origin + mx * module + module / 2, origin + my * module + module / 2)
            // quiet zone is light, the finder pattern's corner (module 4,4) and centre (7,7) are dark,
            // and its inner ring (5,5) is light
            compare(Qt.colorEqual(at(1, 1), "white"), true)
            compare(Qt.colorEqual(at(4, 4), "black"), true)
            compare(Qt.colorEqual(at(7, 7), "black"), true)
            compare(Qt.colorEqual(at(5, 5), "white"), true)
        }

        function test_emptyOrTooLong() {
            qr.text = ""
            verify(!qr.valid)
            compare(qr.moduleCount, 0)
            let big = ""
            for (let i = 0; i < 400; ++i)
                big += "0123456789"
            qr.text = big
            verify(!qr.valid)
            qr.text = "hello"
            verify(qr.valid)
        }

        function test_colours() {
            qr.text = "colour"
            qr.darkColor = "#1d2433"
            qr.lightColor = "#faf7f2"
            const image = grabImage(qr)
            compare(Qt.colorEqual(image.pixel(1, 1), "#faf7f2"), true)
        }
    }
}
