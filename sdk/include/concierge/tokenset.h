// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>
#include <concierge/idtoken.h>

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QStringList>

namespace Concierge {

/*!
  What a signed-in session holds: the tokens, their lifetime and the validated ID token. The token
  strings are reachable from C++ only (accessToken(), refreshToken()): no property, no QDebug output.
*/
class CONCIERGE_EXPORT TokenSet
{
    Q_GADGET
    //! "Bearer" or "DPoP".
    Q_PROPERTY(QString tokenType READ tokenType CONSTANT)
    //! The scopes granted.
    Q_PROPERTY(QStringList scopes READ scopes CONSTANT)
    //! When the access token expires; invalid when unknown.
    Q_PROPERTY(QDateTime expiresAt READ expiresAt CONSTANT)
    //! When the tokens were received.
    Q_PROPERTY(QDateTime issuedAt READ issuedAt CONSTANT)
    //! True when the session can refresh without the person.
    Q_PROPERTY(bool hasRefreshToken READ hasRefreshToken CONSTANT)
    //! The validated ID token.
    Q_PROPERTY(Concierge::IdToken idToken READ idToken CONSTANT)
public:
    //! An empty set (isValid() is false).
    TokenSet() = default;

    //! True when the set holds an access token.
    bool isValid() const { return !m_accessToken.isEmpty(); }
    //! The access token. Secret: never log it; prefer Session::withFreshToken().
    QByteArray accessToken() const { return m_accessToken; }
    //! Sets the access token to \a token.
    void setAccessToken(const QByteArray &token) { m_accessToken = token; }
    //! The refresh token, or empty. Secret: never log it.
    QByteArray refreshToken() const { return m_refreshToken; }
    //! Sets the refresh token to \a token.
    void setRefreshToken(const QByteArray &token) { m_refreshToken = token; }
    //! True when a refresh token is present.
    bool hasRefreshToken() const { return !m_refreshToken.isEmpty(); }
    //! "Bearer" or "DPoP".
    QString tokenType() const { return m_tokenType; }
    //! Sets the token type to \a type.
    void setTokenType(const QString &type) { m_tokenType = type; }
    //! The scopes granted.
    QStringList scopes() const { return m_scopes; }
    //! Sets the granted scopes to \a scopes.
    void setScopes(const QStringList &scopes) { m_scopes = scopes; }
    //! Invalid when the server gave no lifetime.
    QDateTime expiresAt() const { return m_expiresAt; }
    //! Sets the access token's expiry to \a at.
    void setExpiresAt(const QDateTime &at) { m_expiresAt = at; }
    //! When the tokens were received.
    QDateTime issuedAt() const { return m_issuedAt; }
    //! Sets the time the tokens were received to \a at.
    void setIssuedAt(const QDateTime &at) { m_issuedAt = at; }
    //! The validated ID token (a refresh keeps the previous one when the provider sends none).
    IdToken idToken() const { return m_idToken; }
    //! Sets the ID token to \a token.
    void setIdToken(const IdToken &token) { m_idToken = token; }

    //! Seconds until expiry at \a now, or -1 when unknown.
    qint64 expiresIn(const QDateTime &now) const;
    //! True when expiresAt() is known and less than \a marginSeconds away from \a now.
    bool isExpired(const QDateTime &now, int marginSeconds = 0) const;

    //! Equal when every member is.
    friend CONCIERGE_EXPORT bool operator==(const TokenSet &a, const TokenSet &b);
    //! Not equal: see operator==().
    friend bool operator!=(const TokenSet &a, const TokenSet &b) { return !(a == b); }

private:
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    QString m_tokenType;
    QStringList m_scopes;
    QDateTime m_expiresAt;
    QDateTime m_issuedAt;
    IdToken m_idToken;
};

} // namespace Concierge

Q_DECLARE_METATYPE(Concierge::TokenSet)
