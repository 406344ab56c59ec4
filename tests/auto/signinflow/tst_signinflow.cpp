// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// The whole browser sign-in through Session, against a FAKE IdP and a FAKE user agent.
#include <concierge/session.h>

#include "session_p.h"
#include "testsigner.h"
#include "testsupport.h"

#include <QtNetwork/QNetworkReply>
#include <QtTest/QtTest>

using namespace Concierge;
using namespace Concierge::Test;

class tst_SignInFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void signsIn();
    void es256AndEdDsaTokens();
    void wrongStateIsIgnoredAndReported();
    void missingIssIsRefused();
    void accessDenied();
    void badNonce();
    void keyRotationRefetchesOnce();
    void unknownKidAfterRefetchIsRefused();
    void discoveryIssuerMismatchOpensNoBrowser();
    void tokenEndpoint5xxIsTransient();
    void cancelEndsOnce();
    void secondSignInIsBusy();
    void userInfoSubjectMustMatch();
    void failingBrowserCommandEndsTheFlow();
    void pushedAuthorizationRequestWhenRequired();
    void customSchemeRedirectThroughHandleRedirect();

private:
    struct Run
    {
        int signedIn = 0;
        int errors = 0;
        Error error;
    };
    Session *makeSession(Run &run, FakeUserAgent **agentOut = nullptr);
    void waitForEnd(const Run &run, int timeoutMs = 10000);

    FakeIdp *idp = nullptr;
    TestKey rsa;
    TestKey rsa2;
    QList<Session *> sessions;
};

void tst_SignInFlow::init()
{
    idp = new FakeIdp(this);
    QVERIFY(idp->start());
    rsa = TestKey::rsa("k1");
    idp->jwks = jwksDocument(QList<TestKey>{rsa});
    idp->sign = [this](const QJsonObject &claims) { return signJwt(rsa, claims); };
}

void tst_SignInFlow::cleanup()
{
    qDeleteAll(sessions);
    sessions.clear();
    delete idp;
    idp = nullptr;
}

Session *tst_SignInFlow::makeSession(Run &run, FakeUserAgent **agentOut)
{
    auto *session = new Session(ProviderConfig(idp->issuer(), QStringLiteral("storefront-mobile")));
    sessions.append(session);
    auto agent = std::make_unique<FakeUserAgent>();
    if (agentOut)
        *agentOut = agent.get();
    SessionPrivate::get(session)->setUserAgent(std::move(agent));
    connect(session, &Session::signedIn, this, [&run] { ++run.signedIn; });
    connect(session, &Session::errorOccurred, this, [&run](const Error &e) {
        ++run.errors;
        run.error = e;
    });
    return session;
}

void tst_SignInFlow::waitForEnd(const Run &run, int timeoutMs)
{
    QTRY_VERIFY_WITH_TIMEOUT(run.signedIn + run.errors > 0, timeoutMs);
    QTest::qWait(50); // nothing else may arrive
    QCOMPARE(run.signedIn + run.errors, 1);
}

void tst_SignInFlow::signsIn()
{
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    QSignalSpy states(s, &Session::stateChanged);
    s->signIn();
    QCOMPARE(s->state(), Session::State::Authorizing);
    waitForEnd(run);
    QVERIFY2(run.signedIn == 1, qPrintable(run.error.id() + QLatin1Char(' ') + run.error.description()));
    QCOMPARE(s->state(), Session::State::SignedIn);
    QVERIFY(s->isSignedIn());
    const TokenSet t = s->tokens();
    QVERIFY(!t.accessToken().isEmpty());
    QVERIFY(t.hasRefreshToken());
    QCOMPARE(t.tokenType(), QStringLiteral("Bearer"));
    QCOMPARE(t.idToken().subject(), QStringLiteral("shopper-0001"));
    QCOMPARE(t.idToken().claims().value(QStringLiteral("email")).toString(), QStringLiteral("aiko@example.com"));
    QVERIFY(t.expiresIn(QDateTime::currentDateTimeUtc()) > 3500);
    QCOMPARE(idp->count(QStringLiteral("/.well-known/openid-configuration")), 1);
    QCOMPARE(idp->count(QStringLiteral("/jwks")), 1);
    QCOMPARE(idp->count(QStringLiteral("/token")), 1);
    QCOMPARE(agent->opened.size(), 1);
    QTRY_COMPARE(agent->loopbackStatus, 200);
    QCOMPARE(states.count(), 2); // Authorizing, SignedIn

    // A second sign-in reuses the cached discovery document and keys: one token request only.
    Run again;
    connect(s, &Session::signedIn, this, [&again] { ++again.signedIn; });
    connect(s, &Session::errorOccurred, this, [&again](const Error &) { ++again.errors; });
    s->signIn();
    waitForEnd(again);
    QCOMPARE(again.signedIn, 1);
    QCOMPARE(idp->count(QStringLiteral("/.well-known/openid-configuration")), 1);
    QCOMPARE(idp->count(QStringLiteral("/jwks")), 1);
    QCOMPARE(idp->count(QStringLiteral("/token")), 2);
}

