// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Fuzzes Jose::JsonWebKeySet::fromJson, the JWKS document fetched from the issuer's jwks_uri, and
// then uses every imported key the way the validator does: lookups by kid and algorithm, and a
// signature check (with a well-sized but wrong signature, so OpenSSL really runs on the key).
// Invariants: every entry of "keys" is either imported or counted as ignored; imported keys have
// the documented types and sizes; candidates() only returns keys that fit.

#include "fuzzsupport.h"

#include "core/jose_p.h"
#include "core/jwks_p.h"

#include <openssl/evp.h>

#include <cstdint>

using namespace Concierge;
using Concierge::Fuzz::require;

namespace {

constexpr Jose::Algorithm kAlgorithms[] = {Jose::Algorithm::RS256, Jose::Algorithm::PS256, Jose::Algorithm::ES256,
                                           Jose::Algorithm::EdDSA};

void useKey(const Jose::JsonWebKeySet &set, const Jose::JsonWebKey &key, bool verify)
{
    switch (key.type()) {
    case Jose::JsonWebKey::Type::Rsa: require(key.bits() >= 2048 && key.bits() <= 8192, "RSA 2048..8192 bits"); break;
    case Jose::JsonWebKey::Type::EcP256:
    case Jose::JsonWebKey::Type::Ed25519: require(key.bits() == 256, "EC and OKP keys are 256 bits"); break;
    }
    require(key.evpKey() != nullptr, "an imported key has an OpenSSL key");
    require(key.kid().size() <= Jose::kMaxKidBytes, "kid within its limit");
    if (key.hasKid())
        require(set.containsKid(key.kid()), "containsKid finds a key's own kid");

    static const QByteArray input = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmdXp6In0";
    for (const Jose::Algorithm algorithm : kAlgorithms) {
        if (!key.fits(algorithm) || !verify)
            continue;
        const int size = algorithm == Jose::Algorithm::RS256 || algorithm == Jose::Algorithm::PS256
            ? EVP_PKEY_get_size(key.evpKey())
            : 64;
        const QByteArray signature(size, '\x5a');
        require(!key.verify(algorithm, input, signature), "a made-up signature does not verify");
    }
}

// One input: every invariant below holds for any bytes.
void fuzzOne(const QByteArray &input)
{
    const auto set = Jose::JsonWebKeySet::fromJson(input);
    if (!set) {
        require(set.error().code() == Error::Code::JwksInvalid, "a refused JWKS is JwksInvalid");
        return;
    }
    const auto doc = Jose::parseStrictJsonObject(input);
    require(doc && doc->contains("keys") && (*doc)["keys"].is_array(), "an accepted JWKS has a keys array");
    require(set->size() + set->ignoredCount() == qsizetype((*doc)["keys"].size()),
            "every entry of keys is either imported or ignored");
    require(set->size() <= Jose::JsonWebKeySet::kMaxKeys, "at most kMaxKeys keys are imported");

    for (qsizetype i = 0; i < set->size(); ++i)
        useKey(*set, set->at(i), /*verify=*/i < 10); // the validator tries at most 10 keys

    for (const Jose::Algorithm algorithm : kAlgorithms) {
        for (const auto *key : set->candidates(algorithm, std::nullopt))
            require(key->fits(algorithm), "candidates without kid fit the algorithm");
        for (qsizetype i = 0; i < set->size() && i < 4; ++i) {
            const std::string &kid = set->at(i).kid();
            for (const auto *key : set->candidates(algorithm, std::string_view(kid)))
                require(key->fits(algorithm) && key->hasKid() && key->kid() == kid,
                        "candidates with a kid have that kid and fit the algorithm");
        }
    }
    require(set->candidates(Jose::Algorithm::Unsupported, std::nullopt).empty(), "no key fits Unsupported");
}

} // namespace

CONCIERGE_FUZZ_TARGET([] {}, fuzzOne)
