// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Session::sendMagicLink() and completeWithCode(): passwordless sign-in by email.
//
// The flow is an ordinary sign-in flow (one at a time, one end, the same timeout) whose first step
// is not a browser but the provider's passwordless endpoint, fed with the authorization request's
// parameters (PKCE challenge, state, nonce, redirect). It then ends by whichever comes first: the
// link's redirect with a code (loopback listener or completeFromUrl(), redeemed with this flow's PKCE
// verifier), or completeWithCode() (the OTP grant, with the same verifier).
#include <concierge/passwordless.h>
#include <concierge/session.h>
#include <concierge/tokenresponse.h>

#include "core/logging_p.h"
#include "session_p.h"

namespace Concierge {

using namespace Internal;

void SessionPrivate::startPasswordless(const QString &email, const MagicLinkOptions &options)
{
    Q_Q(Session);
    if (!beginFlow(options.signIn))
        return;
    flow->passwordless = true;
    flow->email = email;
    flow->connection = options.connection;
    const quint64 id = flow->id;
    qCInfo(lcSession).noquote() << "passwordless sign-in started at" << config.issuer();
    cache->discovery(config, q, [this, id, options](const Result<ProviderMetadata> &result) {
        if (flow && flow->id == id)
            onPasswordlessDiscovery(result, options);
    });
}

void SessionPrivate::onPasswordlessDiscovery(const Result<ProviderMetadata> &result, const MagicLinkOptions &options)
{
    Q_Q(Session);
    if (!result)
        return finishSignIn(result.error());
    metadata = *result;
    dpopKey = Jose::DpopKey(); // the OTP grant has no DPoP binding: Bearer tokens for passwordless
    cache->jwks(metadata.jwksUri(), false, q, [](const Result<JsonWebKeySet> &) {});

    const bool link = options.send == MagicLinkOptions::Send::Link;
    if (auto ok = prepareAuthorization(link); !ok)
        return finishSignIn(ok.error());
    const auto start = PasswordlessRequest::create(config, flow->request, flow->email, options);
    if (!start)
        return finishSignIn(start.error());

    const quint64 id = flow->id;
    const QUrl endpoint = start->endpoint();
    const bool openBinding = link && options.openDeviceBinding;
    transport->post(start->toNetworkRequest(), start->body(), q, [this, id, endpoint, link, openBinding](const HttpResponse &reply) {
        Q_Q(Session);
        if (!flow || flow->id != id)
            return;
        if (reply.error.isError())
            return finishSignIn(reply.error);
        const auto started = PasswordlessStarted::fromReply(reply.status, reply.body, reply.retryAfterSeconds(), endpoint);
        if (!started)
            return finishSignIn(started.error());
        flow->awaitingCode = true;
        flow->waitingForRedirect = link;
        qCInfo(lcSession) << (link ? "magic link sent" : "email code sent");
        Q_EMIT q->magicLinkSent();
        if (!flow || flow->id != id || !openBinding || started->deviceBindingUri.isEmpty())
            return;
        // This browser becomes "the device that asked": the link opened in it completes here.
        ensureUserAgent();
        if (auto ok = userAgent->open(started->deviceBindingUri); !ok)
            finishSignIn(ok.error());
    });
}

void SessionPrivate::completeWithCode(const QString &code)
{
    Q_Q(Session);
    if (!flow || !flow->passwordless || !flow->awaitingCode) {
        Q_EMIT q->codeRejected(Error(Error::Code::NothingToComplete, QStringLiteral("no passwordless sign-in is waiting for a code")));
        return;
    }
    if (flow->codeInFlight) {
        Q_EMIT q->codeRejected(Error(Error::Code::Busy, QStringLiteral("a code is being checked")));
        return;
    }
    if (code.isEmpty()) {
        Q_EMIT q->codeRejected(Error(Error::Code::InvalidArgument, QStringLiteral("the code is empty")));
        return;
    }
    flow->codeInFlight = true;
    const quint64 id = flow->id;
    const auto request = PasswordlessRequest::otpTokenRequest(config, metadata, flow->request, flow->email, code,
                                                              flow->connection);
    timings.tokenRequestSent = monotonic.nsecsElapsed();
    postTokenRequest(request, [this, id](const HttpResponse &reply) {
        Q_Q(Session);
        if (!flow || flow->id != id)
            return;
        flow->codeInFlight = false;
        if (reply.error.isError()) {
            // The network failed: the code may still be good; the app may try again.
            if (reply.error.isTransient())
                return Q_EMIT q->codeRejected(reply.error);
            return finishSignIn(reply.error);
        }
        if (reply.status == 200)
            return onTokenReply(reply); // validated like any code exchange (nonce included)
        const auto response = TokenResponse::fromReply(reply.status, reply.body, reply.retryAfterSeconds());
        const Error error = classifyOtpError(response ? Error(Error::Code::InvalidResponse) : response.error());
        qCInfo(lcSession).noquote() << "code not accepted:" << error.id();
        if (error.code() == Error::Code::OtpRejected || error.isTransient())
            return Q_EMIT q->codeRejected(error);
        finishSignIn(error);
    });
}

/*! Starts a passwordless sign-in for \a email with \a options. */
void Session::sendMagicLink(const QString &email, const MagicLinkOptions &options)
{
    Q_D(Session);
    d->startPasswordless(email, options);
}

/*! Redeems \a code for the waiting passwordless sign-in. */
void Session::completeWithCode(const QString &code)
{
    Q_D(Session);
    d->completeWithCode(code);
}

} // namespace Concierge
