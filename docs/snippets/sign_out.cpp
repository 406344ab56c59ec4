// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/guides/sign-out.md: compiled and linked by the target concierge_doc_snippets.
#include "snippets.h"

#include <concierge/session.h>

using namespace Concierge;

void Snippets::signOut(Session &session)
{
//! [sign-out]
// Wipes the stored record, revokes the refresh and access tokens (RFC 7009) when the provider
// has a revocation endpoint, then emits signedOut(). It cannot fail from the app's point of view.
QObject::connect(&session, &Session::signedOut, &session, [] { qInfo() << "signed out"; });
session.signOut();
//! [sign-out]
}

void Snippets::signOutEverywhere(QObject *parent)
{
//! [sign-out-browser]
ProviderConfig config(QStringLiteral("https://id.example.com"), QStringLiteral("shop-desktop"));
// Where the provider sends the browser after the logout. Default (empty): the SDK's loopback
// listener at http://127.0.0.1/logout on a free port; register that as a post-logout redirect URI.
config.setPostLogoutRedirectUri(QUrl(QStringLiteral("http://127.0.0.1/logout")));
auto *session = new Session(config, parent);

// ... later, on "Sign out of this device and the browser":
SignOutOptions options;
options.revokeTokens = true; // the default
options.endSession = true;   // also end the provider's browser session (RP-initiated logout)
session->signOut(options);
//! [sign-out-browser]
}
