// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// The side-by-side peer: QtNetworkAuth 6.4 (QOAuth2AuthorizationCodeFlow + QOAuthHttpServerReplyHandler,
// the module a Qt developer would otherwise reach for) against the SAME real dev IdP, signed in by the
// SAME browser-less driver (tests/e2e/http-signin.mjs) as bench_session, so the figures compare:
//   - sign-in: redirect → granted minus the token round trip (the library's own time), grant() →
//     granted, and what the IdP counted (discovery, JWKS, code exchange);
//   - refresh: one refreshAccessToken(), and N concurrent calls (the IdP's refresh grant count);
//   - footprint: RSS added by one granted flow (same method as bench_session);
//   - what it does not check, each OBSERVED here, not assumed: the authorization URL's parameters
//     (code_challenge, nonce), the JWKS/discovery requests it makes, a forged callback with a foreign
//     `iss`, the state on a second grant(), the address its loopback listener binds.
//
//   bench_qtnetworkauth [--rows FILE] [--issuer URL] [--sign-ins N] [--repetitions N]
//
// The IdP needs DEV_IDP_BENCH_CLIENTS=1 (dev-idp/bench-clients.mjs): QtNetworkAuth 6.4 cannot do
// PKCE, which the dev IdP otherwise requires from every client. Without --issuer it starts its own.
#include "benchutil.h"
#include "devidp.h"

#include <QtNetworkAuth/QOAuth2AuthorizationCodeFlow>
#include <QtNetworkAuth/QOAuthHttpServerReplyHandler>
#include <QtNetworkAuth/qtnetworkauthversion.h>

#include <QtCore/QFile>
#include <QtCore/QPointer>
#include <QtCore/QProcess>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>

#include <memory>

using namespace Concierge::Bench;
using Concierge::Test::DevIdp;

namespace {

const QString kClientId = QStringLiteral("qtnetworkauth-bench"); // dev-idp/bench-clients.mjs
const QString kScope = QStringLiteral("openid profile email offline_access");

//! Times the token endpoint's round trips of the flow (request created → reply finished): connected
//! before the flow's own handlers, so "finished" is stamped before QtNetworkAuth processes the reply.
class TimingNam : public QNetworkAccessManager
{
public:
    QElapsedTimer clock;
    QString tokenPath = QStringLiteral("/token");
    qint64 lastTokenSent = 0, lastTokenDone = 0;
    QList<QUrl> urls; //!< every request the flow made

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, data);
        urls.append(request.url());
        if (request.url().path() == tokenPath) {
            lastTokenSent = clock.nsecsElapsed();
            connect(reply, &QNetworkReply::finished, this, [this] { lastTokenDone = clock.nsecsElapsed(); });
        }
        return reply;
    }
};

//! One QtNetworkAuth client as the Qt documentation sets it up, with the browser step done by
//! http-signin.mjs (what a QDesktopServices::openUrl would hand to a browser).
struct QtClient
{
    explicit QtClient(const QString &issuer, const QString &clientId = kClientId)
    {
        nam.clock.start();
        flow = std::make_unique<QOAuth2AuthorizationCodeFlow>(&nam);
        flow->setAuthorizationUrl(QUrl(issuer + QStringLiteral("/auth")));
        flow->setAccessTokenUrl(QUrl(issuer + QStringLiteral("/token")));
        flow->setClientIdentifier(clientId);
        flow->setScope(kScope);
        handler = new QOAuthHttpServerReplyHandler(0, flow.get()); // port 0: any free port
        handler->setCallbackPath(QStringLiteral("/callback"));
        flow->setReplyHandler(handler);
        QObject::connect(handler, &QAbstractOAuthReplyHandler::callbackReceived, flow.get(),
                         [this] { callbackAt = nam.clock.nsecsElapsed(); });
        QObject::connect(flow.get(), &QAbstractOAuth::granted, flow.get(), [this] {
            grantedAt = nam.clock.nsecsElapsed();
            ++granted;
        });
        QObject::connect(flow.get(), &QAbstractOAuth::requestFailed, flow.get(), [this](QAbstractOAuth::Error e) {
            ++failed;
            lastError = int(e);
        });
        QObject::connect(flow.get(), &QAbstractOAuth2::error, flow.get(),
                         [this](const QString &error, const QString &description, const QUrl &) {
                             oauthError = error + QStringLiteral(": ") + description;
                         });
        QObject::connect(flow.get(), &QAbstractOAuth::authorizeWithBrowser, flow.get(), [this](const QUrl &url) {
            authorizationUrls.append(url);
            if (!drive)
                return;
            auto *browser = new QProcess(flow.get());
            browser->setProgram(QStringLiteral(CONCIERGE_NODE_EXECUTABLE));
            browser->setArguments({QStringLiteral(CONCIERGE_SOURCE_DIR "/tests/e2e/http-signin.mjs"), url.toString(QUrl::FullyEncoded)});
            browser->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QObject::connect(browser, &QProcess::finished, browser, [this, browser](int code) {
                browserExit = code;
                browser->deleteLater();
            });
            browser->start();
        });
    }

