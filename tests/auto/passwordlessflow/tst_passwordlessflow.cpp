// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Session::sendMagicLink() / completeWithCode() / signInWith() against a FAKE IdP with a FAKE
// passwordless endpoint and a FAKE user agent: one end per sign-in, typed errors, PKCE binding.
#include <concierge/session.h>

#include "session_p.h"
#include "testsigner.h"
#include "testsupport.h"

#include <QtCore/QJsonDocument>
#include <QtTest/QtTest>

using namespace Concierge;
using namespace Concierge::Test;

namespace {
FakeReply oauthError(const char *error, int status = 400)
{
    return FakeReply::json({{QStringLiteral("error"), QLatin1String(error)}}, status);
}
} // namespace

class tst_PasswordlessFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void codeSignsInAfterAWrongCode();
    void tooManyAttemptsEndsTheSignIn();
    void rateLimitedEndsAtOnce();
    void linkCompletesThroughTheRedirect();
    void linkCompletesWithTheCodeFromAnotherDevice();
    void completeWithCodeWithoutASignIn();
    void sendWhileBusy();
    void signInWithBrokerHint();
    void signInWithDirectProviderNeedsItsSession();

private:
    struct Run
    {
        int signedIn = 0;
        int errors = 0;
        int sent = 0;
        QList<Error> rejected;
        Error error;
    };
    Session *makeSession(Run &run, FakeUserAgent **agentOut = nullptr);
    void waitForEnd(const Run &run, int timeoutMs = 10000);
    //! The token endpoint's answer to the OTP grant: tokens when the code and the verifier match.
    FakeReply otpGrant(const FakeRequest &r, const QString &goodCode);

    FakeIdp *idp = nullptr;
    TestKey rsa;
    QList<Session *> sessions;
    QJsonObject started;   //!< the last /passwordless/start body
    FakeReply startReply;  //!< what /passwordless/start answers (status 0: the default success)
    QString bindingUri;
};

void tst_PasswordlessFlow::init()
{
    idp = new FakeIdp(this);
    QVERIFY(idp->start());
    rsa = TestKey::rsa("k1");
    idp->jwks = jwksDocument(QList<TestKey>{rsa});
    idp->sign = [this](const QJsonObject &claims) { return signJwt(rsa, claims); };
    started = {};
    startReply = FakeReply{0, {}, {}, {}};
    bindingUri.clear();
    idp->route(QStringLiteral("/passwordless/start"), [this](const FakeRequest &r) {
        started = QJsonDocument::fromJson(r.body).object();
        if (startReply.status)
            return startReply;
        QJsonObject out{{QStringLiteral("_id"), QStringLiteral("req-1")},
                        {QStringLiteral("email"), started.value(QStringLiteral("email"))},
                        {QStringLiteral("email_verified"), false}};
        if (!bindingUri.isEmpty())
            out.insert(QStringLiteral("device_binding_uri"), bindingUri);
        return FakeReply::json(out);
    });
}

void tst_PasswordlessFlow::cleanup()
{
    qDeleteAll(sessions);
    sessions.clear();
    delete idp;
    idp = nullptr;
}

Session *tst_PasswordlessFlow::makeSession(Run &run, FakeUserAgent **agentOut)
{
    auto *session = new Session(ProviderConfig(idp->issuer(), QStringLiteral("storefront-mobile")));
    sessions.append(session);
    auto agent = std::make_unique<FakeUserAgent>();
    agent->follow = false;
    if (agentOut)
        *agentOut = agent.get();
    SessionPrivate::get(session)->setUserAgent(std::move(agent));
    connect(session, &Session::signedIn, this, [&run] { ++run.signedIn; });
    connect(session, &Session::magicLinkSent, this, [&run] { ++run.sent; });
    connect(session, &Session::codeRejected, this, [&run](const Error &e) { run.rejected.append(e); });
    connect(session, &Session::errorOccurred, this, [&run](const Error &e) {
        ++run.errors;
        run.error = e;
    });
    return session;
}

void tst_PasswordlessFlow::waitForEnd(const Run &run, int timeoutMs)
{
    QTRY_VERIFY_WITH_TIMEOUT(run.signedIn + run.errors > 0, timeoutMs);
    QTest::qWait(50); // nothing else may arrive
    QCOMPARE(run.signedIn + run.errors, 1);
}

