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
#include <QtCore/QUrlQuery>

namespace Concierge {

using namespace Internal;

/*!
  \class Concierge::Session
  \inmodule Concierge
  \since 0.1
  \brief A person's sign-in with one OpenID Provider.

  \snippet docs/snippets/signin.cpp signin
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
    if (flow) {
        Q_EMIT q->errorOccurred(Error(Error::Code::Busy, QStringLiteral("a sign-in is already in progress")));
        return;
    }
    if (auto ok = config.validate(); !ok) {
        Q_EMIT q->errorOccurred(ok.error());
        return;
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

    qCInfo(lcSession).noquote() << "sign-in started at" << config.issuer();
    cache->discovery(config, q, [this, id](const Result<ProviderMetadata> &result) {
        if (flow && flow->id == id)
            onDiscovery(result);
    });
}

void SessionPrivate::onDiscovery(const Result<ProviderMetadata> &result)
{
    Q_Q(Session);
    if (!result)
        return finishSignIn(result.error());
    metadata = *result;
    const quint64 id = flow->id;

    // Fetch the keys while the person is in the browser, so the redirect is not kept waiting.
    cache->jwks(metadata.jwksUri(), false, q, [](const Result<JsonWebKeySet> &) {});

    QUrl redirectUri = config.redirectUri();
    if (config.isLoopbackRedirect()) {
        flow->listener = std::make_unique<LoopbackListener>();
        auto bound = flow->listener->listen(config.redirectUri());
        if (!bound)
            return finishSignIn(bound.error());
        redirectUri = *bound;
        QObject::connect(flow->listener.get(), &LoopbackListener::redirectReceived, q, [this, id](const QUrl &url) {
            if (flow && flow->id == id)
                onRedirect(url);
        });
    }

    auto request = AuthorizationRequest::create(config, metadata, redirectUri, flow->options);
    if (!request)
        return finishSignIn(request.error());
    flow->request = *request;
    if (flow->listener) {
        const QByteArray state = flow->request.state();
        flow->listener->setAcceptor([state](const QUrl &url) {
            const QString got = QUrlQuery(url).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
            return constantTimeEquals(got.toUtf8(), state);
        });
    }

    if (!userAgent)
        userAgent = browserCommand.isEmpty() ? createSystemBrowserUserAgent() : createCommandUserAgent(browserCommand);
    QObject::disconnect(userAgent.get(), nullptr, q, nullptr);
    QObject::connect(userAgent.get(), &UserAgent::failed, q, [this, id](const Error &error) {
        if (flow && flow->id == id && flow->waitingForRedirect)
            finishSignIn(error);
    });

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
    transport->post(par.toNetworkRequest(), par.body(), q, [this, id, open](const HttpResponse &reply) {
        if (!flow || flow->id != id)
            return;
        if (reply.error.isError())
            return finishSignIn(reply.error);
        const auto doc = Json::parseObject(reply.body);
        if (reply.status != 201 && reply.status != 200) {
            const QString err = doc ? Json::stringOr(*doc, "error") : QString();
            if (reply.status >= 500)
                return finishSignIn(Error(Error::Code::ServerError, {}, reply.status, err));
            return finishSignIn(err.isEmpty() ? Error(Error::Code::HttpError, {}, reply.status)
                                              : Error::fromOAuth(err, Json::stringOr(*doc, "error_description"), reply.status));
        }
        const QString requestUri = doc ? Json::stringOr(*doc, "request_uri") : QString();
        if (requestUri.isEmpty())
            return finishSignIn(Error(Error::Code::InvalidResponse, QStringLiteral("PAR response without request_uri")));
        open(flow->request.urlForRequestUri(requestUri));
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
    transport->post(request.toNetworkRequest(), request.body(), q, [this, id](const HttpResponse &reply) {
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
    if (response->idToken().isEmpty()) {
        if (flow->request.isOpenIdRequest())
            return finishSignIn(Error(Error::Code::IdTokenMissing, QStringLiteral("no id_token for an openid request")));
        TokenSet set;
        set.setAccessToken(response->accessToken());
        set.setRefreshToken(response->refreshToken());
        set.setTokenType(response->tokenType());
        set.setScopes(response->hasScope() ? response->scopes() : flow->request.scopes());
        set.setIssuedAt(now());
        if (response->expiresIn() >= 0)
            set.setExpiresAt(now().addSecs(response->expiresIn()));
        return finishSignIn(set);
    }
    validateAndFinish(*response, false);
}

void SessionPrivate::validateAndFinish(const TokenResponse &response, bool jwksRefetched)
{
    Q_Q(Session);
    const quint64 id = flow->id;
    const bool force = jwksRefetched; // second round: the forced refetch was requested
    cache->jwks(metadata.jwksUri(), force, q, [this, id, response, jwksRefetched](const Result<JsonWebKeySet> &jwks) {
        if (!flow || flow->id != id)
            return;
        if (!jwks)
            return finishSignIn(jwks.error());
        IdTokenExpectations expect;
        expect.issuer = config.issuer();
        expect.clientId = config.clientId();
        expect.trustedAudiences = config.trustedAudiences();
        expect.nonce = QString::fromLatin1(flow->request.nonce());
        expect.allowedAlgorithms = metadata.idTokenSigningAlgValuesSupported();
        expect.accessToken = response.accessToken();
        expect.now = now().toSecsSinceEpoch();
        expect.clockSkewSeconds = config.clockSkewSeconds();
        expect.maxAgeSeconds = flow->request.maxAge();
        auto idToken = validateIdToken(response.idToken(), *jwks, expect);
        if (!idToken && idToken.error().code() == Error::Code::IdTokenKeyNotFound && !jwksRefetched
            && cache->canForceJwksRefresh(metadata.jwksUri())) {
            // The provider may have rotated its keys: one refetch, then a final verdict.
            return validateAndFinish(response, true);
        }
        if (!idToken)
            return finishSignIn(idToken.error());
        TokenSet set;
        set.setAccessToken(response.accessToken());
        set.setRefreshToken(response.refreshToken());
        set.setTokenType(response.tokenType());
        set.setScopes(response.hasScope() ? response.scopes() : flow->request.scopes());
        set.setIssuedAt(now());
        if (response.expiresIn() >= 0)
            set.setExpiresAt(now().addSecs(response.expiresIn()));
        set.setIdToken(*idToken);
        finishSignIn(set);
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
        tokens = *result;
        timings.signedIn = monotonic.nsecsElapsed();
        qCInfo(lcSession) << "signed in";
        setState(Session::State::SignedIn);
        Q_EMIT q->tokensChanged();
        Q_EMIT q->signedIn();
    } else {
        qCInfo(lcSession).noquote() << "sign-in failed:" << result.error().id();
        setState(done->previousState);
        Q_EMIT q->errorOccurred(result.error());
    }
    // Listener sockets may still be flushing the "return to the app" page: delete later.
    if (done->listener)
        done->listener.release()->deleteLater();
}

Session::Session(const ProviderConfig &config, QObject *parent)
    : QObject(parent)
    , d_ptr(std::make_unique<SessionPrivate>(this, config))
{
    qRegisterMetaType<Concierge::Error>();
    qRegisterMetaType<Concierge::TokenSet>();
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
    const auto fail = [context, callback](const Error &error) {
        QMetaObject::invokeMethod(context ? context : QCoreApplication::instance(),
                                  [callback, error] { callback(error); }, Qt::QueuedConnection);
    };
    if (!isSignedIn())
        return fail(Error(Error::Code::NotSignedIn));
    if (d->metadata.userinfoEndpoint().isEmpty())
        return fail(Error(Error::Code::InvalidConfiguration, QStringLiteral("the provider has no userinfo endpoint")));
    QNetworkRequest request(d->metadata.userinfoEndpoint());
    request.setRawHeader("Authorization", "Bearer " + d->tokens.accessToken());
    const QString subject = d->tokens.idToken().subject();
    d->transport->get(request, context, [callback, subject](const HttpResponse &reply) {
        if (reply.error.isError())
            return callback(reply.error);
        if (reply.status == 401) {
            return callback(Error(Error::Code::InvalidToken, QStringLiteral("userinfo refused the access token"), 401));
        }
        if (reply.status >= 500)
            return callback(Error(Error::Code::ServerError, {}, reply.status));
        if (reply.status != 200)
            return callback(Error(Error::Code::HttpError, QStringLiteral("userinfo answered HTTP %1").arg(reply.status), reply.status));
        const auto doc = Json::parseObject(reply.body);
        if (!doc)
            return callback(Error(Error::Code::InvalidResponse, QStringLiteral("userinfo is not a JSON object")));
        const auto sub = Json::string(*doc, "sub");
        if (!sub || sub->isEmpty() || (!subject.isEmpty() && *sub != subject))
            return callback(Error(Error::Code::SubjectMismatch, QStringLiteral("userinfo sub differs from the ID token's")));
        callback(Json::toVariantMap(*doc));
    });
}

} // namespace Concierge
