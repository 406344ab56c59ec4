// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Passwordless request/response building (Auth0's /passwordless/start and the OTP grant), pure values.
#include <concierge/passwordless.h>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrlQuery>
#include <QtTest/QtTest>

using namespace Concierge;

namespace {
const QString kIssuer = QStringLiteral("https://tenant.example.com/");
ProviderMetadata metadata()
{
    return *ProviderMetadata::fromJson(R"({"issuer":"https://tenant.example.com/","authorization_endpoint":"https://tenant.example.com/authorize",
        "token_endpoint":"https://tenant.example.com/oauth/token","jwks_uri":"https://tenant.example.com/.well-known/jwks.json"})", kIssuer);
}
const QUrl kRedirect(QStringLiteral("http://127.0.0.1:4242/callback"));

AuthorizationRequest authorization(const ProviderConfig &config, const SignInOptions &options = {})
{
    const auto pkce = Pkce::fromVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    return *AuthorizationRequest::create(config, metadata(), kRedirect, options, *pkce, "state-state-state-state-1",
                                         "nonce-nonce-nonce-nonce-1");
}
} // namespace

class tst_Passwordless : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startBodyHasAuth0Shape();
    void codeAndConnection();
    void emailIsVerbatim();
    void badEmailsAreRefused_data();
    void badEmailsAreRefused();
    void endpoint();
    void confidentialClientSendsSecret();
    void otpTokenRequest();
    void startedReply();
    void bindingOnAnotherOriginIsIgnored();
    void errorReplies_data();
    void errorReplies();
    void otpErrorsAreClassified_data();
    void otpErrorsAreClassified();
};

