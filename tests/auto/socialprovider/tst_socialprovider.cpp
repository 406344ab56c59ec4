// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// SocialProvider presets and what they make of a sign-in, down to the authorization URL.
#include <concierge/authorizationrequest.h>
#include <concierge/socialprovider.h>

#include <QtCore/QUrlQuery>
#include <QtTest/QtTest>

using namespace Concierge;

namespace {
const QString kIssuer = QStringLiteral("https://id.example.com");
ProviderMetadata metadataFor(const QString &issuer)
{
    const QByteArray json = QStringLiteral(R"({"issuer":"%1","authorization_endpoint":"%1/authorize",
        "token_endpoint":"%1/token","jwks_uri":"%1/keys"})").arg(issuer).toUtf8();
    return *ProviderMetadata::fromJson(json, issuer);
}
const QUrl kRedirect(QStringLiteral("http://127.0.0.1:4242/callback"));

QUrlQuery queryOf(const ProviderConfig &config, const SignInOptions &options)
{
    const auto request = AuthorizationRequest::create(config, metadataFor(config.issuer()), kRedirect, options);
    if (!request)
        return QUrlQuery(QStringLiteral("error=") + request.error().id());
    return QUrlQuery(request->url());
}
} // namespace

class tst_SocialProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void brokerPresets_data();
    void brokerPresets();
    void brokerHintReplacesGenericHint();
    void customHint();
    void badHintsAreRefused_data();
    void badHintsAreRefused();
    void directPresets_data();
    void directPresets();
    void directNeedsItsOwnSession();
    void directKeepsCallerScopes();
    void microsoftCommonIsRefused_data();
    void microsoftCommonIsRefused();
    void microsoftTenantAndConsumers();
    void invalidProvider();
    void valueSemantics();
};

void tst_SocialProvider::brokerPresets_data()
{
    QTest::addColumn<SocialProvider>("provider");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("value");
    QTest::newRow("auth0") << SocialProvider::auth0(QStringLiteral("google-oauth2")) << QStringLiteral("connection") << QStringLiteral("google-oauth2");
    QTest::newRow("keycloak") << SocialProvider::keycloak(QStringLiteral("github")) << QStringLiteral("kc_idp_hint") << QStringLiteral("github");
    QTest::newRow("cognito") << SocialProvider::cognito(QStringLiteral("SignInWithApple")) << QStringLiteral("identity_provider") << QStringLiteral("SignInWithApple");
    QTest::newRow("okta") << SocialProvider::okta(QStringLiteral("0oa1b2c3d4E5F6g7H8i9")) << QStringLiteral("idp") << QStringLiteral("0oa1b2c3d4E5F6g7H8i9");
    // Verbatim: no case folding, no trimming, reserved URL characters encoded on the wire only.
    QTest::newRow("verbatim") << SocialProvider::auth0(QStringLiteral(" Corp&SSO=1 ")) << QStringLiteral("connection") << QStringLiteral(" Corp&SSO=1 ");
}

void tst_SocialProvider::brokerPresets()
{
    QFETCH(SocialProvider, provider);
    QFETCH(QString, parameter);
    QFETCH(QString, value);
    QCOMPARE(provider.kind(), SocialProvider::Kind::BrokerHint);
    QCOMPARE(provider.hintParameter(), parameter);
    QCOMPARE(provider.hintValue(), value);
    const ProviderConfig config(kIssuer, QStringLiteral("app"));
    const auto options = provider.signInOptions(config);
    QVERIFY2(options.ok(), qPrintable(options.error().description()));
    QCOMPARE(options->extraParameters.value(parameter), value);
    const QUrlQuery query = queryOf(config, *options);
    // application/x-www-form-urlencoded: a space is '+' on the wire.
    QCOMPARE(query.queryItemValue(parameter, QUrl::FullyDecoded).replace(QLatin1Char('+'), QLatin1Char(' ')), value);
    QCOMPARE(query.allQueryItemValues(parameter).size(), 1);
    QVERIFY(!query.hasQueryItem(QStringLiteral("idp_hint")));
    // The broker's scopes are the app's own.
    QCOMPARE(query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).replace(QLatin1Char('+'), QLatin1Char(' ')),
             QStringLiteral("openid profile email"));
}

