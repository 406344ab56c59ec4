// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/session.h>

#include <concierge/authorizationresponse.h>
#include <concierge/tokenrequest.h>
#include <concierge/tokenresponse.h>

#include "core/idtokenvalidator_p.h"
#include "core/json_p.h"
#include "core/logging_p.h"
#include "core/random_p.h"
#include "core/urls_p.h"
#include "session_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaObject>
#include <QtCore/QPromise>
#include <QtCore/QRandomGenerator>
#include <QtCore/QUrlQuery>

namespace Concierge {

using namespace Internal;

/*!
  \class Concierge::Session
  \inmodule Concierge
  \since 0.1
  \brief A person's sign-in with one OpenID Provider.
*/

SessionPrivate::SessionPrivate(Session *q, const ProviderConfig &cfg)
    : q_ptr(q)
    , config(cfg)
    , transport(new Transport(q))
    , cache(new MetadataCache(transport, q))
{
    transport->setTimeoutMs(cfg.requestTimeoutMs());
    monotonic.start();
}

SessionPrivate::~SessionPrivate()
{
    if (flow) {
        flow->timeout.stop();
        if (flow->listener)
            flow->listener->close();
    }
    if (userAgent)
        userAgent->close();
}

void SessionPrivate::setUserAgent(std::unique_ptr<UserAgent> agent)
{
    userAgent = std::move(agent);
}

void SessionPrivate::setClock(MetadataCache::Clock c)
{
    clock = c;
    cache->setClock(std::move(c));
}

void SessionPrivate::setState(Session::State s)
{
    Q_Q(Session);
    if (state == s)
        return;
    state = s;
    qCDebug(lcSession) << "state" << s;
    Q_EMIT q->stateChanged(s);
}

void SessionPrivate::startSignIn(const SignInOptions &options)
{
    Q_Q(Session);
    if (!beginFlow(options))
        return;
    const quint64 id = flow->id;
    qCInfo(lcSession).noquote() << "sign-in started at" << config.issuer();
    cache->discovery(config, q, [this, id](const Result<ProviderMetadata> &result) {
        if (flow && flow->id == id)
            onDiscovery(result);
    });
}

bool SessionPrivate::beginFlow(const SignInOptions &options)
{
    Q_Q(Session);
    if (flow) {
        Q_EMIT q->errorOccurred(Error(Error::Code::Busy, QStringLiteral("a sign-in is already in progress")));
        return false;
    }
    if (auto ok = config.validate(); !ok) {
        Q_EMIT q->errorOccurred(ok.error());
        return false;
    }
    flow = std::make_unique<Flow>();
    flow->id = nextFlowId++;
    flow->options = options;
    flow->previousState = state;
    timings = {};
    timings.requestsAtStart = transport->requestCount();
    setState(Session::State::Authorizing);

    const quint64 id = flow->id;
    flow->timeout.setSingleShot(true);
    QObject::connect(&flow->timeout, &QTimer::timeout, q, [this, id] {
        if (!flow || flow->id != id)
            return;
        // A redirect with a wrong state was seen and ignored: say so, it is the likelier cause.
        if (flow->listener && flow->listener->rejectedRedirectCount() > 0)
            finishSignIn(Error(Error::Code::StateMismatch,
                               QStringLiteral("the only redirect received did not match this sign-in")));
        else
            finishSignIn(Error(Error::Code::Timeout, QStringLiteral("the browser sign-in did not complete in time")));
    });
    flow->timeout.start(flowTimeoutSeconds * 1000);
    return true;
}

void SessionPrivate::onDiscovery(const Result<ProviderMetadata> &result)
{
    Q_Q(Session);
    if (!result)
        return finishSignIn(result.error());
    metadata = *result;
    const quint64 id = flow->id;

    // DPoP when the app asks and the provider can: a fresh P-256 key for every sign-in.
    dpopKey = Jose::DpopKey();
    if (config.isDpopEnabled() && metadata.dpopSigningAlgValuesSupported().contains(QStringLiteral("ES256"))) {
        auto key = Jose::DpopKey::generate();
        if (!key)
            return finishSignIn(key.error());
        dpopKey = *key;
    } else if (config.isDpopEnabled()) {
        qCInfo(lcSession) << "the provider does not offer DPoP with ES256: using Bearer tokens";
    }

    // Fetch the keys while the person is in the browser, so the redirect is not kept waiting.
    cache->jwks(metadata.jwksUri(), false, q, [](const Result<JsonWebKeySet> &) {});

    if (auto ok = prepareAuthorization(); !ok)
        return finishSignIn(ok.error());
    ensureUserAgent();

    const auto open = [this, id](const QUrl &url) {
        if (!flow || flow->id != id)
            return;
        flow->waitingForRedirect = true;
        qCDebug(lcFlow).noquote() << "opening" << redactUrl(url);
        if (auto ok = userAgent->open(url); !ok)
            finishSignIn(ok.error());
    };

    if (!metadata.requirePushedAuthorizationRequests())
        return open(flow->request.url());

    // RFC 9126: push the parameters (client_id included, whatever the client authentication), then
    // open a URL that carries only client_id and request_uri.
    const auto par = TokenRequest::grant(config, metadata.pushedAuthorizationRequestEndpoint(),
                                         flow->request.parameters());
    postTokenRequest(par, [this, id, open](const HttpResponse &reply) {
        if (!flow || flow->id != id)
            return;
        if (reply.error.isError())
            return finishSignIn(reply.error);
        const auto doc = Json::parseObject(reply.body);
        if (reply.status != 201 && reply.status != 200)
            return finishSignIn(Json::oauthErrorResponse(reply.status, doc, reply.retryAfterSeconds(), "PAR endpoint"));
        const QString requestUri = doc ? Json::stringOr(*doc, "request_uri") : QString();
        if (requestUri.isEmpty())
            return finishSignIn(Error(Error::Code::InvalidResponse, QStringLiteral("PAR response without request_uri")));
        open(flow->request.urlForRequestUri(requestUri));
    });
}

Result<void> SessionPrivate::prepareAuthorization(bool listen)
{
    Q_Q(Session);
    const quint64 id = flow->id;
    QUrl redirectUri = config.redirectUri();
    if (listen && config.isLoopbackRedirect()) {
        flow->listener = std::make_unique<LoopbackListener>();
        auto bound = flow->listener->listen(config.redirectUri());
        if (!bound)
            return bound.error();
        redirectUri = *bound;
        QObject::connect(flow->listener.get(), &LoopbackListener::redirectReceived, q, [this, id](const QUrl &url) {
            if (flow && flow->id == id)
                onRedirect(url);
        });
    }

    auto request = AuthorizationRequest::create(config, metadata, redirectUri, flow->options);
    if (!request)
        return request.error();
    flow->request = *request;
    if (flow->listener) {
        const QByteArray state = flow->request.state();
        flow->listener->setAcceptor([state](const QUrl &url) {
            const QString got = QUrlQuery(url).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
            return constantTimeEquals(got.toUtf8(), state);
        });
    }
    return {};
}

void SessionPrivate::ensureUserAgent()
{
    Q_Q(Session);
    const quint64 id = flow->id;
    if (!userAgent)
        userAgent = browserCommand.isEmpty() ? createSystemBrowserUserAgent() : createCommandUserAgent(browserCommand);
    QObject::disconnect(userAgent.get(), nullptr, q, nullptr);
    QObject::connect(userAgent.get(), &UserAgent::failed, q, [this, id](const Error &error) {
        if (flow && flow->id == id && flow->waitingForRedirect)
            finishSignIn(error);
    });
}

void SessionPrivate::onRedirect(const QUrl &redirect)
{
    Q_Q(Session);
    timings.redirectReceived = monotonic.nsecsElapsed();
    flow->waitingForRedirect = false;
    const auto response = AuthorizationResponse::fromRedirect(redirect, flow->request, metadata);
    if (!response)
        return finishSignIn(response.error());
    const auto request = TokenRequest::authorizationCode(config, metadata, flow->request, *response);
    const quint64 id = flow->id;
    timings.tokenRequestSent = monotonic.nsecsElapsed();
    postTokenRequest(request, [this, id](const HttpResponse &reply) {
        if (flow && flow->id == id)
            onTokenReply(reply);
    });
}

void SessionPrivate::onTokenReply(const HttpResponse &reply)
{
    timings.tokenResponseReceived = monotonic.nsecsElapsed();
    if (reply.error.isError())
        return finishSignIn(reply.error);
    const auto response = TokenResponse::fromReply(reply.status, reply.body, reply.retryAfterSeconds());
    if (!response)
        return finishSignIn(response.error());
    if (response->idToken().isEmpty() && flow->request.isOpenIdRequest())
        return finishSignIn(Error(Error::Code::IdTokenMissing, QStringLiteral("no id_token for an openid request")));
    const quint64 id = flow->id;
    const TokenSet base = [this] {
        TokenSet t;
        t.setScopes(flow->request.scopes());
        return t;
    }();
    validateTokenResponse(*response, base, QString::fromLatin1(flow->request.nonce()), flow->request.maxAge(),
                          [this, id](const Result<TokenSet> &tokens) {
        if (flow && flow->id == id)
            finishSignIn(tokens);
    });
}

TokenSet SessionPrivate::tokenSetFrom(const TokenResponse &response, const TokenSet &base) const
{
    TokenSet next = base;
    next.setAccessToken(response.accessToken());
    if (!response.refreshToken().isEmpty())
        next.setRefreshToken(response.refreshToken()); // new, or rotated
    next.setTokenType(response.tokenType());
    if (response.hasScope())
        next.setScopes(response.scopes());
    next.setIssuedAt(now());
    next.setExpiresAt(response.expiresIn() >= 0 ? now().addSecs(response.expiresIn()) : QDateTime());
    return next;
}

void SessionPrivate::validateTokenResponse(const TokenResponse &response, const TokenSet &base, const QString &nonce,
                                           int maxAge, std::function<void(const Result<TokenSet> &)> done,
                                           bool jwksRefetched)
{
    Q_Q(Session);
    if (response.idToken().isEmpty())
        return done(tokenSetFrom(response, base));
    cache->jwks(metadata.jwksUri(), jwksRefetched, q,
                [this, guard = QPointer<Session>(q), response, base, nonce, maxAge, done, jwksRefetched](const Result<JsonWebKeySet> &jwks) {
        if (!guard)
            return;
        if (!jwks)
            return done(jwks.error());
        IdTokenExpectations expect;
        expect.issuer = config.issuer();
        expect.clientId = config.clientId();
        expect.trustedAudiences = config.trustedAudiences();
        expect.nonce = nonce;
        expect.allowedAlgorithms = metadata.idTokenSigningAlgValuesSupported();
        expect.accessToken = response.accessToken();
        expect.now = now().toSecsSinceEpoch();
        expect.clockSkewSeconds = config.clockSkewSeconds();
        expect.maxAgeSeconds = maxAge;
        auto idToken = validateIdToken(response.idToken(), *jwks, expect);
        if (!idToken && idToken.error().code() == Error::Code::IdTokenKeyNotFound && !jwksRefetched
            && cache->canForceJwksRefresh(metadata.jwksUri())) {
            // The provider may have rotated its keys: one refetch, then a final verdict.
            return validateTokenResponse(response, base, nonce, maxAge, done, true);
        }
        if (!idToken)
            return done(idToken.error());
        // OIDC Core §12.2: a refreshed ID token has the same iss and sub as the sign-in's.
        const IdToken previous = base.idToken();
        if (!previous.subject().isEmpty()
            && (idToken->subject() != previous.subject() || idToken->issuer() != previous.issuer()))
            return done(Error(Error::Code::SubjectMismatch,
                              QStringLiteral("the refreshed ID token is for another subject or issuer")));
        TokenSet next = tokenSetFrom(response, base);
        next.setIdToken(*idToken);
        done(next);
    });
}

void SessionPrivate::completeSignIn(const TokenSet &fresh)
{
    Q_Q(Session);
    // Persist before use: nobody hears of the sign-in before the record is stored (the app may exit
    // right after signedIn()).
    QPointer<Session> guard(q);
    startNewDataKey();
    storeTokens(fresh, [this, guard, fresh](const Result<void> &stored) {
        if (!guard)
            return;
        Q_Q(Session);
        if (!stored)
            qCWarning(lcStore).noquote() << "could not store the sign-in:" << stored.error().id();
        tokens = fresh;
        transientFailures = 0;
        timings.signedIn = monotonic.nsecsElapsed();
        qCInfo(lcSession) << "signed in";
        setState(Session::State::SignedIn);
        scheduleProactiveRefresh();
        Q_EMIT q->tokensChanged();
        if (!stored) // signed in for this run, but it will not survive a restart: say so first
            Q_EMIT q->storageFailed(stored.error());
        Q_EMIT q->signedIn();
    });
}

void SessionPrivate::finishSignIn(const Result<TokenSet> &result)
{
    Q_Q(Session);
    if (!flow)
        return;
    std::unique_ptr<Flow> done = std::move(flow);
    done->timeout.stop();
    if (done->listener)
        done->listener->close();
    if (userAgent)
        userAgent->close();
    timings.requestsAtEnd = transport->requestCount();
    if (result) {
        completeSignIn(*result);
    } else {
        qCInfo(lcSession).noquote() << "sign-in failed:" << result.error().id();
        setState(done->previousState);
        Q_EMIT q->errorOccurred(result.error());
    }
    // Listener sockets may still be flushing the "return to the app" page: delete later.
    if (done->listener)
        done->listener.release()->deleteLater();
}


// ---- token lifecycle -------------------------------------------------------------------------

void SessionPrivate::ensureMetadata(std::function<void(const Result<ProviderMetadata> &)> next)
{
    Q_Q(Session);
    if (metadata.isValid())
        return next(metadata);
    cache->discovery(config, q, [this, next](const Result<ProviderMetadata> &m) {
        if (m)
            metadata = *m;
        next(m);
    });
}

void SessionPrivate::requestToken(QObject *context, Session::TokenCallback callback, bool forceRefresh)
{
    Q_Q(Session);
    QObject *target = context ? context : q;
    if (!q->isSignedIn() || !tokens.isValid()) {
        const Error error(state == Session::State::Locked ? Error::Code::SessionLocked : Error::Code::NotSignedIn);
        QMetaObject::invokeMethod(target, [callback, error] { callback(error); }, Qt::QueuedConnection);
        return;
    }
    if (!forceRefresh && !refreshInFlight && !tokens.isExpired(now(), refreshMarginSeconds)) {
        const QByteArray token = tokens.accessToken();
        QMetaObject::invokeMethod(target, [callback, token] { callback(token); }, Qt::QueuedConnection);
        return;
    }
    waiters.emplace_back(QPointer<QObject>(target), std::move(callback));
    startRefresh(false);
}

void SessionPrivate::answerWaiters(const Result<QByteArray> &token)
{
    auto pending = std::move(waiters);
    waiters.clear();
    for (auto &[context, callback] : pending) {
        if (context)
            callback(token);
    }
}

void SessionPrivate::startRefresh(bool explicitRequest)
{
    Q_Q(Session);
    refreshExplicit |= explicitRequest;
    if (refreshInFlight)
        return; // one refresh in flight serves everybody
    if (!tokens.hasRefreshToken()) {
        refreshExplicit = false;
        const Error error(Error::Code::InvalidGrant, QStringLiteral("no refresh token: sign in again"));
        answerWaiters(error);
        if (explicitRequest)
            Q_EMIT q->errorOccurred(error);
        return;
    }
    refreshInFlight = true;
    proactiveTimer.stop();
    retryTimer.stop();
    const quint64 generation = ++refreshGeneration;
    setState(Session::State::Refreshing);
    ensureMetadata([this, generation](const Result<ProviderMetadata> &m) {
        Q_Q(Session);
        if (generation != refreshGeneration)
            return;
        if (!m)
            return failRefresh(m.error());
        const auto request = TokenRequest::refresh(config, metadata, tokens.refreshToken());
        ++refreshRequests;
        qCDebug(lcSession) << "refreshing the access token";
        postTokenRequest(request, [this, generation](const HttpResponse &reply) {
            if (generation == refreshGeneration)
                onRefreshReply(generation, reply);
        });
    });
}

void SessionPrivate::onRefreshReply(quint64 generation, const HttpResponse &reply)
{
    if (reply.error.isError())
        return failRefresh(reply.error);
    const auto response = TokenResponse::fromReply(reply.status, reply.body, reply.retryAfterSeconds());
    if (!response)
        return failRefresh(response.error());
    // No nonce in a refreshed ID token (OIDC Core §12.2); iss and sub must stay those of the sign-in.
    validateTokenResponse(*response, tokens, QString(), -1, [this, generation](const Result<TokenSet> &next) {
        if (generation != refreshGeneration)
            return;
        if (!next)
            return failRefresh(next.error());
        commitRefreshed(generation, *next);
    });
}

void SessionPrivate::commitRefreshed(quint64 generation, const TokenSet &next)
{
    // Persist before use: with a rotating refresh token, the old one is dead at the server from now
    // on. The record is written before any caller sees the new access token.
    // The write belongs to the store and may complete after this session is gone (app shutdown).
    storeTokens(next, [this, guard = QPointer<Session>(q_ptr), generation, next](const Result<void> &written) {
        if (!guard)
            return;
        Q_Q(Session);
        if (generation != refreshGeneration)
            return;
        if (!written)
            qCWarning(lcStore).noquote() << "could not store refreshed tokens:" << written.error().id();
        tokens = next;
        refreshInFlight = false;
        transientFailures = 0;
        refreshExplicit = false;
        setState(Session::State::SignedIn);
        scheduleProactiveRefresh();
        Q_EMIT q->tokensChanged();
        answerWaiters(tokens.accessToken());
        if (!written)
            Q_EMIT q->storageFailed(written.error());
        Q_EMIT q->refreshed();
        runAfterRefresh();
    });
}

bool SessionPrivate::endsSession(const Error &error)
{
    switch (error.code()) {
    case Error::Code::InvalidGrant:
    case Error::Code::InvalidClient:
    case Error::Code::UnauthorizedClient:
    case Error::Code::SubjectMismatch:
        return true;
    default:
        // Every ID-token validation failure: the provider (or someone in its place) sent a token we
        // must not trust, so the tokens of this grant are not trusted either.
        return int(error.code()) >= int(Error::Code::IdTokenMalformed) && int(error.code()) <= int(Error::Code::IdTokenMissing);
    }
}

void SessionPrivate::failRefresh(const Error &error)
{
    Q_Q(Session);
    refreshInFlight = false;
    const bool explicitRequest = std::exchange(refreshExplicit, false);
    if (endsSession(error)) {
        // invalid_grant, another subject, a forged ID token: the session is over. Waiters hear of it
        // after the record is wiped (a process may exit on their answer).
        qCInfo(lcSession).noquote() << "refresh failed for good:" << error.id();
        becomeSignedOut(error);
        runAfterRefresh();
        return;
    }
    if (error.isHard()) {
        // TLS trouble, an insecure or broken endpoint, a malformed answer: nothing says the grant is
        // dead (a captive portal looks like this). Keep the session, report, do not retry blindly.
        setState(Session::State::SignedIn);
        const bool valid = !tokens.isExpired(now(), 0);
        answerWaiters(valid ? Result<QByteArray>(tokens.accessToken()) : Result<QByteArray>(error));
        Q_EMIT q->errorOccurred(error);
        runAfterRefresh();
        return;
    }
    // Transient: keep the tokens; callers get the current token while it is still valid.
    ++transientFailures;
    setState(Session::State::SignedIn);
    const bool stillValid = !tokens.isExpired(now(), 0);
    answerWaiters(stillValid ? Result<QByteArray>(tokens.accessToken()) : Result<QByteArray>(error));
    const int backoff = qMin(300, 1 << qMin(transientFailures, 8));
    const int wait = qMax(backoff, error.retryAfter());
    qCInfo(lcSession).noquote() << "refresh failed for now:" << error.id() << "retrying in" << wait << "s";
    retryTimer.setSingleShot(true);
    retryTimer.start(wait * 1000);
    if (explicitRequest || !stillValid)
        Q_EMIT q->errorOccurred(error);
    runAfterRefresh();
}

void SessionPrivate::scheduleProactiveRefresh()
{
    proactiveTimer.stop();
    if (!tokens.hasRefreshToken() || !tokens.expiresAt().isValid())
        return;
    const qint64 lifetime = now().secsTo(tokens.expiresAt());
    // Refresh at the margin, minus up to 10 % of the margin as jitter, so a fleet does not refresh in step.
    const int jitter = refreshMarginSeconds > 0 ? int(QRandomGenerator::global()->bounded(refreshMarginSeconds / 10 + 1)) : 0;
    // Never sooner than minProactiveIntervalSeconds: a provider issuing tokens that expire at once
    // (or within the margin) must not drive us into a refresh loop.
    const qint64 in = qMax<qint64>(minProactiveIntervalSeconds, lifetime - refreshMarginSeconds - jitter);
    proactiveTimer.setSingleShot(true);
    proactiveTimer.start(int(qMin<qint64>(in, 24 * 3600) * 1000));
}

void SessionPrivate::becomeSignedOut(const Error &reason)
{
    Q_Q(Session);
    proactiveTimer.stop();
    retryTimer.stop();
    ++refreshGeneration; // late replies are ignored
    refreshInFlight = false;
    tokens = TokenSet();
    dpopKey = Jose::DpopKey();
    setState(Session::State::SignedOut);
    Q_EMIT q->tokensChanged();
    // The record is gone before anybody hears of the sign-out (a process may exit right after).
    QPointer<Session> guard(q);
    wipeStored([this, guard, reason](const Result<void> &wiped) {
        if (!guard)
            return;
        if (!wiped) {
            qCWarning(lcStore).noquote() << "could not wipe the stored sign-in:" << wiped.error().id();
            Q_EMIT guard->storageFailed(wiped.error());
        }
        answerWaiters(reason);
        Q_EMIT guard->signedOut();
        Q_EMIT guard->errorOccurred(reason);
    });
}

void SessionPrivate::signOut(const SignOutOptions &options)
{
    Q_Q(Session);
    if (signingOut)
        return;
    const TokenSet old = tokens;
    if (flow)
        finishSignIn(Error(Error::Code::Cancelled));
    answerWaiters(Error(Error::Code::NotSignedIn));
    signingOut = true;
    // Local state goes first: whatever the network does, nothing of the session stays behind.
    proactiveTimer.stop();
    retryTimer.stop();
    ++refreshGeneration;
    refreshInFlight = false;
    tokens = TokenSet();
    dpopKey = Jose::DpopKey();
    Q_EMIT q->tokensChanged();

    auto steps = std::make_shared<std::function<void()>>();
    auto pending = std::make_shared<QList<QPair<QByteArray, QByteArray>>>();
    if (options.revokeTokens && old.isValid()) {
        if (old.hasRefreshToken())
            pending->append({old.refreshToken(), "refresh_token"});
        pending->append({old.accessToken(), "access_token"});
    }
    const bool endSession = options.endSession && !old.idToken().raw().isEmpty();
    const QByteArray idTokenHint = old.idToken().raw();
    // The steps refer to themselves weakly: only the callback in flight keeps them alive, so they
    // are freed when the sign-out ends (a strong self-reference would never be freed).
    *steps = [this, weakSteps = std::weak_ptr<std::function<void()>>(steps), pending, endSession, idTokenHint]() {
        Q_Q(Session);
        if (!pending->isEmpty() && metadata.revocationEndpoint().isValid() && !metadata.revocationEndpoint().isEmpty()) {
            const auto [token, hint] = pending->takeFirst();
            const auto request = TokenRequest::grant(config, metadata.revocationEndpoint(),
                                                     {{QStringLiteral("token"), QString::fromUtf8(token)},
                                                      {QStringLiteral("token_type_hint"), QString::fromLatin1(hint)}});
            transport->post(request.toNetworkRequest(), request.body(), q, [steps = weakSteps.lock()](const HttpResponse &reply) {
                if (reply.error.isError() || reply.status != 200)
                    qCInfo(lcSession) << "revocation answered" << reply.status;
                (*steps)();
            });
            return;
        }
        pending->clear();
        if (endSession && metadata.endSessionEndpoint().isValid() && !metadata.endSessionEndpoint().isEmpty()) {
            // RP-initiated logout: the browser visits end_session_endpoint; the provider sends it back
            // to our loopback listener with the state we chose.
            const QByteArray state = secureRandomToken(32);
            QUrl postLogout = config.postLogoutRedirectUri().isEmpty()
                ? QUrl(QStringLiteral("http://127.0.0.1/logout")) : config.postLogoutRedirectUri();
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("id_token_hint"), QString::fromLatin1(idTokenHint));
            query.addQueryItem(QStringLiteral("client_id"), config.clientId());
            query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(state));
            if (postLogout.scheme() == QLatin1String("http") && isLoopbackHost(postLogout.host())) {
                logoutListener = std::make_unique<LoopbackListener>();
                const auto bound = logoutListener->listen(postLogout);
                if (bound) {
                    query.addQueryItem(QStringLiteral("post_logout_redirect_uri"), bound->toString(QUrl::FullyEncoded));
                    logoutListener->setAcceptor([state](const QUrl &url) {
                        return constantTimeEquals(QUrlQuery(url).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8(), state);
                    });
                    QObject::connect(logoutListener.get(), &LoopbackListener::redirectReceived, q, [this] { finishSignOut(); });
                    logoutTimeout.setSingleShot(true);
                    QObject::disconnect(&logoutTimeout, nullptr, q, nullptr);
                    QObject::connect(&logoutTimeout, &QTimer::timeout, q, [this] { finishSignOut(); });
                    logoutTimeout.start(120 * 1000);
                }
            }
            QUrl url = metadata.endSessionEndpoint();
            QUrlQuery merged(url);
            for (const auto &item : query.queryItems(QUrl::FullyEncoded))
                merged.addQueryItem(item.first, item.second);
            url.setQuery(merged);
            if (!userAgent)
                userAgent = browserCommand.isEmpty() ? createSystemBrowserUserAgent() : createCommandUserAgent(browserCommand);
            if (auto opened = userAgent->open(url); !opened || !logoutListener)
                finishSignOut();
            return;
        }
        finishSignOut();
    };
    // Wipe the stored record first; then revoke and end the browser session.
    wipeStored([this, guard = QPointer<Session>(q), steps](const Result<void> &wiped) {
        if (!guard)
            return;
        if (!wiped)
            qCWarning(lcStore).noquote() << "could not wipe the stored sign-in:" << wiped.error().id();
        ensureMetadata([steps](const Result<ProviderMetadata> &) { (*steps)(); });
    });
}

