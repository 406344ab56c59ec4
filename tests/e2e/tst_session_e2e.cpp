// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Session against the REAL dev IdP (oidc-provider, dev-idp/start) with the browser-less user agent
// tests/e2e/http-signin.mjs: single-flight refresh with rotation, revocation on sign-out, authorized
// requests, restore without a browser. The IdP's own request counts (/__dev/stats) are the judge.
#include <concierge/session.h>

#include "devidp.h"
#include "platform/credentialstore_p.h"
#include "session_p.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QtTest>

using namespace Concierge;
using Concierge::Internal::MemoryCredentialStore;

namespace {

constexpr int kAccessTokenTtl = 30;            // DEV_IDP_ACCESS_TOKEN_TTL
constexpr int kSignInTimeoutMs = 60000;
const QString kClientId = QStringLiteral("concierge-cli");
const QString kAikoSub = QStringLiteral("shp_7Qm2xK9vR4tLa8Zc"); // dev-idp/accounts.mjs

using Http = Concierge::Test::HttpReply;
using Concierge::Test::httpCall;

QByteArray form(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace

class tst_SessionE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void authorizedRequestToUserInfo();
    void restoreIntoSecondSessionWithoutBrowser();
    void thousandCallersOneRefreshWithRotation();
    void signOutRevokesAtTheIdp();

private:
    ProviderConfig config() const;
    Session *newSession(const std::shared_ptr<MemoryCredentialStore> &store);
    Session *signIn(const std::shared_ptr<MemoryCredentialStore> &store);
    QJsonObject stats();
    bool resetStats();
    Http refreshDirectly(const QByteArray &refreshToken);
    QString idpLog() { return m_idp.log(); }

    Concierge::Test::DevIdp m_idp;
    QString m_issuer;
    QNetworkAccessManager m_nam;
    QList<QPointer<Session>> m_sessions;
};

// ---- the dev IdP ------------------------------------------------------------------------------

void tst_SessionE2e::initTestCase()
{
    QVERIFY2(m_idp.start(QStringLiteral(CONCIERGE_SOURCE_DIR),
                         {{QStringLiteral("DEV_IDP_ACCESS_TOKEN_TTL"), QString::number(kAccessTokenTtl)}}),
             qPrintable(m_idp.errorString()));
    m_issuer = m_idp.issuer();
    qInfo().noquote() << "dev IdP at" << m_issuer;
}

void tst_SessionE2e::cleanupTestCase()
{
    m_idp.stop();
}

void tst_SessionE2e::cleanup()
{
    // A live session would refresh on its own later and spoil the next test's counts.
    for (const auto &session : std::as_const(m_sessions))
        delete session.data();
    m_sessions.clear();
}

QJsonObject tst_SessionE2e::stats()
{
    const QJsonObject counts = m_idp.stats();
    if (counts.isEmpty())
        qWarning() << "GET /__dev/stats failed";
    return counts;
}

bool tst_SessionE2e::resetStats()
{
    return m_idp.resetStats();
}

Http tst_SessionE2e::refreshDirectly(const QByteArray &refreshToken)
{
    return httpCall(m_nam, "POST", QUrl(m_issuer + QStringLiteral("/token")),
                    form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                          {QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken)},
                          {QStringLiteral("client_id"), kClientId}}));
}

// ---- sessions ---------------------------------------------------------------------------------

ProviderConfig tst_SessionE2e::config() const
{
    ProviderConfig config(m_issuer, kClientId);
    config.setScopes({QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                      QStringLiteral("offline_access")});
    return config;
}

Session *tst_SessionE2e::newSession(const std::shared_ptr<MemoryCredentialStore> &store)
{
    auto *session = new Session(config());
    m_sessions.append(session);
    // Margin 0: with a 30 s access token the default 60 s margin would refresh on every call.
    session->setRefreshMarginSeconds(0);
    session->setFlowTimeoutSeconds(kSignInTimeoutMs / 1000);
    SessionPrivate::get(session)->store = store;
    return session;
}