void tst_Passwordless::startBodyHasAuth0Shape()
{
    ProviderConfig config(kIssuer, QStringLiteral("storefront-mobile"));
    config.setScopes({QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("offline_access")});
    SignInOptions signIn;
    signIn.uiLocales = QStringLiteral("ja en");
    const auto request = authorization(config, signIn);
    const auto start = PasswordlessRequest::create(config, request, QStringLiteral("aiko@example.com"), {});
    QVERIFY2(start.ok(), qPrintable(start.error().description()));
    QCOMPARE(start->toNetworkRequest().header(QNetworkRequest::ContentTypeHeader).toByteArray(), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(start->body()).object();
    QCOMPARE(body.value(QStringLiteral("client_id")).toString(), QStringLiteral("storefront-mobile"));
    QCOMPARE(body.value(QStringLiteral("connection")).toString(), QStringLiteral("email"));
    QCOMPARE(body.value(QStringLiteral("email")).toString(), QStringLiteral("aiko@example.com"));
    QCOMPARE(body.value(QStringLiteral("send")).toString(), QStringLiteral("link"));
    QVERIFY(!body.contains(QStringLiteral("client_secret")));
    const QJsonObject auth = body.value(QStringLiteral("authParams")).toObject();
    QCOMPARE(auth.value(QStringLiteral("response_type")).toString(), QStringLiteral("code"));
    QCOMPARE(auth.value(QStringLiteral("redirect_uri")).toString(), kRedirect.toString());
    QCOMPARE(auth.value(QStringLiteral("scope")).toString(), QStringLiteral("openid email offline_access"));
    QCOMPARE(auth.value(QStringLiteral("state")).toString(), QStringLiteral("state-state-state-state-1"));
    QCOMPARE(auth.value(QStringLiteral("nonce")).toString(), QStringLiteral("nonce-nonce-nonce-nonce-1"));
    QCOMPARE(auth.value(QStringLiteral("code_challenge")).toString(), QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    QCOMPARE(auth.value(QStringLiteral("code_challenge_method")).toString(), QStringLiteral("S256"));
    QCOMPARE(auth.value(QStringLiteral("ui_locales")).toString(), QStringLiteral("ja en"));
    QVERIFY(!auth.contains(QStringLiteral("client_id")));
    // The verifier never leaves the app with the start request.
    QVERIFY(!start->body().contains("dBjftJeZ4CVP"));
}

void tst_Passwordless::codeAndConnection()
{
    const ProviderConfig config(kIssuer, QStringLiteral("app"));
    MagicLinkOptions options;
    options.send = MagicLinkOptions::Send::Code;
    options.connection = QStringLiteral("email-jp");
    const auto start = PasswordlessRequest::create(config, authorization(config), QStringLiteral("a@b"), options);
    QVERIFY(start.ok());
    const QJsonObject body = QJsonDocument::fromJson(start->body()).object();
    QCOMPARE(body.value(QStringLiteral("send")).toString(), QStringLiteral("code"));
    QCOMPARE(body.value(QStringLiteral("connection")).toString(), QStringLiteral("email-jp"));
    options.connection.clear();
    QCOMPARE(PasswordlessRequest::create(config, authorization(config), QStringLiteral("a@b"), options).error().code(),
             Error::Code::InvalidArgument);
}

void tst_Passwordless::emailIsVerbatim()
{
    const ProviderConfig config(kIssuer, QStringLiteral("app"));
    // Not trimmed, not lower-cased, not IDNA-converted: the provider decides what an address is.
    const QString email = QStringLiteral(" Aiko.Tanaka+shop@例え.jp");
    const auto start = PasswordlessRequest::create(config, authorization(config), email, {});
    QVERIFY(start.ok());
    QCOMPARE(QJsonDocument::fromJson(start->body()).object().value(QStringLiteral("email")).toString(), email);
    // Not even validated as an address: "nothing inferred client-side".
    QVERIFY(PasswordlessRequest::create(config, authorization(config), QStringLiteral("not-an-address"), {}).ok());
}

void tst_Passwordless::badEmailsAreRefused_data()
{
    QTest::addColumn<QString>("email");
    QTest::newRow("empty") << QString();
    QTest::newRow("newline") << QStringLiteral("a@b.example\r\nBcc: x@y");
    QTest::newRow("nul") << QStringLiteral("a@b") + QChar(0);
}

void tst_Passwordless::badEmailsAreRefused()
{
    QFETCH(QString, email);
    const ProviderConfig config(kIssuer, QStringLiteral("app"));
    const auto start = PasswordlessRequest::create(config, authorization(config), email, {});
    QVERIFY(!start.ok());
    QCOMPARE(start.error().code(), Error::Code::InvalidArgument);
}

void tst_Passwordless::endpoint()
{
    QCOMPARE(PasswordlessRequest::defaultEndpoint(QStringLiteral("https://tenant.example.com/")),
             QUrl(QStringLiteral("https://tenant.example.com/passwordless/start")));
    QCOMPARE(PasswordlessRequest::defaultEndpoint(QStringLiteral("http://127.0.0.1:9000")),
             QUrl(QStringLiteral("http://127.0.0.1:9000/passwordless/start")));
    const ProviderConfig config(kIssuer, QStringLiteral("app"));
    MagicLinkOptions options;
    options.endpoint = QUrl(QStringLiteral("https://auth.example.com/custom/start"));
    QCOMPARE(PasswordlessRequest::create(config, authorization(config), QStringLiteral("a@b"), options)->endpoint(), options.endpoint);
    options.endpoint = QUrl(QStringLiteral("http://auth.example.com/passwordless/start"));
    QCOMPARE(PasswordlessRequest::create(config, authorization(config), QStringLiteral("a@b"), options).error().code(),
             Error::Code::InsecureEndpoint);
}

void tst_Passwordless::confidentialClientSendsSecret()
{
    ProviderConfig config(kIssuer, QStringLiteral("app"));
    config.setClientSecret(QStringLiteral("s3cret"));
    const auto start = PasswordlessRequest::create(config, authorization(config), QStringLiteral("a@b"), {});
    QCOMPARE(QJsonDocument::fromJson(start->body()).object().value(QStringLiteral("client_secret")).toString(), QStringLiteral("s3cret"));
}

void tst_Passwordless::otpTokenRequest()
{
    ProviderConfig config(kIssuer, QStringLiteral("app"));
    config.setScopes({QStringLiteral("openid"), QStringLiteral("email")});
    const auto request = PasswordlessRequest::otpTokenRequest(config, metadata(), authorization(config),
                                                              QStringLiteral("Aiko@Example.com"), QStringLiteral(" 012345"),
                                                              QStringLiteral("email"));
    QCOMPARE(request.endpoint(), QUrl(QStringLiteral("https://tenant.example.com/oauth/token")));
    QCOMPARE(request.grantType(), QStringLiteral("http://auth0.com/oauth/grant-type/passwordless/otp"));
    const QUrlQuery body(QString::fromLatin1(request.body()));
    QCOMPARE(body.queryItemValue(QStringLiteral("username"), QUrl::FullyDecoded), QStringLiteral("Aiko@Example.com"));
    QCOMPARE(body.queryItemValue(QStringLiteral("otp"), QUrl::FullyDecoded).replace(QLatin1Char('+'), QLatin1Char(' ')),
             QStringLiteral(" 012345")); // verbatim, leading zero and all
    QCOMPARE(body.queryItemValue(QStringLiteral("realm")), QStringLiteral("email"));
    QCOMPARE(body.queryItemValue(QStringLiteral("client_id")), QStringLiteral("app"));
    QCOMPARE(body.queryItemValue(QStringLiteral("code_verifier")), QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    QCOMPARE(body.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded).replace(QLatin1Char('+'), QLatin1Char(' ')),
             QStringLiteral("openid email"));
}

void tst_Passwordless::startedReply()
{
    const QUrl endpoint(QStringLiteral("http://127.0.0.1:9000/passwordless/start"));
    const auto started = PasswordlessStarted::fromReply(
        200, R"({"_id":"abc","email":"aiko@example.com","email_verified":false,"device_binding_uri":"http://127.0.0.1:9000/passwordless/device?binding=x"})",
        0, endpoint);
    QVERIFY(started.ok());
    QCOMPARE(started->id, QStringLiteral("abc"));
    QCOMPARE(started->email, QStringLiteral("aiko@example.com"));
    QCOMPARE(started->deviceBindingUri, QUrl(QStringLiteral("http://127.0.0.1:9000/passwordless/device?binding=x")));
    // Auth0's answer has no binding: fine.
    const auto auth0 = PasswordlessStarted::fromReply(200, R"({"_id":"x","email":"a@b","email_verified":false})", 0, endpoint);
    QVERIFY(auth0.ok());
    QVERIFY(auth0->deviceBindingUri.isEmpty());
    QCOMPARE(PasswordlessStarted::fromReply(200, "<html>", 0, endpoint).error().code(), Error::Code::InvalidResponse);
}

void tst_Passwordless::bindingOnAnotherOriginIsIgnored()
{
    const QUrl endpoint(QStringLiteral("http://127.0.0.1:9000/passwordless/start"));
    for (const char *binding : {"http://127.0.0.1:9001/passwordless/device", "https://evil.example/bind",
                                "http://evil.example:9000/x", "javascript:alert(1)"}) {
        const QByteArray body = QByteArray(R"({"_id":"x","device_binding_uri":")") + binding + "\"}";
        const auto started = PasswordlessStarted::fromReply(200, body, 0, endpoint);
        QVERIFY(started.ok());
        QVERIFY2(started->deviceBindingUri.isEmpty(), binding);
    }
}

void tst_Passwordless::errorReplies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("oauthError");
    QTest::newRow("rate limited") << 429 << QByteArray(R"({"error":"too_many_requests","error_description":"try again in 300 seconds"})")
                                  << 300 << Error::Code::RateLimited << QStringLiteral("too_many_requests");
    QTest::newRow("bad.email") << 400 << QByteArray(R"({"error":"bad.email","error_description":"email is not valid"})") << 0
                               << Error::Code::InvalidRequest << QStringLiteral("bad.email");
    QTest::newRow("unknown client") << 401 << QByteArray(R"({"error":"invalid_client"})") << 0 << Error::Code::InvalidClient
                                    << QStringLiteral("invalid_client");
    QTest::newRow("not enabled") << 403 << QByteArray(R"({"error":"unauthorized_client"})") << 0
                                 << Error::Code::UnauthorizedClient << QStringLiteral("unauthorized_client");
    QTest::newRow("no endpoint") << 404 << QByteArray("Not Found") << 0 << Error::Code::HttpError << QString();
    QTest::newRow("mail down") << 503 << QByteArray(R"({"error":"temporarily_unavailable"})") << 0 << Error::Code::ServerError
                               << QStringLiteral("temporarily_unavailable");
}

void tst_Passwordless::errorReplies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, retryAfter);
    QFETCH(Error::Code, code);
    QFETCH(QString, oauthError);
    const auto started = PasswordlessStarted::fromReply(status, body, retryAfter, QUrl(QStringLiteral("https://x.example/p")));
    QVERIFY(!started.ok());
    QCOMPARE(started.error().code(), code);
    QCOMPARE(started.error().oauthError(), oauthError);
    QCOMPARE(started.error().retryAfter(), retryAfter);
    QCOMPARE(started.error().httpStatus(), status);
    if (status == 429) {
        QVERIFY(started.error().isTransient());
        QVERIFY(started.error().description().contains(QStringLiteral("300 seconds")));
    }
}

