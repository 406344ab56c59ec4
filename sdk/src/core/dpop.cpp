// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/dpop_p.h"

#include "core/base64url_p.h"
#include "core/openssl_p.h"
#include "core/jose_p.h"
#include "core/random_p.h"

#include <QtCore/QJsonValue>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <nlohmann/json.hpp>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstring>
#include <string>

namespace Concierge::Jose {

namespace {

using json = nlohmann::json;

constexpr int kCoordinateBytes = 32; // P-256
constexpr int kJtiRandomBytes = 16;  // 128 bits (RFC 9449 §4.2 asks for at least 96)
constexpr qsizetype kMaxWwwAuthenticateBytes = 16 * 1024;




QByteArray sha256Base64Url(QByteArrayView data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.data(), std::size_t(data.size()), digest, &size, hashForAlgorithm(Algorithm::ES256),
                   nullptr)
        != 1)
        return {};
    return base64UrlEncode(QByteArrayView(reinterpret_cast<const char *>(digest), qsizetype(size)));
}

// One affine coordinate of the public point, big-endian, left-padded to 32 bytes, base64url.
std::string coordinate(EVP_PKEY *key, const char *name)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1)
        return {};
    std::unique_ptr<BIGNUM, BnDeleter> bn(raw);
    unsigned char bytes[kCoordinateBytes];
    if (BN_bn2binpad(bn.get(), bytes, kCoordinateBytes) != kCoordinateBytes)
        return {};
    return base64UrlEncode(QByteArrayView(reinterpret_cast<const char *>(bytes), kCoordinateBytes)).toStdString();
}

bool isP256(EVP_PKEY *key)
{
    if (!EVP_PKEY_is_a(key, "EC"))
        return false; // RSA, Ed25519, SM2, ...
    char group[64] = {};
    std::size_t length = 0;
    if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) != 1 || std::strcmp(group, "prime256v1") != 0)
        return false;
    // A key that spelled out the P-256 parameters instead of naming the curve: not what we write.
    int explicitParameters = 0;
    if (EVP_PKEY_get_int_param(key, OSSL_PKEY_PARAM_EC_DECODED_FROM_EXPLICIT_PARAMS, &explicitParameters) == 1
        && explicitParameters != 0)
        return false;
    return true;
}

// RFC 9110 §5.6.2 tchar.
bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

bool isPrintableAscii(QByteArrayView text)
{
    for (const char c : text) {
        if (c < 0x20 || c > 0x7e)
            return false;
    }
    return true;
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimmedOws(QByteArrayView value)
{
    while (!value.isEmpty() && isOws(value.front()))
        value = value.sliced(1);
    while (!value.isEmpty() && isOws(value.back()))
        value.chop(1);
    return value;
}

bool equalsIgnoringAsciiCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), b.data(), std::size_t(a.size())) == 0;
}

// ES256 over \a signingInput; the JOSE form R || S (RFC 7518 §3.4), or empty on failure.
QByteArray signEs256(EVP_PKEY *key, QByteArrayView signingInput)
{
    ErrorQueueGuard errors;
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, hashForAlgorithm(Algorithm::ES256), nullptr, key) != 1)
        return {};
    const auto *tbs = reinterpret_cast<const unsigned char *>(signingInput.data());
    std::size_t derSize = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &derSize, tbs, std::size_t(signingInput.size())) != 1 || derSize == 0)
        return {};
    QByteArray der(qsizetype(derSize), Qt::Uninitialized);
    auto *derData = reinterpret_cast<unsigned char *>(der.data());
    if (EVP_DigestSign(ctx.get(), derData, &derSize, tbs, std::size_t(signingInput.size())) != 1)
        return {};
    const unsigned char *p = derData;
    std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter> sig(d2i_ECDSA_SIG(nullptr, &p, long(derSize)));
    if (!sig)
        return {};
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray out(2 * kCoordinateBytes, Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    if (BN_bn2binpad(r, o, kCoordinateBytes) != kCoordinateBytes
        || BN_bn2binpad(s, o + kCoordinateBytes, kCoordinateBytes) != kCoordinateBytes)
        return {};
    return out;
}

