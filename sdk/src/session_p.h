// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/authorizationrequest.h>
#include <concierge/session.h>
#include <concierge/tokenrequest.h>
#include <concierge/tokenresponse.h>

#include "core/dpop_p.h"
#include "net/metadatacache_p.h"
#include "net/transport_p.h"
#include "platform/biometricunlock_p.h"
#include "platform/credentialstore_p.h"
#include "platform/loopbacklistener_p.h"
#include "platform/useragent_p.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>

#include <memory>

namespace Concierge {

/*!
  \internal
  The session's state and the seam tests and benchmarks use: the user agent, the clock and the
  transport can be replaced, and timings of the last sign-in are kept.
*/
class SessionPrivate
{
    Q_DECLARE_PUBLIC(Session)
public:
    explicit SessionPrivate(Session *q, const ProviderConfig &config);
    ~SessionPrivate();

    static SessionPrivate *get(Session *session) { return session->d_func(); }

    // Seams
    void setUserAgent(std::unique_ptr<Internal::UserAgent> userAgent);
    void setClock(Internal::MetadataCache::Clock clock);
    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }

    // Sign-in steps: each pulls the next when it completes; every path ends in finishSignIn().
    void startSignIn(const SignInOptions &options);
    //! Opens a flow (refusing with busy / a bad configuration through errorOccurred()); false when refused.
    bool beginFlow(const SignInOptions &options);
    void onDiscovery(const Result<ProviderMetadata> &metadata);
    //! The flow's loopback listener (when the redirect is loopback and \a listen) and authorization request.
    Result<void> prepareAuthorization(bool listen = true);
    void ensureUserAgent();
    // Passwordless (sessionpasswordless.cpp)
    void startPasswordless(const QString &email, const MagicLinkOptions &options);
    void onPasswordlessDiscovery(const Result<ProviderMetadata> &metadata, const MagicLinkOptions &options);
    void completeWithCode(const QString &code);
    void onRedirect(const QUrl &redirect);
    void onTokenReply(const Internal::HttpResponse &reply);
    //! The TokenSet a token response makes of \a base (scopes, refresh token and ID token kept
    //! unless the response replaces them).
    TokenSet tokenSetFrom(const TokenResponse &response, const TokenSet &base) const;
    /*!
      The one validation path of every grant: the ID token (when present) against the JWKS, with
      one rate-limited refetch on an unknown kid; \a nonce checked when non-empty; with a previous
      ID token in \a base, the same iss and sub required. Ends exactly once through \a done.
    */
    void validateTokenResponse(const TokenResponse &response, const TokenSet &base, const QString &nonce, int maxAge,
                               std::function<void(const Result<TokenSet> &)> done, bool jwksRefetched = false);
    void finishSignIn(const Result<TokenSet> &result);
    //! Any grant that produced validated tokens (browser, device code, ...) ends here: the tokens
    //! are stored, then the session is signed in and signedIn() emitted.
    void completeSignIn(const TokenSet &tokens);
    void setState(Session::State state);

    // Token lifecycle
    QString account() const { return Internal::CredentialStore::accountKey(config.issuer(), config.clientId(), profile); }
    void requestToken(QObject *context, Session::TokenCallback callback, bool forceRefresh);
    void startRefresh(bool explicitRequest);
    void onRefreshReply(quint64 generation, const Internal::HttpResponse &reply);
    void commitRefreshed(quint64 generation, const TokenSet &tokens);
    void failRefresh(const Error &error);
    //! The errors after which a refresh token is not to be used again: the session ends.
    static bool endsSession(const Error &error);
    void answerWaiters(const Result<QByteArray> &token);
    void scheduleProactiveRefresh();
    void becomeSignedOut(const Error &reason);
    void ensureMetadata(std::function<void(const Result<ProviderMetadata> &)> next);
    void signOut(const SignOutOptions &options);
    void finishSignOut();
    void sendAuthorized(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body,
                        QPointer<QObject> context, Session::ReplyCallback callback, bool retried,
                        bool nonceRetried = false);

    // DPoP (RFC 9449)
    bool dpopActive() const { return !dpopKey.isNull(); }
    QByteArray dpopKeyDer() const { return dpopKey.isNull() ? QByteArray() : dpopKey.toPrivateDer(); }
    //! Adds a DPoP proof for \a method on the request's URL (with ath when \a accessToken is given).
    bool addDpopProof(QNetworkRequest &request, const QByteArray &method, const QByteArray &accessToken = {});
    void rememberDpopNonce(const QUrl &url, const Internal::HttpResponse &reply);
    //! POSTs to the token (or PAR) endpoint with client authentication and, with DPoP, a proof;
    //! a use_dpop_nonce answer is retried exactly once with the server's nonce.
    void postTokenRequest(const TokenRequest &request, std::function<void(const Internal::HttpResponse &)> done,
                          bool nonceRetried = false);