void SessionPrivate::finishSignOut()
{
    Q_Q(Session);
    if (!signingOut)
        return;
    signingOut = false;
    logoutTimeout.stop();
    if (logoutListener)
        logoutListener.release()->deleteLater();
    setState(Session::State::SignedOut);
    qCInfo(lcSession) << "signed out";
    Q_EMIT q->signedOut();
}

// ----------------------------------------------------------------------------------------------

Session::Session(const ProviderConfig &config, QObject *parent)
    : QObject(parent)
    , d_ptr(std::make_unique<SessionPrivate>(this, config))
{
    qRegisterMetaType<Concierge::Error>();
    qRegisterMetaType<Concierge::TokenSet>();
    Q_D(Session);
    d->proactiveTimer.setSingleShot(true);
    connect(&d->proactiveTimer, &QTimer::timeout, this, [d] { d->startRefresh(false); });
    connect(&d->retryTimer, &QTimer::timeout, this, [d] {
        if (d->state == State::SignedIn)
            d->startRefresh(false);
    });
    d->autoLockTimer.setSingleShot(true);
    connect(&d->autoLockTimer, &QTimer::timeout, this, [this] { lock(); });
}

void Session::setRefreshMarginSeconds(int seconds)
{
    Q_D(Session);
    d->refreshMarginSeconds = qMax(0, seconds);
    if (isSignedIn())
        d->scheduleProactiveRefresh();
}

