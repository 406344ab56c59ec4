// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Token lifecycle through Session against a FAKE IdP: single-flight refresh, rotation persisted
// before use, hard vs transient failures, restore, sign-out with revocation, authorized requests.
#include <concierge/session.h>

#include "session_p.h"
#include "testsigner.h"
#include "testsupport.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QtTest>

using namespace Concierge;
using namespace Concierge::Test;
using Concierge::Internal::MemoryCredentialStore;

class tst_Session : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void oneRefreshForAThousandCallers();
    void validTokenNeedsNoRefresh();
    void rotationIsPersistedBeforeUse();
    void invalidGrantSignsOutAndWipes();
    void refreshedIdTokenForAnotherSubjectSignsOut();
    void transientFailureKeepsTheSession();
    void restoreSignsInWithoutABrowser();
    void corruptRecordIsWipedAndReported();
    void signOutRevokesRefreshThenAccessToken();
    void authorizedRequestRefreshesOnceOn401();
    void proactiveRefreshBeforeExpiry();
    void notSignedIn();
    void malformedRefreshAnswerKeepsTheSession();
    void signOutEndsTheBrowserSession();
    void freshTokenFuture();
    void appDyingWhileTheRotatedTokensAreWritten();
    void tokensAreNeverSentInTheClear();
    void dpopProofsAndOneNonceRetry();
    void dpopNonceIsNeverRetriedInALoop();
    void dpopFallsBackToBearerWhenNotOffered();

private:
    Session *signedInSession();
    FakeIdp *idp = nullptr;
    TestKey key;
    std::shared_ptr<MemoryCredentialStore> store;
    QList<Session *> sessions;
};

void tst_Session::init()
{
    idp = new FakeIdp(this);
    QVERIFY(idp->start());
    key = TestKey::rsa("k1");
    idp->jwks = jwksDocument(QList<TestKey>{key});
    idp->sign = [this](const QJsonObject &claims) { return signJwt(key, claims); };
    store = std::make_shared<MemoryCredentialStore>();
}

void tst_Session::cleanup()
{
    qDeleteAll(sessions);
    sessions.clear();
    delete idp;
    idp = nullptr;
}

Session *tst_Session::signedInSession()
{
    auto *s = new Session(ProviderConfig(idp->issuer(), QStringLiteral("storefront-mobile")));
    sessions.append(s);
    SessionPrivate::get(s)->setUserAgent(std::make_unique<FakeUserAgent>());
    SessionPrivate::get(s)->store = store;
    QSignalSpy done(s, &Session::signedIn);
    s->signIn();
    if (!done.wait(10000))
        return nullptr;
    return s;
}

void tst_Session::oneRefreshForAThousandCallers()
{
    idp->expiresIn = 0; // expired on arrival
    Session *s = signedInSession();
    QVERIFY(s);
    const QByteArray old = s->tokens().accessToken();
    int answered = 0;
    QSet<QByteArray> tokens;
    for (int i = 0; i < 1000; ++i) {
        s->withFreshToken(this, [&](const Result<QByteArray> &t) {
            ++answered;
            if (t)
                tokens.insert(*t);
        });
    }
    QCOMPARE(s->state(), Session::State::Refreshing);
    QTRY_COMPARE_WITH_TIMEOUT(answered, 1000, 10000);
    QCOMPARE(idp->refreshGrants, 1);
    QCOMPARE(tokens.size(), 1);
    QVERIFY(!tokens.contains(old));
    QCOMPARE(SessionPrivate::get(s)->refreshRequests, 1);
}

void tst_Session::validTokenNeedsNoRefresh()
{
    Session *s = signedInSession();
    QVERIFY(s);
    int answered = 0;
    for (int i = 0; i < 10; ++i)
        s->withFreshToken(this, [&](const Result<QByteArray> &t) { answered += t.ok(); });
    QTRY_COMPARE(answered, 10);
    QCOMPARE(idp->refreshGrants, 0);
}

