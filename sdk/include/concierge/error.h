// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>

namespace Concierge {

/*!
  One error type for the whole SDK. Every operation that can fail finishes with either a value or an
  Error. The \l code is stable and documented in docs/errors.md; its string form (\l id) is what the
  CLI prints and what scripts compare against. The \l kind tells the app what to do:
  Hard means "sign out / start again", Transient means "keep the tokens and retry later".

  An Error never carries a token, an authorization code, a PKCE verifier, a nonce or a full callback
  URL. Server-provided text (error_description) is kept as plain text, stripped of control characters
  and capped in length.
*/
class CONCIERGE_EXPORT Error
{
    Q_GADGET
    Q_PROPERTY(Concierge::Error::Code code READ code CONSTANT)
    Q_PROPERTY(QString id READ id CONSTANT)
    Q_PROPERTY(Concierge::Error::Kind kind READ kind CONSTANT)
    Q_PROPERTY(QString oauthError READ oauthError CONSTANT)
    Q_PROPERTY(QString description READ description CONSTANT)
    Q_PROPERTY(int httpStatus READ httpStatus CONSTANT)
    Q_PROPERTY(QString message READ message CONSTANT)
    Q_PROPERTY(bool isError READ isError CONSTANT)
public:
    enum class Kind { None, Transient, Hard };
    Q_ENUM(Kind)

    // Numeric values are stable: 1xx network/transport, 2xx OAuth errors returned by the server,
    // 3xx protocol and validation failures detected by the SDK, 4xx flow and usage, 5xx storage and
    // biometrics. Never renumber; only add.
    enum class Code {
        None = 0,

        NetworkError = 100,        // connection refused, DNS, reset (transient)
        Timeout = 101,             // a network request or the whole flow ran out of time (transient)
        TlsError = 102,            // certificate or handshake failure (hard: do not retry blindly)
        ServerError = 103,         // HTTP 5xx or OAuth server_error/temporarily_unavailable (transient)
        HttpError = 104,           // unexpected HTTP status that is not an OAuth error (hard)
        InsecureEndpoint = 105,    // an endpoint is not https and not loopback (hard)
        ResponseTooLarge = 106,    // a response exceeded the size limit (hard)
        RateLimited = 107,         // HTTP 429 or slow_down (transient; see retryAfter)

        AccessDenied = 200,        // the user or the server refused (hard)
        InvalidGrant = 201,        // code or refresh token no longer valid (hard: sign out)
        InvalidClient = 202,       // client authentication failed (hard)
        InvalidRequest = 203,      // server rejected the request as malformed (hard)
        InvalidScope = 204,        // requested scope not allowed (hard)
        UnauthorizedClient = 205,  // client may not use this grant (hard)
        LoginRequired = 206,       // prompt=none could not be satisfied (hard)
        ConsentRequired = 207,     // (hard)
        InteractionRequired = 208, // (hard)
        InvalidToken = 209,        // resource server rejected the access token (hard)
        UseDpopNonce = 210,        // server still asks for a DPoP nonce after the one retry the SDK makes
        ExpiredToken = 211,        // device code expired (hard)
        AuthorizationPending = 212,// device flow: keep polling (internal)
        SlowDown = 213,            // device flow: poll slower (internal)
        OtpRejected = 220,         // passwordless code wrong, used or expired (transient: ask for it again)
        TooManyAttempts = 221,     // passwordless: too many wrong codes; request a new one (hard)
        OAuthError = 299,          // any other OAuth error string; see oauthError (hard)

