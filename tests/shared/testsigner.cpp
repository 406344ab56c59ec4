// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "testsigner.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QMutex>

#include <functional>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace Concierge::Test {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};

TestKey::Type typeOf(EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_EC: return TestKey::Type::Ec;
    case EVP_PKEY_ED25519: return TestKey::Type::Ed25519;
    default: return TestKey::Type::Rsa;
    }
}

QByteArray bnParam(EVP_PKEY *key, const char *name, int padTo = 0)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return {};
    const int size = padTo ? padTo : BN_num_bytes(bn);
    QByteArray out(size, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), size);
    BN_free(bn);
    return out;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

// DER ECDSA-Sig-Value → JOSE R || S.
QByteArray derToJose(const QByteArray &der, int width)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
    if (!sig)
        return {};
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig, &r, &s);
    QByteArray out(2 * width, '\0');
    BN_bn2binpad(r, reinterpret_cast<unsigned char *>(out.data()), width);
    BN_bn2binpad(s, reinterpret_cast<unsigned char *>(out.data()) + width, width);
    ECDSA_SIG_free(sig);
    return out;
}

QByteArray headerAndSign(const TestKey &key, const QString &alg, QJsonObject header, const QJsonObject &payload)
{
    header.insert(QStringLiteral("alg"), alg);
    return signCompactRaw(key, alg, compactJson(header), compactJson(payload));
}

} // namespace

TestKey TestKey::generateRsa(const QByteArray &kid, int bits)
{
    TestKey k;
    k.m_key.reset(EVP_RSA_gen(unsigned(bits)), PkeyDeleter());
    k.m_kid = kid;
    k.m_type = Type::Rsa;
    return k;
}

TestKey TestKey::generateEc(const QByteArray &kid)
{
    TestKey k;
    k.m_key.reset(EVP_EC_gen("P-256"), PkeyDeleter());
    k.m_kid = kid;
    k.m_type = Type::Ec;
    return k;
}

TestKey TestKey::generateEd25519(const QByteArray &kid)
{
    TestKey k;
    k.m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), PkeyDeleter());
    k.m_kid = kid;
    k.m_type = Type::Ed25519;
    return k;
}

namespace {
TestKey cached(const QByteArray &cacheKey, const std::function<TestKey()> &make)
{
    static QMutex mutex;
    static QHash<QByteArray, TestKey> keys;
    QMutexLocker lock(&mutex);
    auto it = keys.find(cacheKey);
    if (it == keys.end())
        it = keys.insert(cacheKey, make());
    return *it;
}
} // namespace

TestKey TestKey::rsa(const QByteArray &kid, int bits)
{
    return cached("rsa/" + QByteArray::number(bits) + '/' + kid, [&] { return generateRsa(kid, bits); });
}

TestKey TestKey::ec(const QByteArray &kid)
{
    return cached("ec/" + kid, [&] { return generateEc(kid); });
}

TestKey TestKey::ed25519(const QByteArray &kid)
{
    return cached("ed/" + kid, [&] { return generateEd25519(kid); });
}

TestKey TestKey::fromPrivatePem(const QByteArray &pem, const QByteArray &kid)
{
    TestKey k;
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key)
        return k;
    k.m_key.reset(key, PkeyDeleter());
    k.m_kid = kid;
    k.m_type = typeOf(key);
    return k;
}

TestKey TestKey::withKid(const QByteArray &kid) const
{
    TestKey k = *this;
    k.m_kid = kid;
    return k;
}

QString TestKey::defaultAlgorithm() const
{
    switch (m_type) {
    case Type::Rsa: return QStringLiteral("RS256");
    case Type::Ec: return QStringLiteral("ES256");
    case Type::Ed25519: return QStringLiteral("EdDSA");
    }
    return {};
}

int TestKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