void tst_Session::rotationIsPersistedBeforeUse()
{
    idp->expiresIn = 0;
    Session *s = signedInSession();
    QVERIFY(s);
    const QString account = SessionPrivate::get(s)->account();
    const QByteArray oldRefresh = s->tokens().refreshToken();
    bool checked = false;
    s->withFreshToken(this, [&](const Result<QByteArray> &t) {
        QVERIFY(t.ok());
        // The moment the caller sees the new token, the store already holds the rotated set.
        const QByteArray dataKey = store->peek(Internal::CredentialStore::itemKey(account, Internal::CredentialStore::Item::DataKey));
        const auto stored = Internal::openTokenRecord(dataKey, store->peek(account), account, idp->issuer(),
                                                      QStringLiteral("storefront-mobile"));
        QVERIFY(stored.ok());
        QCOMPARE(stored->tokens.accessToken(), *t);
        QVERIFY(stored->tokens.refreshToken() != oldRefresh);
        QCOMPARE(stored->tokens.refreshToken(), s->tokens().refreshToken());
        checked = true;
    });
    QTRY_VERIFY(checked);
    QVERIFY(!idp->liveRefreshTokens.contains(QString::fromUtf8(oldRefresh)));
}

void tst_Session::invalidGrantSignsOutAndWipes()
{
    idp->expiresIn = 0;
    Session *s = signedInSession();
    QVERIFY(s);
    idp->liveRefreshTokens.clear(); // revoked behind our back
    QSignalSpy out(s, &Session::signedOut);
    QSignalSpy errors(s, &Session::errorOccurred);
    Result<QByteArray> got = QByteArray();
    int calls = 0;
    s->withFreshToken(this, [&](const Result<QByteArray> &t) { ++calls; got = t; });
    QTRY_COMPARE(calls, 1);
    QCOMPARE(got.error().code(), Error::Code::InvalidGrant);
    QCOMPARE(out.count(), 1);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(s->state(), Session::State::SignedOut);
    QVERIFY(!s->tokens().isValid());
    QVERIFY(store->peek(SessionPrivate::get(s)->account()).isEmpty());
}

void tst_Session::refreshedIdTokenForAnotherSubjectSignsOut()
{
    idp->expiresIn = 0;
    Session *s = signedInSession();
    QVERIFY(s);
    idp->subject = QStringLiteral("someone-else");
    QSignalSpy errors(s, &Session::errorOccurred);
    s->refresh();
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), Error::Code::SubjectMismatch);
    QCOMPARE(s->state(), Session::State::SignedOut);
}

void tst_Session::transientFailureKeepsTheSession()
{
    idp->expiresIn = 20;
    Session *s = signedInSession();
    QVERIFY(s);
    const TokenSet before = s->tokens();
    idp->tokenOverride = [](const FakeRequest &) { return FakeReply{503, "down", "text/plain", {{"Retry-After", "7"}}}; };
    auto *d = SessionPrivate::get(s);
    // Within the refresh margin but not yet expired: the refresh fails, callers still get the valid token.
    Result<QByteArray> got = QByteArray();
    int calls = 0;
    s->withFreshToken(this, [&](const Result<QByteArray> &t) { ++calls; got = t; });
    QTRY_COMPARE(calls, 1);
    QVERIFY(got.ok());
    QCOMPARE(*got, before.accessToken());
    QCOMPARE(idp->refreshGrants, 0); // the 503 came from the override, not the refresh grant handler
    QVERIFY(d->retryTimer.isActive());

    // Expired (the clock moves 60 s on): the caller gets the transient error, the session stays.
    d->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(60); });
    s->withFreshToken(this, [&](const Result<QByteArray> &t) { ++calls; got = t; });
    QTRY_COMPARE(calls, 2);
    QCOMPARE(got.error().code(), Error::Code::ServerError);
    QVERIFY(got.error().isTransient());
    QCOMPARE(s->state(), Session::State::SignedIn);
    QCOMPARE(s->tokens(), before);
    QVERIFY(d->retryTimer.isActive());
    QCOMPARE(d->retryTimer.interval(), 7000); // Retry-After (7 s) beats the exponential backoff (4 s)
    QVERIFY(!store->peek(d->account()).isEmpty());
}

