// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/kioskpolicy.h>
#include <concierge/session.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <functional>

namespace Concierge {

/*!
  \internal
  The policy's state. The idle time is measured on a monotonic clock (milliseconds), replaceable
  in tests; evaluate() applies the rules at the clock's current time and is what the ticker calls.
*/
class KioskPolicyPrivate
{
    Q_DECLARE_PUBLIC(KioskPolicy)
public:
    KioskPolicyPrivate(KioskPolicy *q, Session *session);
    static KioskPolicyPrivate *get(KioskPolicy *policy) { return policy->d_func(); }

    qint64 nowMs() const { return clock ? clock() : monotonic.elapsed(); }
    //! Applies the idle rules now: Active -> Warning -> sign-out.
    void evaluate();
    void onSignedIn();
    void onSignedOut();
    void beginSignOut(KioskPolicy::EndReason reason);
    void setState(KioskPolicy::State state);
    void setSecondsLeft(int seconds);
    int computeSecondsLeft() const;
    //! True when the session keeps its tokens in memory only.
    bool storesInMemoryOnly() const;

    KioskPolicy *q_ptr;
    QPointer<Session> session;
    KioskPolicy::State state = KioskPolicy::State::Inactive;
    KioskPolicy::EndReason pendingReason = KioskPolicy::EndReason::Session;
    int idleTimeoutSeconds = 60;
    int warningSeconds = 15;
    int secondsLeft = 0;
    bool switchToMemoryAfterSignOut = false;
    qint64 lastActivityMs = 0;
    QElapsedTimer monotonic;
    //! Test seam: a fake monotonic clock in milliseconds.
    std::function<qint64()> clock;
    QTimer ticker; //!< runs while a shopper is signed in
};

} // namespace Concierge
