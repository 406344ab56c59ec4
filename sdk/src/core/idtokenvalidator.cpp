// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/idtokenvalidator_p.h"

#include "core/base64url_p.h"
#include "core/idtoken_p.h"
#include "core/jose_p.h"

#include <QtCore/QDateTime>
#include <QtCore/QVarLengthArray>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Concierge::Internal {

namespace {

using json = nlohmann::json;
using Code = Error::Code;
using Jose::Algorithm;

constexpr std::size_t kMaxSubjectBytes = 255;
// QDateTime-friendly range for time claims: year 1 .. year 9999.
constexpr double kMinSeconds = -62135596800.0;
constexpr double kMaxSeconds = 253402300799.0;

Error fail(Code code, const char *what)
{
    return Error(code, QString::fromLatin1(what));
}

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool equalsUtf8(const std::string &a, const QString &b)
{
    // Compares without allocating in the common ASCII case.
    const qsizetype n = b.size();
    if (qsizetype(a.size()) == n) {
        const QChar *u = b.constData();
        bool ascii = true;
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = u[i].unicode();
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (char16_t(static_cast<unsigned char>(a[std::size_t(i)])) != c)
                return false;
        }
        if (ascii)
            return true;
    }
    const QByteArray utf8 = b.toUtf8();
    return std::string_view(a) == std::string_view(utf8.constData(), std::size_t(utf8.size()));
}

bool constantTimeEquals(const char *a, std::size_t aSize, const char *b, std::size_t bSize)
{
    return aSize == bSize && CRYPTO_memcmp(a, b, aSize) == 0;
}

enum class Presence { Absent, Invalid, Present };

// A time claim: a JSON number (integer or fraction), finite; anything else is Invalid.
Presence numberClaim(const json &payload, const char *name, double &out)
{
    const auto it = payload.find(name);
    if (it == payload.end())
        return Presence::Absent;
    switch (it->type()) {
    case json::value_t::number_integer: out = double(it->get<std::int64_t>()); break;
    case json::value_t::number_unsigned: out = double(it->get<std::uint64_t>()); break;
    case json::value_t::number_float:
        out = it->get<double>();
        if (!std::isfinite(out))
            return Presence::Invalid;
        break;
    default: return Presence::Invalid;
    }
    return Presence::Present;
}

Presence stringClaim(const json &payload, const char *name, const std::string *&out)
{
    const auto it = payload.find(name);
    if (it == payload.end())
        return Presence::Absent;
    if (!it->is_string())
        return Presence::Invalid;
    out = &it->get_ref<const std::string &>();
    return Presence::Present;
}

QDateTime toDateTime(double seconds)
{
    const double clamped = std::clamp(seconds, kMinSeconds, kMaxSeconds);
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(clamped * 1000.0)), Qt::UTC);
}

using Audiences = QVarLengthArray<const std::string *, 4>;

// aud: a string, or an array of strings (RFC 7519 §4.1.3). Anything else is false.
bool readAudiences(const json &payload, Audiences &out)
{
    const auto it = payload.find("aud");
    if (it == payload.end())
        return false;
    if (it->is_string()) {
        out.append(&it->get_ref<const std::string &>());
        return true;
    }
    if (!it->is_array())
        return false;
    for (const json &item : *it) {
        if (!item.is_string())
            return false;
        out.append(&item.get_ref<const std::string &>());
    }
    return true;
}

unsigned algorithmBit(Algorithm algorithm)
{
    return 1u << unsigned(algorithm);
}

unsigned allowedAlgorithms(const QStringList &names)
{
    if (names.isEmpty())
        return algorithmBit(Algorithm::RS256);
    unsigned mask = 0;
    for (const QString &name : names) {
        for (Algorithm a : {Algorithm::RS256, Algorithm::PS256, Algorithm::ES256, Algorithm::EdDSA}) {
            if (name == QLatin1String(Jose::algorithmName(a)))
                mask |= algorithmBit(a);
        }
    }
    return mask;
}

// The typed claims every IdToken carries, read once. Values point into the payload.
struct CoreClaims
{
    const std::string *iss = nullptr;
    const std::string *sub = nullptr;
    const std::string *azp = nullptr;
    const std::string *nonce = nullptr;
    Audiences aud;
    double exp = 0;
    double iat = 0;
    double authTime = 0;
    bool hasAuthTime = false;
};

IdToken makeIdToken(const Jose::CompactJws &jws, json &&payload, const CoreClaims &c)
{
    auto *d = new IdTokenPrivate;
    d->raw = jws.compact();
    d->issuer = qs(*c.iss);
    d->subject = qs(*c.sub);
    d->audiences.reserve(c.aud.size());
    for (const std::string *a : c.aud)
        d->audiences.append(qs(*a));
    if (c.azp)
        d->authorizedParty = qs(*c.azp);
    if (c.nonce)
        d->nonce = qs(*c.nonce);
    d->expiresAt = toDateTime(c.exp);
    d->issuedAt = toDateTime(c.iat);
    if (c.hasAuthTime)
        d->authTime = toDateTime(c.authTime);
    d->algorithm = QLatin1String(Jose::algorithmName(jws.algorithm()));
    if (const auto &kid = jws.header().kid)
        d->keyId = qs(*kid);
    d->payload = std::move(payload); // pointers in c are not used after this
    return IdTokenPrivate::wrap(d);
}

} // namespace