Session *tst_SessionE2e::signIn(const std::shared_ptr<MemoryCredentialStore> &store)
{
    Session *session = newSession(store);
    session->setBrowserCommand({QStringLiteral(CONCIERGE_NODE_EXECUTABLE),
                                QStringLiteral(CONCIERGE_SOURCE_DIR "/tests/e2e/http-signin.mjs")});
    QSignalSpy signedIn(session, &Session::signedIn);
    QSignalSpy failed(session, &Session::errorOccurred);
    session->signIn();
    (void)QTest::qWaitFor([&] { return !signedIn.isEmpty() || !failed.isEmpty(); }, kSignInTimeoutMs + 5000);
    if (signedIn.isEmpty()) {
        const QString why = failed.isEmpty() ? QStringLiteral("no answer")
                                             : failed.first().first().value<Error>().id() + QLatin1Char(' ')
                + failed.first().first().value<Error>().description();
        qWarning().noquote() << "sign-in failed:" << why << "\n" << idpLog();
        return nullptr;
    }
    return session;
}

// ---- tests ------------------------------------------------------------------------------------

void tst_SessionE2e::authorizedRequestToUserInfo()
{
    Session *session = signIn(std::make_shared<MemoryCredentialStore>());
    QVERIFY(session);
    QCOMPARE(session->tokens().idToken().subject(), kAikoSub);
    QVERIFY(!session->tokens().refreshToken().isEmpty()); // offline_access was granted

    bool answered = false;
    Result<HttpReply> got = HttpReply();
    session->sendRequest("GET", QNetworkRequest(QUrl(m_issuer + QStringLiteral("/me"))), {}, this,
                         [&](const Result<HttpReply> &reply) {
        QVERIFY(!answered);
        answered = true;
        got = reply;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
    QVERIFY2(got.ok(), qPrintable(got.error().id()));
    QCOMPARE(got->status, 200);
    const QJsonObject claims = QJsonDocument::fromJson(got->body).object();
    QCOMPARE(claims.value(QLatin1String("sub")).toString(), kAikoSub);
    QCOMPARE(claims.value(QLatin1String("email")).toString(), QStringLiteral("aiko@example.com"));
    QCOMPARE(stats().value(QLatin1String("userinfo")).toInt(), 1);
}

void tst_SessionE2e::restoreIntoSecondSessionWithoutBrowser()
{
    const auto store = std::make_shared<MemoryCredentialStore>();
    Session *first = signIn(store);
    QVERIFY(first);
    QVERIFY(resetStats());

    Session *second = newSession(store); // no browser command: a browser would be the system one
    QSignalSpy signedIn(second, &Session::signedIn);
    int answers = 0;
    Result<bool> restored = false;
    second->restore(this, [&](const Result<bool> &r) {
        ++answers;
        restored = r;
    });
    QTRY_COMPARE_WITH_TIMEOUT(answers, 1, 5000);
    QVERIFY2(restored.ok(), qPrintable(restored.error().id()));
    QVERIFY(*restored);
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(second->state(), Session::State::SignedIn);
    QCOMPARE(second->tokens().accessToken(), first->tokens().accessToken());
    QCOMPARE(second->tokens().refreshToken(), first->tokens().refreshToken());
    QCOMPARE(second->tokens().idToken().subject(), kAikoSub);
    QVERIFY(!SessionPrivate::get(second)->userAgent); // no user agent was ever created

    // The restored session works at the IdP, which saw no authorization and no code exchange.
    Result<HttpReply> got = HttpReply();
    bool answered = false;
    second->sendRequest("GET", QNetworkRequest(QUrl(m_issuer + QStringLiteral("/me"))), {}, this,
                        [&](const Result<HttpReply> &reply) { got = reply; answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
    QVERIFY2(got.ok(), qPrintable(got.error().id()));
    QCOMPARE(got->status, 200);
    const QJsonObject counts = stats();
    QCOMPARE(counts.value(QLatin1String("authorization")).toInt(), 0);
    QCOMPARE(counts.value(QLatin1String("interaction")).toInt(), 0);
    QCOMPARE(counts.value(QLatin1String("token")).toObject().value(QLatin1String("authorization_code")).toInt(), 0);
    QCOMPARE(counts.value(QLatin1String("token")).toObject().value(QLatin1String("refresh_token")).toInt(), 0);
    QCOMPARE(counts.value(QLatin1String("userinfo")).toInt(), 1);
}

void tst_SessionE2e::thousandCallersOneRefreshWithRotation()
{
    constexpr int kCallers = 1000;
    const auto store = std::make_shared<MemoryCredentialStore>();
    Session *session = signIn(store);
    QVERIFY(session);
    auto *d = SessionPrivate::get(session);
    const QByteArray oldAccess = session->tokens().accessToken();
    const QByteArray oldRefresh = session->tokens().refreshToken();
    QVERIFY(!oldRefresh.isEmpty());
    QVERIFY(resetStats());

    // Past the access token's expiry, well within the ID token's lifetime (an hour).
    d->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(2 * kAccessTokenTtl); });
    QVERIFY(session->tokens().isExpired(d->now(), 0));

    int answered = 0;
    int failures = 0;
    QSet<QByteArray> tokens;
    for (int i = 0; i < kCallers; ++i) {
        session->withFreshToken(this, [&](const Result<QByteArray> &token) {
            ++answered;
            if (token)
                tokens.insert(*token);
            else
                ++failures;
        });
    }
    QCOMPARE(session->state(), Session::State::Refreshing);
    QTRY_COMPARE_WITH_TIMEOUT(answered, kCallers, 30000);
    QCOMPARE(failures, 0);
    QCOMPARE(tokens.size(), 1);
    const QByteArray fresh = *tokens.cbegin();
    QVERIFY(fresh != oldAccess);
    QCOMPARE(session->tokens().accessToken(), fresh);
    QCOMPARE(session->state(), Session::State::SignedIn);
    QCOMPARE(d->refreshRequests, 1);

    const QJsonObject counts = stats();
    QCOMPARE(counts.value(QLatin1String("token")).toObject().value(QLatin1String("refresh_token")).toInt(), 1);
    QVERIFY(!counts.value(QLatin1String("errors")).toObject().contains(QLatin1String("token")));

    // Rotation: a new refresh token, persisted; the old one is refused (last: the replay kills the grant).
    const QByteArray newRefresh = session->tokens().refreshToken();
    QVERIFY(!newRefresh.isEmpty());
    QVERIFY(newRefresh != oldRefresh);
    Session *restored = newSession(store); // what a restart would find
    bool restoredOk = false;
    restored->restore(this, [&](const Result<bool> &r) { restoredOk = r.ok() && *r; });
    QTRY_VERIFY_WITH_TIMEOUT(restoredOk, 5000);
    QCOMPARE(restored->tokens().refreshToken(), newRefresh);
    QCOMPARE(restored->tokens().accessToken(), fresh);
    const Http replay = refreshDirectly(oldRefresh);
    QCOMPARE(replay.status, 400);
    QCOMPARE(replay.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_grant"));
}

void tst_SessionE2e::signOutRevokesAtTheIdp()
{
    Session *session = signIn(std::make_shared<MemoryCredentialStore>());
    QVERIFY(session);
    const QByteArray refreshToken = session->tokens().refreshToken();
    const QByteArray accessToken = session->tokens().accessToken();
    QVERIFY(!refreshToken.isEmpty());
    QVERIFY(resetStats());

    QSignalSpy signedOut(session, &Session::signedOut);
    QSignalSpy errors(session, &Session::errorOccurred);
    session->signOut();
    QVERIFY(signedOut.wait(15000));
    QCOMPARE(signedOut.size(), 1);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(session->state(), Session::State::SignedOut);
    QVERIFY(!session->tokens().isValid());

    const QJsonObject counts = stats();
    QCOMPARE(counts.value(QLatin1String("revocation")).toInt(), 2);
    QVERIFY(!counts.value(QLatin1String("errors")).toObject().contains(QLatin1String("revocation")));

    const Http refused = refreshDirectly(refreshToken);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_grant"));
    const Http userinfo = httpCall(m_nam, "GET", QUrl(m_issuer + QStringLiteral("/me")), {},
                                   QByteArrayLiteral("Bearer ") + accessToken);
    QCOMPARE(userinfo.status, 401);
}

QTEST_GUILESS_MAIN(tst_SessionE2e)
#include "tst_session_e2e.moc"