        InvalidResponse = 300,         // malformed JSON or missing required members (hard)
        IssuerMismatch = 301,          // discovery document issuer differs from the configured one (hard)
        StateMismatch = 302,           // authorization response state missing or wrong (hard)
        MissingCode = 303,             // authorization response without code (hard)
        AuthorizationIssMismatch = 304,// RFC 9207 iss missing or wrong (hard)
        UnsupportedTokenType = 305,    // token_type we cannot use (hard)
        IdTokenMalformed = 310,        // not a compact JWS, bad base64url/JSON, too large (hard)
        IdTokenSignatureInvalid = 311, // signature does not verify (hard)
        IdTokenAlgorithmRejected = 312,// none, HS*, not allowed by metadata, or not matching the key (hard)
        IdTokenKeyNotFound = 313,      // no JWKS key matches, even after one refetch (hard)
        IdTokenIssuerMismatch = 314,   // iss claim (hard)
        IdTokenAudienceMismatch = 315, // aud / azp (hard)
        IdTokenExpired = 316,          // exp in the past (hard)
        IdTokenNotYetValid = 317,      // nbf or iat in the future (hard)
        IdTokenIatInvalid = 318,       // iat missing or not a number (hard)
        IdTokenNonceMismatch = 319,    // nonce (hard)
        IdTokenAtHashMismatch = 320,   // at_hash (hard)
        IdTokenSubjectMissing = 321,   // sub missing or empty (hard)
        IdTokenCritUnsupported = 322,  // crit header names an extension we do not understand (hard)
        IdTokenMissing = 323,          // token response without id_token for an openid request (hard)
        SubjectMismatch = 324,         // userinfo or refreshed id_token has another sub/iss (hard)
        JwksInvalid = 325,             // JWKS document unusable (hard)

        Cancelled = 400,               // the app or the user cancelled (neither retry nor sign out)
        UserAgentFailed = 401,         // the browser or external command could not be started (hard)
        RedirectListenerFailed = 402,  // the loopback listener could not bind (hard)
        InvalidConfiguration = 403,    // ProviderConfig or options are unusable (hard)
        InvalidArgument = 404,         // a caller passed something unusable (hard)
        NotSignedIn = 405,             // operation needs a signed-in session (hard)
        Busy = 406,                    // another exclusive operation is running (transient)
        NothingToComplete = 410,       // completeWithCode()/completeFromUrl() without a sign-in waiting for it (hard)

        StoreUnavailable = 500,        // keychain service missing (hard)
        StoreLocked = 501,             // keychain locked / access refused (transient)
        StoreCorrupt = 502,            // record corrupted, truncated or foreign (hard)
        StoreFailed = 503,             // other store failure (hard)
        BiometricUnavailable = 510,    // no sensor / not enrolled (hard)
        BiometricCancelled = 511,      // user cancelled the prompt (neither)
        BiometricFailed = 512,         // no match (transient: try again)
        BiometricInvalidated = 513,    // enrollment changed; a fresh sign-in is needed (hard)
        BiometricLockout = 514,        // too many attempts (transient)
        SessionLocked = 515,           // the session is locked: unlock() first (transient)
    };
    Q_ENUM(Code)

    Error() = default;
    explicit Error(Code code, const QString &description = {}, int httpStatus = 0,
                   const QString &oauthError = {});

    //! An error for an OAuth error string returned by a server ("invalid_grant", ...).
    static Error fromOAuth(const QString &oauthError, const QString &description, int httpStatus);

    Code code() const { return m_code; }
    QString id() const;               //!< stable snake_case string, e.g. "state_mismatch"
    Kind kind() const;
    bool isError() const { return m_code != Code::None; }
    bool isHard() const { return kind() == Kind::Hard; }
    bool isTransient() const { return kind() == Kind::Transient; }

    QString oauthError() const { return m_oauthError; }
    QString description() const { return m_description; }
    int httpStatus() const { return m_httpStatus; }
    //! Seconds the server asked to wait (Retry-After or interval), 0 when none.
    int retryAfter() const { return m_retryAfter; }
    Error withRetryAfter(int seconds) const;

    //! A sentence for a person (translated). Never contains secrets.
    QString message() const;

    static QString idForCode(Code code);
    static Code codeForId(const QString &id);

    //! Makes server-provided text safe to show as plain text: no control characters, capped length.
    static QString sanitize(const QString &text);

    friend bool operator==(const Error &a, const Error &b)
    {
        return a.m_code == b.m_code && a.m_oauthError == b.m_oauthError
            && a.m_description == b.m_description && a.m_httpStatus == b.m_httpStatus
            && a.m_retryAfter == b.m_retryAfter;
    }
    friend bool operator!=(const Error &a, const Error &b) { return !(a == b); }

private:
    Code m_code = Code::None;
    QString m_oauthError;
    QString m_description;
    int m_httpStatus = 0;
    int m_retryAfter = 0;
};

} // namespace Concierge

Q_DECLARE_METATYPE(Concierge::Error)