Error keyError(const char *what)
{
    return Error(Error::Code::InvalidArgument, QStringLiteral("DPoP key: ") + QString::fromLatin1(what));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// DpopKey
// ---------------------------------------------------------------------------------------------

struct DpopKey::Data
{
    PkeyPtr key;
    std::string x; // base64url
    std::string y;
    QByteArray thumbprint;
    QByteArray encodedHeader; // base64url of the proof's JOSE header, the same for every proof
};

DpopKey DpopKey::adopt(EVP_PKEY *rawKey)
{
    PkeyPtr key(rawKey);
    auto data = std::make_shared<Data>();
    data->x = coordinate(key.get(), OSSL_PKEY_PARAM_EC_PUB_X);
    data->y = coordinate(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y);
    if (data->x.empty() || data->y.empty())
        return {};
    const json jwk = {{"kty", "EC"}, {"crv", "P-256"}, {"x", data->x}, {"y", data->y}};
    // nlohmann::json objects are ordered by member name and dump() writes no whitespace: this is
    // the RFC 7638 canonical form.
    data->thumbprint = sha256Base64Url(QByteArray::fromStdString(jwk.dump()));
    if (data->thumbprint.isEmpty())
        return {};
    const json header = {{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", jwk}};
    data->encodedHeader = base64UrlEncode(QByteArray::fromStdString(header.dump()));
    data->key = std::move(key);
    DpopKey out;
    out.m_d = std::move(data);
    return out;
}

Result<DpopKey> DpopKey::generate()
{
    ErrorQueueGuard errors;
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    DpopKey out = key ? adopt(key) : DpopKey();
    if (out.isNull())
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("DPoP key: P-256 key generation failed"));
    return out;
}

Result<DpopKey> DpopKey::fromPrivateDer(const QByteArray &der)
{
    if (der.isEmpty() || der.size() > kMaxDerBytes)
        return keyError("not a PKCS#8 private key");
    ErrorQueueGuard errors;
    const auto *begin = reinterpret_cast<const unsigned char *>(der.constData());
    const unsigned char *p = begin;
    std::unique_ptr<PKCS8_PRIV_KEY_INFO, Pkcs8Deleter> p8(d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, long(der.size())));
    if (!p8 || p != begin + der.size())
        return keyError("not a PKCS#8 private key");
    PkeyPtr key(EVP_PKCS82PKEY(p8.get()));
    if (!key)
        return keyError("not a PKCS#8 private key");
    if (!isP256(key.get()))
        return keyError("not an EC P-256 key");
    // The private scalar is in range and the public point (stored or derived) matches it.
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_check(check.get()) != 1)
        return keyError("inconsistent key pair");
    DpopKey out = adopt(key.release());
    if (out.isNull())
        return keyError("not an EC P-256 key");
    return out;
}

QByteArray DpopKey::toPrivateDer() const
{
    if (!m_d)
        return {};
    ErrorQueueGuard errors;
    std::unique_ptr<PKCS8_PRIV_KEY_INFO, Pkcs8Deleter> p8(EVP_PKEY2PKCS8(m_d->key.get()));
    if (!p8)
        return {};
    unsigned char *der = nullptr;
    const int size = i2d_PKCS8_PRIV_KEY_INFO(p8.get(), &der);
    if (size <= 0 || !der)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), size);
    OPENSSL_clear_free(der, std::size_t(size)); // private key material
    return out;
}

QJsonObject DpopKey::publicJwk() const
{
    if (!m_d)
        return {};
    return QJsonObject{
        {QStringLiteral("kty"), QStringLiteral("EC")},
        {QStringLiteral("crv"), QStringLiteral("P-256")},
        {QStringLiteral("x"), QString::fromStdString(m_d->x)},
        {QStringLiteral("y"), QString::fromStdString(m_d->y)},
    };
}

QByteArray DpopKey::thumbprint() const
{
    return m_d ? m_d->thumbprint : QByteArray();
}

// ---------------------------------------------------------------------------------------------
// Thumbprints, ath, htu
// ---------------------------------------------------------------------------------------------