void tst_SocialProvider::brokerHintReplacesGenericHint()
{
    SignInOptions base;
    base.idpHint = QStringLiteral("facebook");
    base.uiLocales = QStringLiteral("ja en");
    const auto options = SocialProvider::keycloak(QStringLiteral("google")).signInOptions(ProviderConfig(kIssuer, QStringLiteral("app")), base);
    QVERIFY(options.ok());
    QVERIFY(options->idpHint.isEmpty());
    QCOMPARE(options->uiLocales, QStringLiteral("ja en"));
    const QUrlQuery query = queryOf(ProviderConfig(kIssuer, QStringLiteral("app")), *options);
    QCOMPARE(query.queryItemValue(QStringLiteral("kc_idp_hint")), QStringLiteral("google"));
    QVERIFY(!query.hasQueryItem(QStringLiteral("idp_hint")));
}

void tst_SocialProvider::customHint()
{
    const auto provider = SocialProvider::custom(QStringLiteral("idp_hint"), QStringLiteral("google"));
    QCOMPARE(provider.kind(), SocialProvider::Kind::BrokerHint);
    const auto options = provider.signInOptions(ProviderConfig(QStringLiteral("http://127.0.0.1:9000"), QStringLiteral("concierge-cli")));
    QVERIFY(options.ok());
    QCOMPARE(queryOf(ProviderConfig(QStringLiteral("http://127.0.0.1:9000"), QStringLiteral("concierge-cli")), *options)
                 .queryItemValue(QStringLiteral("idp_hint")), QStringLiteral("google"));
}

void tst_SocialProvider::badHintsAreRefused_data()
{
    QTest::addColumn<SocialProvider>("provider");
    QTest::newRow("empty value") << SocialProvider::auth0(QString());
    QTest::newRow("empty parameter") << SocialProvider::custom(QString(), QStringLiteral("x"));
    for (const char *owned : {"state", "redirect_uri", "client_id", "scope", "nonce", "code_challenge", "response_mode", "request_uri"})
        QTest::newRow(owned) << SocialProvider::custom(QLatin1String(owned), QStringLiteral("x"));
}

void tst_SocialProvider::badHintsAreRefused()
{
    QFETCH(SocialProvider, provider);
    const auto options = provider.signInOptions(ProviderConfig(kIssuer, QStringLiteral("app")));
    QVERIFY(!options.ok());
    QCOMPARE(options.error().code(), Error::Code::InvalidArgument);
}

