// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/guides/dpop.md: compiled and linked by the target concierge_doc_snippets.
#include "snippets.h"

#include <concierge/session.h>

using namespace Concierge;

void Snippets::dpop(QObject *parent)
{
//! [dpop]
ProviderConfig config(QStringLiteral("https://id.example.com"), QStringLiteral("shop-desktop"));
config.setDpopEnabled(true); // used when the provider offers DPoP with ES256; else Bearer

auto *session = new Session(config, parent);
QObject::connect(session, &Session::signedIn, session, [session] {
    // "DPoP" when the tokens are bound to this sign-in's key, "Bearer" after a fallback.
    qInfo() << "token type:" << session->tokens().tokenType();

    // sendRequest() adds the DPoP proof (with ath) and answers a use_dpop_nonce challenge once.
    QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/me")));
    session->sendRequest("GET", request, {}, session, [](const Result<HttpReply> &reply) {
        qInfo() << (reply ? reply->status : 0);
    });
});
session->signIn();
//! [dpop]
}
