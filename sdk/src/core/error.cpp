// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/error.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaEnum>

#include <array>
#include <utility>

namespace Concierge {

namespace {

struct CodeInfo
{
    Error::Code code;
    const char *id;
    Error::Kind kind;
};

// The single table of stable string ids and kinds. docs/errors.md lists the same rows; a unit test
// checks that every enumerator has a row and that ids are unique.
constexpr std::array kCodes = {
    CodeInfo{Error::Code::None, "none", Error::Kind::None},
    CodeInfo{Error::Code::NetworkError, "network_error", Error::Kind::Transient},
    CodeInfo{Error::Code::Timeout, "timeout", Error::Kind::Transient},
    CodeInfo{Error::Code::TlsError, "tls_error", Error::Kind::Hard},
    CodeInfo{Error::Code::ServerError, "server_error", Error::Kind::Transient},
    CodeInfo{Error::Code::HttpError, "http_error", Error::Kind::Hard},
    CodeInfo{Error::Code::InsecureEndpoint, "insecure_endpoint", Error::Kind::Hard},
    CodeInfo{Error::Code::ResponseTooLarge, "response_too_large", Error::Kind::Hard},
    CodeInfo{Error::Code::RateLimited, "rate_limited", Error::Kind::Transient},
    CodeInfo{Error::Code::AccessDenied, "access_denied", Error::Kind::Hard},
    CodeInfo{Error::Code::InvalidGrant, "invalid_grant", Error::Kind::Hard},
    CodeInfo{Error::Code::InvalidClient, "invalid_client", Error::Kind::Hard},
    CodeInfo{Error::Code::InvalidRequest, "invalid_request", Error::Kind::Hard},
    CodeInfo{Error::Code::InvalidScope, "invalid_scope", Error::Kind::Hard},
    CodeInfo{Error::Code::UnauthorizedClient, "unauthorized_client", Error::Kind::Hard},
    CodeInfo{Error::Code::LoginRequired, "login_required", Error::Kind::Hard},
    CodeInfo{Error::Code::ConsentRequired, "consent_required", Error::Kind::Hard},
    CodeInfo{Error::Code::InteractionRequired, "interaction_required", Error::Kind::Hard},
    CodeInfo{Error::Code::InvalidToken, "invalid_token", Error::Kind::Hard},
    CodeInfo{Error::Code::UseDpopNonce, "use_dpop_nonce", Error::Kind::Transient},
    CodeInfo{Error::Code::ExpiredToken, "expired_token", Error::Kind::Hard},
    CodeInfo{Error::Code::AuthorizationPending, "authorization_pending", Error::Kind::Transient},
    CodeInfo{Error::Code::SlowDown, "slow_down", Error::Kind::Transient},
    CodeInfo{Error::Code::OtpRejected, "otp_rejected", Error::Kind::Transient},
    CodeInfo{Error::Code::TooManyAttempts, "too_many_attempts", Error::Kind::Hard},
    CodeInfo{Error::Code::OAuthError, "oauth_error", Error::Kind::Hard},
    CodeInfo{Error::Code::InvalidResponse, "invalid_response", Error::Kind::Hard},
    CodeInfo{Error::Code::IssuerMismatch, "issuer_mismatch", Error::Kind::Hard},
    CodeInfo{Error::Code::StateMismatch, "state_mismatch", Error::Kind::Hard},
    CodeInfo{Error::Code::MissingCode, "missing_code", Error::Kind::Hard},
    CodeInfo{Error::Code::AuthorizationIssMismatch, "authorization_iss_mismatch", Error::Kind::Hard},
    CodeInfo{Error::Code::UnsupportedTokenType, "unsupported_token_type", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenMalformed, "id_token_malformed", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenSignatureInvalid, "id_token_signature_invalid", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenAlgorithmRejected, "id_token_algorithm_rejected", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenKeyNotFound, "id_token_key_not_found", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenIssuerMismatch, "id_token_issuer_mismatch", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenAudienceMismatch, "id_token_audience_mismatch", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenExpired, "id_token_expired", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenNotYetValid, "id_token_not_yet_valid", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenIatInvalid, "id_token_iat_invalid", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenNonceMismatch, "id_token_nonce_mismatch", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenAtHashMismatch, "id_token_at_hash_mismatch", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenSubjectMissing, "id_token_subject_missing", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenCritUnsupported, "id_token_crit_unsupported", Error::Kind::Hard},
    CodeInfo{Error::Code::IdTokenMissing, "id_token_missing", Error::Kind::Hard},
    CodeInfo{Error::Code::SubjectMismatch, "subject_mismatch", Error::Kind::Hard},
    CodeInfo{Error::Code::JwksInvalid, "jwks_invalid", Error::Kind::Hard},
    CodeInfo{Error::Code::Cancelled, "cancelled", Error::Kind::None},
    CodeInfo{Error::Code::UserAgentFailed, "user_agent_failed", Error::Kind::Hard},
    CodeInfo{Error::Code::RedirectListenerFailed, "redirect_listener_failed", Error::Kind::Hard},
    CodeInfo{Error::Code::InvalidConfiguration, "invalid_configuration", Error::Kind::Hard},
    CodeInfo{Error::Code::InvalidArgument, "invalid_argument", Error::Kind::Hard},
    CodeInfo{Error::Code::NotSignedIn, "not_signed_in", Error::Kind::Hard},
    CodeInfo{Error::Code::Busy, "busy", Error::Kind::Transient},
    CodeInfo{Error::Code::NothingToComplete, "nothing_to_complete", Error::Kind::Hard},
    CodeInfo{Error::Code::StoreUnavailable, "store_unavailable", Error::Kind::Hard},
    CodeInfo{Error::Code::StoreLocked, "store_locked", Error::Kind::Transient},
    CodeInfo{Error::Code::StoreCorrupt, "store_corrupt", Error::Kind::Hard},
    CodeInfo{Error::Code::StoreFailed, "store_failed", Error::Kind::Hard},
    CodeInfo{Error::Code::BiometricUnavailable, "biometric_unavailable", Error::Kind::Hard},
    CodeInfo{Error::Code::BiometricCancelled, "biometric_cancelled", Error::Kind::None},
    CodeInfo{Error::Code::BiometricFailed, "biometric_failed", Error::Kind::Transient},
    CodeInfo{Error::Code::BiometricInvalidated, "biometric_invalidated", Error::Kind::Hard},
    CodeInfo{Error::Code::BiometricLockout, "biometric_lockout", Error::Kind::Transient},
    CodeInfo{Error::Code::SessionLocked, "session_locked", Error::Kind::Transient},
};

const CodeInfo *infoFor(Error::Code code)
{
    for (const auto &info : kCodes) {
        if (info.code == code)
            return &info;
    }
    return nullptr;
}

} // namespace

/*!
  \class Concierge::Error
  \inmodule Concierge
  \since 0.1
  \brief The one error type of the SDK, with a stable code and a hard/transient kind.
*/

/*!
  Creates an error with \a code, a plain-text \a description (sanitized), the HTTP status \a httpStatus
  of the response that caused it (0 when none) and the OAuth error string \a oauthError.
*/
Error::Error(Code code, const QString &description, int httpStatus, const QString &oauthError)
    : m_code(code)
    , m_oauthError(sanitize(oauthError).left(64))
    , m_description(sanitize(description))
    , m_httpStatus(httpStatus)
{
}

/*!
  Maps an OAuth 2.0 / OIDC error string returned by a server to an Error with a stable code. Unknown
  strings become Code::OAuthError, keeping the string in oauthError().
*/
Error Error::fromOAuth(const QString &oauthError, const QString &description, int httpStatus)
{
    static const std::pair<const char *, Code> known[] = {
        {"access_denied", Code::AccessDenied},
        {"invalid_grant", Code::InvalidGrant},
        {"invalid_client", Code::InvalidClient},
        {"invalid_request", Code::InvalidRequest},
        {"invalid_scope", Code::InvalidScope},
        {"unauthorized_client", Code::UnauthorizedClient},
        {"login_required", Code::LoginRequired},
        {"consent_required", Code::ConsentRequired},
        {"interaction_required", Code::InteractionRequired},
        {"account_selection_required", Code::InteractionRequired},
        {"invalid_token", Code::InvalidToken},
        {"use_dpop_nonce", Code::UseDpopNonce},
        {"expired_token", Code::ExpiredToken},
        {"authorization_pending", Code::AuthorizationPending},
        {"slow_down", Code::SlowDown},
        {"server_error", Code::ServerError},
        {"temporarily_unavailable", Code::ServerError},
    };
    Code code = Code::OAuthError;
    for (const auto &[name, c] : known) {
        if (oauthError == QLatin1String(name)) {
            code = c;
            break;
        }
    }
    return Error(code, description, httpStatus, oauthError);
}

/*! Returns the stable snake_case identifier of code(), for example \c state_mismatch. */
QString Error::id() const
{
    return idForCode(m_code);
}

/*! Returns Hard, Transient or None (for a non-error, a cancellation or a cancelled biometric prompt). */
Error::Kind Error::kind() const
{
    const auto *info = infoFor(m_code);
    return info ? info->kind : Kind::Hard;
}

/*! Returns a copy of this error that asks the caller to wait \a seconds before retrying. */
Error Error::withRetryAfter(int seconds) const
{
    Error copy = *this;
    copy.m_retryAfter = seconds < 0 ? 0 : seconds;
    return copy;
}

/*! Returns the stable identifier for \a code, or \c unknown. */
QString Error::idForCode(Code code)
{
    const auto *info = infoFor(code);
    return QLatin1String(info ? info->id : "unknown");
}

/*! Returns the code whose stable identifier is \a id, or Code::None. */
Error::Code Error::codeForId(const QString &id)
{
    for (const auto &info : kCodes) {
        if (id == QLatin1String(info.id))
            return info.code;
    }
    return Code::None;
}

/*!
  Makes server-provided text safe to show to a person as plain text: control characters (including
  newlines, which could forge log lines) become spaces and the result is capped at 300 characters.
*/
QString Error::sanitize(const QString &text)
{
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), 300));
    for (const QChar c : text) {
        if (out.size() >= 300)
            break;
        const auto cat = c.category();
        const bool control = cat == QChar::Other_Control || cat == QChar::Other_Format
            || cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph;
        out.append(control ? QChar(u' ') : c);
    }
    return out.trimmed();
}