    TimingNam nam;
    std::unique_ptr<QOAuth2AuthorizationCodeFlow> flow;
    QOAuthHttpServerReplyHandler *handler = nullptr;
    bool drive = true;
    QList<QUrl> authorizationUrls;
    qint64 callbackAt = 0, grantedAt = 0;
    int granted = 0, failed = 0, lastError = 0, browserExit = -1;
    QString oauthError;
};

struct Sample
{
    double libraryAfterRedirectMs = 0, redirectToGrantedMs = 0, tokenRoundTripMs = 0, grantToGrantedMs = 0;
    int discovery = 0, jwks = 0, code = 0;
};

//! The local address a listening TCP port is bound to, from /proc/net/tcp{,6} ("0.0.0.0", "127.0.0.1", "::", ...).
QString listeningAddress(quint16 port)
{
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file{QString::fromLatin1(table)};
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            const QList<QByteArray> f = file.readLine().simplified().split(' ');
            if (f.size() < 4 || f.at(3) != "0A") // 0A = LISTEN
                continue;
            const QList<QByteArray> local = f.at(1).split(':');
            if (local.size() != 2 || local.at(1).toUInt(nullptr, 16) != port)
                continue;
            const QByteArray hex = local.at(0);
            if (hex.size() == 8) { // IPv4, little-endian
                const quint32 a = hex.toUInt(nullptr, 16);
                return QStringLiteral("%1.%2.%3.%4").arg(a & 0xff).arg((a >> 8) & 0xff).arg((a >> 16) & 0xff).arg(a >> 24);
            }
            return hex == QByteArray(32, '0') ? QStringLiteral("::") : QStringLiteral("IPv6 ") + QString::fromLatin1(hex);
        }
    }
    return QStringLiteral("?");
}

class QtBench
{
public:
    bool run(const QString &issuer, int signIns, int repetitions, QStringList &rows, QStringList &checks);

private:
    bool signIn(QtClient &client, Sample *sample);
    bool observe(QStringList &checks);
    QString m_error;
    DevIdp m_idp;
};

bool QtBench::signIn(QtClient &client, Sample *sample)
{
    if (!m_idp.resetStats()) {
        m_error = QStringLiteral("cannot reset the IdP's stats");
        return false;
    }
    const int grantedBefore = client.granted;
    const int failedBefore = client.failed;
    const qint64 start = client.nam.clock.nsecsElapsed();
    client.flow->grant();
    if (!waitFor([&] { return client.granted > grantedBefore || client.failed > failedBefore; }, 65000)
        || client.granted == grantedBefore) {
        m_error = QStringLiteral("QtNetworkAuth sign-in failed (requestFailed %1 %2)").arg(client.lastError).arg(client.oauthError);
        return false;
    }
    const qint64 roundTrip = client.nam.lastTokenDone - client.nam.lastTokenSent;
    sample->tokenRoundTripMs = double(roundTrip) / 1e6;
    sample->redirectToGrantedMs = double(client.grantedAt - client.callbackAt) / 1e6;
    sample->libraryAfterRedirectMs = double(client.grantedAt - client.callbackAt - roundTrip) / 1e6;
    sample->grantToGrantedMs = double(client.grantedAt - start) / 1e6;
    const QJsonObject stats = m_idp.stats();
    sample->discovery = stats.value(QLatin1String("discovery")).toInt();
    sample->jwks = stats.value(QLatin1String("jwks")).toInt();
    sample->code = DevIdp::tokenCount(stats, QStringLiteral("authorization_code"));
    // Let the driver exit before the next measurement.
    waitFor([&] { return client.browserExit >= 0; }, 10000);
    client.browserExit = -1;
    return true;
}