void tst_SignInFlow::es256AndEdDsaTokens()
{
    for (const TestKey &key : {TestKey::ec("e1"), TestKey::ed25519("d1")}) {
        idp->jwks = jwksDocument(QList<TestKey>{key});
        idp->sign = [key](const QJsonObject &claims) { return signJwt(key, claims); };
        Run run;
        Session *s = makeSession(run);
        s->signIn();
        waitForEnd(run);
        QVERIFY2(run.signedIn == 1, qPrintable(run.error.id()));
        QCOMPARE(s->tokens().idToken().algorithm(), key.defaultAlgorithm());
    }
}

void tst_SignInFlow::wrongStateIsIgnoredAndReported()
{
    idp->editRedirect = [](QUrlQuery &q) {
        q.removeQueryItem(QStringLiteral("state"));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("forged"));
    };
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    s->setFlowTimeoutSeconds(2);
    s->signIn();
    QTRY_COMPARE(agent->loopbackStatus, 400); // the listener refused it but kept waiting
    QCOMPARE(run.errors, 0);
    waitForEnd(run, 5000);
    QCOMPARE(run.error.code(), Error::Code::StateMismatch);
    QCOMPARE(idp->count(QStringLiteral("/token")), 0);
    QCOMPARE(s->state(), Session::State::SignedOut);
}

void tst_SignInFlow::missingIssIsRefused()
{
    idp->editRedirect = [](QUrlQuery &q) { q.removeQueryItem(QStringLiteral("iss")); };
    Run run;
    Session *s = makeSession(run);
    s->signIn();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::AuthorizationIssMismatch);
    QCOMPARE(idp->count(QStringLiteral("/token")), 0);
}

void tst_SignInFlow::accessDenied()
{
    idp->editRedirect = [](QUrlQuery &q) {
        q.removeQueryItem(QStringLiteral("code"));
        q.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        q.addQueryItem(QStringLiteral("error_description"), QStringLiteral("The%20shopper%20said%20no"));
    };
    Run run;
    Session *s = makeSession(run);
    s->signIn();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::AccessDenied);
    QCOMPARE(run.error.description(), QStringLiteral("The shopper said no"));
    QVERIFY(run.error.isHard());
    QCOMPARE(idp->count(QStringLiteral("/token")), 0);
}

void tst_SignInFlow::badNonce()
{
    idp->editClaims = [](QJsonObject &c) { c.insert(QStringLiteral("nonce"), QStringLiteral("replayed")); };
    Run run;
    Session *s = makeSession(run);
    s->signIn();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::IdTokenNonceMismatch);
    QVERIFY(!s->isSignedIn());
    QVERIFY(!s->tokens().isValid());
}

void tst_SignInFlow::keyRotationRefetchesOnce()
{
    rsa2 = TestKey::rsa("k2");
    // The JWKS first fetched has only k1; the token is signed with k2; the refetch has both.
    int served = 0;
    idp->route(QStringLiteral("/jwks"), [this, &served](const FakeRequest &) {
        FakeReply r;
        r.body = ++served == 1 ? jwksDocument(QList<TestKey>{rsa}) : jwksDocument(QList<TestKey>{rsa, rsa2});
        return r;
    });
    idp->sign = [this](const QJsonObject &claims) { return signJwt(rsa2, claims); };
    Run run;
    Session *s = makeSession(run);
    s->signIn();
    waitForEnd(run);
    QVERIFY2(run.signedIn == 1, qPrintable(run.error.id()));
    QCOMPARE(idp->count(QStringLiteral("/jwks")), 2);
}