/*!
  Returns a sentence for a person, in the application's language. It never contains a secret. Server
  text (description()) is appended, as plain text, where it helps.
*/
QString Error::message() const
{
    QString text;
    switch (m_code) {
    case Code::None: return {};
    case Code::NetworkError: text = QCoreApplication::translate("Concierge::Error", "The identity provider could not be reached. Check the connection and try again."); break;
    case Code::Timeout: text = QCoreApplication::translate("Concierge::Error", "The operation took too long and was stopped."); break;
    case Code::TlsError: text = QCoreApplication::translate("Concierge::Error", "A secure connection to the identity provider could not be established."); break;
    case Code::ServerError: text = QCoreApplication::translate("Concierge::Error", "The identity provider is having trouble. Try again in a moment."); break;
    case Code::HttpError: text = QCoreApplication::translate("Concierge::Error", "The identity provider gave an unexpected answer."); break;
    case Code::InsecureEndpoint: text = QCoreApplication::translate("Concierge::Error", "An identity provider address does not use https."); break;
    case Code::ResponseTooLarge: text = QCoreApplication::translate("Concierge::Error", "The identity provider sent more data than allowed."); break;
    case Code::RateLimited: text = QCoreApplication::translate("Concierge::Error", "Too many attempts. Wait a moment and try again."); break;
    case Code::AccessDenied: text = QCoreApplication::translate("Concierge::Error", "Sign-in was declined."); break;
    case Code::InvalidGrant: text = QCoreApplication::translate("Concierge::Error", "Your sign-in has expired. Please sign in again."); break;
    case Code::InvalidClient: text = QCoreApplication::translate("Concierge::Error", "This app is not recognised by the identity provider."); break;
    case Code::LoginRequired:
    case Code::ConsentRequired:
    case Code::InteractionRequired: text = QCoreApplication::translate("Concierge::Error", "Please sign in again."); break;
    case Code::InvalidToken: text = QCoreApplication::translate("Concierge::Error", "The service did not accept your sign-in."); break;
    case Code::OtpRejected: text = QCoreApplication::translate("Concierge::Error", "That code did not work. Check it and try again."); break;
    case Code::TooManyAttempts: text = QCoreApplication::translate("Concierge::Error", "Too many wrong codes. Ask for a new email."); break;
    case Code::NothingToComplete: text = QCoreApplication::translate("Concierge::Error", "No sign-in is waiting for this. Start again."); break;
    case Code::ExpiredToken: text = QCoreApplication::translate("Concierge::Error", "The sign-in code has expired. Start again."); break;
    case Code::StateMismatch:
    case Code::AuthorizationIssMismatch:
    case Code::IssuerMismatch:
    case Code::SubjectMismatch: text = QCoreApplication::translate("Concierge::Error", "The sign-in response did not match this request and was refused for your safety."); break;
    case Code::Cancelled: text = QCoreApplication::translate("Concierge::Error", "Sign-in was cancelled."); break;
    case Code::UserAgentFailed: text = QCoreApplication::translate("Concierge::Error", "The browser could not be opened."); break;
    case Code::RedirectListenerFailed: text = QCoreApplication::translate("Concierge::Error", "The app could not prepare to receive the sign-in."); break;
    case Code::InvalidConfiguration:
    case Code::InvalidArgument: text = QCoreApplication::translate("Concierge::Error", "The sign-in is not configured correctly."); break;
    case Code::NotSignedIn: text = QCoreApplication::translate("Concierge::Error", "You are not signed in."); break;
    case Code::Busy: text = QCoreApplication::translate("Concierge::Error", "Another sign-in operation is in progress."); break;
    case Code::StoreUnavailable: text = QCoreApplication::translate("Concierge::Error", "Secure storage is not available on this device."); break;
    case Code::StoreLocked: text = QCoreApplication::translate("Concierge::Error", "Secure storage is locked."); break;
    case Code::StoreCorrupt: text = QCoreApplication::translate("Concierge::Error", "Saved sign-in data was damaged and has been discarded. Please sign in again."); break;
    case Code::StoreFailed: text = QCoreApplication::translate("Concierge::Error", "Saved sign-in data could not be read or written."); break;
    case Code::BiometricUnavailable: text = QCoreApplication::translate("Concierge::Error", "Biometric unlock is not available."); break;
    case Code::BiometricCancelled: text = QCoreApplication::translate("Concierge::Error", "Unlock was cancelled."); break;
    case Code::BiometricFailed: text = QCoreApplication::translate("Concierge::Error", "Not recognised. Try again."); break;
    case Code::BiometricInvalidated: text = QCoreApplication::translate("Concierge::Error", "Your fingerprints or face data changed. Please sign in again."); break;
    case Code::BiometricLockout: text = QCoreApplication::translate("Concierge::Error", "Too many attempts. Unlock the device first."); break;
    case Code::SessionLocked: text = QCoreApplication::translate("Concierge::Error", "The app is locked. Unlock it to continue."); break;
    default:
        text = QCoreApplication::translate("Concierge::Error", "The sign-in response could not be trusted and was refused.");
        break;
    }
    if (!m_description.isEmpty())
        text += QLatin1String(" (") + m_description + QLatin1Char(')');
    return text;
}

} // namespace Concierge
