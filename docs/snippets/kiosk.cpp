// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/guides/kiosk.md: compiled and linked by the target concierge_doc_snippets.
#include "snippets.h"

#include <concierge/devicesignin.h>
#include <concierge/qrcode.h>
#include <concierge/session.h>
#include <concierge/translation.h>

#include <QtGui/QImage>

using namespace Concierge;

void Snippets::kiosk(QObject *parent)
{
//! [kiosk]
ProviderConfig config(QStringLiteral("https://id.example.com"), QStringLiteral("shop-kiosk"));
config.setScopes({QStringLiteral("openid"), QStringLiteral("profile")}); // no offline_access on a shared screen

auto *session = new Session(config, parent);
session->setStorage(Session::Storage::Memory); // the default: a kiosk keeps nothing on disk

auto *device = new DeviceSignIn(session, parent);
QObject::connect(device, &DeviceSignIn::verificationChanged, device, [device] {
    if (device->userCode().isEmpty())
        return;
    // What the phone scans: the URI with the code in it, or the plain URI when there is none.
    const QUrl target = device->verificationUriComplete().isEmpty() ? device->verificationUri()
                                                                    : device->verificationUriComplete();
    const QImage qr = QrCode::encode(target.toString(QUrl::FullyEncoded), 8);
    const QString text = deviceSignInInstructions(device->verificationUri(), device->userCode());
    // show qr and text; a countdown from device->secondsLeft() (secondsLeftChanged)
    Q_UNUSED(qr);
    Q_UNUSED(text);
});
QObject::connect(device, &DeviceSignIn::finished, device, [session](const Error &error) {
    if (!error.isError())
        qInfo() << "welcome," << session->tokens().idToken().claim(QStringLiteral("name")).toString();
    else if (error.code() == Error::Code::ExpiredToken)
        qInfo() << "the code expired: start again"; // start() shows a new code
});
device->start();
//! [kiosk]
//! [kiosk-end]
// When the shopper walks away (or taps "Done"): forget everything, revoke at the provider.
session->signOut();
//! [kiosk-end]
}
