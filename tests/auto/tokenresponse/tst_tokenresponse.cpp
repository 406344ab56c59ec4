// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/providerconfig.h>
#include <concierge/providermetadata.h>
#include <concierge/tokenrequest.h>
#include <concierge/tokenresponse.h>

#include "core/urls_p.h"

#include <QtTest/QtTest>

using namespace Concierge;

class tst_TokenResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void errorResponses_data();
    void errorResponses();
    void refreshRequestBody();
    void clientSecretBasicEncoding();
    void clientSecretPost();
};

void tst_TokenResponse::parses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<qint64>("expiresIn");
    QTest::newRow("bearer") << QByteArray(R"({"access_token":"at","token_type":"Bearer","expires_in":3600})") << "Bearer" << qint64(3600);
    QTest::newRow("lower case") << QByteArray(R"({"access_token":"at","token_type":"bearer","expires_in":60})") << "Bearer" << qint64(60);
    QTest::newRow("upper case") << QByteArray(R"({"access_token":"at","token_type":"BEARER"})") << "Bearer" << qint64(-1);
    QTest::newRow("dpop") << QByteArray(R"({"access_token":"at","token_type":"DPoP","expires_in":10})") << "DPoP" << qint64(10);
    QTest::newRow("no expires_in") << QByteArray(R"({"access_token":"at","token_type":"Bearer"})") << "Bearer" << qint64(-1);
    QTest::newRow("float expires_in") << QByteArray(R"({"access_token":"at","token_type":"Bearer","expires_in":30.5})") << "Bearer" << qint64(30);
    QTest::newRow("unknown members") << QByteArray(R"({"access_token":"at","token_type":"Bearer","x":{"y":[1]},"z":null})") << "Bearer" << qint64(-1);
}

void tst_TokenResponse::parses()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, type);
    QFETCH(qint64, expiresIn);
    const auto r = TokenResponse::fromReply(200, body);
    QVERIFY2(r.ok(), qPrintable(r.error().id()));
    QCOMPARE(r->accessToken(), QByteArray("at"));
    QCOMPARE(r->tokenType(), type);
    QCOMPARE(r->expiresIn(), expiresIn);
}

void tst_TokenResponse::rejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Code>("code");
    QTest::newRow("not json") << QByteArray("access_token=x") << Error::Code::InvalidResponse;
    QTest::newRow("no access token") << QByteArray(R"({"token_type":"Bearer"})") << Error::Code::InvalidResponse;
    QTest::newRow("empty access token") << QByteArray(R"({"access_token":"","token_type":"Bearer"})") << Error::Code::InvalidResponse;
    QTest::newRow("no token type") << QByteArray(R"({"access_token":"at"})") << Error::Code::InvalidResponse;
    QTest::newRow("mac token type") << QByteArray(R"({"access_token":"at","token_type":"mac"})") << Error::Code::UnsupportedTokenType;
    QTest::newRow("access token number") << QByteArray(R"({"access_token":5,"token_type":"Bearer"})") << Error::Code::InvalidResponse;
    QTest::newRow("id token number") << QByteArray(R"({"access_token":"a","token_type":"Bearer","id_token":1})") << Error::Code::InvalidResponse;
    QTest::newRow("expires_in string") << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":"3600"})") << Error::Code::InvalidResponse;
    QTest::newRow("expires_in negative") << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":-5})") << Error::Code::InvalidResponse;
}

void tst_TokenResponse::rejects()
{
    QFETCH(QByteArray, body);
    QFETCH(Error::Code, code);
    const auto r = TokenResponse::fromReply(200, body);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), code);
}

void tst_TokenResponse::errorResponses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<Error::Kind>("kind");
    QTest::newRow("invalid_grant") << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"gone"})") << Error::Code::InvalidGrant << Error::Kind::Hard;
    QTest::newRow("invalid_client 401") << 401 << QByteArray(R"({"error":"invalid_client"})") << Error::Code::InvalidClient << Error::Kind::Hard;
    QTest::newRow("503 html") << 503 << QByteArray("<html>down</html>") << Error::Code::ServerError << Error::Kind::Transient;
    QTest::newRow("500 json") << 500 << QByteArray(R"({"error":"server_error"})") << Error::Code::ServerError << Error::Kind::Transient;
    QTest::newRow("429") << 429 << QByteArray() << Error::Code::RateLimited << Error::Kind::Transient;
    QTest::newRow("404") << 404 << QByteArray("nope") << Error::Code::HttpError << Error::Kind::Hard;
    QTest::newRow("use_dpop_nonce") << 400 << QByteArray(R"({"error":"use_dpop_nonce"})") << Error::Code::UseDpopNonce << Error::Kind::Transient;
}

void tst_TokenResponse::errorResponses()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Error::Code, code);
    QFETCH(Error::Kind, kind);
    const auto r = TokenResponse::fromReply(status, body, 7);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), code);
    QCOMPARE(r.error().kind(), kind);
    QCOMPARE(r.error().httpStatus(), status);
    QCOMPARE(r.error().retryAfter(), 7);
}

static ProviderMetadata metadata()
{
    return *ProviderMetadata::fromJson(R"({"issuer":"https://id.example.com","authorization_endpoint":"https://id.example.com/a",
        "token_endpoint":"https://id.example.com/t","jwks_uri":"https://id.example.com/k"})", QStringLiteral("https://id.example.com"));
}

void tst_TokenResponse::refreshRequestBody()
{
    ProviderConfig config(QStringLiteral("https://id.example.com"), QStringLiteral("my app"));
    const auto r = TokenRequest::refresh(config, metadata(), "rt+/=", {QStringLiteral("openid"), QStringLiteral("email")});
    QCOMPARE(r.endpoint(), QUrl(QStringLiteral("https://id.example.com/t")));
    QCOMPARE(r.body(), QByteArray("grant_type=refresh_token&refresh_token=rt%2B%2F%3D&scope=openid+email&client_id=my+app"));
    QCOMPARE(r.grantType(), QStringLiteral("refresh_token"));
    const QNetworkRequest nr = r.toNetworkRequest();
    QCOMPARE(nr.header(QNetworkRequest::ContentTypeHeader).toByteArray(), QByteArray("application/x-www-form-urlencoded"));
    QVERIFY(nr.rawHeader("Authorization").isEmpty());
}

void tst_TokenResponse::clientSecretBasicEncoding()
{
    ProviderConfig config(QStringLiteral("https://id.example.com"), QStringLiteral("client:1"));
    config.setClientSecret(QStringLiteral("s e/c+ret"));
    const auto r = TokenRequest::refresh(config, metadata(), "rt");
    // RFC 6749 §2.3.1: form-encode each part, then base64 "id:secret".
    QCOMPARE(r.toNetworkRequest().rawHeader("Authorization"), "Basic " + QByteArray("client%3A1:s+e%2Fc%2Bret").toBase64());
    QVERIFY(!r.body().contains("client_id"));
    QVERIFY(!r.body().contains("client_secret"));
}

void tst_TokenResponse::clientSecretPost()
{
    ProviderConfig config(QStringLiteral("https://id.example.com"), QStringLiteral("c"));
    config.setClientSecret(QStringLiteral("s"));
    config.setClientAuthentication(ProviderConfig::ClientAuthentication::ClientSecretPost);
    const auto r = TokenRequest::refresh(config, metadata(), "rt");
    QVERIFY(r.body().endsWith("&client_id=c&client_secret=s"));
    QVERIFY(r.toNetworkRequest().rawHeader("Authorization").isEmpty());
}

QTEST_GUILESS_MAIN(tst_TokenResponse)
#include "tst_tokenresponse.moc"