void Session::setProfile(const QString &profile)
{
    Q_D(Session);
    d->profile = profile;
}

void Session::setStorage(Storage storage, const QString &service)
{
    Q_D(Session);
    if (storage == Storage::Keychain)
        d->store = createKeychainCredentialStore(service);
    else
        d->store = std::make_shared<MemoryCredentialStore>();
    d->biometricUnlock.reset(); // it keeps its slot in the store
}

void Session::withFreshToken(QObject *context, TokenCallback callback)
{
    Q_D(Session);
    d->requestToken(context, std::move(callback), false);
}

QFuture<QByteArray> Session::freshToken()
{
    auto promise = std::make_shared<QPromise<QByteArray>>();
    QFuture<QByteArray> future = promise->future();
    promise->start();
    withFreshToken(this, [promise](const Result<QByteArray> &token) {
        if (token)
            promise->addResult(*token);
        else
            promise->setException(ErrorException(token.error()));
        promise->finish();
    });
    return future;
}

void Session::refresh()
{
    Q_D(Session);
    if (!isSignedIn()) {
        Q_EMIT errorOccurred(Error(Error::Code::NotSignedIn));
        return;
    }
    d->startRefresh(true);
}

void Session::signOut(const SignOutOptions &options)
{
    Q_D(Session);
    d->signOut(options);
}

