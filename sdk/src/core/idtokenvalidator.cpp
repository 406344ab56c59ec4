// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/idtokenvalidator_p.h"

#include "core/base64url_p.h"
#include "core/idtoken_p.h"
#include "core/jose_p.h"

#include <QtCore/QDateTime>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

namespace Concierge::Internal {

namespace {

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

using Member = Jose::JsonMember;
using Type = Member::Type;

// The claims the validator looks at, in this order; indexes into Claims::members.
enum Claim : std::size_t { Iss, Sub, Aud, Azp, Nonce, AtHash, Exp, Iat, Nbf, AuthTime, ClaimCount };
const char *const kClaimNames[ClaimCount] = {"iss", "sub", "aud", "azp", "nonce", "at_hash", "exp", "iat", "nbf", "auth_time"};

struct Claims
{
    Member members[ClaimCount];
    const Member &operator[](Claim c) const { return members[c]; }
    Member &operator[](Claim c) { return members[c]; }
};

QDateTime toDateTime(double seconds)
{
    const double clamped = std::clamp(seconds, kMinSeconds, kMaxSeconds);
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(clamped * 1000.0)), Qt::UTC);
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

// RFC 8725 §3.11: a JWT explicitly typed as another kind of token (an RFC 9068 access token, a
// back-channel logout token, a security event, a DPoP proof...) must never pass as an ID token.
bool foreignTokenType(std::string_view typ)
{
    std::string t;
    t.reserve(typ.size());
    for (const char ch : typ)
        t.push_back(ch >= 'A' && ch <= 'Z' ? char(ch - 'A' + 'a') : ch);
    std::string_view v(t);
    if (v.substr(0, 12) == "application/")
        v.remove_prefix(12);
    for (const char *other : {"at+jwt", "logout+jwt", "secevent+jwt", "dpop+jwt", "token-introspection+jwt",
                              "jwt-bearer+jwt", "oauth-authz-req+jwt", "entity-statement+jwt"}) {
        if (v == other)
            return true;
    }
    return false;
}

bool subjectValid(const Member &sub)
{
    return sub.type == Type::String && !sub.string.empty() && sub.string.size() <= kMaxSubjectBytes;
}

// aud: a string, or an array of strings (RFC 7519 §4.1.3). Anything else is refused.
bool audienceWellFormed(const Member &aud)
{
    return aud.type == Type::String || aud.type == Type::StringArray;
}

IdToken makeIdToken(const Jose::CompactJws &jws, Claims &c)
{
    auto *d = new IdTokenPrivate;
    d->raw = jws.compact();
    d->payload = jws.payload();
    d->issuer = qs(c[Iss].string);
    d->subject = qs(c[Sub].string);
    if (c[Aud].type == Type::String) {
        d->audiences.append(qs(c[Aud].string));
    } else {
        d->audiences.reserve(qsizetype(c[Aud].strings.size()));
        for (const std::string &a : c[Aud].strings)
            d->audiences.append(qs(a));
    }
    if (c[Azp].type == Type::String)
        d->authorizedParty = qs(c[Azp].string);
    if (c[Nonce].type == Type::String)
        d->nonce = qs(c[Nonce].string);
    d->expiresAt = toDateTime(c[Exp].number);
    d->issuedAt = toDateTime(c[Iat].number);
    if (c[AuthTime].type == Type::Number)
        d->authTime = toDateTime(c[AuthTime].number);
    d->algorithm = QLatin1String(Jose::algorithmName(jws.algorithm()));
    if (const auto &kid = jws.header().kid)
        d->keyId = qs(*kid);
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

    if (const auto &typ = jws.header().typ; typ && foreignTokenType(*typ))
        return fail(Code::IdTokenMalformed, "typ names another kind of token");

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

    Claims c;
    if (!Jose::readTopLevelMembers(jws.payload(), kClaimNames, c.members, ClaimCount))
        return fail(Code::IdTokenMalformed, "payload is not a JSON object without duplicate members");

    // iss: a JSON string, byte for byte.
    if (c[Iss].type != Type::String || !equalsUtf8(c[Iss].string, expected.issuer))
        return fail(Code::IdTokenIssuerMismatch, "iss does not match the issuer");

    // aud / azp.
    if (!audienceWellFormed(c[Aud]))
        return fail(Code::IdTokenAudienceMismatch, "aud missing or not a string or array of strings");
    const bool single = c[Aud].type == Type::String;
    const std::size_t audienceCount = single ? 1 : c[Aud].strings.size();
    bool hasClient = false;
    for (std::size_t i = 0; i < audienceCount; ++i) {
        const std::string &audience = single ? c[Aud].string : c[Aud].strings[i];
        if (equalsUtf8(audience, expected.clientId)) {
            hasClient = true;
            continue;
        }
        bool trusted = false;
        for (const QString &t : expected.trustedAudiences) {
            if (equalsUtf8(audience, t)) {
                trusted = true;
                break;
            }
        }
        if (!trusted)
            return fail(Code::IdTokenAudienceMismatch, "aud contains an untrusted audience");
    }
    if (!hasClient)
        return fail(Code::IdTokenAudienceMismatch, "aud does not contain the client id");
    switch (c[Azp].type) {
    case Type::Absent:
        if (audienceCount > 1)
            return fail(Code::IdTokenAudienceMismatch, "several audiences but no azp");
        break;
    case Type::String:
        if (!equalsUtf8(c[Azp].string, expected.clientId))
            return fail(Code::IdTokenAudienceMismatch, "azp is not the client id");
        break;
    default: return fail(Code::IdTokenAudienceMismatch, "azp is not a string");
    }

    // Time: exp, iat, nbf, with the allowed skew.
    const double now = double(expected.now ? expected.now : QDateTime::currentSecsSinceEpoch());
    const double skew = double(std::max(0, expected.clockSkewSeconds));
    if (c[Exp].type != Type::Number)
        return fail(Code::IdTokenExpired, "exp missing or not a number");
    if (!(now < c[Exp].number + skew))
        return fail(Code::IdTokenExpired, "token expired");
    if (c[Iat].type != Type::Number)
        return fail(Code::IdTokenIatInvalid, "iat missing or not a number");
    if (c[Iat].number > now + skew)
        return fail(Code::IdTokenNotYetValid, "iat is in the future");
    switch (c[Nbf].type) {
    case Type::Absent: break;
    case Type::Number:
        if (c[Nbf].number > now + skew)
            return fail(Code::IdTokenNotYetValid, "token not valid yet (nbf)");
        break;
    default: return fail(Code::IdTokenNotYetValid, "nbf is not a number");
    }

    // nonce: required and equal when we sent one; a non-string nonce is never accepted.
    const Member &nonce = c[Nonce];
    if (nonce.type != Type::Absent && nonce.type != Type::String)
        return fail(Code::IdTokenNonceMismatch, "nonce is not a string");
    if (!expected.nonce.isEmpty()) {
        if (nonce.type != Type::String)
            return fail(Code::IdTokenNonceMismatch, "nonce missing");
        const QByteArray want = expected.nonce.toUtf8();
        if (!constantTimeEquals(nonce.string.data(), nonce.string.size(), want.constData(), std::size_t(want.size())))
            return fail(Code::IdTokenNonceMismatch, "nonce does not match");
    }

    // at_hash, when both it and the access token are present.
    const Member &atHash = c[AtHash];
    if (atHash.type != Type::Absent && atHash.type != Type::String)
        return fail(Code::IdTokenAtHashMismatch, "at_hash is not a string");
    if (atHash.type == Type::String && !expected.accessToken.isEmpty()) {
        const QByteArray want = tokenHash(algorithm, expected.accessToken);
        if (want.isEmpty()
            || !constantTimeEquals(atHash.string.data(), atHash.string.size(), want.constData(), std::size_t(want.size())))
            return fail(Code::IdTokenAtHashMismatch, "at_hash does not match the access token");
    }

    // sub: a non-empty string of at most 255 bytes.
    if (!subjectValid(c[Sub]))
        return fail(Code::IdTokenSubjectMissing, "sub missing, empty, not a string or too long");

    // auth_time: a number when present; required and recent enough with max_age.
    switch (c[AuthTime].type) {
    case Type::Absent:
        if (expected.maxAgeSeconds >= 0)
            return fail(Code::IdTokenExpired, "auth_time missing although max_age was requested");
        break;
    case Type::Number:
        if (c[AuthTime].number > now + skew)
            return fail(Code::IdTokenNotYetValid, "auth_time is in the future");
        if (expected.maxAgeSeconds >= 0 && now - c[AuthTime].number > double(expected.maxAgeSeconds) + skew)
            return fail(Code::IdTokenExpired, "authentication older than max_age");
        break;
    default: return fail(Code::IdTokenMalformed, "auth_time is not a number");
    }

    return makeIdToken(jws, c);
}

Result<IdToken> idTokenFromTrustedStorage(const QByteArray &compact, qsizetype maxTokenBytes)
{
    auto parsed = Jose::CompactJws::parse(compact, maxTokenBytes);
    if (!parsed)
        return parsed.error();
    Claims c;
    if (!Jose::readTopLevelMembers(parsed->payload(), kClaimNames, c.members, ClaimCount))
        return fail(Code::IdTokenMalformed, "payload is not a JSON object without duplicate members");
    if (c[Iss].type != Type::String)
        return fail(Code::IdTokenIssuerMismatch, "iss missing");
    if (!audienceWellFormed(c[Aud]) || (c[Azp].type != Type::Absent && c[Azp].type != Type::String))
        return fail(Code::IdTokenAudienceMismatch, "aud or azp malformed");
    if (c[Exp].type != Type::Number)
        return fail(Code::IdTokenExpired, "exp missing or not a number");
    if (c[Iat].type != Type::Number)
        return fail(Code::IdTokenIatInvalid, "iat missing or not a number");
    if (c[Nonce].type != Type::Absent && c[Nonce].type != Type::String)
        return fail(Code::IdTokenNonceMismatch, "nonce is not a string");
    if (!subjectValid(c[Sub]))
        return fail(Code::IdTokenSubjectMissing, "sub missing, empty, not a string or too long");
    if (c[AuthTime].type != Type::Absent && c[AuthTime].type != Type::Number)
        return fail(Code::IdTokenMalformed, "auth_time is not a number");
    return makeIdToken(*parsed, c);
}

} // namespace Concierge::Internal
