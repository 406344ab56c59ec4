// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>
#include <concierge/error.h>

#include <QtCore/QDateTime>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <memory>

namespace Concierge {

class Session;
class DeviceSignInPrivate;

/*!
  A sign-in with the OAuth 2.0 Device Authorization Grant (RFC 8628), for devices without a usable
  browser (kiosks, TVs, terminals): start() asks the provider for a user code, the app shows
  userCode and verificationUri (or a QR code of verificationUriComplete), the person approves on
  their phone, and the token endpoint is polled until they do. The ID token is validated like the
  browser flow's (without nonce) and the tokens go to the Session, which then is an ordinary
  signed-in Session (Session::signedIn() is emitted, tokens are stored and refreshed as usual).

  Every start() ends exactly once with finished(): an Error whose code is None after signing in
  (Session::signedIn() has then already been emitted), or the reason it failed: access_denied,
  expired_token (the codes ran out; also when the provider's expires_in passes without approval),
  cancelled, or any other Error. A start() while a run is in progress, or while the Session has
  another sign-in in progress, ends at once with busy and does not disturb the running one.
*/
class CONCIERGE_EXPORT DeviceSignIn : public QObject
{
    Q_OBJECT
    //! Where the run is; see State.
    Q_PROPERTY(Concierge::DeviceSignIn::State state READ state NOTIFY stateChanged)
    //! The code the person enters at verificationUri (empty before the provider answered).
    Q_PROPERTY(QString userCode READ userCode NOTIFY verificationChanged)
    //! Where the person enters userCode.
    Q_PROPERTY(QUrl verificationUri READ verificationUri NOTIFY verificationChanged)
    //! verificationUri with the code in it, for a QR code; empty when the provider sends none.
    Q_PROPERTY(QUrl verificationUriComplete READ verificationUriComplete NOTIFY verificationChanged)
    //! When the codes expire.
    Q_PROPERTY(QDateTime expiresAt READ expiresAt NOTIFY verificationChanged)
    //! Whole seconds until the codes expire, updated every second while running.
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    //! The current wait between polls, seconds.
    Q_PROPERTY(int pollInterval READ pollInterval NOTIFY pollIntervalChanged)
    //! Why the last run ended (None after a sign-in).
    Q_PROPERTY(Concierge::Error error READ error NOTIFY finished)
public:
    //! The stages of a run. A run goes Idle, WaitingForUser, Polling, then ends in SignedIn, Failed
    //! or Cancelled; start() begins a new run from any ended state.
    enum class State {
        Idle,           //!< not started
        WaitingForUser, //!< codes requested or shown; the first poll is not sent yet
        Polling,        //!< polling the token endpoint until the person approves
        SignedIn,       //!< done: the Session is signed in
        Failed,         //!< done: see error()
        Cancelled       //!< done: cancel() was called
    };
    Q_ENUM(State)

    //! A device sign-in for \a session, which must outlive it (or the run ends with cancelled).
    explicit DeviceSignIn(Session *session, QObject *parent = nullptr);
    ~DeviceSignIn() override;

    //! The session the sign-in goes to.
    Session *session() const;
    //! Scopes to request; empty (the default) means the Session's ProviderConfig::scopes().
    void setScopes(const QStringList &scopes);
    //! The scopes set with setScopes() (empty: the session's).
    QStringList scopes() const;

    //! The current state; see State.
    State state() const;
    //! True while a run is in progress (WaitingForUser or Polling).
    bool isRunning() const { return state() == State::WaitingForUser || state() == State::Polling; }
    //! The code the person enters; empty before the provider answered.
    QString userCode() const;
    //! Where the person enters userCode().
    QUrl verificationUri() const;
    //! Empty when the provider does not offer one; verificationUri() and userCode() then.
    QUrl verificationUriComplete() const;
    //! When the codes expire; invalid before the provider answered.
    QDateTime expiresAt() const;
    //! Whole seconds until the codes expire; 0 once expired or before a run.
    int secondsLeft() const;
    //! The current wait between polls, seconds (the server's interval, plus 5 s per slow_down).
    int pollInterval() const;
    //! Why the last run ended (None after a sign-in, or before any run ended).
    Error error() const;
    //! Token requests sent in the current (or last) run.
    int pollCount() const;

public Q_SLOTS:
    //! Starts a run: device authorization request, then polling. Ends with finished().
    void start();
    //! Ends a run in progress with Error::Code::Cancelled. Does nothing when no run is in progress.
    void cancel();

Q_SIGNALS:
    //! The state changed to \a state.
    void stateChanged(Concierge::DeviceSignIn::State state);
    //! userCode, verificationUri, verificationUriComplete and expiresAt are known (or reset).
    void verificationChanged();
    //! The countdown changed: \a seconds left until the codes expire.
    void secondsLeftChanged(int seconds);
    //! The wait between polls changed to \a seconds (after a \c slow_down).
    void pollIntervalChanged(int seconds);
    //! The run ended: \a error is None after a sign-in.
    void finished(const Concierge::Error &error);

private:
    std::unique_ptr<DeviceSignInPrivate> d_ptr;
    Q_DECLARE_PRIVATE(DeviceSignIn)
};

} // namespace Concierge