QByteArray jwkThumbprint(const QJsonObject &jwk)
{
    const QJsonValue kty = jwk.value(QStringLiteral("kty"));
    if (!kty.isString())
        return {};
    const char *const *required = nullptr;
    static const char *const rsa[] = {"e", "kty", "n", nullptr};
    static const char *const ec[] = {"crv", "kty", "x", "y", nullptr};
    static const char *const okp[] = {"crv", "kty", "x", nullptr};
    const QString type = kty.toString();
    if (type == QLatin1String("RSA"))
        required = rsa;
    else if (type == QLatin1String("EC"))
        required = ec;
    else if (type == QLatin1String("OKP"))
        required = okp;
    else
        return {};
    json canonical = json::object();
    for (const char *const *name = required; *name; ++name) {
        const QJsonValue value = jwk.value(QLatin1String(*name));
        if (!value.isString())
            return {};
        canonical[*name] = value.toString().toStdString(); // QString → UTF-8: always valid
    }
    return sha256Base64Url(QByteArray::fromStdString(canonical.dump()));
}

QByteArray dpopAccessTokenHash(QByteArrayView accessToken)
{
    return sha256Base64Url(accessToken);
}

QByteArray dpopHtu(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    int defaultPort = 0;
    if (scheme == QLatin1String("https"))
        defaultPort = 443;
    else if (scheme == QLatin1String("http"))
        defaultPort = 80;
    else
        return {};
    QUrl target = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    target.setScheme(scheme);
    if (target.port() == defaultPort)
        target.setPort(-1);
    if (target.path().isEmpty())
        target.setPath(QStringLiteral("/"));
    if (!target.isValid())
        return {};
    return target.toEncoded(QUrl::FullyEncoded);
}

// ---------------------------------------------------------------------------------------------
// The proof
// ---------------------------------------------------------------------------------------------

QByteArray createDpopProof(const DpopKey &key, const QByteArray &htm, const QUrl &htu, qint64 iat,
                           const QByteArray &accessToken, const QByteArray &nonce, const QByteArray &jti)
{
    if (!key.m_d || !isToken(htm) || iat < 0)
        return {};
    if (!nonce.isEmpty() && !isValidDpopNonce(nonce))
        return {};
    if (!isPrintableAscii(jti))
        return {};
    const QByteArray target = dpopHtu(htu);
    if (target.isEmpty())
        return {};

    // Every string is printable ASCII here, so dump() cannot meet invalid UTF-8 and throw.
    json payload = {
        {"jti", (jti.isEmpty() ? Internal::secureRandomToken(kJtiRandomBytes) : jti).toStdString()},
        {"htm", htm.toStdString()},
        {"htu", target.toStdString()},
        {"iat", iat},
    };
    if (!accessToken.isEmpty())
        payload["ath"] = dpopAccessTokenHash(accessToken).toStdString();
    if (!nonce.isEmpty())
        payload["nonce"] = nonce.toStdString();

    QByteArray token = key.m_d->encodedHeader;
    token += '.';
    token += base64UrlEncode(QByteArray::fromStdString(payload.dump()));
    const QByteArray signature = signEs256(key.m_d->key.get(), token);
    if (signature.isEmpty())
        return {};
    token += '.';
    token += base64UrlEncode(signature);
    return token;
}

// ---------------------------------------------------------------------------------------------
// Server nonces (RFC 9449 §8, §9)
// ---------------------------------------------------------------------------------------------

bool isValidDpopNonce(QByteArrayView nonce)
{
    if (nonce.isEmpty() || nonce.size() > kMaxDpopNonceBytes)
        return false;
    for (const char c : nonce) {
        // NQCHAR = %x21 / %x23-5B / %x5D-7E: visible ASCII except '"' and '\'.
        if (c < 0x21 || c > 0x7e || c == '"' || c == '\\')
            return false;
    }
    return true;
}

QByteArray dpopNonceFromHeaderValue(QByteArrayView value)
{
    const QByteArrayView nonce = trimmedOws(value);
    return isValidDpopNonce(nonce) ? nonce.toByteArray() : QByteArray();
}

QByteArray dpopNonceFromHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray found;
    bool seen = false;
    for (const auto &header : headers) {
        if (!equalsIgnoringAsciiCase(header.first, "DPoP-Nonce"))
            continue;
        const QByteArray nonce = dpopNonceFromHeaderValue(header.second);
        if (nonce.isEmpty() || (seen && nonce != found))
            return {}; // an invalid or a conflicting field: use none of them
        found = nonce;
        seen = true;
    }
    return found;
}