void Session::restore(QObject *context, RestoreCallback callback)
{
    Q_D(Session);
    d->restoreStored(context ? context : this, std::move(callback)); // sessionlock.cpp
}

void Session::sendRequest(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body,
                          QObject *context, ReplyCallback callback)
{
    Q_D(Session);
    d->sendAuthorized(verb, request, body, context ? context : this, std::move(callback), false);
}

void SessionPrivate::sendAuthorized(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body,
                                    QPointer<QObject> context, Session::ReplyCallback callback, bool retried,
                                    bool nonceRetried)
{
    if (auto secure = checkEndpoint(request.url(), "request URL"); !secure) {
        const Error error = secure.error();
        if (context)
            QMetaObject::invokeMethod(context, [callback, error] { callback(error); }, Qt::QueuedConnection);
        return;
    }
    requestToken(context, [this, verb, request, body, context, callback, retried, nonceRetried](const Result<QByteArray> &token) {
        if (!token)
            return callback(token.error());
        QNetworkRequest authorized(request);
        const bool dpop = tokens.tokenType() == QLatin1String("DPoP");
        if (dpop && !addDpopProof(authorized, verb, *token))
            return callback(Error(Error::Code::InvalidArgument, QStringLiteral("no DPoP proof can be made for this request")));
        authorized.setRawHeader("Authorization", (dpop ? QByteArray("DPoP ") : QByteArray("Bearer ")) + *token);
        transport->send(verb, authorized, body, context,
                        [this, verb, request, body, context, callback, retried, nonceRetried, dpop](const HttpResponse &reply) {
            if (reply.error.isError())
                return callback(reply.error);
            if (dpop)
                rememberDpopNonce(request.url(), reply);
            const QByteArray challenge = reply.header("WWW-Authenticate");
            // RFC 9449 §9: a resource server nonce challenge is answered once, never in a loop.
            if (dpop && reply.status == 401 && !nonceRetried && Jose::isUseDpopNonceChallenge(challenge)
                && dpopNonces.contains(request.url().adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString())) {
                ++dpopNonceRetries;
                return sendAuthorized(verb, request, body, context, callback, retried, true);
            }
            if (reply.status == 401 && !retried && challenge.contains("invalid_token"))
                return sendAuthorized(verb, request, body, context, callback, true, nonceRetried); // refresh once, retry once
            HttpReply out;
            out.status = reply.status;
            out.body = reply.body;
            out.headers = reply.headers;
            callback(out);
        });
    }, retried);
}