void tst_Passwordless::otpErrorsAreClassified_data()
{
    QTest::addColumn<Error>("in");
    QTest::addColumn<Error::Code>("out");
    QTest::addColumn<bool>("transient");
    QTest::newRow("wrong code") << Error::fromOAuth(QStringLiteral("invalid_grant"), QStringLiteral("wrong"), 400)
                                << Error::Code::OtpRejected << true;
    QTest::newRow("too many") << Error::fromOAuth(QStringLiteral("too_many_attempts"), {}, 400) << Error::Code::TooManyAttempts << false;
    QTest::newRow("other") << Error::fromOAuth(QStringLiteral("invalid_client"), {}, 401) << Error::Code::InvalidClient << false;
    QTest::newRow("network") << Error(Error::Code::NetworkError) << Error::Code::NetworkError << true;
}

void tst_Passwordless::otpErrorsAreClassified()
{
    QFETCH(Error, in);
    QFETCH(Error::Code, out);
    QFETCH(bool, transient);
    const Error e = classifyOtpError(in);
    QCOMPARE(e.code(), out);
    QCOMPARE(e.isTransient(), transient);
    QCOMPARE(e.oauthError(), in.oauthError());
}

QTEST_GUILESS_MAIN(tst_Passwordless)
#include "tst_passwordless.moc"
