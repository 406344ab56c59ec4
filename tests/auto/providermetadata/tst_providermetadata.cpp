// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/providerconfig.h>
#include <concierge/providermetadata.h>

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QtTest>

using namespace Concierge;

namespace {
const QString kIssuer = QStringLiteral("https://id.example.com");

QByteArray discovery(const QByteArray &overrides = {})
{
    // Built from a QJsonObject: moc (6.4) cannot parse multi-line raw strings in this file.
    const QJsonObject d{
        {QStringLiteral("issuer"), QStringLiteral("https://id.example.com")},
        {QStringLiteral("authorization_endpoint"), QStringLiteral("https://id.example.com/auth")},
        {QStringLiteral("token_endpoint"), QStringLiteral("https://id.example.com/token")},
        {QStringLiteral("jwks_uri"), QStringLiteral("https://id.example.com/jwks")},
        {QStringLiteral("userinfo_endpoint"), QStringLiteral("https://id.example.com/me")},
        {QStringLiteral("revocation_endpoint"), QStringLiteral("https://id.example.com/token/revocation")},
        {QStringLiteral("end_session_endpoint"), QStringLiteral("https://id.example.com/session/end")},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("RS256"), QStringLiteral("ES256")}},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        {QStringLiteral("authorization_response_iss_parameter_supported"), true},
        {QStringLiteral("x-unknown-member"), QJsonObject{{QStringLiteral("nested"), QJsonArray{1, 2, 3}}}}};
    QByteArray doc = QJsonDocument(d).toJson(QJsonDocument::Compact);
    doc.chop(1); // reopen the object so overrides can be appended
    return doc + overrides + "}";
}
} // namespace

class tst_ProviderMetadata : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesAValidDocument();
    void rejects_data();
    void rejects();
    void loopbackHttpIsAllowed();
    void configValidation_data();
    void configValidation();
    void discoveryUrl();
};

void tst_ProviderMetadata::parsesAValidDocument()
{
    const auto m = ProviderMetadata::fromJson(discovery(), kIssuer);
    QVERIFY2(m.ok(), qPrintable(m.error().description()));
    QCOMPARE(m->issuer(), kIssuer);
    QCOMPARE(m->tokenEndpoint(), QUrl(QStringLiteral("https://id.example.com/token")));
    QCOMPARE(m->idTokenSigningAlgValuesSupported(), QStringList({QStringLiteral("RS256"), QStringLiteral("ES256")}));
    QVERIFY(m->authorizationResponseIssParameterSupported());
    QVERIFY(!m->requirePushedAuthorizationRequests());
    QVERIFY(m->document().contains(QStringLiteral("x-unknown-member")));
}

void tst_ProviderMetadata::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expectedIssuer");
    QTest::addColumn<Error::Code>("code");
    QTest::newRow("issuer mismatch") << discovery() << QStringLiteral("https://other.example.com") << Error::Code::IssuerMismatch;
    QTest::newRow("issuer trailing slash differs") << discovery() << QStringLiteral("https://id.example.com/") << Error::Code::IssuerMismatch;
    QTest::newRow("not json") << QByteArray("<html>") << kIssuer << Error::Code::InvalidResponse;
    QTest::newRow("array") << QByteArray("[]") << kIssuer << Error::Code::InvalidResponse;
    QTest::newRow("issuer not string") << QByteArray(R"({"issuer": 5})") << kIssuer << Error::Code::InvalidResponse;
    QTest::newRow("http token endpoint") << discovery().replace("https://id.example.com/token\"", "http://id.example.com/token\"")
                                         << kIssuer << Error::Code::InsecureEndpoint;
    QTest::newRow("missing jwks_uri") << discovery().replace("\"jwks_uri\"", "\"jwks_uri_x\"") << kIssuer << Error::Code::InvalidResponse;
    QTest::newRow("endpoint wrong type") << discovery().replace("\"https://id.example.com/me\"", "42") << kIssuer << Error::Code::InvalidResponse;
    QTest::newRow("deep nesting") << (QByteArray(R"({"issuer":"https://id.example.com","x":)") + QByteArray(5000, '[') + QByteArray(5000, ']') + "}")
                                  << kIssuer << Error::Code::InvalidResponse;
    QTest::newRow("par required without endpoint") << discovery(R"(,"require_pushed_authorization_requests": true)") << kIssuer << Error::Code::InvalidResponse;
    QTest::newRow("too large") << discovery(",\"pad\":\"" + QByteArray(300 * 1024, 'a') + "\"") << kIssuer << Error::Code::InvalidResponse;
}

void tst_ProviderMetadata::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expectedIssuer);
    QFETCH(Error::Code, code);
    const auto m = ProviderMetadata::fromJson(json, expectedIssuer);
    QVERIFY(!m.ok());
    QCOMPARE(m.error().code(), code);
}

void tst_ProviderMetadata::loopbackHttpIsAllowed()
{
    QByteArray doc = discovery();
    doc.replace("https://id.example.com", "http://127.0.0.1:9000");
    const auto m = ProviderMetadata::fromJson(doc, QStringLiteral("http://127.0.0.1:9000"));
    QVERIFY2(m.ok(), qPrintable(m.error().description()));
}

void tst_ProviderMetadata::configValidation_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QUrl>("redirect");
    QTest::addColumn<Error::Code>("code");
    const QUrl loop(QStringLiteral("http://127.0.0.1/callback"));
    QTest::newRow("ok https") << "https://id.example.com" << "app" << loop << Error::Code::None;
    QTest::newRow("ok loopback issuer") << "http://127.0.0.1:9000" << "app" << loop << Error::Code::None;
    QTest::newRow("ok ipv6 loopback issuer") << "http://[::1]:9000" << "app" << loop << Error::Code::None;
    QTest::newRow("ok custom scheme") << "https://id.example.com" << "app" << QUrl(QStringLiteral("com.example.storefront:/callback")) << Error::Code::None;
    QTest::newRow("http issuer") << "http://id.example.com" << "app" << loop << Error::Code::InsecureEndpoint;
    QTest::newRow("no client") << "https://id.example.com" << "" << loop << Error::Code::InvalidConfiguration;
    QTest::newRow("http non-loopback redirect") << "https://id.example.com" << "app" << QUrl(QStringLiteral("http://example.com/cb")) << Error::Code::InsecureEndpoint;
    QTest::newRow("localhost redirect") << "https://id.example.com" << "app" << QUrl(QStringLiteral("http://localhost/cb")) << Error::Code::InvalidConfiguration;
    QTest::newRow("issuer with query") << "https://id.example.com?x=1" << "app" << loop << Error::Code::InvalidConfiguration;
}

void tst_ProviderMetadata::configValidation()
{
    QFETCH(QString, issuer);
    QFETCH(QString, clientId);
    QFETCH(QUrl, redirect);
    QFETCH(Error::Code, code);
    ProviderConfig c(issuer, clientId);
    c.setRedirectUri(redirect);
    QCOMPARE(c.validate().error().code(), code);
}

void tst_ProviderMetadata::discoveryUrl()
{
    QCOMPARE(ProviderConfig(QStringLiteral("https://id.example.com/tenant/"), QStringLiteral("a")).discoveryUrl(),
             QUrl(QStringLiteral("https://id.example.com/tenant/.well-known/openid-configuration")));
}

QTEST_GUILESS_MAIN(tst_ProviderMetadata)
#include "tst_providermetadata.moc"