QJsonObject TestKey::publicJwk(const QString &alg, const QString &use) const
{
    QJsonObject jwk;
    if (!m_key)
        return jwk;
    EVP_PKEY *key = m_key.get();
    switch (m_type) {
    case Type::Rsa:
        jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        jwk.insert(QStringLiteral("n"), QString::fromLatin1(base64Url(bnParam(key, OSSL_PKEY_PARAM_RSA_N))));
        jwk.insert(QStringLiteral("e"), QString::fromLatin1(base64Url(bnParam(key, OSSL_PKEY_PARAM_RSA_E))));
        break;
    case Type::Ec:
        jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        jwk.insert(QStringLiteral("x"), QString::fromLatin1(base64Url(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X, 32))));
        jwk.insert(QStringLiteral("y"), QString::fromLatin1(base64Url(bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32))));
        break;
    case Type::Ed25519: {
        unsigned char raw[32];
        std::size_t size = sizeof raw;
        EVP_PKEY_get_raw_public_key(key, raw, &size);
        jwk.insert(QStringLiteral("kty"), QStringLiteral("OKP"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("Ed25519"));
        jwk.insert(QStringLiteral("x"), QString::fromLatin1(base64Url(QByteArrayView(raw, qsizetype(size)))));
        break;
    }
    }
    if (!m_kid.isEmpty())
        jwk.insert(QStringLiteral("kid"), QString::fromUtf8(m_kid));
    if (!alg.isEmpty())
        jwk.insert(QStringLiteral("alg"), alg);
    if (!use.isEmpty())
        jwk.insert(QStringLiteral("use"), use);
    return jwk;
}

QByteArray TestKey::publicKeyPem() const
{
    if (!m_key)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, m_key.get());
    const QByteArray out = bioContents(bio);
    BIO_free(bio);
    return out;
}

QByteArray TestKey::publicKeyDer() const
{
    if (!m_key)
        return {};
    unsigned char *der = nullptr;
    const int size = i2d_PUBKEY(m_key.get(), &der);
    if (size <= 0)
        return {};
    const QByteArray out(reinterpret_cast<const char *>(der), size);
    OPENSSL_free(der);
    return out;
}

QByteArray TestKey::privateKeyPem() const
{
    if (!m_key)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, m_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    const QByteArray out = bioContents(bio);
    BIO_free(bio);
    return out;
}

QByteArray TestKey::sign(const QString &alg, QByteArrayView signingInput) const
{
    if (!m_key)
        return {};
    const char *md = nullptr;
    if (alg == QLatin1String("RS256") || alg == QLatin1String("PS256") || alg == QLatin1String("ES256"))
        md = "SHA256";
    else if (alg != QLatin1String("EdDSA"))
        return {};
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    QByteArray out;
    std::size_t size = 0;
    if (EVP_DigestSignInit_ex(ctx, &pctx, md, nullptr, nullptr, m_key.get(), nullptr) == 1) {
        bool ok = true;
        if (alg == QLatin1String("PS256"))
            ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
                && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) == 1;
        const auto *tbs = reinterpret_cast<const unsigned char *>(signingInput.data());
        if (ok && EVP_DigestSign(ctx, nullptr, &size, tbs, std::size_t(signingInput.size())) == 1) {
            out.resize(qsizetype(size));
            if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(out.data()), &size, tbs,
                               std::size_t(signingInput.size())) == 1)
                out.resize(qsizetype(size));
            else
                out.clear();
        }
    }
    EVP_MD_CTX_free(ctx);
    ERR_clear_error();
    if (!out.isEmpty() && EVP_PKEY_get_base_id(m_key.get()) == EVP_PKEY_EC)
        out = derToJose(out, (EVP_PKEY_get_bits(m_key.get()) + 7) / 8);
    return out;
}

QByteArray jwksDocument(const QList<QJsonObject> &jwks)
{
    QJsonArray keys;
    for (const QJsonObject &jwk : jwks)
        keys.append(jwk);
    return compactJson(QJsonObject{{QStringLiteral("keys"), keys}});
}

