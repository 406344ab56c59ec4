// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/guides/token-refresh.md: compiled and linked by the target concierge_doc_snippets.
#include "snippets.h"

#include <concierge/session.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>

using namespace Concierge;

void Snippets::withFreshToken(Session &session, QObject *context)
{
    static QNetworkAccessManager network;
//! [with-fresh-token]
// `context` is the object whose lifetime the answer depends on (a page, a model): when it is
// destroyed first, the callback is never called.
session.withFreshToken(context, [](const Result<QByteArray> &token) {
    if (!token) {
        qWarning() << "no token:" << token.error().id(); // e.g. network_error: try again later
        return;
    }
    QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/orders")));
    request.setRawHeader("Authorization", "Bearer " + *token);
    network.get(request); // your own QNetworkAccessManager
});
//! [with-fresh-token]
}

void Snippets::freshTokenFuture(Session &session, QObject *context)
{
//! [fresh-token-future]
session.freshToken()
    .then(context, [](const QByteArray &token) {
        qInfo() << "a fresh access token of" << token.size() << "bytes"; // never log the token itself
    })
    .onFailed(context, [](const ErrorException &failure) {
        qWarning() << "no token:" << failure.error().id();
    });
//! [fresh-token-future]
}

void Snippets::sendRequest(Session &session, QObject *context)
{
//! [send-request]
QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/orders")));
request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("sku"), QStringLiteral("tea-01")}}).toJson();

session.sendRequest("POST", request, body, context, [](const Result<HttpReply> &reply) {
    if (!reply) {                       // no answer: network, TLS, not signed in, insecure URL
        qWarning() << reply.error().id();
        return;
    }
    if (reply->status == 401) {         // still refused after one refresh and one retry
        qWarning() << "the API does not accept this sign-in";
        return;
    }
    const QJsonObject order = QJsonDocument::fromJson(reply->body).object();
    qInfo() << "order" << order.value(QStringLiteral("id")).toString();
});
//! [send-request]
}

void Snippets::refreshSettings(Session &session)
{
//! [refresh-settings]
session.setRefreshMarginSeconds(120); // refresh when less than 2 minutes (+ up to 10 % jitter) are left
QObject::connect(&session, &Session::refreshed, &session, [] { qInfo() << "tokens refreshed"; });
QObject::connect(&session, &Session::signedOut, &session, [] {
    // The grant is dead (invalid_grant) or the person signed out: show the sign-in screen.
});
//! [refresh-settings]
}