void tst_Session::restoreSignsInWithoutABrowser()
{
    Session *s = signedInSession();
    QVERIFY(s);
    const TokenSet tokens = s->tokens();
    auto *again = new Session(ProviderConfig(idp->issuer(), QStringLiteral("storefront-mobile")));
    sessions.append(again);
    SessionPrivate::get(again)->store = store;
    Result<bool> restored = false;
    int calls = 0;
    again->restore(this, [&](const Result<bool> &r) { ++calls; restored = r; });
    QTRY_COMPARE(calls, 1);
    QVERIFY(restored.ok() && *restored);
    QVERIFY(again->isSignedIn());
    QCOMPARE(again->tokens().accessToken(), tokens.accessToken());
    QCOMPARE(again->tokens().idToken().subject(), tokens.idToken().subject());
    QCOMPARE(idp->count(QStringLiteral("/authorize")), 1);

    auto *other = new Session(ProviderConfig(idp->issuer(), QStringLiteral("another-client")));
    sessions.append(other);
    SessionPrivate::get(other)->store = store;
    other->restore(this, [&](const Result<bool> &r) { ++calls; restored = r; });
    QTRY_COMPARE(calls, 2);
    QVERIFY(restored.ok() && !*restored);
}

void tst_Session::corruptRecordIsWipedAndReported()
{
    auto *s = new Session(ProviderConfig(idp->issuer(), QStringLiteral("storefront-mobile")));
    sessions.append(s);
    SessionPrivate::get(s)->store = store;
    const QString account = SessionPrivate::get(s)->account();
    for (const QByteArray &junk : {QByteArray("{\"format\":\"concierge.tokens\",\"v\":1}"), QByteArray("\x00\x01garbage", 9),
                                   QByteArray("{\"format\":\"other\"}")}) {
        store->write(account, junk, [](const Result<void> &) {});
        Result<bool> restored = false;
        int calls = 0;
        s->restore(this, [&](const Result<bool> &r) { ++calls; restored = r; });
        QTRY_COMPARE(calls, 1);
        QCOMPARE(restored.error().code(), Error::Code::StoreCorrupt);
        QVERIFY(!s->isSignedIn());
        QVERIFY(store->peek(account).isEmpty());
    }
}

void tst_Session::signOutRevokesRefreshThenAccessToken()
{
    Session *s = signedInSession();
    QVERIFY(s);
    const TokenSet t = s->tokens();
    QSignalSpy out(s, &Session::signedOut);
    s->signOut();
    QTRY_COMPARE(out.count(), 1);
    QTest::qWait(50);
    QCOMPARE(out.count(), 1);
    QCOMPARE(idp->revoked, QStringList({QString::fromUtf8(t.refreshToken()), QString::fromUtf8(t.accessToken())}));
    QVERIFY(!s->tokens().isValid());
    QCOMPARE(s->state(), Session::State::SignedOut);
    QVERIFY(store->peek(SessionPrivate::get(s)->account()).isEmpty());
}

void tst_Session::authorizedRequestRefreshesOnceOn401()
{
    Session *s = signedInSession();
    QVERIFY(s);
    FakeHttpServer api;
    QVERIFY(api.listen());
    int hits = 0;
    api.route(QStringLiteral("/cart"), [&](const FakeRequest &r) {
        ++hits;
        if (hits == 1)
            return FakeReply{401, "", "text/plain", {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}}};
        return FakeReply{200, r.headers.value("authorization"), "text/plain", {}};
    });
    Result<HttpReply> got = HttpReply();
    int calls = 0;
    s->sendRequest("GET", QNetworkRequest(QUrl(api.baseUrl() + QStringLiteral("/cart"))), {}, this,
                   [&](const Result<HttpReply> &r) { ++calls; got = r; });
    QTRY_COMPARE(calls, 1);
    QVERIFY(got.ok());
    QCOMPARE(got->status, 200);
    QCOMPARE(got->body, "Bearer " + s->tokens().accessToken());
    QCOMPARE(idp->refreshGrants, 1);

    // Always 401: one refresh, one retry, then the 401 is handed back (no loop).
    api.route(QStringLiteral("/cart"), [&](const FakeRequest &) {
        ++hits;
        return FakeReply{401, "", "text/plain", {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}}};
    });
    hits = 0;
    s->sendRequest("GET", QNetworkRequest(QUrl(api.baseUrl() + QStringLiteral("/cart"))), {}, this,
                   [&](const Result<HttpReply> &r) { ++calls; got = r; });
    QTRY_COMPARE(calls, 2);
    QCOMPARE(got->status, 401);
    QCOMPARE(hits, 2);
    QCOMPARE(idp->refreshGrants, 2);
}

