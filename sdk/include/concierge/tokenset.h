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
    Q_PROPERTY(QString tokenType READ tokenType CONSTANT)
    Q_PROPERTY(QStringList scopes READ scopes CONSTANT)
    Q_PROPERTY(QDateTime expiresAt READ expiresAt CONSTANT)
    Q_PROPERTY(QDateTime issuedAt READ issuedAt CONSTANT)
    Q_PROPERTY(bool hasRefreshToken READ hasRefreshToken CONSTANT)
    Q_PROPERTY(Concierge::IdToken idToken READ idToken CONSTANT)
public:
    TokenSet() = default;

    bool isValid() const { return !m_accessToken.isEmpty(); }
    QByteArray accessToken() const { return m_accessToken; }
    void setAccessToken(const QByteArray &token) { m_accessToken = token; }
    QByteArray refreshToken() const { return m_refreshToken; }
    void setRefreshToken(const QByteArray &token) { m_refreshToken = token; }
    bool hasRefreshToken() const { return !m_refreshToken.isEmpty(); }
    QString tokenType() const { return m_tokenType; }
    void setTokenType(const QString &type) { m_tokenType = type; }
    QStringList scopes() const { return m_scopes; }
    void setScopes(const QStringList &scopes) { m_scopes = scopes; }
    //! Invalid when the server gave no lifetime.
    QDateTime expiresAt() const { return m_expiresAt; }
    void setExpiresAt(const QDateTime &at) { m_expiresAt = at; }
    QDateTime issuedAt() const { return m_issuedAt; }
    void setIssuedAt(const QDateTime &at) { m_issuedAt = at; }
    IdToken idToken() const { return m_idToken; }
    void setIdToken(const IdToken &token) { m_idToken = token; }

    //! Seconds until expiry at \a now, or -1 when unknown.
    qint64 expiresIn(const QDateTime &now) const;
    //! True when expiresAt() is known and less than \a marginSeconds away from \a now.
    bool isExpired(const QDateTime &now, int marginSeconds = 0) const;

    friend CONCIERGE_EXPORT bool operator==(const TokenSet &a, const TokenSet &b);
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