bool SessionPrivate::addDpopProof(QNetworkRequest &request, const QByteArray &method, const QByteArray &accessToken)
{
    if (!dpopActive())
        return true;
    const QString origin = request.url().adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    const QByteArray proof = Jose::createDpopProof(dpopKey, method, request.url(), now().toSecsSinceEpoch(), accessToken,
                                                   dpopNonces.value(origin));
    if (proof.isEmpty())
        return false;
    request.setRawHeader("DPoP", proof);
    return true;
}

void SessionPrivate::rememberDpopNonce(const QUrl &url, const HttpResponse &reply)
{
    const QByteArray nonce = Jose::dpopNonceFromHeaders(reply.headers);
    if (!nonce.isEmpty())
        dpopNonces.insert(url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString(), nonce);
}

void SessionPrivate::postTokenRequest(const TokenRequest &request, std::function<void(const HttpResponse &)> done,
                                      bool nonceRetried)
{
    Q_Q(Session);
    QNetworkRequest network = request.toNetworkRequest();
    if (!addDpopProof(network, QByteArrayLiteral("POST")))
        return done(HttpResponse{0, {}, {}, Error(Error::Code::InvalidArgument, QStringLiteral("no DPoP proof for the token endpoint")), 0});
    const bool dpop = dpopActive();
    transport->post(network, request.body(), q, [this, request, done, nonceRetried, dpop](const HttpResponse &reply) {
        if (dpop) {
            rememberDpopNonce(request.endpoint(), reply);
            // RFC 9449 §8: the server wants a nonce in the proof; retry exactly once.
            if (!nonceRetried && reply.status == 400 && reply.body.contains("use_dpop_nonce")
                && !Jose::dpopNonceFromHeaders(reply.headers).isEmpty()) {
                ++dpopNonceRetries;
                return postTokenRequest(request, done, true);
            }
        }
        done(reply);
    });
}