    //! Timings of the last sign-in (nanoseconds, monotonic) for benchmarks.
    struct Timings
    {
        qint64 redirectReceived = 0;
        qint64 tokenRequestSent = 0;
        qint64 tokenResponseReceived = 0;
        qint64 signedIn = 0;
        int requestsAtStart = 0;
        int requestsAtEnd = 0;
    };
    Timings timings;
    QElapsedTimer monotonic;

    Session *q_ptr;
    ProviderConfig config;
    ProviderMetadata metadata;
    Session::State state = Session::State::SignedOut;
    TokenSet tokens;

    Internal::Transport *transport;
    Internal::MetadataCache *cache;
    Internal::MetadataCache::Clock clock;
    std::unique_ptr<Internal::UserAgent> userAgent;
    QStringList browserCommand;
    int flowTimeoutSeconds = 600;

    // The sign-in in flight (at most one).
    struct Flow
    {
        quint64 id = 0;
        SignInOptions options;
        AuthorizationRequest request;
        std::unique_ptr<Internal::LoopbackListener> listener;
        QTimer timeout;
        Session::State previousState = Session::State::SignedOut;
        bool waitingForRedirect = false;
        // Passwordless: the address and connection a code is redeemed for, once the mail is sent.
        bool passwordless = false;
        bool awaitingCode = false;
        bool codeInFlight = false;
        QString email;
        QString connection;
    };
    std::unique_ptr<Flow> flow;
    quint64 nextFlowId = 1;

    std::shared_ptr<Internal::CredentialStore> store = std::make_shared<Internal::MemoryCredentialStore>();
    QString profile;
    int refreshMarginSeconds = 60;
    int minProactiveIntervalSeconds = 5;
    QTimer proactiveTimer;
    QTimer retryTimer;
    int transientFailures = 0;
    bool refreshInFlight = false;
    bool refreshExplicit = false;
    quint64 refreshGeneration = 0;
    int refreshRequests = 0; //!< refresh_token grants sent (tests and benchmarks)
    std::vector<std::pair<QPointer<QObject>, Session::TokenCallback>> waiters;
    bool signingOut = false;
    Jose::DpopKey dpopKey;                  //!< null when the session does not use DPoP
    QHash<QString, QByteArray> dpopNonces;  //!< latest server nonce per origin
    int dpopNonceRetries = 0;               //!< use_dpop_nonce retries made (tests)
    std::unique_ptr<Internal::LoopbackListener> logoutListener;
    QTimer logoutTimeout;

    // ---- sealed storage, lock and biometric unlock (sessionlock.cpp) ----------------------------
    //! Seam: tests pass a FakeBiometricUnlock; otherwise the platform's is made on first use.
    void setBiometricUnlock(std::unique_ptr<Internal::BiometricUnlock> unlock);
    Internal::BiometricUnlock *biometric();
    QString itemKey(Internal::CredentialStore::Item item) const { return Internal::CredentialStore::itemKey(account(), item); }
    //! A new sign-in: a fresh data key, kept in the keychain (biometric unlock starts off).
    void startNewDataKey();
    //! Writes \a tokens sealed under the data key (first the key item itself if it is new), then
    //! \a done exactly once. Safe when the session dies meanwhile (the store owns the writes).
    void storeTokens(const TokenSet &tokens, std::function<void(const Result<void> &)> done);
    //! Deletes the record, the data key item and the biometric slot; \a done gets the record's result.
    void wipeStored(std::function<void(const Result<void> &)> done);
    void restoreStored(QPointer<QObject> context, Session::RestoreCallback callback);
    void startUnlock();
    void onUnlockKey(const Result<QByteArray> &dataKey);
    void failUnlock(const Error &error);
    void lockNow();
    void setBiometricEnabled(bool enabled);
    void armAutoLock();
    //! Runs \a step now, or after the refresh in flight has ended (and its tokens were stored).
    void whenNoRefresh(std::function<void()> step);
    void runAfterRefresh();

    QByteArray dataKey;                     //!< the data key of the current record (empty while Locked)
    Internal::Seal::Protection protection = Internal::Seal::Protection::Keychain;
    bool dataKeyStored = false;             //!< the keychain holds dataKey (Protection::Keychain)
    std::unique_ptr<Internal::BiometricUnlock> biometricUnlock;
    bool unlocking = false;
    int autoLockSeconds = 0;
    QTimer autoLockTimer;
    std::vector<std::function<void()>> afterRefresh;
};

} // namespace Concierge