FakeReply tst_PasswordlessFlow::otpGrant(const FakeRequest &r, const QString &goodCode)
{
    if (r.formValue(QStringLiteral("grant_type")) != QLatin1String("http://auth0.com/oauth/grant-type/passwordless/otp"))
        return oauthError("unsupported_grant_type");
    const QJsonObject auth = started.value(QStringLiteral("authParams")).toObject();
    const QByteArray verifier = r.formValue(QStringLiteral("code_verifier")).toLatin1();
    if (r.formValue(QStringLiteral("otp")) != goodCode
        || QString::fromLatin1(Pkce::s256Challenge(verifier)) != auth.value(QStringLiteral("code_challenge")).toString()
        || r.formValue(QStringLiteral("username")) != started.value(QStringLiteral("email")).toString()
        || r.formValue(QStringLiteral("realm")) != QLatin1String("email"))
        return oauthError("invalid_grant");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{{QStringLiteral("iss"), idp->issuer()}, {QStringLiteral("sub"), QStringLiteral("shopper-otp")},
                             {QStringLiteral("aud"), r.formValue(QStringLiteral("client_id"))}, {QStringLiteral("exp"), now + 600},
                             {QStringLiteral("iat"), now}, {QStringLiteral("nonce"), auth.value(QStringLiteral("nonce"))}};
    return FakeReply::json({{QStringLiteral("access_token"), QStringLiteral("at-otp")},
                            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                            {QStringLiteral("expires_in"), 600},
                            {QStringLiteral("id_token"), QString::fromLatin1(signJwt(rsa, claims))}});
}

void tst_PasswordlessFlow::codeSignsInAfterAWrongCode()
{
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    idp->tokenOverride = [this](const FakeRequest &r) { return otpGrant(r, QStringLiteral("042042")); };
    MagicLinkOptions options;
    options.send = MagicLinkOptions::Send::Code;
    s->sendMagicLink(QStringLiteral(" Aiko@Example.COM"), options);
    QCOMPARE(s->state(), Session::State::Authorizing);
    QTRY_COMPARE(run.sent, 1);
    QCOMPARE(started.value(QStringLiteral("send")).toString(), QStringLiteral("code"));
    QCOMPARE(started.value(QStringLiteral("email")).toString(), QStringLiteral(" Aiko@Example.COM")); // verbatim
    QVERIFY(agent->opened.isEmpty()); // a code needs no browser

    s->completeWithCode(QStringLiteral("000000"));
    QTRY_COMPARE(run.rejected.size(), 1);
    QCOMPARE(run.rejected.first().code(), Error::Code::OtpRejected);
    QVERIFY(run.rejected.first().isTransient());
    QCOMPARE(run.signedIn + run.errors, 0); // still waiting
    QCOMPARE(s->state(), Session::State::Authorizing);

    s->completeWithCode(QStringLiteral("042042"));
    waitForEnd(run);
    QVERIFY2(run.signedIn == 1, qPrintable(run.error.id() + QLatin1Char(' ') + run.error.description()));
    QCOMPARE(s->tokens().idToken().subject(), QStringLiteral("shopper-otp"));
    QCOMPARE(run.sent, 1);
}

void tst_PasswordlessFlow::tooManyAttemptsEndsTheSignIn()
{
    Run run;
    Session *s = makeSession(run);
    idp->tokenOverride = [](const FakeRequest &) { return oauthError("too_many_attempts"); };
    MagicLinkOptions options;
    options.send = MagicLinkOptions::Send::Code;
    s->sendMagicLink(QStringLiteral("a@example.com"), options);
    QTRY_COMPARE(run.sent, 1);
    s->completeWithCode(QStringLiteral("123456"));
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::TooManyAttempts);
    QVERIFY(run.error.isHard());
    QCOMPARE(s->state(), Session::State::SignedOut);
    s->completeWithCode(QStringLiteral("123456"));
    QTRY_COMPARE(run.rejected.size(), 1);
    QCOMPARE(run.rejected.last().code(), Error::Code::NothingToComplete);
    QCOMPARE(run.errors, 1);
}

void tst_PasswordlessFlow::rateLimitedEndsAtOnce()
{
    Run run;
    Session *s = makeSession(run);
    startReply = FakeReply::json({{QStringLiteral("error"), QStringLiteral("too_many_requests")},
                                  {QStringLiteral("error_description"), QStringLiteral("try again in 120 seconds")}}, 429);
    startReply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("120")));
    s->sendMagicLink(QStringLiteral("a@example.com"));
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::RateLimited);
    QCOMPARE(run.error.retryAfter(), 120);
    QVERIFY(run.error.description().contains(QStringLiteral("120 seconds")));
    QCOMPARE(run.sent, 0);
    QCOMPARE(s->state(), Session::State::SignedOut);
}

