// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/authorizationrequest.h>

#include <QtCore/QSet>
#include <QtCore/QUrlQuery>
#include <QtTest/QtTest>

using namespace Concierge;

namespace {
const QString kIssuer = QStringLiteral("https://id.example.com");
ProviderMetadata metadata()
{
    return *ProviderMetadata::fromJson(R"({"issuer":"https://id.example.com","authorization_endpoint":"https://id.example.com/authorize?tenant=shop",
        "token_endpoint":"https://id.example.com/t","jwks_uri":"https://id.example.com/k"})", kIssuer);
}
const QUrl kRedirect(QStringLiteral("http://127.0.0.1:4242/callback"));
} // namespace

class tst_AuthorizationRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsTheUrl();
    void freshSecretsEveryTime();
    void optionsBecomeParameters();
    void encodesSpecialCharacters();
    void reservedParametersCannotBeOverridden_data();
    void reservedParametersCannotBeOverridden();
    void noNonceWithoutOpenId();
    void metadataForAnotherIssuerIsRefused();
    void parUrl();
};

void tst_AuthorizationRequest::buildsTheUrl()
{
    ProviderConfig config(kIssuer, QStringLiteral("storefront-mobile"));
    const auto pkce = Pkce::fromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    const auto r = AuthorizationRequest::create(config, metadata(), kRedirect, {}, *pkce,
                                                "state-state-state-state-1", "nonce-nonce-nonce-nonce-1");
    QVERIFY2(r.ok(), qPrintable(r.error().description()));
    const QUrl url = r->url();
    QCOMPARE(url.host(), QStringLiteral("id.example.com"));
    QCOMPARE(url.path(), QStringLiteral("/authorize"));
    const QUrlQuery q(url);
    QCOMPARE(q.queryItemValue(QStringLiteral("tenant")), QStringLiteral("shop")); // endpoint's own query kept
    QCOMPARE(q.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(q.queryItemValue(QStringLiteral("client_id")), QStringLiteral("storefront-mobile"));
    QCOMPARE(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded), kRedirect.toString());
    QCOMPARE(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).replace(QLatin1Char('+'), QLatin1Char(' ')),
             QStringLiteral("openid profile email"));
    QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("state-state-state-state-1"));
    QCOMPARE(q.queryItemValue(QStringLiteral("nonce")), QStringLiteral("nonce-nonce-nonce-nonce-1"));
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge")), QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QVERIFY(!q.hasQueryItem(QStringLiteral("code_verifier")));
    QVERIFY(!url.toString().contains(QStringLiteral("dBjftJeZ4CVP")));
}

void tst_AuthorizationRequest::freshSecretsEveryTime()
{
    ProviderConfig config(kIssuer, QStringLiteral("app"));
    QSet<QByteArray> states, nonces, verifiers;
    for (int i = 0; i < 50; ++i) {
        const auto r = AuthorizationRequest::create(config, metadata(), kRedirect);
        QVERIFY(r.ok());
        QVERIFY(r->state().size() >= 43); // 256 bits
        QVERIFY(r->nonce().size() >= 43);
        states.insert(r->state());
        nonces.insert(r->nonce());
        verifiers.insert(r->pkce().verifier());
        QVERIFY(r->state() != r->nonce());
    }
    QCOMPARE(states.size(), 50);
    QCOMPARE(nonces.size(), 50);
    QCOMPARE(verifiers.size(), 50);
}

