// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/authorizationrequest.h>
#include <concierge/concierge_export.h>
#include <concierge/error.h>
#include <concierge/passwordless.h>
#include <concierge/providerconfig.h>
#include <concierge/providermetadata.h>
#include <concierge/result.h>
#include <concierge/socialprovider.h>
#include <concierge/tokenset.h>

#include <QtCore/QException>
#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>
#include <QtNetwork/QNetworkRequest>

#include <functional>
#include <memory>

namespace Concierge {

class SessionPrivate;

//! The exception a QFuture from Session::freshToken() carries when it fails.
class CONCIERGE_EXPORT ErrorException : public QException
{
public:
    explicit ErrorException(const Error &error) : m_error(error) {}
    Error error() const { return m_error; }
    void raise() const override { throw *this; }
    ErrorException *clone() const override { return new ErrorException(*this); }

private:
    Error m_error;
};

//! How signOut() ends the sign-in.
struct CONCIERGE_EXPORT SignOutOptions
{
    //! Revoke the refresh and access tokens at the provider (RFC 7009) when it has a revocation endpoint.
    bool revokeTokens = true;
    //! Also end the provider's browser session (RP-initiated logout) through the browser.
    bool endSession = false;
};

//! An HTTP answer to an authorized request.
struct CONCIERGE_EXPORT HttpReply
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

/*!
  A person's sign-in with one provider: the only object in the SDK with mutable auth state.
  Every operation ends exactly once: signIn() with either signedIn() or errorOccurred(), refresh()
  with refreshed() or errorOccurred(), signOut() with signedOut(); calls taking a callback invoke it
  exactly once (unless its context object is destroyed first). When a refresh fails in a way that
  ends the session (invalid_grant, a refreshed ID token for another subject, a forged ID token), the
  stored record is wiped first, then signedOut() and errorOccurred() are emitted, in that order.
  A store that cannot be written does not fail the operation: storageFailed() reports it.

  Stored tokens are sealed (AES-256-GCM) under a random data key kept apart from the record: in the
  keychain, or, with biometric unlock, in a slot the OS (or on Linux, fprintd as a gate) releases
  only after a biometric check. A biometric-protected session restores to State::Locked without a
  prompt; unlock() asks for the biometric and ends with unlocked() or errorOccurred(). See
  docs/guides/biometric-unlock.md and docs/security.md.
*/
class CONCIERGE_EXPORT Session : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Concierge::Session::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
    Q_PROPERTY(Concierge::TokenSet tokens READ tokens NOTIFY tokensChanged)
    Q_PROPERTY(bool biometricUnlockEnabled READ isBiometricUnlockEnabled NOTIFY biometricUnlockEnabledChanged)
public:
    enum class State { SignedOut, Authorizing, SignedIn, Refreshing, Locked };
    Q_ENUM(State)
    //! Where the tokens are kept between runs.
    enum class Storage {
        Memory,   //!< this process only: kiosks and shared terminals keep nothing
        Keychain  //!< the platform keychain (Secret Service, Apple Keychain, Credential Manager, Android keystore)
    };
    Q_ENUM(Storage)
    //! Whether this device can do biometric unlock for the current user.
    enum class BiometricAvailability {
        None,        //!< no sensor, no biometric service, or the platform has no backend
        NotEnrolled, //!< a sensor, but the user has enrolled no finger or face
        Available    //!< enableBiometricUnlock() can succeed
    };
    Q_ENUM(BiometricAvailability)

    explicit Session(const ProviderConfig &config, QObject *parent = nullptr);
    ~Session() override;

    ProviderConfig config() const;
    State state() const;
    bool isSignedIn() const;
    TokenSet tokens() const;
    //! The provider's discovery document once fetched (invalid before).
    ProviderMetadata metadata() const;

    /*!
      Opens the authorization URL with \a command (program and arguments; the URL is appended as the
      last argument) instead of the system browser. An empty list restores the system browser.
    */
    void setBrowserCommand(const QStringList &command);
    //! How long a browser sign-in may take before it ends with Error::Code::Timeout (default 600 s).
    void setFlowTimeoutSeconds(int seconds);