namespace {

// RFC 9110 §11.6.1 WWW-Authenticate, just enough to find one parameter of one challenge.
class ChallengeReader
{
public:
    explicit ChallengeReader(QByteArrayView text) : m_p(text.begin()), m_end(text.end()) {}

    bool atEnd() const { return m_p == m_end; }
    char peek() const { return *m_p; }

    bool skipOws()
    {
        const char *start = m_p;
        while (m_p != m_end && isOws(*m_p))
            ++m_p;
        return m_p != start;
    }

    void skipOwsAndCommas()
    {
        while (m_p != m_end && (isOws(*m_p) || *m_p == ','))
            ++m_p;
    }

    QByteArrayView token()
    {
        const char *start = m_p;
        while (m_p != m_end && isTchar(*m_p))
            ++m_p;
        return QByteArrayView(start, m_p);
    }

    // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=", alone up to the
    // next comma or the end. Consumes it and returns true, or consumes nothing.
    bool token68()
    {
        const char *start = m_p;
        const char *p = m_p;
        auto isToken68Char = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        };
        while (p != m_end && isToken68Char(*p))
            ++p;
        if (p == start)
            return false;
        while (p != m_end && *p == '=')
            ++p;
        while (p != m_end && isOws(*p))
            ++p;
        if (p != m_end && *p != ',')
            return false;
        m_p = p;
        return true;
    }

    // The value of an auth-param: a token, or a quoted-string with its quoted-pairs resolved.
    bool value(QByteArray &out)
    {
        out.clear();
        if (m_p == m_end)
            return false;
        if (*m_p != '"') {
            const QByteArrayView t = token();
            out = t.toByteArray();
            return !t.isEmpty();
        }
        ++m_p;
        while (m_p != m_end) {
            const auto c = static_cast<unsigned char>(*m_p++);
            if (c == '"')
                return true;
            if (c == '\\') {
                if (m_p == m_end)
                    return false;
                const auto escaped = static_cast<unsigned char>(*m_p++);
                if (escaped != '\t' && (escaped < 0x20 || escaped == 0x7f))
                    return false;
                out += char(escaped);
                continue;
            }
            if (c != '\t' && (c < 0x20 || c == 0x7f))
                return false; // qdtext: HTAB / SP / VCHAR except '"' and '\' / obs-text
            out += char(c);
        }
        return false; // unterminated
    }

    const char *position() const { return m_p; }
    void skipOne() { ++m_p; }

private:
    const char *m_p;
    const char *m_end;
};

} // namespace

bool isUseDpopNonceChallenge(const QByteArray &wwwAuthenticate)
{
    if (wwwAuthenticate.size() > kMaxWwwAuthenticateBytes)
        return false;
    ChallengeReader in(wwwAuthenticate);
    bool haveChallenge = false; // a scheme has been read; "name=" now continues its parameters
    bool expectParameter = false; // just after "scheme SP": a parameter must follow
    bool inDpop = false;
    bool found = false; // only reported when the whole value parses
    QByteArray value;
    for (;;) {
        in.skipOwsAndCommas(); // empty list elements are allowed (RFC 9110 §5.6.1.2)
        if (in.atEnd())
            return found;
        const QByteArrayView name = in.token();
        if (name.isEmpty())
            return false;
        in.skipOws();
        const bool isParameter = haveChallenge && !in.atEnd() && in.peek() == '=';
        if (isParameter) {
            in.skipOne(); // '='
            in.skipOws();
            if (!in.value(value))
                return false;
            in.skipOws();
            if (!in.atEnd() && in.peek() != ',')
                return false;
            if (inDpop && equalsIgnoringAsciiCase(name, "error") && value == "use_dpop_nonce")
                found = true;
            expectParameter = false;
            continue;
        }
        if (expectParameter)
            return false; // "Basic DPoP ...": a second bare word where a parameter belongs
        // A new challenge: auth-scheme [ 1*SP ( token68 / #auth-param ) ].
        haveChallenge = true;
        inDpop = equalsIgnoringAsciiCase(name, "DPoP");
        if (in.atEnd() || in.peek() == ',')
            continue;
        const char *afterScheme = in.position();
        if (afterScheme == name.end())
            return false; // something glued to the scheme, like "DPoP=x" or "DPoP\"x\""
        if (in.token68())
            continue;
        expectParameter = true;
    }
}

} // namespace Concierge::Jose
