// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// The device authorization grant (RFC 8628): the response parser and polling rules as pure values,
// DeviceSignIn against a FAKE IdP extended here with a device endpoint, and the QR code renderer.
#include <concierge/deviceauthorization.h>
#include <concierge/devicesignin.h>
#include <concierge/qrcode.h>
#include <concierge/session.h>

#include "devicesignin_p.h"
#include "session_p.h"
#include "testsigner.h"
#include "testsupport.h"

#include <QtCore/QElapsedTimer>
#include <QtTest/QtTest>

#include <functional>

using namespace Concierge;
using namespace Concierge::Test;

namespace {

// RFC 8628 §3.2 (moc cannot read multi-line raw strings, hence the escapes)
const QByteArray kRfcExample = "{\n"
                               "  \"device_code\": \"GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS\",\n"
                               "  \"user_code\": \"WDJB-MJHT\",\n"
                               "  \"verification_uri\": \"https://example.com/device\",\n"
                               "  \"verification_uri_complete\": \"https://example.com/device?user_code=WDJB-MJHT\",\n"
                               "  \"expires_in\": 1800,\n"
                               "  \"interval\": 5\n"
                               "}";

const QString kClientId = QStringLiteral("storefront-kiosk");
const QString kDeviceGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
constexpr double kTimeScale = 5.0; // the session clock runs 5× faster; timers wait 1/5 as long

FakeReply oauthError(const char *error, int status = 400)
{
    return FakeReply::json({{QStringLiteral("error"), QLatin1String(error)}}, status);
}

} // namespace

class tst_DeviceAuthorization : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // DeviceAuthorizationResponse
    void rfc8628Example();
    void defaultsAndCaps();
    void rejects_data();
    void rejects();
    void errorAnswers_data();
    void errorAnswers();

    // DevicePollPolicy with a fake clock
    void pollsAtTheServerInterval();
    void slowDownAddsFiveSecondsEachTime();
    void networkErrorsBackOffExponentially();
    void stopsAtExpiry();
    void simulatedRunWithFakeClock();

    // DeviceSignIn against the FAKE IdP
    void init();
    void cleanup();
    void signsIn();
    void accessDeniedStops();
    void serverErrorsBackOffThenSignIn();
    void slowDownTwiceAddsTenSeconds();
    void serverExpiredTokenStops();
    void expiresLocally();
    void cancelEndsOnce();
    void secondStartIsBusy();
    void idTokenIsValidated();
    void noDeviceEndpoint();

    // QR
    void qrImage();
    void qrDeterministicAndDistinct();
    void qrRejectsUnencodable();
    void qrTerminalText();

private:
    struct Run
    {
        int finished = 0;
        int signedIn = 0;
        Error error;
    };
    DeviceSignIn *makeSignIn(Run &run);
    void serveDevice(qint64 expiresIn = 30, int interval = 1);
    QByteArray idToken(const QJsonObject &extra = {}) const;
    FakeReply tokens(const QJsonObject &extraClaims = {}) const;
    void waitForEnd(const Run &run, int timeoutMs = 15000);

    FakeIdp *idp = nullptr;
    TestKey rsa;
    QList<Session *> sessions;
    QList<DeviceSignIn *> signIns;
    QElapsedTimer realTime;
    QDateTime clockStart;
    QList<qint64> pollTimesMs; //!< fake-clock time of each token request, ms since clockStart
    QDateTime fakeNow() const { return clockStart.addMSecs(qint64(double(realTime.elapsed()) * kTimeScale)); }
};

// ---- DeviceAuthorizationResponse ------------------------------------------------------------

void tst_DeviceAuthorization::rfc8628Example()
{
    const auto r = DeviceAuthorizationResponse::fromReply(200, kRfcExample);
    QVERIFY2(r, qPrintable(r.error().description()));
    QCOMPARE(r->deviceCode(), QByteArray("GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS"));
    QCOMPARE(r->userCode(), QStringLiteral("WDJB-MJHT"));
    QCOMPARE(r->verificationUri(), QUrl(QStringLiteral("https://example.com/device")));
    QCOMPARE(r->verificationUriComplete(), QUrl(QStringLiteral("https://example.com/device?user_code=WDJB-MJHT")));
    QCOMPARE(r->expiresIn(), 1800);
    QCOMPARE(r->interval(), 5);
}