void tst_SocialProvider::directPresets_data()
{
    QTest::addColumn<SocialProvider>("provider");
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QStringList>("scopes");
    QTest::newRow("google") << SocialProvider::google(QStringLiteral("123.apps.googleusercontent.com"), QStringLiteral("GOCSPX-x"))
                            << QStringLiteral("https://accounts.google.com")
                            << QStringList{QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile")};
    QTest::newRow("apple") << SocialProvider::apple(QStringLiteral("com.example.web"), QStringLiteral("eyJ.client.secret"))
                           << QStringLiteral("https://appleid.apple.com") << QStringList{QStringLiteral("openid")};
    QTest::newRow("microsoft tenant") << SocialProvider::microsoft(QStringLiteral("app-id"), QStringLiteral("contoso.onmicrosoft.com"))
                                      << QStringLiteral("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0")
                                      << QStringList{QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile"),
                                                     QStringLiteral("offline_access")};
}

void tst_SocialProvider::directPresets()
{
    QFETCH(SocialProvider, provider);
    QFETCH(QString, issuer);
    QFETCH(QStringList, scopes);
    QCOMPARE(provider.kind(), SocialProvider::Kind::DirectOidc);
    const ProviderConfig config = provider.config();
    QCOMPARE(config.issuer(), issuer);
    QCOMPARE(config.scopes(), scopes);
    QVERIFY2(config.validate().ok(), qPrintable(config.validate().error().description()));
    QVERIFY(provider.refusal().isEmpty());
    const auto options = provider.signInOptions(config);
    QVERIFY2(options.ok(), qPrintable(options.error().description()));
    QCOMPARE(options->scopes, scopes);
    const QUrlQuery query = queryOf(config, *options);
    QVERIFY(query.hasQueryItem(QStringLiteral("code_challenge")));
    QVERIFY(!query.hasQueryItem(QStringLiteral("response_mode"))); // Apple's form_post is never asked for
}

void tst_SocialProvider::directNeedsItsOwnSession()
{
    const auto options = SocialProvider::google(QStringLiteral("id")).signInOptions(ProviderConfig(kIssuer, QStringLiteral("app")));
    QVERIFY(!options.ok());
    QCOMPARE(options.error().code(), Error::Code::InvalidConfiguration);
}

void tst_SocialProvider::directKeepsCallerScopes()
{
    const auto google = SocialProvider::google(QStringLiteral("id"), QStringLiteral("secret"));
    QCOMPARE(google.config().additionalParameters().value(QStringLiteral("access_type")), QStringLiteral("offline"));
    QCOMPARE(google.config().clientAuthentication(), ProviderConfig::ClientAuthentication::ClientSecretBasic);
    SignInOptions base;
    base.scopes = QStringList{QStringLiteral("openid")};
    const auto options = google.signInOptions(google.config(), base);
    QVERIFY(options.ok());
    QCOMPARE(options->scopes, QStringList{QStringLiteral("openid")});
    QCOMPARE(queryOf(google.config(), *options).queryItemValue(QStringLiteral("access_type")), QStringLiteral("offline"));
    QCOMPARE(SocialProvider::apple(QStringLiteral("svc"), QStringLiteral("jwt")).config().clientAuthentication(),
             ProviderConfig::ClientAuthentication::ClientSecretPost);
}

void tst_SocialProvider::microsoftCommonIsRefused_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::newRow("common") << QStringLiteral("common");
    QTest::newRow("organizations") << QStringLiteral("organizations");
    QTest::newRow("Common upper case") << QStringLiteral("Common");
    QTest::newRow("empty") << QString();
}

void tst_SocialProvider::microsoftCommonIsRefused()
{
    QFETCH(QString, tenant);
    const auto microsoft = SocialProvider::microsoft(QStringLiteral("app-id"), tenant);
    QVERIFY(!microsoft.refusal().isEmpty());
    QVERIFY(microsoft.refusal().contains(QStringLiteral("{tenantid}")));
    // The template issuer is not a usable configuration, and signing in with it is refused clearly.
    QVERIFY(!microsoft.config().validate().ok());
    QCOMPARE(microsoft.config().validate().error().code(), Error::Code::InvalidConfiguration);
    const auto options = microsoft.signInOptions(microsoft.config());
    QVERIFY(!options.ok());
    QCOMPARE(options.error().code(), Error::Code::InvalidConfiguration);
}

void tst_SocialProvider::microsoftTenantAndConsumers()
{
    const auto consumers = SocialProvider::microsoft(QStringLiteral("app-id"), QStringLiteral("consumers"));
    QCOMPARE(consumers.config().issuer(),
             QStringLiteral("https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"));
    QVERIFY(consumers.signInOptions(consumers.config()).ok());
    const auto tenant = SocialProvider::microsoft(QStringLiteral("app-id"), QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47"));
    QCOMPARE(tenant.config().issuer(), QStringLiteral("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0"));
}

void tst_SocialProvider::invalidProvider()
{
    const SocialProvider none;
    QVERIFY(!none.isValid());
    const auto options = none.signInOptions(ProviderConfig(kIssuer, QStringLiteral("app")));
    QVERIFY(!options.ok());
    QCOMPARE(options.error().code(), Error::Code::InvalidArgument);
}

void tst_SocialProvider::valueSemantics()
{
    QCOMPARE(SocialProvider::okta(QStringLiteral("a")), SocialProvider::okta(QStringLiteral("a")));
    QVERIFY(SocialProvider::okta(QStringLiteral("a")) != SocialProvider::okta(QStringLiteral("b")));
    QVERIFY(SocialProvider::okta(QStringLiteral("a")) != SocialProvider::custom(QStringLiteral("idp"), QStringLiteral("a")));
}

QTEST_GUILESS_MAIN(tst_SocialProvider)
#include "tst_socialprovider.moc"