void tst_SignInFlow::unknownKidAfterRefetchIsRefused()
{
    const TestKey stranger = TestKey::rsa("nobody-knows");
    idp->sign = [stranger](const QJsonObject &claims) { return signJwt(stranger, claims); };
    Run run;
    Session *s = makeSession(run);
    s->signIn();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::IdTokenKeyNotFound);
    QCOMPARE(idp->count(QStringLiteral("/jwks")), 2);
    // Again at once: the rate limit forbids another forced refetch.
    Run again;
    connect(s, &Session::signedIn, this, [&again] { ++again.signedIn; });
    connect(s, &Session::errorOccurred, this, [&again](const Error &e) { ++again.errors; again.error = e; });
    s->signIn();
    waitForEnd(again);
    QCOMPARE(again.error.code(), Error::Code::IdTokenKeyNotFound);
    QCOMPARE(idp->count(QStringLiteral("/jwks")), 2);
}

void tst_SignInFlow::discoveryIssuerMismatchOpensNoBrowser()
{
    idp->editDiscovery = [](QJsonObject &d) { d.insert(QStringLiteral("issuer"), QStringLiteral("http://127.0.0.1:1")); };
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    s->signIn();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::IssuerMismatch);
    QCOMPARE(agent->opened.size(), 0);
    QCOMPARE(idp->count(QStringLiteral("/authorize")), 0);
}

void tst_SignInFlow::tokenEndpoint5xxIsTransient()
{
    idp->tokenOverride = [](const FakeRequest &) { return FakeReply{503, "busy", "text/plain", {{"Retry-After", "7"}}}; };
    Run run;
    Session *s = makeSession(run);
    s->signIn();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::ServerError);
    QVERIFY(run.error.isTransient());
    QCOMPARE(run.error.retryAfter(), 7);
    QCOMPARE(s->state(), Session::State::SignedOut);
}

void tst_SignInFlow::cancelEndsOnce()
{
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    agent->follow = false;
    s->signIn();
    QTRY_COMPARE(agent->opened.size(), 1);
    s->cancel();
    s->cancel();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::Cancelled);
    QCOMPARE(s->state(), Session::State::SignedOut);
}

void tst_SignInFlow::secondSignInIsBusy()
{
    Run run;
    FakeUserAgent *agent = nullptr;
    Session *s = makeSession(run, &agent);
    agent->follow = false;
    s->signIn();
    s->signIn();
    QCOMPARE(run.errors, 1);
    QCOMPARE(run.error.code(), Error::Code::Busy);
    QCOMPARE(s->state(), Session::State::Authorizing);
    s->cancel();
    QCOMPARE(run.errors, 2);
}

void tst_SignInFlow::userInfoSubjectMustMatch()
{
    Run run;
    Session *s = makeSession(run);
    s->signIn();
    waitForEnd(run);
    QCOMPARE(run.signedIn, 1);
    int calls = 0;
    Result<QVariantMap> got = Error();
    s->fetchUserInfo(this, [&](const Result<QVariantMap> &r) { ++calls; got = r; });
    QTRY_COMPARE(calls, 1);
    QVERIFY(got.ok());
    QCOMPARE(got->value(QStringLiteral("sub")).toString(), QStringLiteral("shopper-0001"));

    idp->subject = QStringLiteral("someone-else");
    s->fetchUserInfo(this, [&](const Result<QVariantMap> &r) { ++calls; got = r; });
    QTRY_COMPARE(calls, 2);
    QCOMPARE(got.error().code(), Error::Code::SubjectMismatch);
}

