// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/idtoken.h>

#include "core/idtoken_p.h"
#include "core/jose_p.h"

#include <QtCore/QDebug>

#include <limits>

namespace Concierge {

namespace {

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Objects → QVariantMap, arrays → QVariantList, integers → qint64 (quint64 only above its range),
// other numbers → double, strings → QString, null → QVariant::fromValue(nullptr).
QVariant toVariant(const nlohmann::json &value)
{
    using T = nlohmann::json::value_t;
    switch (value.type()) {
    case T::null: return QVariant::fromValue(nullptr);
    case T::boolean: return value.get<bool>();
    case T::number_integer: return qint64(value.get<std::int64_t>());
    case T::number_unsigned: {
        const auto v = value.get<std::uint64_t>();
        if (v <= std::uint64_t(std::numeric_limits<qint64>::max()))
            return qint64(v);
        return quint64(v);
    }
    case T::number_float: return value.get<double>();
    case T::string: return qs(value.get_ref<const std::string &>());
    case T::array: {
        QVariantList list;
        list.reserve(qsizetype(value.size()));
        for (const auto &item : value)
            list.append(toVariant(item));
        return list;
    }
    case T::object: {
        QVariantMap map;
        for (auto it = value.begin(); it != value.end(); ++it)
            map.insert(qs(it.key()), toVariant(it.value()));
        return map;
    }
    default: return {};
    }
}

} // namespace

QVariantMap IdTokenPrivate::claims() const
{
    // Built on first use: most callers never look at the full claim set, and validation stays fast.
    std::call_once(m_claimsOnce, [this] {
        if (const auto json = Jose::parseStrictJsonObject(payload))
            m_claims = toVariant(*json).toMap();
    });
    return m_claims;
}

/*!
  \class Concierge::IdToken
  \inmodule Concierge
  \since 0.1
  \brief A validated OpenID Connect ID token.

  An IdToken is only ever produced by the SDK after the token's signature, issuer, audience,
  lifetime and nonce have been checked; applications read it, they do not build it. It is an
  implicitly shared, immutable value: copies are cheap.

  The compact serialization (raw()) is available to C++ only, for \c id_token_hint at logout. It
  is not a property and the QDebug operator never prints it, nor the nonce.
*/

/*!
  \since 0.1
  Constructs a null ID token (isNull() returns \c true).
*/
IdToken::IdToken() = default;

/*! \since 0.1 Copy-constructs from \a other. */
IdToken::IdToken(const IdToken &other) = default;

/*! \since 0.1 Move-constructs from \a other. */
IdToken::IdToken(IdToken &&other) noexcept = default;

/*! \since 0.1 Assigns \a other to this token. */
IdToken &IdToken::operator=(const IdToken &other) = default;

/*! \since 0.1 Move-assigns \a other to this token. */
IdToken &IdToken::operator=(IdToken &&other) noexcept = default;

IdToken::~IdToken() = default;

IdToken::IdToken(IdTokenPrivate *dd) : d(dd) { }

/*!
  \fn void Concierge::IdToken::swap(IdToken &other)
  \since 0.1
  Swaps this token with \a other.
*/

/*!
  \property Concierge::IdToken::isNull
  \since 0.1
  \c true for a default-constructed token that holds nothing.
*/
bool IdToken::isNull() const
{
    return !d;
}

/*!
  \property Concierge::IdToken::subject
  \since 0.1
  The \c sub claim: the provider's stable identifier of the person.
*/
QString IdToken::subject() const
{
    return d ? d->subject : QString();
}

/*!
  \property Concierge::IdToken::issuer
  \since 0.1
  The \c iss claim, equal to the configured issuer.
*/
QString IdToken::issuer() const
{
    return d ? d->issuer : QString();
}

/*!
  \property Concierge::IdToken::audiences
  \since 0.1
  The \c aud claim as a list (a single string becomes a one-element list).
*/
QStringList IdToken::audiences() const
{
    return d ? d->audiences : QStringList();
}

/*!
  \property Concierge::IdToken::authorizedParty
  \since 0.1
  The \c azp claim, or an empty string when absent.
*/
QString IdToken::authorizedParty() const
{
    return d ? d->authorizedParty : QString();
}

/*!
  \property Concierge::IdToken::expiresAt
  \since 0.1
  The \c exp claim, in UTC.
*/
QDateTime IdToken::expiresAt() const
{
    return d ? d->expiresAt : QDateTime();
}

/*!
  \property Concierge::IdToken::issuedAt
  \since 0.1
  The \c iat claim, in UTC.
*/
QDateTime IdToken::issuedAt() const
{
    return d ? d->issuedAt : QDateTime();
}

/*!
  \property Concierge::IdToken::authTime
  \since 0.1
  The \c auth_time claim, in UTC; invalid when the token has none.
*/
QDateTime IdToken::authTime() const
{
    return d ? d->authTime : QDateTime();
}

/*!
  \property Concierge::IdToken::nonce
  \since 0.1
  The \c nonce claim, or an empty string when absent.
*/
QString IdToken::nonce() const
{
    return d ? d->nonce : QString();
}

/*!
  \property Concierge::IdToken::algorithm
  \since 0.1
  The JWS algorithm that signed the token: \c RS256, \c PS256, \c ES256 or \c EdDSA.
*/
QString IdToken::algorithm() const
{
    return d ? d->algorithm : QString();
}

/*!
  \property Concierge::IdToken::keyId
  \since 0.1
  The \c kid header parameter, or an empty string when absent.
*/
QString IdToken::keyId() const
{
    return d ? d->keyId : QString();
}

/*!
  \property Concierge::IdToken::claims
  \since 0.1
  Every claim of the payload. Objects become QVariantMap, arrays QVariantList, integers \c qint64,
  other numbers \c double, and \c null a QVariant holding \c nullptr.
  \sa claim()
*/
QVariantMap IdToken::claims() const
{
    return d ? d->claims() : QVariantMap();
}

/*!
  \since 0.1
  The claim \a name, or an invalid QVariant when the token has no such claim.
  \sa claims
*/
QVariant IdToken::claim(const QString &name) const
{
    return d ? d->claims().value(name) : QVariant();
}

/*!
  \since 0.1
  The compact serialization of the token, as received from the provider, for \c id_token_hint.
  Treat it as a secret: never log it.
*/
QByteArray IdToken::raw() const
{
    return d ? d->raw : QByteArray();
}

/*!
  \since 0.1
  Returns \c true when this token and \a other are the same token (same compact serialization),
  or both are null.
*/
bool IdToken::operator==(const IdToken &other) const
{
    if (d == other.d)
        return true;
    if (!d || !other.d)
        return false;
    return d->raw == other.d->raw;
}

/*!
  \fn bool Concierge::IdToken::operator!=(const IdToken &other) const
  \since 0.1
  Returns \c true unless this token and \a other are the same token.
*/

#ifndef QT_NO_DEBUG_STREAM
/*!
  \relates Concierge::IdToken
  \since 0.1
  Writes the issuer, audiences, algorithm, key id and lifetime of \a token to \a debug. The compact
  token, the subject and the nonce are never written.
*/
QDebug operator<<(QDebug debug, const IdToken &token)
{
    QDebugStateSaver saver(debug);
    debug.nospace();
    if (token.isNull())
        return debug << "Concierge::IdToken()";
    debug << "Concierge::IdToken(iss=" << token.issuer() << ", aud=" << token.audiences()
          << ", alg=" << token.algorithm() << ", kid=" << token.keyId()
          << ", iat=" << token.issuedAt().toString(Qt::ISODate)
          << ", exp=" << token.expiresAt().toString(Qt::ISODate) << ')';
    return debug;
}
#endif

} // namespace Concierge