    //! Hands a redirect received by the app (custom scheme, claimed https link) to the pending sign-in.
    //! Returns false when no sign-in is waiting or the URL is not for it.
    bool handleRedirect(const QUrl &url);

    //! Refresh this long before the access token expires (default 60 s, plus up to 10 % jitter).
    void setRefreshMarginSeconds(int seconds);
    //! Names the stored record, so one app can keep several sign-ins (default "default").
    void setProfile(const QString &profile);
    //! Chooses the store (default Memory). \a service names the keychain items' service.
    void setStorage(Storage storage, const QString &service = QStringLiteral("concierge"));

    using TokenCallback = std::function<void(const Result<QByteArray> &accessToken)>;
    /*!
      Hands a valid access token to \a callback. When the token is expired or about to expire, ONE
      refresh request serves every caller waiting at that moment, however many.
    */
    void withFreshToken(QObject *context, TokenCallback callback);

    /*!
      The QFuture twin of withFreshToken(): the access token, or an ErrorException. Shares the one
      refresh in flight with every other caller.
    */
    QFuture<QByteArray> freshToken();

    using RestoreCallback = std::function<void(const Result<bool> &restored)>;
    /*!
      Loads the stored sign-in, if any: signed in without a browser. false when nothing was stored.
      A sign-in kept with biometric unlock restores to State::Locked (true, no prompt): call
      unlock(). A damaged, truncated or foreign record, or one sealed under another key, is wiped and
      ends with Error::Code::StoreCorrupt; the session stays SignedOut.
    */
    void restore(QObject *context, RestoreCallback callback);

    //! Asks the platform whether biometric unlock can be used (never prompts; on Linux a few
    //! synchronous calls to fprintd over the system bus).
    BiometricAvailability biometricAvailability();
    //! Whether the stored sign-in's data key is in the biometric-protected slot.
    bool isBiometricUnlockEnabled() const;
    using CompletionCallback = std::function<void(const Result<void> &)>;
    /*!
      Moves the data key of the signed-in session into the biometric-protected slot (a new data key;
      the tokens are sealed again under it; the keychain copy is deleted). \a callback is invoked
      exactly once: with biometric_unavailable when biometricAvailability() is not Available,
      not_signed_in when there is nothing to protect, or the store's or the platform's error.
    */
    void enableBiometricUnlock(QObject *context, CompletionCallback callback);
    //! The reverse: a new data key in the keychain, the biometric slot deleted. Needs a signed-in session.
    void disableBiometricUnlock(QObject *context, CompletionCallback callback);
    /*!
      Locks the session after \a seconds without noteActivity() (0, the default, never). Only a
      session with biometric unlock enabled is locked. Token refreshes are not activity.
    */
    void setAutoLockSeconds(int seconds);
    int autoLockSeconds() const;

    using ReplyCallback = std::function<void(const Result<HttpReply> &)>;
    /*!
      Sends \a request with the access token attached (as a DPoP-bound token with its proof when the
      session uses DPoP). On 401 with \c invalid_token the token is refreshed once and the request
      retried once; a DPoP \c use_dpop_nonce challenge is answered once. The URL must be https (or
      http on loopback): a token is never sent in the clear (Error::Code::InsecureEndpoint).
    */
    void sendRequest(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body,
                     QObject *context, ReplyCallback callback);

    using UserInfoCallback = std::function<void(const Result<QVariantMap> &)>;
    //! Fetches the UserInfo claims; their \c sub must equal the ID token's.
    void fetchUserInfo(QObject *context, UserInfoCallback callback);

