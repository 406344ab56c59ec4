// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "testsupport.h"

#include "core/random_p.h"

#include <concierge/pkce.h>

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpSocket>

namespace Concierge::Test {

QString FakeRequest::formValue(const QString &name) const
{
    QByteArray b = body;
    b.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(b)).queryItemValue(name, QUrl::FullyDecoded);
}

FakeReply FakeReply::json(const QJsonObject &object, int status)
{
    FakeReply r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

FakeReply FakeReply::redirect(const QUrl &location)
{
    FakeReply r;
    r.status = 302;
    r.contentType = "text/plain";
    r.headers.append({"Location", location.toEncoded()});
    return r;
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onConnection);
}

bool FakeHttpServer::listen()
{
    return m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
}

QString FakeHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

int FakeHttpServer::count(const QString &path) const
{
    int n = 0;
    for (const auto &r : requests)
        n += r.path == path;
    return n;
}

void FakeHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray buffer = socket->property("buf").toByteArray() + socket->readAll();
            const auto headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                socket->setProperty("buf", buffer);
                return;
            }
            FakeRequest request;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            const QUrl target = QUrl::fromEncoded(first.value(1));
            request.path = target.path();
            request.query = QUrlQuery(target);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const auto colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            length = request.headers.value("content-length").toLongLong();
            const QByteArray body = buffer.mid(headerEnd + 4);
            if (body.size() < length) {
                socket->setProperty("buf", buffer);
                return;
            }
            socket->setProperty("buf", QByteArray());
            request.body = body.left(length);
            requests.append(request);
            const auto handler = m_routes.value(request.path);
            FakeReply reply = handler ? handler(request) : FakeReply{404, "not found", "text/plain", {}};
            QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\nContent-Type: " + reply.contentType
                + "\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n";
            for (const auto &[k, v] : reply.headers)
                out += k + ": " + v + "\r\n";
            socket->write(out + "\r\n" + reply.body);
            socket->disconnectFromHost();
        });
    }
}

FakeIdp::FakeIdp(QObject *parent)
    : FakeHttpServer(parent)
{
    route(QStringLiteral("/.well-known/openid-configuration"), [this](const FakeRequest &) {
        const QString base = issuer();
        QJsonObject d{{QStringLiteral("issuer"), base},
                      {QStringLiteral("authorization_endpoint"), base + QStringLiteral("/authorize")},
                      {QStringLiteral("token_endpoint"), base + QStringLiteral("/token")},
                      {QStringLiteral("jwks_uri"), base + QStringLiteral("/jwks")},
                      {QStringLiteral("userinfo_endpoint"), base + QStringLiteral("/userinfo")},
                      {QStringLiteral("revocation_endpoint"), base + QStringLiteral("/revoke")},
                      {QStringLiteral("end_session_endpoint"), base + QStringLiteral("/end-session")},
                      {QStringLiteral("id_token_signing_alg_values_supported"),
                       QJsonArray{QStringLiteral("RS256"), QStringLiteral("ES256"), QStringLiteral("PS256"), QStringLiteral("EdDSA")}},
                      {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
                      {QStringLiteral("authorization_response_iss_parameter_supported"), true}};
        if (editDiscovery)
            editDiscovery(d);
        return FakeReply::json(d);
    });
    route(QStringLiteral("/jwks"), [this](const FakeRequest &) {
        FakeReply r;
        r.body = jwks;
        return r;
    });
    route(QStringLiteral("/authorize"), [this](const FakeRequest &r) { return authorize(r); });
    route(QStringLiteral("/token"), [this](const FakeRequest &r) { return tokenOverride ? tokenOverride(r) : token(r); });
    route(QStringLiteral("/par"), [this](const FakeRequest &r) {
        QByteArray body = r.body;
        body.replace('+', ' ');
        const QString uri = QStringLiteral("urn:ietf:params:oauth:request_uri:") + QString::fromLatin1(Internal::secureRandomToken(12));
        pushed.insert(uri, QUrlQuery(QString::fromUtf8(body)));
        return FakeReply::json({{QStringLiteral("request_uri"), uri}, {QStringLiteral("expires_in"), 60}}, 201);
    });
    // RP-initiated logout: back to post_logout_redirect_uri with the client's state.
    route(QStringLiteral("/end-session"), [](const FakeRequest &r) {
        QUrl back(r.query.queryItemValue(QStringLiteral("post_logout_redirect_uri"), QUrl::FullyDecoded));
        if (!back.isValid() || back.isEmpty())
            return FakeReply{200, "signed out", "text/plain", {}};
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("state"), r.query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
        back.setQuery(q);
        return FakeReply::redirect(back);
    });
    route(QStringLiteral("/revoke"), [this](const FakeRequest &r) {
        const QString token = r.formValue(QStringLiteral("token"));
        revoked.append(token);
        liveRefreshTokens.remove(token);
        return FakeReply{200, "", "text/plain", {}};
    });
    route(QStringLiteral("/userinfo"), [this](const FakeRequest &r) {
        if (!r.headers.value("authorization").startsWith("Bearer "))
            return FakeReply{401, "{}", "application/json", {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}}};
        return FakeReply::json({{QStringLiteral("sub"), subject}, {QStringLiteral("email"), QStringLiteral("aiko@example.com")}});
    });
}