void tst_SignInFlow::failingBrowserCommandEndsTheFlow()
{
    auto *s = new Session(ProviderConfig(idp->issuer(), QStringLiteral("app")));
    sessions.append(s);
    Run run;
    connect(s, &Session::errorOccurred, this, [&run](const Error &e) { ++run.errors; run.error = e; });
    s->setBrowserCommand({QStringLiteral("false")});
    s->signIn();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::UserAgentFailed);

    Run missing;
    connect(s, &Session::errorOccurred, this, [&missing](const Error &e) { ++missing.errors; missing.error = e; });
    s->setBrowserCommand({QStringLiteral("/nonexistent/browser")});
    s->signIn();
    waitForEnd(missing);
    QCOMPARE(missing.error.code(), Error::Code::UserAgentFailed);
}

void tst_SignInFlow::pushedAuthorizationRequestWhenRequired()
{
    idp->editDiscovery = [this](QJsonObject &d) {
        d.insert(QStringLiteral("require_pushed_authorization_requests"), true);
        d.insert(QStringLiteral("pushed_authorization_request_endpoint"), idp->issuer() + QStringLiteral("/par"));
    };
    Run run;
    FakeUserAgent *agent = nullptr;
    makeSession(run, &agent);
    sessions.last()->signIn();
    waitForEnd(run);
    QVERIFY2(run.signedIn == 1, qPrintable(run.error.id()));
    QCOMPARE(idp->count(QStringLiteral("/par")), 1);
    // The browser saw client_id and request_uri only: state, nonce and the challenge were pushed.
    const QUrlQuery opened(agent->opened.value(0));
    QVERIFY(opened.hasQueryItem(QStringLiteral("request_uri")));
    QVERIFY(opened.hasQueryItem(QStringLiteral("client_id")));
    QVERIFY(!opened.hasQueryItem(QStringLiteral("state")));
    QVERIFY(!opened.hasQueryItem(QStringLiteral("code_challenge")));
    const FakeRequest par = idp->requests.at([this] {
        for (int i = 0; i < idp->requests.size(); ++i)
            if (idp->requests.at(i).path == QLatin1String("/par"))
                return i;
        return 0;
    }());
    QCOMPARE(par.formValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(par.formValue(QStringLiteral("client_id")), QStringLiteral("storefront-mobile"));
}

void tst_SignInFlow::customSchemeRedirectThroughHandleRedirect()
{
    ProviderConfig config(idp->issuer(), QStringLiteral("storefront-mobile"));
    config.setRedirectUri(QUrl(QStringLiteral("com.example.storefront:/callback")));
    auto *s = new Session(config);
    sessions.append(s);
    auto agent = std::make_unique<FakeUserAgent>();
    agent->follow = false;
    QNetworkAccessManager nam;
    QUrl redirect;
    agent->onOpen = [&](const QUrl &url) {
        QNetworkRequest r(url);
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = nam.get(r);
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            redirect = QUrl::fromEncoded(reply->rawHeader("Location"));
            reply->deleteLater();
        });
    };
    SessionPrivate::get(s)->setUserAgent(std::move(agent));
    Run run;
    connect(s, &Session::signedIn, this, [&run] { ++run.signedIn; });
    connect(s, &Session::errorOccurred, this, [&run](const Error &e) { ++run.errors; run.error = e; });
    QVERIFY(!s->handleRedirect(QUrl(QStringLiteral("com.example.storefront:/callback?code=x&state=y")))); // nothing pending
    s->signIn();
    QTRY_VERIFY(redirect.isValid() && !redirect.isEmpty());
    QCOMPARE(redirect.scheme(), QStringLiteral("com.example.storefront"));
    // A forged deep link (wrong state) is refused and does not end the flow.
    QUrl forged = redirect;
    QUrlQuery fq(forged);
    fq.removeQueryItem(QStringLiteral("state"));
    fq.addQueryItem(QStringLiteral("state"), QStringLiteral("forged"));
    forged.setQuery(fq);
    QVERIFY(!s->handleRedirect(forged));
    QVERIFY(!s->handleRedirect(QUrl(QStringLiteral("com.example.other:/callback?") + redirect.query())));
    QCOMPARE(run.errors, 0);
    QVERIFY(s->handleRedirect(redirect));
    waitForEnd(run);
    QVERIFY2(run.signedIn == 1, qPrintable(run.error.id()));
    QVERIFY(!s->handleRedirect(redirect)); // single use
}

QTEST_GUILESS_MAIN(tst_SignInFlow)
#include "tst_signinflow.moc"