void tst_Session::proactiveRefreshBeforeExpiry()
{
    idp->expiresIn = 3;
    Session *s = signedInSession();
    QVERIFY(s);
    SessionPrivate::get(s)->minProactiveIntervalSeconds = 1;
    s->setRefreshMarginSeconds(2);
    QSignalSpy refreshed(s, &Session::refreshed);
    QVERIFY(refreshed.wait(5000)); // nobody asked for a token
    QCOMPARE(idp->refreshGrants, 1);
}

void tst_Session::notSignedIn()
{
    Session s(ProviderConfig(idp->issuer(), QStringLiteral("x")));
    Result<QByteArray> got = QByteArray();
    int calls = 0;
    s.withFreshToken(this, [&](const Result<QByteArray> &t) { ++calls; got = t; });
    QCOMPARE(calls, 0); // never synchronously
    QTRY_COMPARE(calls, 1);
    QCOMPARE(got.error().code(), Error::Code::NotSignedIn);
}

void tst_Session::signOutEndsTheBrowserSession()
{
    auto *s = new Session(ProviderConfig(idp->issuer(), QStringLiteral("storefront-mobile")));
    sessions.append(s);
    auto agent = std::make_unique<FakeUserAgent>();
    FakeUserAgent *browser = agent.get();
    SessionPrivate::get(s)->setUserAgent(std::move(agent));
    SessionPrivate::get(s)->store = store;
    QSignalSpy in(s, &Session::signedIn);
    s->signIn();
    QVERIFY(in.wait(10000));
    const QByteArray idToken = s->tokens().idToken().raw();
    browser->loopbackStatus = 0;
    QSignalSpy out(s, &Session::signedOut);
    SignOutOptions options;
    options.endSession = true;
    s->signOut(options);
    QTRY_COMPARE(out.count(), 1);
    QTest::qWait(50);
    QCOMPARE(out.count(), 1);
    // The browser visited end_session_endpoint with the ID token hint and came back to our
    // loopback listener with our state, which the listener accepted (200).
    QCOMPARE(browser->opened.size(), 2);
    const QUrl endSession = browser->opened.at(1);
    QCOMPARE(endSession.path(), QStringLiteral("/end-session"));
    const QUrlQuery q(endSession);
    QCOMPARE(q.queryItemValue(QStringLiteral("id_token_hint")).toLatin1(), idToken);
    QCOMPARE(q.queryItemValue(QStringLiteral("client_id")), QStringLiteral("storefront-mobile"));
    QVERIFY(q.queryItemValue(QStringLiteral("state")).size() >= 43);
    QVERIFY(QUrl(q.queryItemValue(QStringLiteral("post_logout_redirect_uri"), QUrl::FullyDecoded)).host() == QLatin1String("127.0.0.1"));
    QTRY_COMPARE(browser->loopbackStatus, 200);
    QCOMPARE(idp->revoked.size(), 2);
    QVERIFY(store->peek(SessionPrivate::get(s)->account()).isEmpty());
}

void tst_Session::malformedRefreshAnswerKeepsTheSession()
{
    Session *s = signedInSession();
    QVERIFY(s);
    // A captive portal answering the token endpoint with HTML: hard (do not retry blindly), but
    // nothing proves the grant is dead, so the session and its stored record stay.
    idp->tokenOverride = [](const FakeRequest &) { return FakeReply{200, "<html>Wi-Fi login</html>", "text/html", {}}; };
    QSignalSpy errors(s, &Session::errorOccurred);
    QSignalSpy out(s, &Session::signedOut);
    s->refresh();
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), Error::Code::InvalidResponse);
    QCOMPARE(out.count(), 0);
    QVERIFY(s->isSignedIn());
    QVERIFY(!store->peek(SessionPrivate::get(s)->account()).isEmpty());
}