    // --- social and passwordless sign-in (sessionsocial.cpp, sessionpasswordless.cpp) ---
    /*!
      Signs in through \a provider: with a broker hint, a browser sign-in at this Session's provider
      carrying the hint; with a direct provider (Session made from SocialProvider::config()), a
      browser sign-in with its scopes. Ends like signIn(): signedIn() or errorOccurred() (an unusable
      provider ends at once with invalid_argument or invalid_configuration).
    */
    void signInWith(const Concierge::SocialProvider &provider, const Concierge::SignInOptions &options = {});
    /*!
      Starts a passwordless sign-in for \a email (passed verbatim): a fresh authorization request
      (PKCE, state, nonce, redirect) is sent to the provider's passwordless endpoint, which mails a
      link or a code. The sign-in then ends exactly once, like signIn(), with signedIn() or
      errorOccurred(): by the link's redirect (loopback listener, or completeFromUrl() for an app
      redirect URI), or by completeWithCode(). magicLinkSent() reports that the provider accepted it;
      a refusal (rate_limited with retryAfter(), invalid_request, ...) ends it with errorOccurred().
    */
    void sendMagicLink(const QString &email, const Concierge::MagicLinkOptions &options = {});
    /*!
      Hands a redirect that carries the result of a magic link (a deep link or claimed https link) to
      the waiting sign-in. The same as handleRedirect(); false when no sign-in waits for it.
    */
    bool completeFromUrl(const QUrl &url) { return handleRedirect(url); }
    /*!
      Redeems \a code (passed verbatim) for the waiting passwordless sign-in: the mailed code, or the
      code the link shows when opened on another device. Success ends the sign-in with signedIn().
      A wrong, used or expired code emits codeRejected() with otp_rejected and the sign-in keeps
      waiting (the provider limits the attempts: too_many_attempts then ends it with errorOccurred()).
      Without a passwordless sign-in waiting, codeRejected() reports nothing_to_complete.
    */
    void completeWithCode(const QString &code);

public Q_SLOTS:
    //! Starts a browser sign-in (authorization code + PKCE). Ends with signedIn() or errorOccurred().
    void signIn(const Concierge::SignInOptions &options = {});
    //! Ends a sign-in in progress with Error::Code::Cancelled, and an unlock() in progress with
    //! Error::Code::BiometricCancelled (the session stays Locked).
    void cancel();
    //! Refreshes the tokens now. Ends with refreshed() or errorOccurred().
    void refresh();
    //! Signs out: revokes, wipes the stored record, optionally ends the browser session. Ends with signedOut().
    void signOut(const Concierge::SignOutOptions &options = {});
    /*!
      State::Locked to State::SignedIn after a biometric check; ends with unlocked() or
      errorOccurred(). biometric_cancelled and biometric_failed keep the session Locked (call again);
      biometric_invalidated (the enrollment changed) and store_corrupt wipe the stored sign-in and
      end SignedOut (signedOut() first): the app asks for a fresh sign-in.
    */
    void unlock();
    /*!
      Forgets the tokens in memory and goes to State::Locked; the sealed record stays. Only with
      biometric unlock enabled (else errorOccurred() with biometric_unavailable). A refresh in flight
      finishes (and is stored) first. Ends with locked().
    */
    void lock();
    //! The person used the app: restarts the auto-lock countdown (setAutoLockSeconds()).
    void noteActivity();

Q_SIGNALS:
    void stateChanged(Concierge::Session::State state);
    void tokensChanged();
    void signedIn();
    void refreshed();
    void signedOut();
    void errorOccurred(const Concierge::Error &error);
    //! The provider accepted sendMagicLink(): the mail is on its way. The sign-in goes on.
    void magicLinkSent();
    //! completeWithCode() did not sign in; the sign-in goes on unless errorOccurred() follows.
    void codeRejected(const Concierge::Error &error);
    //! The tokens could not be written to (or wiped from) the store; the session itself goes on.
    void storageFailed(const Concierge::Error &error);
    //! The session went to State::Locked (lock(), auto-lock).
    void locked();
    //! unlock() succeeded: State::SignedIn with the tokens back in memory.
    void unlocked();
    //! unlock() is waiting for the person: on Linux show "touch the fingerprint reader"; other
    //! platforms show their own prompt.
    void biometricPromptStarted();
    void biometricUnlockEnabledChanged(bool enabled);

private:
    std::unique_ptr<SessionPrivate> d_ptr;
    Q_DECLARE_PRIVATE(Session)
};

} // namespace Concierge