void tst_PasswordlessFlow::linkCompletesThroughTheRedirect()
{
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    // The fake's "device binding" page continues the authorization made with the mailed parameters
    // at once, as the dev IdP does after the click: the code comes back to the loopback listener.
    bindingUri = idp->issuer() + QStringLiteral("/passwordless/device?binding=b1");
    agent->onOpen = [this, agent](const QUrl &url) {
        if (url.path() != QLatin1String("/passwordless/device"))
            return; // the authorization below, opened by this fake
        QUrl authorize(idp->issuer() + QStringLiteral("/authorize"));
        QUrlQuery q;
        const QJsonObject auth = started.value(QStringLiteral("authParams")).toObject();
        for (auto it = auth.begin(); it != auth.end(); ++it)
            q.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(it.value().toString())));
        q.addQueryItem(QStringLiteral("client_id"), started.value(QStringLiteral("client_id")).toString());
        authorize.setQuery(q);
        agent->follow = true;
        QMetaObject::invokeMethod(this, [agent, authorize] { agent->open(authorize); }, Qt::QueuedConnection);
    };
    s->sendMagicLink(QStringLiteral("aiko@example.com"));
    waitForEnd(run);
    QVERIFY2(run.signedIn == 1, qPrintable(run.error.id() + QLatin1Char(' ') + run.error.description()));
    QCOMPARE(run.sent, 1);
    QCOMPARE(started.value(QStringLiteral("send")).toString(), QStringLiteral("link"));
    const QJsonObject auth = started.value(QStringLiteral("authParams")).toObject();
    QVERIFY(QUrl(auth.value(QStringLiteral("redirect_uri")).toString()).port() > 0); // the loopback listener's port
    QCOMPARE(auth.value(QStringLiteral("code_challenge_method")).toString(), QStringLiteral("S256"));
    QCOMPARE(idp->codesIssued, 1);
    QCOMPARE(agent->opened.first(), QUrl(bindingUri));
}

void tst_PasswordlessFlow::linkCompletesWithTheCodeFromAnotherDevice()
{
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    MagicLinkOptions options;
    options.openDeviceBinding = false; // the app shows "check your mail" itself
    bindingUri = idp->issuer() + QStringLiteral("/passwordless/device?binding=b2");
    idp->tokenOverride = [this](const FakeRequest &r) { return otpGrant(r, QStringLiteral("777001")); };
    s->sendMagicLink(QStringLiteral("ken@example.com"), options);
    QTRY_COMPARE(run.sent, 1);
    QVERIFY(agent->opened.isEmpty());
    s->completeWithCode(QStringLiteral("777001"));
    waitForEnd(run);
    QVERIFY2(run.signedIn == 1, qPrintable(run.error.id()));
}

void tst_PasswordlessFlow::completeWithCodeWithoutASignIn()
{
    Run run;
    Session *s = makeSession(run);
    s->completeWithCode(QStringLiteral("123456"));
    QCOMPARE(run.rejected.size(), 1);
    QCOMPARE(run.rejected.first().code(), Error::Code::NothingToComplete);
    QCOMPARE(run.errors, 0);
    QVERIFY(!s->completeFromUrl(QUrl(QStringLiteral("com.example.app:/callback?code=x&state=y"))));
}

void tst_PasswordlessFlow::sendWhileBusy()
{
    Run run;
    Session *s = makeSession(run);
    MagicLinkOptions options;
    options.send = MagicLinkOptions::Send::Code;
    s->sendMagicLink(QStringLiteral("a@example.com"), options);
    s->sendMagicLink(QStringLiteral("b@example.com"), options);
    QTRY_COMPARE(run.errors, 1);
    QCOMPARE(run.error.code(), Error::Code::Busy);
    QTRY_COMPARE(run.sent, 1);
    QCOMPARE(started.value(QStringLiteral("email")).toString(), QStringLiteral("a@example.com"));
    s->cancel();
    QTRY_COMPARE(run.errors, 2);
    QCOMPARE(run.error.code(), Error::Code::Cancelled);
}

void tst_PasswordlessFlow::signInWithBrokerHint()
{
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    agent->follow = true;
    s->signInWith(SocialProvider::keycloak(QStringLiteral("google")));
    waitForEnd(run);
    QVERIFY2(run.signedIn == 1, qPrintable(run.error.id()));
    const QUrlQuery q(agent->opened.first());
    QCOMPARE(q.queryItemValue(QStringLiteral("kc_idp_hint")), QStringLiteral("google"));
    QVERIFY(!q.hasQueryItem(QStringLiteral("idp_hint")));
}

void tst_PasswordlessFlow::signInWithDirectProviderNeedsItsSession()
{
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    s->signInWith(SocialProvider::google(QStringLiteral("id")));
    QCOMPARE(run.errors, 1);
    QCOMPARE(run.error.code(), Error::Code::InvalidConfiguration);
    QCOMPARE(s->state(), Session::State::SignedOut);
    s->signInWith(SocialProvider::microsoft(QStringLiteral("id"), QStringLiteral("common")));
    QCOMPARE(run.errors, 2);
    QCOMPARE(run.error.code(), Error::Code::InvalidConfiguration);
    QVERIFY(agent->opened.isEmpty());
    QCOMPARE(idp->requests.size(), 0); // refused before any network
}

QTEST_GUILESS_MAIN(tst_PasswordlessFlow)
#include "tst_passwordlessflow.moc"