void tst_Session::freshTokenFuture()
{
    idp->expiresIn = 0;
    Session *s = signedInSession();
    QVERIFY(s);
    QFuture<QByteArray> a = s->freshToken();
    QFuture<QByteArray> b = s->freshToken();
    QTRY_VERIFY(a.isFinished() && b.isFinished());
    QCOMPARE(a.result(), b.result());
    QCOMPARE(a.result(), s->tokens().accessToken());
    QCOMPARE(idp->refreshGrants, 1);

    Session signedOut(ProviderConfig(idp->issuer(), QStringLiteral("x")));
    QFuture<QByteArray> failed = signedOut.freshToken();
    QTRY_VERIFY(failed.isFinished());
    try {
        failed.waitForFinished();
        QFAIL("a failed future must throw");
    } catch (const ErrorException &e) {
        QCOMPARE(e.error().code(), Error::Code::NotSignedIn);
    }
}

namespace {
// A store whose writes complete only when the test says so: the app can "die" in between.
class DeferredStore : public Internal::CredentialStore
{
public:
    void read(const QString &account, ReadDone done) override { done(records.value(account)); }
    void write(const QString &account, const QByteArray &record, Done done) override
    {
        pending.append([this, account, record, done] {
            records.insert(account, record);
            done({});
        });
    }
    void remove(const QString &account, Done done) override
    {
        records.remove(account);
        done({});
    }
    void flush()
    {
        const auto jobs = std::exchange(pending, {});
        for (const auto &job : jobs)
            job();
    }
    QHash<QString, QByteArray> records;
    QList<std::function<void()>> pending;
};
} // namespace

void tst_Session::appDyingWhileTheRotatedTokensAreWritten()
{
    // The keychain write of a rotated refresh token is under way when the app dies: the write still
    // lands (it belongs to the store, not the session), and the next start refreshes with the new
    // token instead of the dead one.
    auto deferred = std::make_shared<DeferredStore>();
    idp->expiresIn = 0;
    auto *s = new Session(ProviderConfig(idp->issuer(), QStringLiteral("storefront-mobile")));
    SessionPrivate::get(s)->setUserAgent(std::make_unique<FakeUserAgent>());
    SessionPrivate::get(s)->store = deferred;
    QSignalSpy in(s, &Session::signedIn);
    s->signIn();
    QTRY_COMPARE(deferred->pending.size(), 1);
    QCOMPARE(in.count(), 0); // not announced before it is stored
    deferred->flush(); // the new data key's item first...
    QCOMPARE(deferred->pending.size(), 1);
    QCOMPARE(in.count(), 0);
    deferred->flush(); // ...then the record sealed under it
    QCOMPARE(in.count(), 1);
    const QByteArray firstRefresh = s->tokens().refreshToken();
    int answered = 0;
    s->withFreshToken(this, [&](const Result<QByteArray> &) { ++answered; });
    QTRY_COMPARE(deferred->pending.size(), 1); // the rotated set is being written
    QCOMPARE(idp->refreshGrants, 1);
    QCOMPARE(answered, 0); // nobody has the new token yet
    delete s;              // the app dies here
    deferred->flush();     // the keychain finishes the write on its own

    auto *next = new Session(ProviderConfig(idp->issuer(), QStringLiteral("storefront-mobile")));
    sessions.append(next);
    SessionPrivate::get(next)->store = deferred;
    Result<bool> restored = false;
    next->restore(this, [&](const Result<bool> &r) { restored = r; });
    QTRY_VERIFY(restored.ok() && *restored);
    QVERIFY(next->tokens().refreshToken() != firstRefresh);
    QSignalSpy refreshed(next, &Session::refreshed);
    next->refresh();
    QTRY_VERIFY(!deferred->pending.isEmpty());
    deferred->flush();
    QCOMPARE(refreshed.count(), 1);
    QVERIFY(next->isSignedIn());
}

void tst_Session::tokensAreNeverSentInTheClear()
{
    Session *s = signedInSession();
    QVERIFY(s);
    Result<HttpReply> got = HttpReply();
    int calls = 0;
    s->sendRequest("GET", QNetworkRequest(QUrl(QStringLiteral("http://api.example.com/cart"))), {}, this,
                   [&](const Result<HttpReply> &r) { ++calls; got = r; });
    QTRY_COMPARE(calls, 1);
    QCOMPARE(got.error().code(), Error::Code::InsecureEndpoint);
}

namespace {
QJsonObject proofPayload(const QByteArray &proof)
{
    const QList<QByteArray> parts = proof.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
}
} // namespace

