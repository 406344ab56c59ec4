// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/devicesignin.h>

#include <concierge/deviceauthorization.h>
#include <concierge/session.h>
#include <concierge/tokenrequest.h>
#include <concierge/tokenresponse.h>

#include "core/logging_p.h"
#include "devicesignin_p.h"
#include "session_p.h"

#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <limits>

namespace Concierge {

using namespace Internal;

/*!
  \class Concierge::DeviceSignIn
  \inmodule Concierge
  \since 0.2
  \brief A sign-in with the OAuth 2.0 Device Authorization Grant (RFC 8628).
*/

namespace {

const QString kDeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

// Sessions with a device sign-in in progress: one at a time per Session.
QSet<const Session *> &activeSessions()
{
    static QSet<const Session *> sessions;
    return sessions;
}

} // namespace

void DeviceSignInPrivate::setState(DeviceSignIn::State s)
{
    Q_Q(DeviceSignIn);
    if (state == s)
        return;
    state = s;
    Q_EMIT q->stateChanged(s);
}

void DeviceSignInPrivate::begin(quint64 id)
{
    Q_Q(DeviceSignIn);
    if (!current(id))
        return;
    if (auto ok = session->config().validate(); !ok)
        return finish(ok.error());
    QPointer<DeviceSignIn> guard(q);
    sp()->ensureMetadata([this, guard, id](const Result<ProviderMetadata> &metadata) {
        if (!guard || !current(id))
            return;
        if (!metadata)
            return finish(metadata.error());
        requestCodes(id);
    });
}

void DeviceSignInPrivate::requestCodes(quint64 id)
{
    Q_Q(DeviceSignIn);
    SessionPrivate *s = sp();
    const QUrl endpoint = s->metadata.deviceAuthorizationEndpoint();
    if (endpoint.isEmpty())
        return finish(Error(Error::Code::InvalidConfiguration,
                            QStringLiteral("the provider has no device authorization endpoint")));

    // DPoP as in the browser flow: a fresh P-256 key for every sign-in when the app asks and the
    // provider can. The token requests carry the proofs (postTokenRequest).
    s->dpopKey = Jose::DpopKey();
    if (s->config.isDpopEnabled() && s->metadata.dpopSigningAlgValuesSupported().contains(QStringLiteral("ES256"))) {
        auto key = Jose::DpopKey::generate();
        if (!key)
            return finish(key.error());
        s->dpopKey = *key;
    }

    TokenRequest::Fields fields;
    const QStringList requested = requestedScopes();
    if (!requested.isEmpty())
        fields.append({QStringLiteral("scope"), requested.join(QLatin1Char(' '))});
    const TokenRequest request = TokenRequest::grant(s->config, endpoint, fields);
    qCInfo(lcFlow) << "device authorization requested";
    s->transport->post(request.toNetworkRequest(), request.body(), q, [this, id](const HttpResponse &reply) {
        if (current(id))
            onCodes(id, reply);
    });
}

void DeviceSignInPrivate::onCodes(quint64 id, const HttpResponse &reply)
{
    Q_Q(DeviceSignIn);
    if (reply.error.isError())
        return finish(reply.error);
    const auto parsed = DeviceAuthorizationResponse::fromReply(reply.status, reply.body, reply.retryAfterSeconds());
    if (!parsed)
        return finish(parsed.error());
    codes = *parsed;
    const QDateTime started = now();
    policy = DevicePollPolicy(started, codes.expiresIn(), codes.interval());
    expiresAt = policy.expiresAt();
    lastInterval = policy.interval();
    lastSecondsLeft = int(policy.secondsLeft(started));
    qCInfo(lcFlow) << "device authorization granted; expires in" << codes.expiresIn() << "s, interval"
                   << codes.interval() << "s";
    Q_EMIT q->verificationChanged();
    Q_EMIT q->pollIntervalChanged(lastInterval);
    Q_EMIT q->secondsLeftChanged(lastSecondsLeft);
    if (!current(id)) // a slot may have cancelled
        return;
    ticker.start(1000);
    scheduleNextPoll();
}

void DeviceSignInPrivate::scheduleNextPoll()
{
    const qint64 delay = policy.nextDelayMs(now());
    if (delay < 0)
        return finish(Error(Error::Code::ExpiredToken,
                            QStringLiteral("the device code expired before the sign-in was approved")));
    pollTimer.start(int(qMin<double>(double(delay) / qMax(timeScale, 0.001), std::numeric_limits<int>::max())));
}

void DeviceSignInPrivate::poll(quint64 id)
{
    Q_Q(DeviceSignIn);
    if (!current(id))
        return;
    if (policy.isExpired(now()))
        return finish(Error(Error::Code::ExpiredToken,
                            QStringLiteral("the device code expired before the sign-in was approved")));
    setState(DeviceSignIn::State::Polling);
    ++polls;
    SessionPrivate *s = sp();
    const TokenRequest request = TokenRequest::grant(
        s->config, s->metadata.tokenEndpoint(),
        {{QStringLiteral("grant_type"), kDeviceCodeGrant},
         {QStringLiteral("device_code"), QString::fromUtf8(codes.deviceCode())}});
    QPointer<DeviceSignIn> guard(q);
    s->postTokenRequest(request, [this, guard, id](const HttpResponse &reply) {
        if (guard && current(id))
            onPollReply(id, reply);
    });
}

void DeviceSignInPrivate::onPollReply(quint64 id, const HttpResponse &reply)
{
    Q_Q(DeviceSignIn);
    if (reply.error.isError()) {
        const auto code = reply.error.code();
        if (code != Error::Code::NetworkError && code != Error::Code::Timeout)
            return finish(reply.error);
        qCInfo(lcFlow) << "device poll failed:" << reply.error.id() << "- backing off";
        policy.onNetworkError();
        return scheduleNextPoll();
    }
    const auto response = TokenResponse::fromReply(reply.status, reply.body, reply.retryAfterSeconds());
    if (!response) {
        switch (response.error().code()) {
        case Error::Code::AuthorizationPending:
            policy.onAnswered();
            return scheduleNextPoll();
        case Error::Code::SlowDown:
        case Error::Code::RateLimited:
            policy.onSlowDown();
            qCInfo(lcFlow) << "device poll: slow down to" << policy.interval() << "s";
            if (policy.interval() != lastInterval) {
                lastInterval = policy.interval();
                Q_EMIT q->pollIntervalChanged(lastInterval);
                if (!current(id))
                    return;
            }
            return scheduleNextPoll();
        case Error::Code::ServerError:
            policy.onNetworkError();
            return scheduleNextPoll();
        default:
            return finish(response.error());
        }
    }
    policy.onAnswered();
    pollTimer.stop();
    if (response->idToken().isEmpty() && requestedScopes().contains(QStringLiteral("openid")))
        return finish(Error(Error::Code::IdTokenMissing, QStringLiteral("no id_token for an openid request")));
    // The session's one validation path (as for the browser flow and refresh); the device flow has
    // no nonce and no max_age, and a fresh sign-in has no previous ID token to continue.
    TokenSet base;
    base.setScopes(requestedScopes());
    QPointer<DeviceSignIn> guard(q);
    sp()->validateTokenResponse(*response, base, QString(), -1, [this, guard, id](const Result<TokenSet> &tokens) {
        if (!guard || !current(id))
            return;
        if (!tokens)
            return finish(tokens.error());
        complete(id, *tokens);
    });
}

void DeviceSignInPrivate::complete(quint64 id, const TokenSet &tokens)
{
    Q_Q(DeviceSignIn);
    // The Session stores the tokens, becomes SignedIn and emits signedIn(); then this run ends.
    signedInConnection = QObject::connect(session.data(), &Session::signedIn, q, [this, id] {
        QObject::disconnect(signedInConnection);
        if (current(id))
            finish(Error());
    });
    sp()->completeSignIn(tokens);
}

void DeviceSignInPrivate::finish(const Error &result)
{
    Q_Q(DeviceSignIn);
    if (!running())
        return;
    ++run; // late replies of this run are ignored from now on
    pollTimer.stop();
    ticker.stop();
    QObject::disconnect(signedInConnection);
    QObject::disconnect(destroyedConnection);
    activeSessions().remove(registered);
    registered = nullptr;
    error = result;
    if (result.isError())
        qCInfo(lcFlow).noquote() << "device sign-in ended:" << result.id();
    else
        qCInfo(lcFlow) << "device sign-in complete";
    const auto next = !result.isError()                               ? DeviceSignIn::State::SignedIn
                      : result.code() == Error::Code::Cancelled ? DeviceSignIn::State::Cancelled
                                                                     : DeviceSignIn::State::Failed;
    setState(next);
    if (lastSecondsLeft != 0) {
        lastSecondsLeft = 0;
        Q_EMIT q->secondsLeftChanged(0);
    }
    Q_EMIT q->finished(result);
}

void DeviceSignInPrivate::updateSecondsLeft()
{
    Q_Q(DeviceSignIn);
    const int left = int(policy.secondsLeft(now()));
    if (left != lastSecondsLeft) {
        lastSecondsLeft = left;
        Q_EMIT q->secondsLeftChanged(left);
    }
}

DeviceSignIn::DeviceSignIn(Session *session, QObject *parent)
    : QObject(parent)
    , d_ptr(std::make_unique<DeviceSignInPrivate>(this, session))
{
    Q_D(DeviceSignIn);
    d->pollTimer.setSingleShot(true);
    d->pollTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire early: never poll before the interval
    connect(&d->pollTimer, &QTimer::timeout, this, [d] { d->poll(d->run); });
    connect(&d->ticker, &QTimer::timeout, this, [d] { d->updateSecondsLeft(); });
}

DeviceSignIn::~DeviceSignIn()
{
    Q_D(DeviceSignIn);
    if (d->registered)
        activeSessions().remove(d->registered);
}

Session *DeviceSignIn::session() const
{
    Q_D(const DeviceSignIn);
    return d->session.data();
}

void DeviceSignIn::setScopes(const QStringList &scopes)
{
    Q_D(DeviceSignIn);
    d->scopes = scopes;
}

QStringList DeviceSignIn::scopes() const
{
    Q_D(const DeviceSignIn);
    return d->scopes;
}

DeviceSignIn::State DeviceSignIn::state() const
{
    Q_D(const DeviceSignIn);
    return d->state;
}

QString DeviceSignIn::userCode() const
{
    Q_D(const DeviceSignIn);
    return d->codes.userCode();
}

QUrl DeviceSignIn::verificationUri() const
{
    Q_D(const DeviceSignIn);
    return d->codes.verificationUri();
}

QUrl DeviceSignIn::verificationUriComplete() const
{
    Q_D(const DeviceSignIn);
    return d->codes.verificationUriComplete();
}

QDateTime DeviceSignIn::expiresAt() const
{
    Q_D(const DeviceSignIn);
    return d->expiresAt;
}

int DeviceSignIn::secondsLeft() const
{
    Q_D(const DeviceSignIn);
    return d->running() && d->expiresAt.isValid() ? int(d->policy.secondsLeft(d->now())) : 0;
}

int DeviceSignIn::pollInterval() const
{
    Q_D(const DeviceSignIn);
    return d->expiresAt.isValid() ? d->policy.interval() : 0;
}

Error DeviceSignIn::error() const
{
    Q_D(const DeviceSignIn);
    return d->error;
}

int DeviceSignIn::pollCount() const
{
    Q_D(const DeviceSignIn);
    return d->polls;
}

void DeviceSignIn::start()
{
    Q_D(DeviceSignIn);
    const auto refuse = [this](const Error &error) {
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT finished(error); }, Qt::QueuedConnection);
    };
    if (d->running())
        return refuse(Error(Error::Code::Busy, QStringLiteral("a device sign-in is already in progress")));
    if (!d->session)
        return refuse(Error(Error::Code::InvalidArgument, QStringLiteral("the device sign-in has no session")));
    if (d->sp()->flow || activeSessions().contains(d->session.data()))
        return refuse(Error(Error::Code::Busy, QStringLiteral("the session has a sign-in in progress")));

    const bool hadCodes = d->expiresAt.isValid();
    d->codes = DeviceAuthorizationResponse();
    d->policy = DevicePollPolicy();
    d->expiresAt = QDateTime();
    d->error = Error();
    d->polls = 0;
    d->lastSecondsLeft = 0;
    d->lastInterval = 0;
    const quint64 id = ++d->run;
    d->registered = d->session.data();
    activeSessions().insert(d->registered);
    d->destroyedConnection = connect(d->session.data(), &QObject::destroyed, this, [d] {
        d->finish(Error(Error::Code::Cancelled, QStringLiteral("the session was destroyed")));
    });
    d->setState(State::WaitingForUser);
    if (hadCodes)
        Q_EMIT verificationChanged();
    // Everything else happens from the event loop, so finished() never arrives inside start().
    QMetaObject::invokeMethod(this, [d, id] { d->begin(id); }, Qt::QueuedConnection);
}

void DeviceSignIn::cancel()
{
    Q_D(DeviceSignIn);
    d->finish(Error(Error::Code::Cancelled));
}

} // namespace Concierge
