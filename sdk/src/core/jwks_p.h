// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// JSON Web Key Set (RFC 7517) for verifying ID token signatures. Keys are imported into OpenSSL
// once, when the document is parsed, and shared: copying a JsonWebKeySet copies a pointer.

#include "core/jose_p.h"

#include <concierge/result.h>

#include <QtCore/QByteArray>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Concierge::Jose {

/*
  One public signature key. Only keys the SDK can use survive JsonWebKeySet::fromJson():
  RSA of 2048..8192 bits, EC P-256 (point checked to be on the curve), OKP Ed25519.
*/
class JsonWebKey
{
public:
    enum class Type : unsigned char { Rsa, EcP256, Ed25519 };

    Type type() const { return m_type; }
    bool hasKid() const { return m_hasKid; }
    const std::string &kid() const { return m_kid; }
    //! The JWK's own "alg" member, Algorithm::Unsupported when it has none.
    Algorithm algorithm() const { return m_algorithm; }
    int bits() const { return m_bits; }
    EVP_PKEY *evpKey() const { return m_key.get(); }

    //! True when this key may verify \a algorithm: the key type fits it (RSA → RS256/PS256,
    //! EC P-256 → ES256, Ed25519 → EdDSA) and the JWK "alg", when present, equals it.
    bool fits(Algorithm algorithm) const;

    //! Verifies a JOSE \a signature over \a signingInput; false unless fits(\a algorithm). Uses
    //! the verification context prepared at import (see PreparedVerifier). Thread-safe.
    bool verify(Algorithm algorithm, QByteArrayView signingInput, QByteArrayView signature) const;

private:
    friend class JsonWebKeySet;
    std::shared_ptr<EVP_PKEY> m_key;
    std::array<PreparedVerifier, 5> m_verifiers; // indexed by Algorithm; null where !fits()
    std::string m_kid;
    Type m_type = Type::Rsa;
    Algorithm m_algorithm = Algorithm::Unsupported;
    bool m_hasKid = false;
    int m_bits = 0;
};

class JsonWebKeySet
{
public:
    static constexpr qsizetype kDefaultMaxBytes = 512 * 1024;
    //! Only the first kMaxKeys entries of "keys" are looked at; the rest are ignored.
    static constexpr int kMaxKeys = 100;

    //! An empty set: every lookup finds nothing.
    JsonWebKeySet() = default;

    /*
      Parses a JWKS document. The size is checked first (> \a maxBytes → JwksInvalid), then the
      document must be a JSON object (strict: no duplicate member names) with a "keys" array
      (else JwksInvalid). Each entry that cannot be used is ignored, not fatal: a non-object,
      unknown kty or crv, "use" other than "sig", "key_ops" without "verify", an "alg" the SDK does
      not support or that does not fit the key type, a kid longer than 256 bytes, a key carrying
      private material ("d"), malformed or non-canonical base64url, RSA below 2048 bits, EC points
      not on P-256.
    */
    static Result<JsonWebKeySet> fromJson(const QByteArray &json, qsizetype maxBytes = kDefaultMaxBytes);

    bool isEmpty() const { return size() == 0; }
    qsizetype size() const { return m_data ? qsizetype(m_data->keys.size()) : 0; }
    const JsonWebKey &at(qsizetype i) const { return m_data->keys[std::size_t(i)]; }
    //! How many entries of "keys" were ignored.
    int ignoredCount() const { return m_data ? m_data->ignored : 0; }

    //! True when some usable key has this kid (whatever its type).
    bool containsKid(std::string_view kid) const;

    /*
      The keys that may verify a JWS with header \a algorithm and \a kid, in document order:
      with a kid, only keys with exactly that kid; without one, every key. In both cases the key
      must fit(\a algorithm).
    */
    std::vector<const JsonWebKey *> candidates(Algorithm algorithm, std::optional<std::string_view> kid) const;

private:
    struct Data
    {
        std::vector<JsonWebKey> keys;
        int ignored = 0;
    };
    std::shared_ptr<const Data> m_data;
};

} // namespace Concierge::Jose
