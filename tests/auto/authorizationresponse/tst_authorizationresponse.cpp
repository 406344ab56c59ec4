// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/authorizationresponse.h>

#include <QtTest/QtTest>

using namespace Concierge;

namespace {
const QString kIssuer = QStringLiteral("https://id.example.com");

ProviderMetadata metadata(bool issSupported)
{
    QByteArray doc = R"({"issuer":"https://id.example.com","authorization_endpoint":"https://id.example.com/a",
        "token_endpoint":"https://id.example.com/t","jwks_uri":"https://id.example.com/k")";
    if (issSupported)
        doc += R"(,"authorization_response_iss_parameter_supported":true)";
    return *ProviderMetadata::fromJson(doc + "}", kIssuer);
}

AuthorizationRequest request()
{
    ProviderConfig config(kIssuer, QStringLiteral("app"));
    return *AuthorizationRequest::create(config, metadata(false), QUrl(QStringLiteral("http://127.0.0.1:5555/callback")), {},
                                         Pkce::generate(), "good-state-good-state-good-state", "nonce-nonce-nonce-nonce-nonce");
}

QUrl redirect(const QByteArray &query)
{
    return QUrl::fromEncoded("http://127.0.0.1:5555/callback?" + query);
}
} // namespace

class tst_AuthorizationResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void errorDescriptionIsPlainText();
};

void tst_AuthorizationResponse::accepts_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<bool>("issSupported");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("with iss") << QByteArray("code=abc&state=good-state-good-state-good-state&iss=https%3A%2F%2Fid.example.com") << true << QByteArray("abc");
    QTest::newRow("no iss, not advertised") << QByteArray("code=abc&state=good-state-good-state-good-state") << false << QByteArray("abc");
    QTest::newRow("encoded code") << QByteArray("state=good-state-good-state-good-state&code=a%2Bb%2Fc") << false << QByteArray("a+b/c");
    QTest::newRow("unknown params") << QByteArray("code=abc&state=good-state-good-state-good-state&session_state=xyz") << false << QByteArray("abc");
}

void tst_AuthorizationResponse::accepts()
{
    QFETCH(QByteArray, query);
    QFETCH(bool, issSupported);
    QFETCH(QByteArray, code);
    const auto r = AuthorizationResponse::fromRedirect(redirect(query), request(), metadata(issSupported));
    QVERIFY2(r.ok(), qPrintable(r.error().id()));
    QCOMPARE(r->code(), code);
}

void tst_AuthorizationResponse::rejects_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<bool>("issSupported");
    QTest::addColumn<Error::Code>("code");
    const QByteArray st = "state=good-state-good-state-good-state";
    QTest::newRow("wrong state") << QByteArray("code=abc&state=evil") << false << Error::Code::StateMismatch;
    QTest::newRow("missing state") << QByteArray("code=abc") << false << Error::Code::StateMismatch;
    QTest::newRow("state prefix") << QByteArray("code=abc&state=good-state") << false << Error::Code::StateMismatch;
    QTest::newRow("empty state") << QByteArray("code=abc&state=") << false << Error::Code::StateMismatch;
    QTest::newRow("missing iss when advertised") << ("code=abc&" + st) << true << Error::Code::AuthorizationIssMismatch;
    QTest::newRow("wrong iss") << ("code=abc&iss=https%3A%2F%2Fevil.example.com&" + st) << true << Error::Code::AuthorizationIssMismatch;
    QTest::newRow("wrong iss, not advertised") << ("code=abc&iss=https%3A%2F%2Fevil.example.com&" + st) << false << Error::Code::AuthorizationIssMismatch;
    QTest::newRow("access_denied") << ("error=access_denied&" + st) << false << Error::Code::AccessDenied;
    QTest::newRow("login_required") << ("error=login_required&" + st) << false << Error::Code::LoginRequired;
    QTest::newRow("error with bad state") << QByteArray("error=access_denied&state=evil") << false << Error::Code::StateMismatch;
    QTest::newRow("missing code") << st << false << Error::Code::MissingCode;
    QTest::newRow("empty code") << ("code=&" + st) << false << Error::Code::MissingCode;
    QTest::newRow("code twice") << ("code=a&code=b&" + st) << false << Error::Code::InvalidResponse;
    QTest::newRow("state twice") << ("code=a&" + st + "&" + st) << false << Error::Code::InvalidResponse;
}

void tst_AuthorizationResponse::rejects()
{
    QFETCH(QByteArray, query);
    QFETCH(bool, issSupported);
    QFETCH(Error::Code, code);
    const auto r = AuthorizationResponse::fromRedirect(redirect(query), request(), metadata(issSupported));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), code);
}

void tst_AuthorizationResponse::errorDescriptionIsPlainText()
{
    const auto r = AuthorizationResponse::fromRedirect(
        redirect("error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E%0Anext&state=good-state-good-state-good-state"),
        request(), metadata(false));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().description(), QStringLiteral("<script>alert(1)</script> next"));
}

QTEST_GUILESS_MAIN(tst_AuthorizationResponse)
#include "tst_authorizationresponse.moc"