Session::~Session() = default;

ProviderConfig Session::config() const
{
    Q_D(const Session);
    return d->config;
}

Session::State Session::state() const
{
    Q_D(const Session);
    return d->state;
}

bool Session::isSignedIn() const
{
    Q_D(const Session);
    return d->state == State::SignedIn || d->state == State::Refreshing;
}

TokenSet Session::tokens() const
{
    Q_D(const Session);
    return d->tokens;
}

ProviderMetadata Session::metadata() const
{
    Q_D(const Session);
    return d->metadata;
}

void Session::setBrowserCommand(const QStringList &command)
{
    Q_D(Session);
    d->browserCommand = command;
    d->userAgent.reset();
}

void Session::setFlowTimeoutSeconds(int seconds)
{
    Q_D(Session);
    d->flowTimeoutSeconds = qMax(1, seconds);
}

void Session::signIn(const SignInOptions &options)
{
    Q_D(Session);
    d->startSignIn(options);
}

void Session::cancel()
{
    Q_D(Session);
    d->finishSignIn(Error(Error::Code::Cancelled));
    if (d->unlocking && d->biometricUnlock)
        d->biometricUnlock->cancel();
}

bool Session::handleRedirect(const QUrl &url)
{
    Q_D(Session);
    if (!d->flow || !d->flow->waitingForRedirect || d->flow->listener)
        return false;
    const QUrl expected = d->flow->request.redirectUri();
    const QUrl got = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (got.scheme() != expected.scheme() || got.host() != expected.host() || got.path() != expected.path())
        return false;
    const QString state = QUrlQuery(url).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (!constantTimeEquals(state.toUtf8(), d->flow->request.state()))
        return false;
    d->onRedirect(url);
    return true;
}