//! What QtNetworkAuth 6.4 checks and does not, each observed against the real IdP.
bool QtBench::observe(QStringList &checks)
{
    const auto row = [&](const QString &what, const QString &qt, const QString &concierge, const QString &evidence) {
        checks << QStringLiteral("| %1 | %2 | %3 | %4 |").arg(what, qt, concierge, evidence);
        say(QStringLiteral("check: %1: QtNetworkAuth %2 (%3)").arg(what, qt, evidence));
    };

    // 1. A real sign-in: the authorization URL, the requests the flow made, where the ID token went.
    QtClient client(m_idp.issuer());
    Sample sample;
    if (!signIn(client, &sample))
        return false;
    const QUrlQuery first(client.authorizationUrls.value(0));
    QStringList keys;
    for (const auto &item : first.queryItems())
        keys << item.first;
    const bool hasChallenge = first.hasQueryItem(QStringLiteral("code_challenge"));
    const bool hasNonce = first.hasQueryItem(QStringLiteral("nonce"));
    row(QStringLiteral("PKCE (RFC 7636)"), hasChallenge ? QStringLiteral("sent") : QStringLiteral("**none**"),
        QStringLiteral("S256, always"),
        QStringLiteral("authorization URL parameters: `%1`").arg(keys.join(QStringLiteral("`, `"))));
    row(QStringLiteral("OIDC nonce"), hasNonce ? QStringLiteral("sent") : QStringLiteral("**none**"),
        QStringLiteral("CSPRNG nonce, checked in the ID token"), QStringLiteral("no `nonce` in the authorization URL"));
    const bool idTokenKept = client.flow->extraTokens().contains(QStringLiteral("id_token"));
    row(QStringLiteral("ID-token signature and claims (iss, aud, exp, nonce)"), QStringLiteral("**not validated**"),
        QStringLiteral("validated against the JWKS before signed in"),
        QStringLiteral("the flow made %1 discovery and %2 JWKS requests (no key to verify with); the ID token %3 "
                       "`extraTokens()` as an opaque string; 6.4 has no ID-token API")
            .arg(sample.discovery).arg(sample.jwks)
            .arg(idTokenKept ? QStringLiteral("sits in") : QStringLiteral("is absent from")));
    row(QStringLiteral("Discovery / JWKS"), QStringLiteral("none: endpoints hard-coded by the app"),
        QStringLiteral("discovery + JWKS, cached"), QStringLiteral("IdP counted discovery %1, JWKS %2").arg(sample.discovery).arg(sample.jwks));

    // 2. The state parameter: checked, but generated once per flow object and reused by the next grant().
    Sample again;
    if (!signIn(client, &again))
        return false;
    const QString state1 = first.queryItemValue(QStringLiteral("state"));
    const QString state2 = QUrlQuery(client.authorizationUrls.value(1)).queryItemValue(QStringLiteral("state"));
    row(QStringLiteral("state reuse"),
        state1 == state2 ? QStringLiteral("**same state for every grant()**") : QStringLiteral("fresh per grant()"),
        QStringLiteral("fresh 256-bit CSPRNG state per sign-in"),
        QStringLiteral("state of two sign-ins on one flow object %1 (%2 characters)")
            .arg(state1 == state2 ? QStringLiteral("identical") : QStringLiteral("differ"))
            .arg(state1.size()));

    // 3. A callback with the right state but the wrong state value is refused; one with a foreign iss
    //    (RFC 9207 mix-up defence) is not: the code goes to the token endpoint anyway.
    const auto forgedCallback = [&](const QString &state, const QString &iss, int *tokenRequests, int *failures,
                                    int *tokenErrors) {
        QtClient victim(m_idp.issuer());
        victim.drive = false;
        victim.flow->grant();
        const QString realState = QUrlQuery(victim.authorizationUrls.value(0)).queryItemValue(QStringLiteral("state"));
        if (!m_idp.resetStats())
            return false;
        QUrl callback(victim.handler->callback());
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("code"), QStringLiteral("forged-code-0123456789"));
        q.addQueryItem(QStringLiteral("state"), state.isEmpty() ? realState : state);
        q.addQueryItem(QStringLiteral("iss"), QString::fromLatin1(QUrl::toPercentEncoding(iss)));
        callback.setQuery(q);
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(callback));
        waitFor([&] { return reply->isFinished(); }, 10000);
        reply->deleteLater();
        waitFor([&] { return victim.failed > 0 || victim.granted > 0; }, 3000);
        settle(300); // any token request would have been sent by now
        const QJsonObject stats = m_idp.stats();
        *tokenRequests = DevIdp::tokenCount(stats, QStringLiteral("authorization_code"));
        *tokenErrors = stats.value(QLatin1String("errors")).toObject().value(QLatin1String("token")).toObject()
                           .value(QLatin1String("authorization_code")).toInt();
        *failures = victim.failed;
        return true;
    };
    int tokenRequests = 0, failures = 0, tokenErrors = 0;
    if (!forgedCallback(QStringLiteral("not-the-state"), m_idp.issuer(), &tokenRequests, &failures, &tokenErrors))
        return false;
    row(QStringLiteral("state value"),
        tokenRequests == 0 ? (failures > 0 ? QStringLiteral("checked")
                                           : QStringLiteral("checked, but **no failure signal**: the sign-in never ends"))
                           : QStringLiteral("**not checked**"),
        QStringLiteral("checked; the sign-in ends with a typed error"),
        QStringLiteral("callback with a wrong state: %1 token request(s) at the IdP, requestFailed emitted %2×")
            .arg(tokenRequests).arg(failures));
    if (!forgedCallback(QString(), QStringLiteral("https://attacker.example"), &tokenRequests, &failures, &tokenErrors))
        return false;
    row(QStringLiteral("`iss` in the authorization response (RFC 9207)"),
        tokenRequests == 0 ? QStringLiteral("checked") : QStringLiteral("**not checked**"),
        QStringLiteral("checked against the issuer"),
        QStringLiteral("callback with the right state and `iss=https://attacker.example`: %1 (%2 token request(s) at the IdP)")
            .arg(tokenRequests ? QStringLiteral("the code was sent to the token endpoint anyway")
                               : QStringLiteral("refused before the token endpoint"))
            .arg(tokenRequests));
    if (tokenRequests > 0) {
        // The forged code was refused by the IdP: does the application hear about it?
        row(QStringLiteral("Error from the token endpoint (code exchange)"),
            failures > 0 ? QStringLiteral("reported (requestFailed)") : QStringLiteral("**no failure signal**: the sign-in never ends"),
            QStringLiteral("the sign-in ends with a typed error (`invalid_grant`: hard)"),
            QStringLiteral("the IdP refused the forged code (%1 error answer(s)); requestFailed emitted %2×")
                .arg(tokenErrors).arg(failures));
    }

    // 4. Where the loopback listener listens.
    const quint16 port = QUrl(client.handler->callback()).port();
    const QString address = listeningAddress(port);
    row(QStringLiteral("Loopback listener address"),
        address == QLatin1String("127.0.0.1") ? QStringLiteral("127.0.0.1") : QStringLiteral("**%1 (all interfaces)**").arg(address),
        QStringLiteral("127.0.0.1 / [::1] only"),
        QStringLiteral("`QOAuthHttpServerReplyHandler(0)` bound %1:%2 (/proc/net/tcp, tcp6); redirect URI `%3`")
            .arg(address).arg(port).arg(QUrl(client.handler->callback()).adjusted(QUrl::RemovePort).toString()));

    // 5. Without the bench-only exemption the dev IdP refuses QtNetworkAuth outright.
    {
        QtClient strict(m_idp.issuer(), QStringLiteral("concierge-cli"));
        strict.flow->grant();
        waitFor([&] { return strict.failed > 0 || strict.granted > 0; }, 65000);
        row(QStringLiteral("Against a PKCE-requiring IdP"),
            strict.granted ? QStringLiteral("signed in") : QStringLiteral("**refused**"),
            QStringLiteral("signs in"),
            QStringLiteral("client `concierge-cli` (PKCE required): %1")
                .arg(strict.oauthError.isEmpty() ? QStringLiteral("requestFailed %1").arg(strict.lastError)
                                                 : QString(strict.oauthError).replace(QLatin1Char('+'), QLatin1Char(' '))));
        waitFor([&] { return strict.browserExit >= 0; }, 10000);
    }
    return true;
}