void tst_DeviceAuthorization::defaultsAndCaps()
{
    const auto r = DeviceAuthorizationResponse::fromReply(
        200, R"({"device_code":"d","user_code":"U","verification_uri":"http://127.0.0.1:9/device","expires_in":600,"extra":[1]})");
    QVERIFY2(r, qPrintable(r.error().description()));
    QCOMPARE(r->interval(), DeviceAuthorizationResponse::kDefaultIntervalSeconds);
    QVERIFY(r->verificationUriComplete().isEmpty());

    const auto big = DeviceAuthorizationResponse::fromReply(
        200, R"({"device_code":"d","user_code":"U","verification_uri":"https://e.example/d","expires_in":99999999,"interval":1e9})");
    QVERIFY2(big, qPrintable(big.error().description()));
    QCOMPARE(big->expiresIn(), 24 * 3600);
    QCOMPARE(big->interval(), 3600);

    const auto fraction = DeviceAuthorizationResponse::fromReply(
        200, R"({"device_code":"d","user_code":"U","verification_uri":"https://e.example/d","expires_in":10.5,"interval":0.5})");
    QVERIFY(fraction);
    QCOMPARE(fraction->expiresIn(), 11);
    QCOMPARE(fraction->interval(), 1);
}

void tst_DeviceAuthorization::rejects_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray ok = R"("device_code":"d","user_code":"U","verification_uri":"https://e.example/d")";
    QTest::newRow("not json") << QByteArray("device_code=d");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("no device_code") << QByteArray(R"({"user_code":"U","verification_uri":"https://e.example/d","expires_in":60})");
    QTest::newRow("empty device_code") << QByteArray(R"({"device_code":"","user_code":"U","verification_uri":"https://e.example/d","expires_in":60})");
    QTest::newRow("device_code number") << QByteArray(R"({"device_code":7,"user_code":"U","verification_uri":"https://e.example/d","expires_in":60})");
    QTest::newRow("no user_code") << QByteArray(R"({"device_code":"d","verification_uri":"https://e.example/d","expires_in":60})");
    QTest::newRow("user_code control chars") << QByteArray(R"({"device_code":"d","user_code":"A\u001b[2J","verification_uri":"https://e.example/d","expires_in":60})");
    QTest::newRow("no verification_uri") << QByteArray(R"({"device_code":"d","user_code":"U","expires_in":60})");
    QTest::newRow("relative verification_uri") << QByteArray(R"({"device_code":"d","user_code":"U","verification_uri":"/device","expires_in":60})");
    QTest::newRow("javascript verification_uri") << QByteArray(R"j({"device_code":"d","user_code":"U","verification_uri":"javascript:alert(1)","expires_in":60})j");
    QTest::newRow("bad complete uri") << QByteArray("{" + ok + R"(,"verification_uri_complete":"ftp://e.example/x","expires_in":60})");
    QTest::newRow("complete uri not string") << QByteArray("{" + ok + R"(,"verification_uri_complete":true,"expires_in":60})");
    QTest::newRow("no expires_in") << QByteArray("{" + ok + "}");
    QTest::newRow("expires_in string") << QByteArray("{" + ok + R"(,"expires_in":"1800"})");
    QTest::newRow("expires_in zero") << QByteArray("{" + ok + R"(,"expires_in":0})");
    QTest::newRow("expires_in negative") << QByteArray("{" + ok + R"(,"expires_in":-5})");
    QTest::newRow("expires_in null") << QByteArray("{" + ok + R"(,"expires_in":null})");
    QTest::newRow("interval string") << QByteArray("{" + ok + R"(,"expires_in":60,"interval":"5"})");
    QTest::newRow("interval zero") << QByteArray("{" + ok + R"(,"expires_in":60,"interval":0})");
}

void tst_DeviceAuthorization::rejects()
{
    QFETCH(QByteArray, body);
    const auto r = DeviceAuthorizationResponse::fromReply(200, body);
    QVERIFY(!r);
    QCOMPARE(r.error().code(), Error::Code::InvalidResponse);
    QVERIFY(r.error().isHard());
}

void tst_DeviceAuthorization::errorAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Code>("code");
    QTest::newRow("invalid_client") << 401 << QByteArray(R"({"error":"invalid_client"})") << Error::Code::InvalidClient;
    QTest::newRow("invalid_scope") << 400 << QByteArray(R"({"error":"invalid_scope"})") << Error::Code::InvalidScope;
    QTest::newRow("unauthorized_client") << 400 << QByteArray(R"({"error":"unauthorized_client"})") << Error::Code::UnauthorizedClient;
    QTest::newRow("unknown oauth error") << 400 << QByteArray(R"({"error":"weird_thing"})") << Error::Code::OAuthError;
    QTest::newRow("5xx") << 503 << QByteArray("down") << Error::Code::ServerError;
    QTest::newRow("429") << 429 << QByteArray() << Error::Code::RateLimited;
    QTest::newRow("404 html") << 404 << QByteArray("<html>") << Error::Code::HttpError;
}

void tst_DeviceAuthorization::errorAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Error::Code, code);
    const auto r = DeviceAuthorizationResponse::fromReply(status, body, 7);
    QVERIFY(!r);
    QCOMPARE(r.error().code(), code);
    QCOMPARE(r.error().httpStatus(), status);
    if (code == Error::Code::RateLimited)
        QCOMPARE(r.error().retryAfter(), 7);
}

// ---- DevicePollPolicy ------------------------------------------------------------------------

void tst_DeviceAuthorization::pollsAtTheServerInterval()
{
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
    DevicePollPolicy p(t0, 1800, 5);
    QCOMPARE(p.interval(), 5);
    QCOMPARE(p.nextDelayMs(t0), 5000);
    p.onAnswered(); // authorization_pending
    QCOMPARE(p.nextDelayMs(t0.addSecs(5)), 5000);
    QCOMPARE(p.expiresAt(), t0.addSecs(1800));
    QCOMPARE(p.secondsLeft(t0.addMSecs(500)), 1800);
    QCOMPARE(p.secondsLeft(t0.addSecs(1000)), 800);
    // A silly interval is at least one second.
    QCOMPARE(DevicePollPolicy(t0, 60, 0).nextDelayMs(t0), 1000);
}

void tst_DeviceAuthorization::slowDownAddsFiveSecondsEachTime()
{
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
    DevicePollPolicy p(t0, 1800, 5);
    p.onSlowDown();
    QCOMPARE(p.interval(), 10);
    QCOMPARE(p.nextDelayMs(t0), 10000);
    p.onSlowDown();
    QCOMPARE(p.interval(), 15);
    QCOMPARE(p.nextDelayMs(t0), 15000);
    p.onAnswered(); // a later authorization_pending does not undo it (RFC 8628 §3.5)
    QCOMPARE(p.nextDelayMs(t0), 15000);
    DevicePollPolicy one(t0, 1800, 1);
    one.onSlowDown();
    QCOMPARE(one.nextDelayMs(t0), 6000);
}

void tst_DeviceAuthorization::networkErrorsBackOffExponentially()
{
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
    DevicePollPolicy p(t0, 3600, 2);
    const QList<qint64> expected{4000, 8000, 16000, 32000, 60000, 60000, 60000};
    for (qint64 want : expected) {
        p.onNetworkError();
        QCOMPARE(p.nextDelayMs(t0), want);
    }
    QCOMPARE(p.interval(), 2); // the server interval itself is unchanged
    p.onAnswered();
    QCOMPARE(p.consecutiveNetworkFailures(), 0);
    QCOMPARE(p.nextDelayMs(t0), 2000);

    // Never faster than the server's interval, even above the cap.
    DevicePollPolicy slow(t0, 3600, 90);
    slow.onNetworkError();
    QCOMPARE(slow.nextDelayMs(t0), 90000);
    // Many failures: no overflow.
    for (int i = 0; i < 100; ++i)
        p.onNetworkError();
    QCOMPARE(p.nextDelayMs(t0), 60000);
}

void tst_DeviceAuthorization::stopsAtExpiry()
{
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
    DevicePollPolicy p(t0, 12, 5);
    QCOMPARE(p.nextDelayMs(t0), 5000);
    QCOMPARE(p.nextDelayMs(t0.addSecs(10)), 2000); // the last wait ends at expiry
    QVERIFY(!p.isExpired(t0.addMSecs(11999)));
    QVERIFY(p.isExpired(t0.addSecs(12)));
    QCOMPARE(p.nextDelayMs(t0.addSecs(12)), -1);
    QCOMPARE(p.nextDelayMs(t0.addSecs(13)), -1);
    QCOMPARE(p.secondsLeft(t0.addSecs(13)), 0);
    QVERIFY(DevicePollPolicy().isExpired(t0)); // a default policy never polls
    QCOMPARE(DevicePollPolicy().nextDelayMs(t0), -1);
}

void tst_DeviceAuthorization::simulatedRunWithFakeClock()
{
    // A whole run: pending, pending, slow_down, network error, pending ... until expiry.
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
    DevicePollPolicy p(t0, 60, 5);
    QDateTime now = t0;
    QList<qint64> waits;
    const QList<std::function<void()>> answers{[&] { p.onAnswered(); }, [&] { p.onAnswered(); },
                                               [&] { p.onSlowDown(); }, [&] { p.onNetworkError(); }};
    int i = 0;
    for (qint64 wait = p.nextDelayMs(now); wait >= 0; wait = p.nextDelayMs(now)) {
        waits.append(wait);
        now = now.addMSecs(wait);
        if (p.isExpired(now))
            break;
        (i < answers.size() ? answers[i] : std::function<void()>([&] { p.onAnswered(); }))();
        ++i;
    }
    // 5, 5, 5, then +5 → 10, network error → 20, then 10 s steps, the last cut at expiry (60 s).
    QCOMPARE(waits, (QList<qint64>{5000, 5000, 5000, 10000, 20000, 10000, 5000}));
    QCOMPARE(now, t0.addSecs(60));
}

// ---- DeviceSignIn ----------------------------------------------------------------------------

void tst_DeviceAuthorization::init()
{
    idp = new FakeIdp(this);
    QVERIFY(idp->start());
    rsa = TestKey::rsa("k1");
    idp->jwks = jwksDocument(QList<TestKey>{rsa});
    idp->sign = [this](const QJsonObject &claims) { return signJwt(rsa, claims); };
    idp->editDiscovery = [this](QJsonObject &d) {
        d.insert(QStringLiteral("device_authorization_endpoint"), idp->issuer() + QStringLiteral("/device"));
    };
    realTime.start();
    clockStart = QDateTime::currentDateTimeUtc();
    pollTimesMs.clear();
}

void tst_DeviceAuthorization::cleanup()
{
    qDeleteAll(signIns);
    signIns.clear();
    qDeleteAll(sessions);
    sessions.clear();
    delete idp;
    idp = nullptr;
}

void tst_DeviceAuthorization::serveDevice(qint64 expiresIn, int interval)
{
    idp->route(QStringLiteral("/device"), [this, expiresIn, interval](const FakeRequest &r) {
        if (r.method != "POST" || r.formValue(QStringLiteral("client_id")) != kClientId)
            return oauthError("invalid_client", 401);
        const QString base = idp->issuer();
        return FakeReply::json({{QStringLiteral("device_code"), QStringLiteral("dc-secret-1")},
                                {QStringLiteral("user_code"), QStringLiteral("WDJB-MJHT")},
                                {QStringLiteral("verification_uri"), base + QStringLiteral("/activate")},
                                {QStringLiteral("verification_uri_complete"), base + QStringLiteral("/activate?user_code=WDJB-MJHT")},
                                {QStringLiteral("expires_in"), expiresIn},
                                {QStringLiteral("interval"), interval}});
    });
}

QByteArray tst_DeviceAuthorization::idToken(const QJsonObject &extra) const
{
    QJsonObject claims = idTokenClaims(idp->issuer(), kClientId, QDateTime::currentSecsSinceEpoch(), {},
                                       QStringLiteral("shopper-0001"), 600);
    claims.insert(QStringLiteral("email"), QStringLiteral("aiko@example.com"));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        claims.insert(it.key(), it.value());
    return signJwt(rsa, claims);
}

FakeReply tst_DeviceAuthorization::tokens(const QJsonObject &extraClaims) const
{
    return FakeReply::json({{QStringLiteral("access_token"), QStringLiteral("at-device-1")},
                            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                            {QStringLiteral("expires_in"), 600},
                            {QStringLiteral("refresh_token"), QStringLiteral("rt-device-1")},
                            {QStringLiteral("scope"), QStringLiteral("openid profile email")},
                            {QStringLiteral("id_token"), QString::fromLatin1(idToken(extraClaims))}});
}

DeviceSignIn *tst_DeviceAuthorization::makeSignIn(Run &run)
{
    auto *session = new Session(ProviderConfig(idp->issuer(), kClientId));
    sessions.append(session);
    SessionPrivate::get(session)->setClock([this] { return fakeNow(); });
    auto *signIn = new DeviceSignIn(session);
    signIns.append(signIn);
    DeviceSignInPrivate::get(signIn)->timeScale = kTimeScale;
    connect(session, &Session::signedIn, this, [&run] { ++run.signedIn; });
    connect(signIn, &DeviceSignIn::finished, this, [&run](const Error &e) {
        ++run.finished;
        run.error = e;
    });
    return signIn;
}

void tst_DeviceAuthorization::waitForEnd(const Run &run, int timeoutMs)
{
    QTRY_VERIFY_WITH_TIMEOUT(run.finished > 0, timeoutMs);
    QTest::qWait(300); // nothing else may arrive
    QCOMPARE(run.finished, 1);
}

void tst_DeviceAuthorization::signsIn()
{
    serveDevice(60, 1);
    int answered = 0;
    idp->tokenOverride = [this, &answered](const FakeRequest &r) {
        pollTimesMs.append(clockStart.msecsTo(fakeNow()));
        if (r.formValue(QStringLiteral("grant_type")) != kDeviceGrant
            || r.formValue(QStringLiteral("device_code")) != QLatin1String("dc-secret-1")
            || r.formValue(QStringLiteral("client_id")) != kClientId)
            return oauthError("invalid_request");
        switch (answered++) {
        case 0:
        case 1:
            return oauthError("authorization_pending");
        case 2:
            return oauthError("slow_down");
        default:
            return tokens();
        }
    };
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    QSignalSpy states(signIn, &DeviceSignIn::stateChanged);
    QSignalSpy verification(signIn, &DeviceSignIn::verificationChanged);
    QSignalSpy intervals(signIn, &DeviceSignIn::pollIntervalChanged);
    QCOMPARE(signIn->state(), DeviceSignIn::State::Idle);
    signIn->start();
    QCOMPARE(signIn->state(), DeviceSignIn::State::WaitingForUser);
    QCOMPARE(run.finished, 0); // never inside start()
    QTRY_COMPARE(verification.count(), 1);
    QCOMPARE(signIn->userCode(), QStringLiteral("WDJB-MJHT"));
    QCOMPARE(signIn->verificationUri(), QUrl(idp->issuer() + QStringLiteral("/activate")));
    QCOMPARE(signIn->verificationUriComplete(), QUrl(idp->issuer() + QStringLiteral("/activate?user_code=WDJB-MJHT")));
    QVERIFY(signIn->secondsLeft() > 50 && signIn->secondsLeft() <= 60);
    QVERIFY(signIn->expiresAt().isValid());

    waitForEnd(run);
    QVERIFY2(!run.error.isError(), qPrintable(run.error.id() + QLatin1Char(' ') + run.error.description()));
    QCOMPARE(run.signedIn, 1);
    QCOMPARE(signIn->state(), DeviceSignIn::State::SignedIn);
    QCOMPARE(signIn->error(), Error());
    Session *session = signIn->session();
    QVERIFY(session->isSignedIn());
    QCOMPARE(session->state(), Session::State::SignedIn);
    QCOMPARE(session->tokens().accessToken(), QByteArray("at-device-1"));
    QCOMPARE(session->tokens().idToken().subject(), QStringLiteral("shopper-0001"));
    QCOMPARE(session->tokens().idToken().claims().value(QStringLiteral("email")).toString(), QStringLiteral("aiko@example.com"));
    QVERIFY(session->tokens().hasRefreshToken());

    // The device authorization request: client_id and scope, once.
    QCOMPARE(idp->count(QStringLiteral("/device")), 1);
    for (const auto &r : idp->requests) {
        if (r.path == QLatin1String("/device"))
            QCOMPARE(r.formValue(QStringLiteral("scope")), QStringLiteral("openid profile email"));
    }
    // Four polls, at the server's interval (1 s), then 1 + 5 s after slow_down.
    QCOMPARE(signIn->pollCount(), 4);
    QCOMPARE(pollTimesMs.size(), 4);
    const qint64 gap1 = pollTimesMs[1] - pollTimesMs[0];
    const qint64 gap2 = pollTimesMs[2] - pollTimesMs[1];
    const qint64 gap3 = pollTimesMs[3] - pollTimesMs[2];
    qInfo() << "poll gaps (fake-clock ms):" << gap1 << gap2 << gap3;
    QVERIFY2(gap1 >= 950 && gap1 < 3000, qPrintable(QString::number(gap1)));
    QVERIFY2(gap2 >= 950 && gap2 < 3000, qPrintable(QString::number(gap2)));
    QVERIFY2(gap3 >= 5900 && gap3 < 9000, qPrintable(QString::number(gap3)));
    QCOMPARE(intervals.count(), 2);
    QCOMPARE(intervals.at(0).at(0).toInt(), 1);
    QCOMPARE(intervals.at(1).at(0).toInt(), 6);
    QCOMPARE(signIn->pollInterval(), 6);
    QCOMPARE(states.count(), 3); // WaitingForUser, Polling, SignedIn
    QCOMPARE(states.at(1).at(0).value<DeviceSignIn::State>(), DeviceSignIn::State::Polling);
    QCOMPARE(signIn->secondsLeft(), 0);
}

void tst_DeviceAuthorization::accessDeniedStops()
{
    serveDevice(60, 1);
    int answered = 0;
    idp->tokenOverride = [&answered](const FakeRequest &) {
        return oauthError(answered++ == 0 ? "authorization_pending" : "access_denied");
    };
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    signIn->start();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::AccessDenied);
    QVERIFY(run.error.isHard());
    QCOMPARE(run.signedIn, 0);
    QCOMPARE(signIn->state(), DeviceSignIn::State::Failed);
    QCOMPARE(signIn->error().code(), Error::Code::AccessDenied);
    QVERIFY(!signIn->session()->isSignedIn());
    QTest::qWait(600); // several intervals: no more polling
    QCOMPARE(idp->count(QStringLiteral("/token")), 2);
}

void tst_DeviceAuthorization::serverErrorsBackOffThenSignIn()
{
    // A flaky network at the shop: 503 twice (the device code is still good), then the approval.
    // The run does not end on the failures; the waits double (2 s, 4 s on a 1 s interval), and a
    // good answer brings the interval back.
    serveDevice(120, 1);
    int answered = 0;
    idp->tokenOverride = [this, &answered](const FakeRequest &) {
        pollTimesMs.append(clockStart.msecsTo(fakeNow()));
        switch (answered++) {
        case 0:
            return oauthError("authorization_pending");
        case 1:
        case 2:
            return FakeReply::json({{QStringLiteral("error"), QStringLiteral("temporarily_unavailable")}}, 503);
        default:
            return tokens();
        }
    };
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    signIn->start();
    waitForEnd(run, 15000);
    QVERIFY2(!run.error.isError(), qPrintable(run.error.id()));
    QCOMPARE(run.signedIn, 1);
    QCOMPARE(pollTimesMs.size(), 4);
    const qint64 afterFirstFailure = pollTimesMs[2] - pollTimesMs[1];
    const qint64 afterSecondFailure = pollTimesMs[3] - pollTimesMs[2];
    qInfo() << "backoff gaps (fake-clock ms):" << afterFirstFailure << afterSecondFailure;
    QVERIFY2(afterFirstFailure >= 1900 && afterFirstFailure < 4000, qPrintable(QString::number(afterFirstFailure)));
    QVERIFY2(afterSecondFailure >= 3900 && afterSecondFailure < 7000, qPrintable(QString::number(afterSecondFailure)));
    QCOMPARE(signIn->pollInterval(), 1); // backing off does not change the server's interval
}

void tst_DeviceAuthorization::slowDownTwiceAddsTenSeconds()
{
    serveDevice(120, 1);
    int answered = 0;
    idp->tokenOverride = [this, &answered](const FakeRequest &) {
        pollTimesMs.append(clockStart.msecsTo(fakeNow()));
        return answered++ < 2 ? oauthError("slow_down") : tokens();
    };
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    QSignalSpy intervals(signIn, &DeviceSignIn::pollIntervalChanged);
    signIn->start();
    waitForEnd(run, 20000);
    QVERIFY2(!run.error.isError(), qPrintable(run.error.id()));
    QCOMPARE(pollTimesMs.size(), 3);
    const qint64 gap1 = pollTimesMs[1] - pollTimesMs[0];
    const qint64 gap2 = pollTimesMs[2] - pollTimesMs[1];
    QVERIFY2(gap1 >= 5900 && gap1 < 9000, qPrintable(QString::number(gap1)));   // 1 + 5 s
    QVERIFY2(gap2 >= 10900 && gap2 < 14000, qPrintable(QString::number(gap2))); // 1 + 5 + 5 s
    QCOMPARE(intervals.count(), 3);
    QCOMPARE(intervals.last().at(0).toInt(), 11);
}

void tst_DeviceAuthorization::serverExpiredTokenStops()
{
    serveDevice(60, 1);
    idp->tokenOverride = [](const FakeRequest &) { return oauthError("expired_token"); };
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    signIn->start();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::ExpiredToken);
    QCOMPARE(signIn->state(), DeviceSignIn::State::Failed);
    QTest::qWait(600);
    QCOMPARE(idp->count(QStringLiteral("/token")), 1);
}

void tst_DeviceAuthorization::expiresLocally()
{
    serveDevice(3, 1); // the person never approves; after 3 s (fake clock) the codes are dead
    idp->tokenOverride = [](const FakeRequest &) { return oauthError("authorization_pending"); };
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    QSignalSpy left(signIn, &DeviceSignIn::secondsLeftChanged);
    signIn->start();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::ExpiredToken);
    QCOMPARE(signIn->state(), DeviceSignIn::State::Failed);
    const int polls = idp->count(QStringLiteral("/token"));
    QVERIFY2(polls >= 1 && polls <= 3, qPrintable(QString::number(polls)));
    QVERIFY(!left.isEmpty());
    QCOMPARE(left.last().at(0).toInt(), 0);
}

void tst_DeviceAuthorization::cancelEndsOnce()
{
    serveDevice(60, 1);
    idp->tokenOverride = [](const FakeRequest &) { return oauthError("authorization_pending"); };
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    signIn->start();
    QTRY_VERIFY(idp->count(QStringLiteral("/token")) >= 1);
    signIn->cancel();
    QCOMPARE(run.finished, 1); // cancel() ends at once
    QCOMPARE(run.error.code(), Error::Code::Cancelled);
    QCOMPARE(signIn->state(), DeviceSignIn::State::Cancelled);
    const int polls = idp->count(QStringLiteral("/token"));
    signIn->cancel(); // nothing left to cancel
    QTest::qWait(600);
    QCOMPARE(run.finished, 1);
    QCOMPARE(idp->count(QStringLiteral("/token")), polls);

    // The same object can run again.
    idp->tokenOverride = [this](const FakeRequest &) { return tokens(); };
    signIn->start();
    QTRY_COMPARE_WITH_TIMEOUT(run.finished, 2, 10000);
    QVERIFY2(!run.error.isError(), qPrintable(run.error.id()));
    QCOMPARE(run.signedIn, 1);
}

void tst_DeviceAuthorization::secondStartIsBusy()
{
    serveDevice(60, 1);
    int answered = 0;
    idp->tokenOverride = [this, &answered](const FakeRequest &) {
        return answered++ < 2 ? oauthError("authorization_pending") : tokens();
    };
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    signIn->start();
    signIn->start();
    QTRY_COMPARE(run.finished, 1);
    QCOMPARE(run.error.code(), Error::Code::Busy);
    QVERIFY(signIn->isRunning()); // the first run goes on

    // Another DeviceSignIn on the same Session is refused too.
    Run other;
    auto *second = new DeviceSignIn(signIn->session());
    signIns.append(second);
    connect(second, &DeviceSignIn::finished, this, [&other](const Error &e) {
        ++other.finished;
        other.error = e;
    });
    second->start();
    QTRY_COMPARE(other.finished, 1);
    QCOMPARE(other.error.code(), Error::Code::Busy);
    QCOMPARE(second->state(), DeviceSignIn::State::Idle);

    QTRY_COMPARE_WITH_TIMEOUT(run.finished, 2, 10000);
    QVERIFY2(!run.error.isError(), qPrintable(run.error.id()));
    QCOMPARE(run.signedIn, 1);
    QCOMPARE(idp->count(QStringLiteral("/device")), 1);
}

void tst_DeviceAuthorization::idTokenIsValidated()
{
    serveDevice(60, 1);
    idp->tokenOverride = [this](const FakeRequest &) {
        return tokens({{QStringLiteral("aud"), QStringLiteral("someone-else")}});
    };
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    signIn->start();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::IdTokenAudienceMismatch);
    QCOMPARE(run.signedIn, 0);
    QVERIFY(!signIn->session()->isSignedIn());
    QCOMPARE(signIn->state(), DeviceSignIn::State::Failed);
}

void tst_DeviceAuthorization::noDeviceEndpoint()
{
    idp->editDiscovery = nullptr;
    Run run;
    DeviceSignIn *signIn = makeSignIn(run);
    signIn->start();
    waitForEnd(run);
    QCOMPARE(run.error.code(), Error::Code::InvalidConfiguration);
    QCOMPARE(idp->count(QStringLiteral("/token")), 0);
}

// ---- QR --------------------------------------------------------------------------------------

void tst_DeviceAuthorization::qrImage()
{
    const QString text = QStringLiteral("https://example.com/device?user_code=WDJB-MJHT");
    const int modules = QrCode::moduleCount(text);
    QVERIFY(modules >= 21 && (modules - 17) % 4 == 0); // versions 1..40: 21, 25, ... 177
    const int scale = 6;
    const QImage image = QrCode::encode(text, scale);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), image.height());
    const int q = QrCode::kQuietZoneModules;
    QCOMPARE(image.width(), (modules + 2 * q) * scale);

    const auto dark = [&image, scale](int mx, int my) { return qGray(image.pixel(mx * scale + scale / 2, my * scale + scale / 2)) < 128; };
    const int size = modules + 2 * q;
    int darkCount = 0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const bool quiet = x < q || y < q || x >= size - q || y >= size - q;
            if (quiet)
                QVERIFY2(!dark(x, y), qPrintable(QStringLiteral("quiet zone module %1,%2 is dark").arg(x).arg(y)));
            darkCount += dark(x, y);
        }
    }
    QVERIFY(darkCount > modules * modules / 4 && darkCount < modules * modules * 3 / 4); // not blank, not solid
    // The three finder patterns: a dark 7×7 ring, a light ring inside, a dark 3×3 centre.
    for (const QPoint corner : {QPoint(q, q), QPoint(q + modules - 7, q), QPoint(q, q + modules - 7)}) {
        for (int i = 0; i < 7; ++i) {
            QVERIFY(dark(corner.x() + i, corner.y()) && dark(corner.x() + i, corner.y() + 6));
            QVERIFY(dark(corner.x(), corner.y() + i) && dark(corner.x() + 6, corner.y() + i));
        }
        for (int i = 1; i < 6; ++i)
            QVERIFY(!dark(corner.x() + i, corner.y() + 1) && !dark(corner.x() + 1, corner.y() + i));
        QVERIFY(dark(corner.x() + 3, corner.y() + 3));
    }
    // Pixels of one module are all the same (module scaling).
    QCOMPARE(image.pixel(q * scale, q * scale), image.pixel(q * scale + scale - 1, q * scale + scale - 1));
    QCOMPARE(QrCode::encode(text, 1).width(), modules + 2 * q);
}

