// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/kioskpolicy.h>

#include "core/logging_p.h"
#include "kioskpolicy_p.h"
#include "platform/credentialstore_p.h"
#include "session_p.h"

namespace Concierge {

using namespace Internal;

/*!
  \class Concierge::KioskPolicy
  \inmodule Concierge
  \brief The rules of a shared terminal: memory-only tokens, sign-out on idle and on "Done".
*/

KioskPolicyPrivate::KioskPolicyPrivate(KioskPolicy *q, Session *s)
    : q_ptr(q)
    , session(s)
{
    monotonic.start();
}

bool KioskPolicyPrivate::storesInMemoryOnly() const
{
    if (!session)
        return true;
    return dynamic_cast<Internal::MemoryCredentialStore *>(SessionPrivate::get(session.data())->store.get()) != nullptr;
}

void KioskPolicyPrivate::setState(KioskPolicy::State s)
{
    Q_Q(KioskPolicy);
    if (state == s)
        return;
    state = s;
    Q_EMIT q->stateChanged(s);
}

void KioskPolicyPrivate::setSecondsLeft(int seconds)
{
    Q_Q(KioskPolicy);
    if (secondsLeft == seconds)
        return;
    secondsLeft = seconds;
    Q_EMIT q->secondsLeftChanged(seconds);
}

int KioskPolicyPrivate::computeSecondsLeft() const
{
    const qint64 leftMs = qint64(idleTimeoutSeconds) * 1000 - (nowMs() - lastActivityMs);
    return leftMs <= 0 ? 0 : int((leftMs + 999) / 1000); // rounded up: "1 s left" until it is over
}

void KioskPolicyPrivate::onSignedIn()
{
    Q_Q(KioskPolicy);
    if (!storesInMemoryOnly()) {
        // The tokens may already be in the other store; signing out wipes them from it.
        const Error error(Error::Code::InvalidConfiguration,
                          QStringLiteral("a kiosk keeps tokens in memory only; the session was signed out"));
        qCWarning(lcSession).noquote() << "kiosk policy:" << error.id() << "- persistent store refused";
        // The sign-out wipes the record from that store; then the session goes back to memory.
        switchToMemoryAfterSignOut = true;
        Q_EMIT q->storageRefused(error);
        beginSignOut(KioskPolicy::EndReason::Session);
        return;
    }
    lastActivityMs = nowMs();
    setState(KioskPolicy::State::Active);
    setSecondsLeft(computeSecondsLeft());
    ticker.start();
}

void KioskPolicyPrivate::evaluate()
{
    Q_Q(KioskPolicy);
    if (state != KioskPolicy::State::Active && state != KioskPolicy::State::Warning)
        return;
    const int left = computeSecondsLeft();
    setSecondsLeft(left);
    if (left <= 0)
        return beginSignOut(KioskPolicy::EndReason::Idle);
    if (left <= warningSeconds && state == KioskPolicy::State::Active) {
        setState(KioskPolicy::State::Warning);
        Q_EMIT q->warningStarted(left);
    } else if (left > warningSeconds && state == KioskPolicy::State::Warning) {
        setState(KioskPolicy::State::Active);
    }
}

void KioskPolicyPrivate::beginSignOut(KioskPolicy::EndReason reason)
{
    if (!session || state == KioskPolicy::State::SigningOut)
        return;
    ticker.stop();
    pendingReason = reason;
    setState(KioskPolicy::State::SigningOut);
    setSecondsLeft(0);
    qCInfo(lcSession) << "kiosk policy: signing out," << (reason == KioskPolicy::EndReason::Idle ? "idle" : "done");
    SignOutOptions options;
    options.revokeTokens = true;
    options.endSession = false; // a kiosk has no browser session of the shopper's to end
    session->signOut(options);
}

void KioskPolicyPrivate::onSignedOut()
{
    Q_Q(KioskPolicy);
    if (switchToMemoryAfterSignOut && session) {
        switchToMemoryAfterSignOut = false;
        session->setStorage(Session::Storage::Memory); // later sign-ins keep nothing
    }
    if (state == KioskPolicy::State::Inactive)
        return;
    ticker.stop();
    const auto reason = state == KioskPolicy::State::SigningOut ? pendingReason : KioskPolicy::EndReason::Session;
    pendingReason = KioskPolicy::EndReason::Session;
    setSecondsLeft(0);
    setState(KioskPolicy::State::Inactive);
    Q_EMIT q->ended(reason);
}

KioskPolicy::KioskPolicy(Session *session, QObject *parent)
    : QObject(parent)
    , d_ptr(std::make_unique<KioskPolicyPrivate>(this, session))
{
    Q_D(KioskPolicy);
    d->ticker.setInterval(250);
    connect(&d->ticker, &QTimer::timeout, this, [d] { d->evaluate(); });
    if (!session)
        return;
    session->setStorage(Session::Storage::Memory);
    connect(session, &Session::signedIn, this, [d] { d->onSignedIn(); });
    connect(session, &Session::signedOut, this, [d] { d->onSignedOut(); });
    if (session->isSignedIn())
        d->onSignedIn();
}

KioskPolicy::~KioskPolicy() = default;

Session *KioskPolicy::session() const
{
    Q_D(const KioskPolicy);
    return d->session.data();
}

KioskPolicy::State KioskPolicy::state() const
{
    Q_D(const KioskPolicy);
    return d->state;
}

int KioskPolicy::idleTimeoutSeconds() const
{
    Q_D(const KioskPolicy);
    return d->idleTimeoutSeconds;
}

void KioskPolicy::setIdleTimeoutSeconds(int seconds)
{
    Q_D(KioskPolicy);
    seconds = qMax(1, seconds);
    if (d->idleTimeoutSeconds == seconds)
        return;
    d->idleTimeoutSeconds = seconds;
    Q_EMIT idleTimeoutSecondsChanged(seconds);
    d->evaluate();
}

int KioskPolicy::warningSeconds() const
{
    Q_D(const KioskPolicy);
    return d->warningSeconds;
}

void KioskPolicy::setWarningSeconds(int seconds)
{
    Q_D(KioskPolicy);
    seconds = qMax(0, seconds);
    if (d->warningSeconds == seconds)
        return;
    d->warningSeconds = seconds;
    Q_EMIT warningSecondsChanged(seconds);
    d->evaluate();
}

int KioskPolicy::secondsLeft() const
{
    Q_D(const KioskPolicy);
    return d->secondsLeft;
}

void KioskPolicy::noteActivity()
{
    Q_D(KioskPolicy);
    if (d->state != State::Active && d->state != State::Warning)
        return;
    d->lastActivityMs = d->nowMs();
    d->evaluate();
}

void KioskPolicy::done()
{
    Q_D(KioskPolicy);
    if (d->state == State::Inactive || d->state == State::SigningOut)
        return;
    d->beginSignOut(EndReason::Done);
}

} // namespace Concierge