void tst_Session::dpopProofsAndOneNonceRetry()
{
    idp->editDiscovery = [](QJsonObject &d) { d.insert(QStringLiteral("dpop_signing_alg_values_supported"), QJsonArray{QStringLiteral("ES256")}); };
    QList<QJsonObject> proofs;
    // The token endpoint insists on a server nonce, as RFC 9449 §8 allows.
    idp->tokenOverride = [this, &proofs](const FakeRequest &r) {
        const QJsonObject proof = proofPayload(r.headers.value("dpop"));
        proofs.append(proof);
        if (proof.value(QStringLiteral("nonce")).toString() != QLatin1String("n-1"))
            return FakeReply{400, R"({"error":"use_dpop_nonce"})", "application/json", {{"DPoP-Nonce", "n-1"}}};
        idp->tokenOverride = nullptr;
        FakeReply reply = FakeReply::json({});
        return reply;
    };
    auto *s = new Session([this] { ProviderConfig c(idp->issuer(), QStringLiteral("storefront-mobile")); c.setDpopEnabled(true); return c; }());
    sessions.append(s);
    SessionPrivate::get(s)->setUserAgent(std::make_unique<FakeUserAgent>());
    // First exchange: no nonce → 400 use_dpop_nonce with a nonce → exactly one retry carrying it.
    QSignalSpy errors(s, &Session::errorOccurred);
    s->signIn();
    QTRY_COMPARE(proofs.size(), 2);
    QVERIFY(SessionPrivate::get(s)->dpopActive());
    QCOMPARE(SessionPrivate::get(s)->dpopNonceRetries, 1);
    const QJsonObject first = proofs.at(0);
    QCOMPARE(first.value(QStringLiteral("htm")).toString(), QStringLiteral("POST"));
    QCOMPARE(first.value(QStringLiteral("htu")).toString(), idp->issuer() + QStringLiteral("/token"));
    QVERIFY(!first.value(QStringLiteral("jti")).toString().isEmpty());
    QVERIFY(!first.contains(QStringLiteral("nonce")));
    QCOMPARE(proofs.at(1).value(QStringLiteral("nonce")).toString(), QStringLiteral("n-1"));
    QVERIFY(proofs.at(0).value(QStringLiteral("jti")) != proofs.at(1).value(QStringLiteral("jti")));
    // The override answered the retry with an empty object: the flow ends (invalid_response) exactly once.
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), Error::Code::InvalidResponse);
}

void tst_Session::dpopNonceIsNeverRetriedInALoop()
{
    idp->editDiscovery = [](QJsonObject &d) { d.insert(QStringLiteral("dpop_signing_alg_values_supported"), QJsonArray{QStringLiteral("ES256")}); };
    int hits = 0;
    idp->tokenOverride = [&hits](const FakeRequest &) {
        ++hits;
        return FakeReply{400, R"({"error":"use_dpop_nonce"})", "application/json", {{"DPoP-Nonce", QByteArray("n-") + QByteArray::number(hits)}}};
    };
    ProviderConfig c(idp->issuer(), QStringLiteral("storefront-mobile"));
    c.setDpopEnabled(true);
    auto *s = new Session(c);
    sessions.append(s);
    SessionPrivate::get(s)->setUserAgent(std::make_unique<FakeUserAgent>());
    QSignalSpy errors(s, &Session::errorOccurred);
    s->signIn();
    QTRY_COMPARE(errors.count(), 1);
    QTest::qWait(100);
    QCOMPARE(hits, 2);
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), Error::Code::UseDpopNonce);
}

void tst_Session::dpopFallsBackToBearerWhenNotOffered()
{
    ProviderConfig c(idp->issuer(), QStringLiteral("storefront-mobile"));
    c.setDpopEnabled(true);
    auto *s = new Session(c);
    sessions.append(s);
    SessionPrivate::get(s)->setUserAgent(std::make_unique<FakeUserAgent>());
    QSignalSpy done(s, &Session::signedIn);
    s->signIn();
    QVERIFY(done.wait(10000));
    QVERIFY(!SessionPrivate::get(s)->dpopActive());
    for (const FakeRequest &r : idp->requests)
        QVERIFY(!r.headers.contains("dpop"));
    QCOMPARE(s->tokens().tokenType(), QStringLiteral("Bearer"));
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