bool FakeIdp::start()
{
    return listen();
}

FakeReply FakeIdp::authorize(const FakeRequest &request)
{
    // PAR (RFC 9126): the parameters were pushed; the URL carries client_id and request_uri only.
    const QString requestUri = request.query.queryItemValue(QStringLiteral("request_uri"), QUrl::FullyDecoded);
    if (!requestUri.isEmpty() && !pushed.contains(requestUri))
        return FakeReply{400, "unknown request_uri", "text/plain", {}};
    const QUrlQuery q = requestUri.isEmpty() ? request.query : pushed.take(requestUri);
    const QString code = QString::fromLatin1(Internal::secureRandomToken(16));
    Grant g{q.queryItemValue(QStringLiteral("client_id")), q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
            q.queryItemValue(QStringLiteral("nonce"), QUrl::FullyDecoded), q.queryItemValue(QStringLiteral("code_challenge"))};
    lastCodeChallenge = g.challenge;
    m_codes.insert(code, g);
    ++codesIssued;
    QUrl redirect(g.redirectUri);
    QUrlQuery response;
    response.addQueryItem(QStringLiteral("code"), code);
    response.addQueryItem(QStringLiteral("state"), q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
    response.addQueryItem(QStringLiteral("iss"), QString::fromLatin1(QUrl::toPercentEncoding(issuer())));
    if (editRedirect)
        editRedirect(response);
    redirect.setQuery(response);
    return FakeReply::redirect(redirect);
}

FakeReply FakeIdp::token(const FakeRequest &request)
{
    const auto fail = [](const char *error) {
        return FakeReply::json({{QStringLiteral("error"), QLatin1String(error)}}, 400);
    };
    if (request.formValue(QStringLiteral("grant_type")) == QLatin1String("refresh_token")) {
        ++refreshGrants;
        const QString rt = request.formValue(QStringLiteral("refresh_token"));
        if (!liveRefreshTokens.contains(rt))
            return fail("invalid_grant");
        const QString clientId = liveRefreshTokens.value(rt);
        if (rotateRefreshTokens)
            liveRefreshTokens.remove(rt);
        FakeReply reply = issue(clientId, QString(), true);
        if (!rotateRefreshTokens) {
            QJsonObject body = QJsonDocument::fromJson(reply.body).object();
            liveRefreshTokens.remove(body.value(QStringLiteral("refresh_token")).toString());
            body.remove(QStringLiteral("refresh_token"));
            reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return reply;
    }
    if (request.formValue(QStringLiteral("grant_type")) != QLatin1String("authorization_code"))
        return fail("unsupported_grant_type");
    const QString code = request.formValue(QStringLiteral("code"));
    if (!m_codes.contains(code))
        return fail("invalid_grant");
    const Grant g = m_codes.take(code); // single use
    if (request.formValue(QStringLiteral("redirect_uri")) != g.redirectUri
        || request.formValue(QStringLiteral("client_id")) != g.clientId
        || QString::fromLatin1(Pkce::s256Challenge(request.formValue(QStringLiteral("code_verifier")).toLatin1())) != g.challenge)
        return fail("invalid_grant");
    return issue(g.clientId, g.nonce, true);
}

FakeReply FakeIdp::issue(const QString &clientId, const QString &nonce, bool withIdToken)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString accessToken = QString::fromLatin1(Internal::secureRandomToken(24));
    QJsonObject claims{{QStringLiteral("iss"), issuer()},    {QStringLiteral("sub"), subject},
                       {QStringLiteral("aud"), clientId},    {QStringLiteral("exp"), now + 600},
                       {QStringLiteral("iat"), now},         {QStringLiteral("email"), QStringLiteral("aiko@example.com")}};
    if (!nonce.isEmpty())
        claims.insert(QStringLiteral("nonce"), nonce);
    if (editClaims)
        editClaims(claims);
    QJsonObject body{{QStringLiteral("access_token"), accessToken},
                     {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                     {QStringLiteral("expires_in"), expiresIn},
                     {QStringLiteral("scope"), QStringLiteral("openid profile email")}};
    if (withIdToken)
        body.insert(QStringLiteral("id_token"), QString::fromLatin1(sign(claims)));
    if (issueRefreshToken) {
        const QString rt = QString::fromLatin1(Internal::secureRandomToken(24));
        liveRefreshTokens.insert(rt, clientId);
        body.insert(QStringLiteral("refresh_token"), rt);
    }
    return FakeReply::json(body);
}

Result<void> FakeUserAgent::open(const QUrl &url)
{
    opened.append(url);
    if (onOpen)
        onOpen(url);
    if (!follow)
        return {};
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_nam.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"));
        if (!location.isValid() || location.isEmpty())
            return;
        QNetworkReply *back = m_nam.get(QNetworkRequest(location));
        connect(back, &QNetworkReply::finished, this, [this, back] {
            loopbackStatus = back->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            back->deleteLater();
        });
    });
    return {};
}

} // namespace Concierge::Test