void tst_AuthorizationRequest::optionsBecomeParameters()
{
    ProviderConfig config(kIssuer, QStringLiteral("app"));
    config.setIdpHintParameter(QStringLiteral("kc_idp_hint"));
    config.setAdditionalParameters({{QStringLiteral("audience"), QStringLiteral("https://api.example.com")}});
    SignInOptions o;
    o.prompt = QStringLiteral("login consent");
    o.loginHint = QStringLiteral("aiko@example.com");
    o.idpHint = QStringLiteral("google");
    o.acrValues = QStringLiteral("urn:mace:incommon:iap:silver");
    o.maxAge = 300;
    o.uiLocales = QStringLiteral("ja en");
    o.extraParameters = {{QStringLiteral("campaign"), QStringLiteral("spring")}};
    const auto r = AuthorizationRequest::create(config, metadata(), kRedirect, o);
    QVERIFY(r.ok());
    const QUrlQuery q(r->url());
    const auto value = [&q](const char *k) {
        return q.queryItemValue(QLatin1String(k), QUrl::FullyDecoded).replace(QLatin1Char('+'), QLatin1Char(' '));
    };
    QCOMPARE(value("prompt"), QStringLiteral("login consent"));
    QCOMPARE(value("login_hint"), QStringLiteral("aiko@example.com"));
    QCOMPARE(value("kc_idp_hint"), QStringLiteral("google"));
    QCOMPARE(value("acr_values"), o.acrValues);
    QCOMPARE(value("max_age"), QStringLiteral("300"));
    QCOMPARE(value("ui_locales"), QStringLiteral("ja en"));
    QCOMPARE(value("audience"), QStringLiteral("https://api.example.com"));
    QCOMPARE(value("campaign"), QStringLiteral("spring"));
    QCOMPARE(r->maxAge(), 300);
}

void tst_AuthorizationRequest::encodesSpecialCharacters()
{
    ProviderConfig config(kIssuer, QStringLiteral("app"));
    SignInOptions o;
    o.loginHint = QStringLiteral("a+b&c=d#e@例え.jp");
    const auto r = AuthorizationRequest::create(config, metadata(), kRedirect, o);
    QVERIFY(r.ok());
    const QByteArray encoded = r->url().toEncoded();
    QVERIFY(encoded.contains("login_hint=a%2Bb%26c%3Dd%23e%40%E4%BE%8B%E3%81%88.jp"));
    QVERIFY(!encoded.contains('#'));
}

void tst_AuthorizationRequest::reservedParametersCannotBeOverridden_data()
{
    QTest::addColumn<QString>("name");
    for (const char *n : {"state", "nonce", "code_challenge", "code_challenge_method", "redirect_uri", "client_id",
                          "response_type", "scope", "request_uri", "response_mode"})
        QTest::newRow(n) << QString::fromLatin1(n);
}

void tst_AuthorizationRequest::reservedParametersCannotBeOverridden()
{
    QFETCH(QString, name);
    ProviderConfig config(kIssuer, QStringLiteral("app"));
    SignInOptions o;
    o.extraParameters.insert(name, QStringLiteral("attacker"));
    auto r = AuthorizationRequest::create(config, metadata(), kRedirect, o);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), Error::Code::InvalidArgument);
    config.setAdditionalParameters({{name, QStringLiteral("x")}});
    r = AuthorizationRequest::create(config, metadata(), kRedirect);
    QVERIFY(!r.ok());
}

void tst_AuthorizationRequest::noNonceWithoutOpenId()
{
    ProviderConfig config(kIssuer, QStringLiteral("app"));
    config.setScopes({QStringLiteral("api")});
    const auto r = AuthorizationRequest::create(config, metadata(), kRedirect);
    QVERIFY(r.ok());
    QVERIFY(!r->isOpenIdRequest());
    QVERIFY(!QUrlQuery(r->url()).hasQueryItem(QStringLiteral("nonce")));
}

void tst_AuthorizationRequest::metadataForAnotherIssuerIsRefused()
{
    ProviderConfig config(QStringLiteral("https://evil.example.com"), QStringLiteral("app"));
    const auto r = AuthorizationRequest::create(config, metadata(), kRedirect);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), Error::Code::IssuerMismatch);
}

void tst_AuthorizationRequest::parUrl()
{
    ProviderConfig config(kIssuer, QStringLiteral("app"));
    const auto r = AuthorizationRequest::create(config, metadata(), kRedirect);
    const QUrl url = r->urlForRequestUri(QStringLiteral("urn:ietf:params:oauth:request_uri:abc"));
    const QUrlQuery q(url);
    QCOMPARE(q.queryItemValue(QStringLiteral("client_id")), QStringLiteral("app"));
    QCOMPARE(q.queryItemValue(QStringLiteral("request_uri"), QUrl::FullyDecoded), QStringLiteral("urn:ietf:params:oauth:request_uri:abc"));
    QVERIFY(!q.hasQueryItem(QStringLiteral("state")));
}

QTEST_GUILESS_MAIN(tst_AuthorizationRequest)
#include "tst_authorizationrequest.moc"
