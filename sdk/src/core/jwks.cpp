// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/jwks_p.h"

#include "core/base64url_p.h"
#include "core/openssl_p.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <algorithm>
#include <cstring>

namespace Concierge::Jose {

namespace {

using json = nlohmann::json;

constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;
constexpr std::size_t kMaxRsaExponentBytes = 8;





//! The string member \a name: nullptr when absent; \a ok false when present but not a string.
const std::string *optionalString(const json &object, const char *name, bool &ok)
{
    const auto it = object.find(name);
    if (it == object.end())
        return nullptr;
    if (!it->is_string()) {
        ok = false;
        return nullptr;
    }
    return &it->get_ref<const std::string &>();
}

std::optional<QByteArray> decodedMember(const json &object, const char *name)
{
    bool ok = true;
    const std::string *text = optionalString(object, name, ok);
    if (!text)
        return std::nullopt;
    return base64UrlDecode(QByteArrayView(text->data(), qsizetype(text->size())));
}

QByteArrayView stripLeadingZeros(const QByteArray &bytes)
{
    qsizetype i = 0;
    while (i < bytes.size() && bytes.at(i) == 0)
        ++i;
    return QByteArrayView(bytes).sliced(i);
}

PkeyPtr fromData(const char *keyType, OSSL_PARAM *params)
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, keyType, nullptr));
    EVP_PKEY *key = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1)
        return nullptr;
    return PkeyPtr(key);
}

PkeyPtr importRsa(const json &jwk, int &bits)
{
    const auto n = decodedMember(jwk, "n");
    const auto e = decodedMember(jwk, "e");
    if (!n || !e)
        return nullptr;
    const QByteArrayView modulus = stripLeadingZeros(*n);
    const QByteArrayView exponent = stripLeadingZeros(*e);
    if (modulus.isEmpty() || exponent.isEmpty() || std::size_t(exponent.size()) > kMaxRsaExponentBytes)
        return nullptr;
    // The exponent must be odd and greater than 1; the modulus odd.
    if ((exponent.back() & 1) == 0 || (exponent.size() == 1 && quint8(exponent.back()) < 3)
        || (modulus.back() & 1) == 0)
        return nullptr;
    const auto *mb = reinterpret_cast<const unsigned char *>(modulus.data());
    int modulusBits = int(modulus.size()) * 8;
    for (unsigned char top = mb[0]; !(top & 0x80); top <<= 1)
        --modulusBits;
    if (modulusBits < kMinRsaBits || modulusBits > kMaxRsaBits)
        return nullptr;

    std::unique_ptr<BIGNUM, BnDeleter> bnN(BN_bin2bn(mb, int(modulus.size()), nullptr));
    std::unique_ptr<BIGNUM, BnDeleter> bnE(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(exponent.data()), int(exponent.size()), nullptr));
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> bld(OSSL_PARAM_BLD_new());
    if (!bnN || !bnE || !bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get()) != 1
        || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()) != 1)
        return nullptr;
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(bld.get()));
    if (!params)
        return nullptr;
    PkeyPtr key = fromData("RSA", params.get());
    if (!key || EVP_PKEY_get_bits(key.get()) != modulusBits)
        return nullptr;
    bits = modulusBits;
    return key;
}

PkeyPtr importEcP256(const json &jwk)
{
    bool ok = true;
    const std::string *crv = optionalString(jwk, "crv", ok);
    if (!crv || *crv != "P-256")
        return nullptr;
    const auto x = decodedMember(jwk, "x");
    const auto y = decodedMember(jwk, "y");
    // RFC 7518 §6.2.1.2/3: full-length coordinates, 32 bytes each for P-256.
    if (!x || !y || x->size() != 32 || y->size() != 32)
        return nullptr;
    unsigned char point[65];
    point[0] = 0x04; // uncompressed
    std::memcpy(point + 1, x->constData(), 32);
    std::memcpy(point + 33, y->constData(), 32);
    char group[] = "prime256v1";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point),
        OSSL_PARAM_construct_end(),
    };
    PkeyPtr key = fromData("EC", const_cast<OSSL_PARAM *>(params));
    if (!key)
        return nullptr; // includes points that are not on the curve
    // Belt and braces: a full public-key check (on curve, not infinity, correct order).
    PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return nullptr;
    return key;
}

PkeyPtr importEd25519(const json &jwk)
{
    bool ok = true;
    const std::string *crv = optionalString(jwk, "crv", ok);
    if (!crv || *crv != "Ed25519")
        return nullptr;
    const auto x = decodedMember(jwk, "x");
    if (!x || x->size() != 32)
        return nullptr;
    return PkeyPtr(EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr,
                                                  reinterpret_cast<const unsigned char *>(x->constData()), 32));
}

bool typeFits(JsonWebKey::Type type, Algorithm algorithm)
{
    switch (type) {
    case JsonWebKey::Type::Rsa: return algorithm == Algorithm::RS256 || algorithm == Algorithm::PS256;
    case JsonWebKey::Type::EcP256: return algorithm == Algorithm::ES256;
    case JsonWebKey::Type::Ed25519: return algorithm == Algorithm::EdDSA;
    }
    return false;
}

} // namespace

