// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>
#include <concierge/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QStringList>

namespace Concierge {

/*!
  A token endpoint answer, parsed strictly (RFC 6749 §5.1/§5.2): \c access_token and \c token_type are
  required strings, \c token_type is matched case-insensitively and must be Bearer or DPoP,
  \c expires_in is optional and must be a non-negative number, unknown members are ignored. An error
  answer becomes its typed Error; 5xx is transient; 429 is rate_limited with Retry-After.
*/
class CONCIERGE_EXPORT TokenResponse
{
public:
    //! Parses a token endpoint answer: \a httpStatus and \a body, with the Retry-After delay
    //! \a retryAfterSeconds (0 when none) carried by the error of a 429 or 5xx answer.
    static Result<TokenResponse> fromReply(int httpStatus, const QByteArray &body, int retryAfterSeconds = 0);

    //! The access token. Secret: never logged.
    QByteArray accessToken() const { return m_accessToken; }
    //! "Bearer" or "DPoP", normalised.
    QString tokenType() const { return m_tokenType; }
    //! Seconds, or -1 when the server did not say.
    qint64 expiresIn() const { return m_expiresIn; }
    //! The refresh token, or empty when none was issued. Secret: never logged.
    QByteArray refreshToken() const { return m_refreshToken; }
    //! The ID token as received (not yet validated), or empty.
    QByteArray idToken() const { return m_idToken; }
    //! The granted scope when the server returned one; otherwise empty (= as requested).
    QStringList scopes() const { return m_scopes; }
    //! True when the server returned a \c scope member.
    bool hasScope() const { return m_hasScope; }

private:
    QByteArray m_accessToken;
    QString m_tokenType;
    qint64 m_expiresIn = -1;
    QByteArray m_refreshToken;
    QByteArray m_idToken;
    QStringList m_scopes;
    bool m_hasScope = false;
};

} // namespace Concierge