QByteArray tokenHash(Algorithm algorithm, QByteArrayView token)
{
    const EVP_MD *md = Jose::hashForAlgorithm(algorithm);
    if (!md)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(token.data(), std::size_t(token.size()), digest, &size, md, nullptr) != 1)
        return {};
    return Jose::base64UrlEncode(QByteArrayView(digest, qsizetype(size / 2)));
}

Result<IdToken> validateIdToken(const QByteArray &compact, const JsonWebKeySet &jwks,
                                const IdTokenExpectations &expected)
{
    if (expected.issuer.isEmpty() || expected.clientId.isEmpty())
        return fail(Code::InvalidArgument, "issuer and client id are required to validate an ID token");

    // Size, structure, header, crit, alg supported: all before any key is touched.
    auto parsed = Jose::CompactJws::parse(compact, expected.maxTokenBytes);
    if (!parsed)
        return parsed.error();
    const Jose::CompactJws &jws = *parsed;
    const Algorithm algorithm = jws.algorithm();
    if (!(allowedAlgorithms(expected.allowedAlgorithms) & algorithmBit(algorithm)))
        return fail(Code::IdTokenAlgorithmRejected, "algorithm not allowed by the provider metadata");

    // Keys come only from the JWKS; header jwk / jku / x5u / x5c are never looked at.
    std::optional<std::string_view> kid;
    if (jws.header().kid)
        kid = *jws.header().kid;
    const auto candidates = jwks.candidates(algorithm, kid);
    if (candidates.empty()) {
        if (kid && jwks.containsKid(*kid))
            return fail(Code::IdTokenAlgorithmRejected, "the key with this kid does not fit the algorithm");
        return fail(Code::IdTokenKeyNotFound, kid ? "no key with this kid" : "no key for this algorithm");
    }
    bool verified = false;
    int attempts = 0;
    for (const Jose::JsonWebKey *key : candidates) {
        if (attempts++ == kMaxSignatureAttempts)
            break;
        if (key->verify(algorithm, jws.signingInput(), jws.signature())) {
            verified = true;
            break;
        }
    }
    if (!verified)
        return fail(Code::IdTokenSignatureInvalid, "signature does not verify");

    auto payload = Jose::parseStrictJsonObject(jws.payload());
    if (!payload)
        return fail(Code::IdTokenMalformed, "payload is not a JSON object without duplicate members");
    const json &claims = *payload;
    CoreClaims c;

    // iss: a JSON string, byte for byte.
    if (stringClaim(claims, "iss", c.iss) != Presence::Present || !equalsUtf8(*c.iss, expected.issuer))
        return fail(Code::IdTokenIssuerMismatch, "iss does not match the issuer");

    // aud / azp.
    if (!readAudiences(claims, c.aud))
        return fail(Code::IdTokenAudienceMismatch, "aud missing or not a string or array of strings");
    bool hasClient = false;
    for (const std::string *audience : std::as_const(c.aud)) {
        if (equalsUtf8(*audience, expected.clientId)) {
            hasClient = true;
            continue;
        }
        bool trusted = false;
        for (const QString &t : expected.trustedAudiences) {
            if (equalsUtf8(*audience, t)) {
                trusted = true;
                break;
            }
        }
        if (!trusted)
            return fail(Code::IdTokenAudienceMismatch, "aud contains an untrusted audience");
    }
    if (!hasClient)
        return fail(Code::IdTokenAudienceMismatch, "aud does not contain the client id");
    switch (stringClaim(claims, "azp", c.azp)) {
    case Presence::Invalid: return fail(Code::IdTokenAudienceMismatch, "azp is not a string");
    case Presence::Present:
        if (!equalsUtf8(*c.azp, expected.clientId))
            return fail(Code::IdTokenAudienceMismatch, "azp is not the client id");
        break;
    case Presence::Absent:
        if (c.aud.size() > 1)
            return fail(Code::IdTokenAudienceMismatch, "several audiences but no azp");
        break;
    }

    // Time: exp, iat, nbf, with the allowed skew.
    const double now = double(expected.now ? expected.now : QDateTime::currentSecsSinceEpoch());
    const double skew = double(std::max(0, expected.clockSkewSeconds));
    if (numberClaim(claims, "exp", c.exp) != Presence::Present)
        return fail(Code::IdTokenExpired, "exp missing or not a number");
    if (!(now < c.exp + skew))
        return fail(Code::IdTokenExpired, "token expired");
    if (numberClaim(claims, "iat", c.iat) != Presence::Present)
        return fail(Code::IdTokenIatInvalid, "iat missing or not a number");
    if (c.iat > now + skew)
        return fail(Code::IdTokenNotYetValid, "iat is in the future");
    double nbf = 0;
    switch (numberClaim(claims, "nbf", nbf)) {
    case Presence::Invalid: return fail(Code::IdTokenNotYetValid, "nbf is not a number");
    case Presence::Present:
        if (nbf > now + skew)
            return fail(Code::IdTokenNotYetValid, "token not valid yet (nbf)");
        break;
    case Presence::Absent: break;
    }

    // nonce: required and equal when we sent one; a non-string nonce is never accepted.
    const Presence nonce = stringClaim(claims, "nonce", c.nonce);
    if (nonce == Presence::Invalid)
        return fail(Code::IdTokenNonceMismatch, "nonce is not a string");
    if (!expected.nonce.isEmpty()) {
        if (nonce != Presence::Present)
            return fail(Code::IdTokenNonceMismatch, "nonce missing");
        const QByteArray want = expected.nonce.toUtf8();
        if (!constantTimeEquals(c.nonce->data(), c.nonce->size(), want.constData(), std::size_t(want.size())))
            return fail(Code::IdTokenNonceMismatch, "nonce does not match");
    }

    // at_hash, when both it and the access token are present.
    const std::string *atHash = nullptr;
    const Presence atHashPresence = stringClaim(claims, "at_hash", atHash);
    if (atHashPresence == Presence::Invalid)
        return fail(Code::IdTokenAtHashMismatch, "at_hash is not a string");
    if (atHashPresence == Presence::Present && !expected.accessToken.isEmpty()) {
        const QByteArray want = tokenHash(algorithm, expected.accessToken);
        if (want.isEmpty()
            || !constantTimeEquals(atHash->data(), atHash->size(), want.constData(), std::size_t(want.size())))
            return fail(Code::IdTokenAtHashMismatch, "at_hash does not match the access token");
    }

    // sub: a non-empty string of at most 255 bytes.
    if (stringClaim(claims, "sub", c.sub) != Presence::Present || c.sub->empty() || c.sub->size() > kMaxSubjectBytes)
        return fail(Code::IdTokenSubjectMissing, "sub missing, empty, not a string or too long");

    // auth_time: a number when present; required and recent enough with max_age.
    switch (numberClaim(claims, "auth_time", c.authTime)) {
    case Presence::Invalid: return fail(Code::IdTokenMalformed, "auth_time is not a number");
    case Presence::Present:
        c.hasAuthTime = true;
        if (c.authTime > now + skew)
            return fail(Code::IdTokenNotYetValid, "auth_time is in the future");
        if (expected.maxAgeSeconds >= 0 && now - c.authTime > double(expected.maxAgeSeconds) + skew)
            return fail(Code::IdTokenExpired, "authentication older than max_age");
        break;
    case Presence::Absent:
        if (expected.maxAgeSeconds >= 0)
            return fail(Code::IdTokenExpired, "auth_time missing although max_age was requested");
        break;
    }

    return makeIdToken(jws, std::move(*payload), c);
}

