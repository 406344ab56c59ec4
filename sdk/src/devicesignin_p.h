// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/deviceauthorization.h>
#include <concierge/devicesignin.h>
#include <concierge/session.h>
#include <concierge/tokenresponse.h>
#include <concierge/tokenset.h>

#include "net/transport_p.h"
#include "session_p.h"

#include <QtCore/QPointer>
#include <QtCore/QTimer>

namespace Concierge {

/*!
  \internal
  One device sign-in's state. Each run has an id; replies and timers of an older run are ignored,
  and every run ends in finish() exactly once.
*/
class DeviceSignInPrivate
{
    Q_DECLARE_PUBLIC(DeviceSignIn)
public:
    explicit DeviceSignInPrivate(DeviceSignIn *q, Session *s) : q_ptr(q), session(s) {}
    static DeviceSignInPrivate *get(DeviceSignIn *signIn) { return signIn->d_func(); }

    SessionPrivate *sp() const { return SessionPrivate::get(session.data()); }
    QDateTime now() const { return session ? sp()->now() : QDateTime::currentDateTimeUtc(); }
    bool current(quint64 id) const { return id == run && running() && session; }
    bool running() const
    {
        return state == DeviceSignIn::State::WaitingForUser || state == DeviceSignIn::State::Polling;
    }
    QStringList requestedScopes() const { return scopes.isEmpty() && session ? session->config().scopes() : scopes; }

    void setState(DeviceSignIn::State s);
    void begin(quint64 id);
    void requestCodes(quint64 id);
    void onCodes(quint64 id, const Internal::HttpResponse &reply);
    void scheduleNextPoll();
    void poll(quint64 id);
    void onPollReply(quint64 id, const Internal::HttpResponse &reply);
    void complete(quint64 id, const TokenSet &tokens);
    void finish(const Error &error);
    void updateSecondsLeft();

    DeviceSignIn *q_ptr;
    QPointer<Session> session;
    QStringList scopes;
    DeviceSignIn::State state = DeviceSignIn::State::Idle;
    DeviceAuthorizationResponse codes;
    DevicePollPolicy policy;
    QDateTime expiresAt;
    Error error;
    quint64 run = 0;
    int polls = 0;
    int lastSecondsLeft = 0;
    int lastInterval = 0;
    //! Test seam: timers wait delay / timeScale (pair it with a session clock running that much faster).
    double timeScale = 1.0;
    QTimer pollTimer;
    QTimer ticker;
    QMetaObject::Connection signedInConnection;
    QMetaObject::Connection destroyedConnection;
    const Session *registered = nullptr; //!< the key in activeSessions() while running
};

} // namespace Concierge