void tst_DeviceAuthorization::qrDeterministicAndDistinct()
{
    const QString a = QStringLiteral("http://127.0.0.1:9000/device?user_code=ABCD-EFGH");
    const QString b = QStringLiteral("http://127.0.0.1:9000/device?user_code=ABCD-EFGJ");
    QCOMPARE(QrCode::encode(a), QrCode::encode(a));
    QVERIFY(QrCode::encode(a) != QrCode::encode(b));
    QCOMPARE(QrCode::toTerminalText(a), QrCode::toTerminalText(a));
    QVERIFY(QrCode::toTerminalText(a) != QrCode::toTerminalText(b));
    // UTF-8 text works too.
    QVERIFY(!QrCode::encode(QStringLiteral("田中 愛子")).isNull());
}

void tst_DeviceAuthorization::qrRejectsUnencodable()
{
    QVERIFY(QrCode::encode(QString()).isNull());
    QVERIFY(QrCode::toTerminalText(QString()).isEmpty());
    const QString tooLong(5000, QLatin1Char('x')); // more than version 40-M holds (2331 bytes)
    QVERIFY(QrCode::encode(tooLong).isNull());
    QCOMPARE(QrCode::moduleCount(tooLong), 0);
}

void tst_DeviceAuthorization::qrTerminalText()
{
    const QString text = QStringLiteral("https://example.com/device?user_code=WDJB-MJHT");
    const int size = QrCode::moduleCount(text) + 2 * QrCode::kQuietZoneModules;
    const QString light = QrCode::toTerminalText(text);
    QVERIFY(light.endsWith(QLatin1Char('\n')));
    const QStringList lines = light.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), (size + 1) / 2);
    for (const QString &line : lines)
        QCOMPARE(line.size(), size);
    // Light-on-dark: the quiet zone (4 rows = the first 2 lines) is all full blocks.
    QCOMPARE(lines[0], QString(size, QChar(0x2588)));
    QCOMPARE(lines[1], QString(size, QChar(0x2588)));
    QVERIFY(light.contains(QChar(0x2580)) && light.contains(QChar(0x2584)) && light.contains(QLatin1Char(' ')));
    // Dark-on-light: the same code with the blocks swapped; the quiet zone is blank.
    const QStringList darkLines = QrCode::toTerminalText(text, QrCode::Terminal::DarkOnLight).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(darkLines.size(), lines.size());
    QCOMPARE(darkLines[0], QString(size, QLatin1Char(' ')));
    QCOMPARE(darkLines[1], QString(size, QLatin1Char(' ')));
}

QTEST_GUILESS_MAIN(tst_DeviceAuthorization)
#include "tst_deviceauthorization.moc"
