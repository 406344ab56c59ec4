// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Fakes for unit tests: a tiny HTTP server standing in for an OpenID Provider (FakeIdp) and a
// user agent that follows the authorization redirect like a browser would (FakeUserAgent).
#pragma once

#include "platform/useragent_p.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QTcpServer>

#include <functional>

namespace Concierge::Test {

struct FakeRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; //!< names lower-cased
    QByteArray body;
    QString formValue(const QString &name) const;
};

struct FakeReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    static FakeReply json(const QJsonObject &object, int status = 200);
    static FakeReply redirect(const QUrl &location);
};

//! HTTP/1.1 on 127.0.0.1:0, one handler per path, every request recorded.
class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<FakeReply(const FakeRequest &)>;
    explicit FakeHttpServer(QObject *parent = nullptr);
    bool listen();
    QString baseUrl() const;
    void route(const QString &path, Handler handler) { m_routes.insert(path, std::move(handler)); }
    QList<FakeRequest> requests;
    int count(const QString &path) const;

private:
    void onConnection();
    QTcpServer m_server;
    QMap<QString, Handler> m_routes;
};

/*!
  A FAKE OpenID Provider for unit tests: discovery, JWKS, an authorization endpoint that approves at
  once (302 back to the redirect URI with code, state, iss), and a token endpoint that checks the
  PKCE verifier and issues an ID token built by \c claims and signed by \c sign. Every knob a test
  needs to misbehave is a public member.
*/
class FakeIdp : public FakeHttpServer
{
    Q_OBJECT
public:
    explicit FakeIdp(QObject *parent = nullptr);
    bool start();
    QString issuer() const { return baseUrl(); }

    // Knobs
    std::function<QByteArray(const QJsonObject &claims)> sign; //!< compact JWS of the claims
    QByteArray jwks;                                           //!< served at /jwks
    std::function<void(QJsonObject &claims)> editClaims;       //!< tamper with the ID token
    std::function<void(QJsonObject &discovery)> editDiscovery;
    std::function<void(QUrlQuery &redirect)> editRedirect;      //!< tamper with the authorization response
    std::function<FakeReply(const FakeRequest &)> tokenOverride; //!< replace the token endpoint
    QString subject = QStringLiteral("shopper-0001");
    qint64 expiresIn = 3600;
    bool issueRefreshToken = true;
    int codesIssued = 0;
    bool rotateRefreshTokens = true;
    int refreshGrants = 0;
    QStringList revoked;                       //!< tokens revoked at /revoke
    QMap<QString, QUrlQuery> pushed;           //!< PAR: request_uri -> pushed parameters
    QMap<QString, QString> liveRefreshTokens;  //!< refresh token -> client id
    QString lastCodeChallenge;

private:
    FakeReply authorize(const FakeRequest &request);
    FakeReply token(const FakeRequest &request);
    FakeReply issue(const QString &clientId, const QString &nonce, bool withIdToken);
    struct Grant { QString clientId, redirectUri, nonce, challenge; };
    QMap<QString, Grant> m_codes;
};

/*!
  A FAKE user agent: GETs the authorization URL without following redirects, takes the Location
  and GETs it (the loopback listener), as a browser would. \c onOpen sees the URL first.
*/
class FakeUserAgent : public Internal::UserAgent
{
    Q_OBJECT
public:
    Result<void> open(const QUrl &url) override;
    std::function<void(const QUrl &)> onOpen;
    bool follow = true;
    QList<QUrl> opened;
    int loopbackStatus = 0; //!< HTTP status the loopback listener answered

private:
    QNetworkAccessManager m_nam;
};

} // namespace Concierge::Test