bool QtBench::run(const QString &issuer, int signIns, int repetitions, QStringList &rows, QStringList &checks)
{
    if (!issuer.isEmpty()) {
        m_idp.attach(issuer);
    } else if (!m_idp.start(QStringLiteral(CONCIERGE_SOURCE_DIR), {{QStringLiteral("DEV_IDP_BENCH_CLIENTS"), QStringLiteral("1")},
                                                                   {QStringLiteral("DEV_IDP_ACCESS_TOKEN_TTL"), QStringLiteral("60")}})) {
        say(QStringLiteral("bench_qtnetworkauth: ") + m_idp.errorString());
        return false;
    }
    say(QStringLiteral("QtNetworkAuth %1 against the dev IdP at %2").arg(QStringLiteral(QTNETWORKAUTH_VERSION_STR), m_idp.issuer()));
    const QString label = QStringLiteral("QtNetworkAuth %1").arg(QStringLiteral(QTNETWORKAUTH_VERSION_STR));

    // ---- footprint: RSS added by one granted flow (same method as bench_session) ----
    m_idp.stats();
    const Resident before = resident();
    Resident afterFirst, afterSecond;
    {
        auto one = std::make_unique<QtClient>(m_idp.issuer());
        Sample ignored;
        if (!signIn(*one, &ignored)) {
            say(QStringLiteral("bench_qtnetworkauth: FAILED: ") + m_error);
            return false;
        }
        afterFirst = resident();
        auto two = std::make_unique<QtClient>(m_idp.issuer());
        if (!signIn(*two, &ignored)) {
            say(QStringLiteral("bench_qtnetworkauth: FAILED: ") + m_error);
            return false;
        }
        afterSecond = resident();
    }
    const qint64 firstKiB = afterFirst.totalKiB - before.totalKiB;
    const qint64 firstFileKiB = afterFirst.fileKiB - before.fileKiB;
    const qint64 secondKiB = afterSecond.totalKiB - afterFirst.totalKiB;
    say(QStringLiteral("footprint: +%1 KiB with one granted flow (%2 KiB file-backed, %3 KiB anonymous), +%4 KiB for a second one")
            .arg(firstKiB).arg(firstFileKiB).arg(firstKiB - firstFileKiB).arg(secondKiB));

    // ---- sign-ins: a new flow object (cold), then the same one again (warm) ----
    std::vector<double> library, total, roundTrip, wholeFlow;
    QList<int> codeRequests, otherRequests;
    for (int i = 0; i < signIns; ++i) {
        QtClient client(m_idp.issuer());
        for (int pass = 0; pass < 2; ++pass) {
            Sample s;
            if (!signIn(client, &s)) {
                say(QStringLiteral("bench_qtnetworkauth: FAILED: ") + m_error);
                return false;
            }
            library.push_back(s.libraryAfterRedirectMs);
            total.push_back(s.redirectToGrantedMs);
            roundTrip.push_back(s.tokenRoundTripMs);
            wholeFlow.push_back(s.grantToGrantedMs);
            codeRequests.append(s.code);
            otherRequests.append(s.discovery + s.jwks);
        }
    }
    const bool oneEach = std::all_of(codeRequests.cbegin(), codeRequests.cend(), [](int n) { return n == 1; })
        && std::all_of(otherRequests.cbegin(), otherRequests.cend(), [](int n) { return n == 0; });
    say(QStringLiteral("sign-in: library after redirect %1 ms, redirect to granted %2 ms, token round trip %3 ms, "
                       "grant() to granted %4 ms (median of %5); requests per sign-in: %6")
            .arg(fmt(median(library), 3), fmt(median(total), 2), fmt(median(roundTrip), 2), fmt(median(wholeFlow), 1))
            .arg(library.size())
            .arg(oneEach ? QStringLiteral("1 (token)") : QStringLiteral("varied")));

    // ---- refresh: one at a time, then N concurrent calls ----
    QtClient client(m_idp.issuer());
    Sample ignored;
    if (!signIn(client, &ignored)) {
        say(QStringLiteral("bench_qtnetworkauth: FAILED: ") + m_error);
        return false;
    }
    std::vector<double> refreshMs;
    int refreshFailures = 0;
    for (int i = 0; i < repetitions * 3; ++i) {
        const QString oldToken = client.flow->token();
        const int grantedBefore = client.granted, failedBefore = client.failed;
        QElapsedTimer t;
        t.start();
        client.flow->refreshAccessToken();
        waitFor([&] { return client.granted > grantedBefore || client.failed > failedBefore; }, 30000);
        if (client.failed > failedBefore || client.flow->token() == oldToken)
            ++refreshFailures;
        else
            refreshMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    // N concurrent callers: QtNetworkAuth has no per-caller answer; it drops calls made while a
    // refresh is in flight ("already in progress"). Count what the IdP saw.
    constexpr int kConcurrent = 100;
    m_idp.resetStats();
    const int grantedBefore = client.granted, failedBefore = client.failed;
    QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    for (int i = 0; i < kConcurrent; ++i)
        client.flow->refreshAccessToken();
    qInstallMessageHandler(previous);
    waitFor([&] { return client.granted > grantedBefore || client.failed > failedBefore; }, 30000);
    settle(300); // any further refresh request would have been sent by now
    const int stormRefreshes = DevIdp::tokenCount(m_idp.stats(), QStringLiteral("refresh_token"));
    const int stormAnswers = client.granted - grantedBefore + client.failed - failedBefore;
    say(QStringLiteral("refresh: %1 ms (median of %2, %3 failed); %4 concurrent refreshAccessToken(): %5 refresh grant(s) "
                       "at the IdP, %6 completion signal(s)")
            .arg(fmt(median(refreshMs), 2)).arg(refreshMs.size()).arg(refreshFailures).arg(kConcurrent).arg(stormRefreshes)
            .arg(stormAnswers));

    rows << QStringLiteral("| %1 | Sign-in: library time after the redirect (redirect→granted − token round trip) | "
                           "%2 ms (median of %3; redirect→granted %4 ms, token round trip %5 ms) | no ID-token validation, "
                           "no JWKS | — | |")
                .arg(label, fmt(median(library), 3)).arg(library.size()).arg(fmt(median(total), 2), fmt(median(roundTrip), 2));
    rows << QStringLiteral("| %1 | Sign-in: HTTP requests by the library, every sign-in | %2 (the IdP saw discovery 0, "
                           "JWKS 0) | grant()→granted incl. the driver: %3 ms | — | |")
                .arg(label, oneEach ? QStringLiteral("1 (token)") : QStringLiteral("varied"), fmt(median(wholeFlow), 1));
    rows << QStringLiteral("| %1 | Refresh: one `refreshAccessToken()` | %2 ms (median of %3%4) | 1 refresh grant | — | |")
                .arg(label, fmt(median(refreshMs), 2)).arg(refreshMs.size())
                .arg(refreshFailures ? QStringLiteral(", %1 failed").arg(refreshFailures) : QString());
    rows << QStringLiteral("| %1 | Refresh: %2 concurrent `refreshAccessToken()` | %3 refresh grant(s) at the IdP, "
                           "%4 completion signal(s) for %2 callers | calls during a refresh are dropped with a warning; "
                           "no per-caller answer | — | |")
                .arg(label).arg(kConcurrent).arg(stormRefreshes).arg(stormAnswers);
    rows << QStringLiteral("| %1 | Footprint: RSS added by one granted flow (same method) | %2 KiB for the first: %3 KiB "
                           "file-backed + %4 KiB anonymous; %5 KiB for each further one | — | — | |")
                .arg(label).arg(firstKiB).arg(firstFileKiB).arg(firstKiB - firstFileKiB).arg(secondKiB);

    if (!observe(checks)) {
        say(QStringLiteral("bench_qtnetworkauth: FAILED: ") + m_error);
        return false;
    }
    m_idp.stop();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString rowsFile, checksFile;
    QString issuer = qEnvironmentVariable("CONCIERGE_BENCH_ISSUER");
    int signIns = 5;
    int repetitions = 3;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--rows") && hasValue) {
            rowsFile = args.at(++i);
        } else if (arg == QLatin1String("--checks") && hasValue) {
            checksFile = args.at(++i);
        } else if (arg == QLatin1String("--issuer") && hasValue) {
            issuer = args.at(++i);
        } else if (arg == QLatin1String("--sign-ins") && hasValue) {
            signIns = qMax(1, args.at(++i).toInt());
        } else if (arg == QLatin1String("--repetitions") && hasValue) {
            repetitions = qMax(1, args.at(++i).toInt());
        } else {
            std::fprintf(stderr, "usage: bench_qtnetworkauth [--rows FILE] [--checks FILE] [--issuer URL] [--sign-ins N] "
                                 "[--repetitions N]\n");
            return 2;
        }
    }
    QStringList rows, checks;
    QtBench bench;
    const bool ok = bench.run(issuer, signIns, repetitions, rows, checks);
    const auto write = [](const QString &name, const QStringList &lines) {
        if (name.isEmpty())
            return true;
        QFile out(name);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            return false;
        out.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
        return true;
    };
    if (!write(rowsFile, rows) || !write(checksFile, checks))
        return 1;
    return ok ? 0 : 1;
}