void Session::fetchUserInfo(QObject *context, UserInfoCallback callback)
{
    Q_D(Session);
    QPointer<QObject> guard(context ? context : this);
    const auto fail = [guard, callback](const Error &error) {
        if (guard)
            QMetaObject::invokeMethod(guard, [callback, error] { callback(error); }, Qt::QueuedConnection);
    };
    if (!isSignedIn())
        return fail(Error(Error::Code::NotSignedIn));
    // After restore() the discovery document may not be loaded yet.
    d->ensureMetadata([this, d, guard, callback, fail](const Result<ProviderMetadata> &metadata) {
        if (!metadata)
            return fail(metadata.error());
        if (d->metadata.userinfoEndpoint().isEmpty())
            return fail(Error(Error::Code::InvalidConfiguration, QStringLiteral("the provider has no userinfo endpoint")));
        QNetworkRequest request(d->metadata.userinfoEndpoint());
        request.setRawHeader("Accept", "application/json");
        const QString subject = d->tokens.idToken().subject();
        d->sendAuthorized("GET", request, {}, guard, [callback, subject](const Result<HttpReply> &reply) {
            if (!reply)
                return callback(reply.error());
            if (reply->status == 401)
                return callback(Error(Error::Code::InvalidToken, QStringLiteral("userinfo refused the access token"), 401));
            if (reply->status >= 500)
                return callback(Error(Error::Code::ServerError, {}, reply->status));
            if (reply->status != 200)
                return callback(Error(Error::Code::HttpError, QStringLiteral("userinfo answered HTTP %1").arg(reply->status), reply->status));
            const auto doc = Json::parseObject(reply->body);
            if (!doc)
                return callback(Error(Error::Code::InvalidResponse, QStringLiteral("userinfo is not a JSON object")));
            const auto sub = Json::string(*doc, "sub");
            if (!sub || sub->isEmpty() || (!subject.isEmpty() && *sub != subject))
                return callback(Error(Error::Code::SubjectMismatch, QStringLiteral("userinfo sub differs from the ID token's")));
            callback(Json::toVariantMap(*doc));
        }, false);
    });
}

} // namespace Concierge