QByteArray jwksDocument(const QList<TestKey> &keys)
{
    QList<QJsonObject> jwks;
    for (const TestKey &key : keys)
        jwks.append(key.publicJwk());
    return jwksDocument(jwks);
}

QByteArray base64Url(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray signJwt(const TestKey &key, const QJsonObject &payload, const QJsonObject &header)
{
    QJsonObject h = header;
    if (!h.contains(QStringLiteral("alg")))
        h.insert(QStringLiteral("alg"), key.defaultAlgorithm());
    if (!h.contains(QStringLiteral("kid")) && !key.kid().isEmpty())
        h.insert(QStringLiteral("kid"), QString::fromUtf8(key.kid()));
    return signCompactRaw(key, h.value(QStringLiteral("alg")).toString(), compactJson(h), compactJson(payload));
}

QByteArray signCompactRaw(const TestKey &key, const QString &alg, const QByteArray &headerJson,
                          const QByteArray &payloadJson)
{
    const QByteArray input = base64Url(headerJson) + '.' + base64Url(payloadJson);
    return input + '.' + base64Url(key.sign(alg, input));
}

QJsonObject idTokenClaims(const QString &issuer, const QString &clientId, qint64 now, const QString &nonce,
                          const QString &subject, qint64 lifetime)
{
    QJsonObject claims{
        {QStringLiteral("iss"), issuer},
        {QStringLiteral("sub"), subject},
        {QStringLiteral("aud"), clientId},
        {QStringLiteral("exp"), now + lifetime},
        {QStringLiteral("iat"), now},
    };
    if (!nonce.isEmpty())
        claims.insert(QStringLiteral("nonce"), nonce);
    return claims;
}

QByteArray unsecuredJwt(const QJsonObject &payload, const QJsonObject &extraHeader)
{
    QJsonObject header = extraHeader;
    header.insert(QStringLiteral("alg"), QStringLiteral("none"));
    return base64Url(compactJson(header)) + '.' + base64Url(compactJson(payload)) + '.';
}

QByteArray hs256Jwt(const QByteArray &secret, const QJsonObject &payload, const QByteArray &kid)
{
    QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!kid.isEmpty())
        header.insert(QStringLiteral("kid"), QString::fromUtf8(kid));
    const QByteArray input = base64Url(compactJson(header)) + '.' + base64Url(compactJson(payload));
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    HMAC(EVP_sha256(), secret.constData(), int(secret.size()), reinterpret_cast<const unsigned char *>(input.constData()),
         std::size_t(input.size()), mac, &size);
    return input + '.' + base64Url(QByteArrayView(mac, qsizetype(size)));
}

QByteArray jwtWithEmbeddedJwk(const TestKey &attacker, const QJsonObject &payload, const QByteArray &kid)
{
    QJsonObject header{{QStringLiteral("jwk"), attacker.publicJwk(attacker.defaultAlgorithm())}};
    if (!kid.isEmpty())
        header.insert(QStringLiteral("kid"), QString::fromUtf8(kid));
    return headerAndSign(attacker, attacker.defaultAlgorithm(), header, payload);
}

QByteArray jwtWithKeyUrl(const TestKey &attacker, const QString &member, const QString &url,
                         const QJsonObject &payload, const QByteArray &kid)
{
    QJsonObject header{{member, url}};
    if (!kid.isEmpty())
        header.insert(QStringLiteral("kid"), QString::fromUtf8(kid));
    return headerAndSign(attacker, attacker.defaultAlgorithm(), header, payload);
}

QByteArray atHash(const QString &alg, const QByteArray &token)
{
    const auto method = alg == QLatin1String("EdDSA") ? QCryptographicHash::Sha512 : QCryptographicHash::Sha256;
    const QByteArray digest = QCryptographicHash::hash(token, method);
    return base64Url(digest.left(digest.size() / 2));
}

} // namespace Concierge::Test