Result<IdToken> idTokenFromTrustedStorage(const QByteArray &compact, qsizetype maxTokenBytes)
{
    auto parsed = Jose::CompactJws::parse(compact, maxTokenBytes);
    if (!parsed)
        return parsed.error();
    auto payload = Jose::parseStrictJsonObject(parsed->payload());
    if (!payload)
        return fail(Code::IdTokenMalformed, "payload is not a JSON object without duplicate members");
    const json &claims = *payload;
    CoreClaims c;
    if (stringClaim(claims, "iss", c.iss) != Presence::Present)
        return fail(Code::IdTokenIssuerMismatch, "iss missing");
    if (!readAudiences(claims, c.aud) || stringClaim(claims, "azp", c.azp) == Presence::Invalid)
        return fail(Code::IdTokenAudienceMismatch, "aud or azp malformed");
    if (numberClaim(claims, "exp", c.exp) != Presence::Present)
        return fail(Code::IdTokenExpired, "exp missing or not a number");
    if (numberClaim(claims, "iat", c.iat) != Presence::Present)
        return fail(Code::IdTokenIatInvalid, "iat missing or not a number");
    if (stringClaim(claims, "nonce", c.nonce) == Presence::Invalid)
        return fail(Code::IdTokenNonceMismatch, "nonce is not a string");
    if (stringClaim(claims, "sub", c.sub) != Presence::Present || c.sub->empty() || c.sub->size() > kMaxSubjectBytes)
        return fail(Code::IdTokenSubjectMissing, "sub missing, empty, not a string or too long");
    switch (numberClaim(claims, "auth_time", c.authTime)) {
    case Presence::Invalid: return fail(Code::IdTokenMalformed, "auth_time is not a number");
    case Presence::Present: c.hasAuthTime = true; break;
    case Presence::Absent: break;
    }
    return makeIdToken(*parsed, std::move(*payload), c);
}

} // namespace Concierge::Internal
