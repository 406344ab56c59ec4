// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>
#include <concierge/error.h>

#include <QtCore/QObject>

#include <memory>

namespace Concierge {

class Session;
class KioskPolicyPrivate;

/*!
  The rules of a shared terminal (an in-store kiosk) for one Session: nothing of a shopper stays
  behind. The policy
  \list
  \li keeps the tokens in memory only: it sets Session::Storage::Memory on construction, and a
      Session found with another store when it signs in is signed out at once (storageRefused());
  \li signs the shopper out after idleTimeoutSeconds() without activity, after a warning phase of
      warningSeconds() in which secondsLeft() counts down (state() is Warning);
  \li signs out at once on done() (the shopper's "Done" button).
  \endlist
  Every sign-out it starts revokes the tokens at the provider (RFC 7009) and ends with ended().
  The app reports activity (a touch, a key, a scan) with noteActivity(); a warning phase then ends.
*/
class CONCIERGE_EXPORT KioskPolicy : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Concierge::KioskPolicy::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int idleTimeoutSeconds READ idleTimeoutSeconds WRITE setIdleTimeoutSeconds NOTIFY idleTimeoutSecondsChanged)
    Q_PROPERTY(int warningSeconds READ warningSeconds WRITE setWarningSeconds NOTIFY warningSecondsChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
public:
    //! Where the shopper's visit is.
    enum class State {
        Inactive,  //!< nobody is signed in
        Active,    //!< a shopper is signed in and was active recently
        Warning,   //!< idle: the sign-out comes in secondsLeft() unless noteActivity() is called
        SigningOut //!< the sign-out (with revocation) is in progress
    };
    Q_ENUM(State)

    //! Why a visit ended.
    enum class EndReason {
        Idle,   //!< no activity for idleTimeoutSeconds()
        Done,   //!< done() was called
        Session //!< the Session signed out on its own (or through someone else's signOut())
    };
    Q_ENUM(EndReason)

    //! Applies the policy to \a session (which must outlive it) and switches it to memory storage.
    explicit KioskPolicy(Session *session, QObject *parent = nullptr);
    //! Stops watching; a visit in progress is not signed out (the Session goes on).
    ~KioskPolicy() override;

    //! The Session the policy applies to (null once it is destroyed).
    Session *session() const;
    //! Where the current visit is.
    State state() const;

    //! Seconds without activity after which the shopper is signed out (default 60, at least 1).
    int idleTimeoutSeconds() const;
    //! Applies at once to a visit in progress (a shorter timeout may start the warning or the sign-out).
    void setIdleTimeoutSeconds(int seconds);
    //! The last seconds of idleTimeoutSeconds() shown as a warning (default 15, 0 for none).
    int warningSeconds() const;
    //! Applies at once to a visit in progress.
    void setWarningSeconds(int seconds);
    //! Seconds until the idle sign-out; 0 when nobody is signed in.
    int secondsLeft() const;

public Q_SLOTS:
    //! The shopper did something: restarts the idle time and ends a warning phase.
    void noteActivity();
    //! Signs out now, revoking the tokens. Ends with ended(EndReason::Done); nothing when signed out.
    void done();

Q_SIGNALS:
    //! state() changed to \a state.
    void stateChanged(Concierge::KioskPolicy::State state);
    //! idleTimeoutSeconds() changed.
    void idleTimeoutSecondsChanged(int seconds);
    //! warningSeconds() changed.
    void warningSecondsChanged(int seconds);
    //! secondsLeft() changed (about once a second while a shopper is signed in).
    void secondsLeftChanged(int seconds);
    //! The warning phase began: the sign-out comes in \a secondsLeft seconds.
    void warningStarted(int secondsLeft);
    //! A visit ended: the Session is signed out (and, for Idle and Done, the tokens were revoked).
    void ended(Concierge::KioskPolicy::EndReason reason);
    //! The Session was signed in with a store that keeps tokens; it was signed out at once.
    void storageRefused(const Concierge::Error &error);

private:
    std::unique_ptr<KioskPolicyPrivate> d_ptr;
    Q_DECLARE_PRIVATE(KioskPolicy)
};

} // namespace Concierge
