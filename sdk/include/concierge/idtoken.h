// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QExplicitlySharedDataPointer>
#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

namespace Concierge {

class IdTokenPrivate;

//! A validated OpenID Connect ID token.
//!
//! An IdToken is only ever produced by the SDK after the token's signature, issuer, audience,
//! lifetime and nonce have been checked; applications read it, they do not build it. It is an
//! implicitly shared, immutable value: copies are cheap. The compact serialization (raw()) is
//! available to C++ only, for \c id_token_hint at logout; it is not a property and the QDebug
//! operator never prints it, nor the nonce.
class CONCIERGE_EXPORT IdToken
{
    Q_GADGET
    //! True for a default-constructed token that holds nothing.
    Q_PROPERTY(bool isNull READ isNull CONSTANT)
    //! The \c sub claim: the provider's stable identifier of the person.
    Q_PROPERTY(QString subject READ subject CONSTANT)
    //! The \c iss claim.
    Q_PROPERTY(QString issuer READ issuer CONSTANT)
    //! The \c aud claim as a list.
    Q_PROPERTY(QStringList audiences READ audiences CONSTANT)
    //! The \c azp claim, or empty.
    Q_PROPERTY(QString authorizedParty READ authorizedParty CONSTANT)
    //! The \c exp claim, in UTC.
    Q_PROPERTY(QDateTime expiresAt READ expiresAt CONSTANT)
    //! The \c iat claim, in UTC.
    Q_PROPERTY(QDateTime issuedAt READ issuedAt CONSTANT)
    //! The \c auth_time claim, in UTC; invalid when absent.
    Q_PROPERTY(QDateTime authTime READ authTime CONSTANT)
    //! The \c nonce claim, or empty.
    Q_PROPERTY(QString nonce READ nonce CONSTANT)
    //! The JWS algorithm that signed the token.
    Q_PROPERTY(QString algorithm READ algorithm CONSTANT)
    //! The \c kid header parameter, or empty.
    Q_PROPERTY(QString keyId READ keyId CONSTANT)
    //! Every claim of the payload.
    Q_PROPERTY(QVariantMap claims READ claims CONSTANT)
public:
    //! A null ID token (isNull() is true).
    IdToken();
    //! A copy of \a other (shares its data).
    IdToken(const IdToken &other);
    //! Takes over \a other.
    IdToken(IdToken &&other) noexcept;
    //! Makes this a copy of \a other.
    IdToken &operator=(const IdToken &other);
    //! Takes over \a other.
    IdToken &operator=(IdToken &&other) noexcept;
    //! Releases this reference to the shared data.
    ~IdToken();
    //! Swaps this token with \a other.
    void swap(IdToken &other) noexcept { d.swap(other.d); }

    //! True for a default-constructed token that holds nothing.
    bool isNull() const;

    //! The \c sub claim: the provider's stable identifier of the person.
    QString subject() const;
    //! The \c iss claim, equal to the configured issuer.
    QString issuer() const;
    //! The \c aud claim as a list (a single string becomes a one-element list).
    QStringList audiences() const;
    //! The \c azp claim, or an empty string when absent.
    QString authorizedParty() const;
    //! The \c exp claim, in UTC.
    QDateTime expiresAt() const;
    //! The \c iat claim, in UTC.
    QDateTime issuedAt() const;
    //! The \c auth_time claim, in UTC; invalid when the token has none.
    QDateTime authTime() const;
    //! The \c nonce claim, or an empty string when absent.
    QString nonce() const;
    //! The JWS algorithm that signed the token: \c RS256, \c PS256, \c ES256 or \c EdDSA.
    QString algorithm() const;
    //! The \c kid header parameter, or an empty string when absent.
    QString keyId() const;
    //! Every claim of the payload. Objects become QVariantMap, arrays QVariantList, integers
    //! \c qint64, other numbers \c double.
    QVariantMap claims() const;
    //! The claim \a name, or an invalid QVariant when the token has none.
    QVariant claim(const QString &name) const;

    //! The compact serialization, for \c id_token_hint. Secret: never log it.
    QByteArray raw() const;

    //! Equal when this and \a other hold the same serialized token, or both are null.
    bool operator==(const IdToken &other) const;
    //! Not equal: see operator==().
    bool operator!=(const IdToken &other) const { return !(*this == other); }

private:
    friend class IdTokenPrivate;
    explicit IdToken(IdTokenPrivate *dd);
    QExplicitlySharedDataPointer<IdTokenPrivate> d;
};

#ifndef QT_NO_DEBUG_STREAM
//! Writes \a token's issuer, audiences, algorithm, key id and lifetime to \a debug; never the
//! token itself, its subject or its nonce.
CONCIERGE_EXPORT QDebug operator<<(QDebug debug, const IdToken &token);
#endif

} // namespace Concierge

Q_DECLARE_SHARED(Concierge::IdToken)
Q_DECLARE_METATYPE(Concierge::IdToken)