bool JsonWebKey::fits(Algorithm algorithm) const
{
    if (algorithm == Algorithm::Unsupported || !typeFits(m_type, algorithm))
        return false;
    return m_algorithm == Algorithm::Unsupported || m_algorithm == algorithm;
}

bool JsonWebKey::verify(Algorithm algorithm, QByteArrayView signingInput, QByteArrayView signature) const
{
    if (!fits(algorithm))
        return false;
    const PreparedVerifier &prepared = m_verifiers[std::size_t(algorithm)];
    if (!prepared.isNull())
        return prepared.verify(signingInput, signature);
    return verifySignature(algorithm, m_key.get(), signingInput, signature);
}

Result<JsonWebKeySet> JsonWebKeySet::fromJson(const QByteArray &document, qsizetype maxBytes)
{
    if (document.size() > maxBytes)
        return Error(Error::Code::JwksInvalid, QStringLiteral("JWKS exceeds the size limit"));
    const auto root = parseStrictJsonObject(document);
    if (!root)
        return Error(Error::Code::JwksInvalid, QStringLiteral("JWKS is not a JSON object without duplicate members"));
    const auto keys = root->find("keys");
    if (keys == root->end() || !keys->is_array())
        return Error(Error::Code::JwksInvalid, QStringLiteral("JWKS has no keys array"));

    ErrorQueueGuard errors; // failed imports must not leave anything in the OpenSSL error queue
    auto data = std::make_shared<Data>();
    int seen = 0;
    for (const json &jwk : *keys) {
        if (++seen > kMaxKeys) {
            ++data->ignored;
            continue;
        }
        JsonWebKey key;
        if (!jwk.is_object()) {
            ++data->ignored;
            continue;
        }
        bool ok = true;
        const std::string *kty = optionalString(jwk, "kty", ok);
        const std::string *use = optionalString(jwk, "use", ok);
        const std::string *alg = optionalString(jwk, "alg", ok);
        const std::string *kid = optionalString(jwk, "kid", ok);
        if (!ok || !kty || (use && *use != "sig") || jwk.contains("d")) {
            ++data->ignored;
            continue;
        }
        if (const auto ops = jwk.find("key_ops"); ops != jwk.end()) {
            bool verify = false;
            if (!ops->is_array())
                ok = false;
            else
                for (const json &op : *ops) {
                    if (!op.is_string())
                        ok = false;
                    else if (op.get_ref<const std::string &>() == "verify")
                        verify = true;
                }
            if (!ok || !verify) {
                ++data->ignored;
                continue;
            }
        }
        if (alg) {
            key.m_algorithm = algorithmFromName(*alg);
            if (key.m_algorithm == Algorithm::Unsupported) {
                ++data->ignored;
                continue;
            }
        }
        if (kid) {
            if (kid->size() > kMaxKidBytes) {
                ++data->ignored;
                continue;
            }
            key.m_hasKid = true;
            key.m_kid = *kid;
        }

        PkeyPtr pkey;
        if (*kty == "RSA") {
            key.m_type = JsonWebKey::Type::Rsa;
            pkey = importRsa(jwk, key.m_bits);
        } else if (*kty == "EC") {
            key.m_type = JsonWebKey::Type::EcP256;
            key.m_bits = 256;
            pkey = importEcP256(jwk);
        } else if (*kty == "OKP") {
            key.m_type = JsonWebKey::Type::Ed25519;
            key.m_bits = 256;
            pkey = importEd25519(jwk);
        }
        if (!pkey || (key.m_algorithm != Algorithm::Unsupported && !typeFits(key.m_type, key.m_algorithm))) {
            ++data->ignored;
            continue;
        }
        key.m_key = std::shared_ptr<EVP_PKEY>(pkey.release(), PkeyDeleter());
        for (Algorithm a : {Algorithm::RS256, Algorithm::PS256, Algorithm::ES256, Algorithm::EdDSA}) {
            if (key.fits(a))
                key.m_verifiers[std::size_t(a)] = PreparedVerifier(a, key.m_key);
        }
        data->keys.push_back(std::move(key));
    }
    JsonWebKeySet set;
    set.m_data = std::move(data);
    return set;
}

bool JsonWebKeySet::containsKid(std::string_view kid) const
{
    if (!m_data)
        return false;
    return std::any_of(m_data->keys.begin(), m_data->keys.end(),
                       [kid](const JsonWebKey &key) { return key.hasKid() && key.kid() == kid; });
}

std::vector<const JsonWebKey *> JsonWebKeySet::candidates(Algorithm algorithm, std::optional<std::string_view> kid) const
{
    std::vector<const JsonWebKey *> out;
    if (!m_data)
        return out;
    for (const JsonWebKey &key : m_data->keys) {
        if (kid && (!key.hasKid() || key.kid() != *kid))
            continue;
        if (key.fits(algorithm))
            out.push_back(&key);
    }
    return out;
}

} // namespace Concierge::Jose
