// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// Compact JWS (RFC 7515 §7.1) parsing and signature verification for the four algorithms the SDK
// accepts on ID tokens. Written against OpenSSL 3 EVP and nlohmann/json; no JOSE library.
//
// Deliberately unsupported: "none", every HMAC algorithm (HS*), RSA1_5/ES384/ES512/Ed448 and
// anything else; JWE; the JWS JSON serialization; unencoded payloads (RFC 7797); and every header
// parameter that names or carries a key (jwk, jku, x5u, x5c, x5t): keys come only from the JWKS the
// caller fetched from the issuer's jwks_uri.

#include <concierge/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

#include <nlohmann/json.hpp>

#include <openssl/types.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Concierge::Jose {

enum class Algorithm : unsigned char {
    Unsupported = 0, // none, HS*, and every name not listed below
    RS256,           // RSASSA-PKCS1-v1_5 with SHA-256
    PS256,           // RSASSA-PSS with SHA-256, MGF1-SHA-256, salt length 32
    ES256,           // ECDSA P-256 with SHA-256, signature is R || S (64 bytes)
    EdDSA,           // Ed25519 (RFC 8037); Ed448 is not supported
};

//! The algorithm for a JOSE "alg" value (case-sensitive), Unsupported for anything else.
Algorithm algorithmFromName(std::string_view name);
//! The JOSE name ("RS256", ...), or an empty string for Unsupported.
const char *algorithmName(Algorithm algorithm);
//! The digest used for at_hash / c_hash: SHA-256, or SHA-512 for EdDSA (Ed25519). Never null for a
//! supported algorithm; fetched once and cached.
const EVP_MD *hashForAlgorithm(Algorithm algorithm);

constexpr qsizetype kDefaultMaxTokenBytes = 16 * 1024;
constexpr std::size_t kMaxKidBytes = 256;
constexpr int kMaxJsonDepth = 32;

//! Parses \a text as one JSON object. Rejects (nullopt): any other JSON value, invalid JSON or
//! UTF-8, trailing data, nesting deeper than kMaxJsonDepth, and a member name that occurs twice in
//! the same object (at any depth). A leading UTF-8 BOM is ignored (RFC 8259 §8.1 permits it).
std::optional<nlohmann::json> parseStrictJsonObject(QByteArrayView text);

//! One top-level member of a JSON object, as read by readTopLevelMembers().
struct JsonMember
{
    enum class Type : unsigned char {
        Absent,
        String,
        Number,      //!< integer or fraction, as double
        StringArray, //!< an array whose items are all strings (possibly none)
        Other,       //!< true, false, null, an object, or an array holding a non-string
    };
    Type type = Type::Absent;
    std::string string;               //!< Type::String
    double number = 0;                //!< Type::Number
    std::vector<std::string> strings; //!< Type::StringArray
};

/*!
  Reads \a text with exactly the rules of parseStrictJsonObject() (one object, strict JSON, no
  duplicate member names at any depth, nesting limit) without building a document, and fills
  \a members[i] for the top-level member named \a names[i] (i < \a count). Everything else is
  checked and skipped. Returns false, with \a members in an unspecified state, when \a text is
  not acceptable. This is the fast path used on every token.
*/
bool readTopLevelMembers(QByteArrayView text, const char *const *names, JsonMember *members, std::size_t count);

//! The protected header parameters the SDK looks at. Key-bearing parameters (jwk, jku, x5u, x5c,
//! x5t) are deliberately not even read.
struct JwsHeader
{
    Algorithm algorithm = Algorithm::Unsupported;
    std::optional<std::string> kid; // at most kMaxKidBytes
    std::optional<std::string> typ;
};

/*
  A compact JWS split into its parts. parse() checks, in this order, and stops at the first failure:
  size (before any decoding) → exactly three segments → header base64url → header JSON (strict) →
  "crit" (any → IdTokenCritUnsupported) → "alg" is a string (IdTokenMalformed) naming a supported
  algorithm (IdTokenAlgorithmRejected) → "kid", when present, a string of at most 256 bytes →
  payload and signature base64url. The payload is decoded, not parsed; the signature is not
  verified.
*/
class CompactJws
{
public:
    static Result<CompactJws> parse(const QByteArray &compact, qsizetype maxBytes = kDefaultMaxTokenBytes);

    const JwsHeader &header() const { return m_header; }
    Algorithm algorithm() const { return m_header.algorithm; }
    //! ASCII(BASE64URL(header) '.' BASE64URL(payload)), exactly as received: what was signed.
    QByteArrayView signingInput() const { return QByteArrayView(m_compact.constData(), m_signingInputLength); }
    const QByteArray &payload() const { return m_payload; }
    const QByteArray &signature() const { return m_signature; }
    const QByteArray &compact() const { return m_compact; }

private:
    QByteArray m_compact;
    qsizetype m_signingInputLength = 0;
    JwsHeader m_header;
    QByteArray m_payload;
    QByteArray m_signature;
};

//! Verifies the JOSE-encoded \a signature over \a signingInput with \a key for \a algorithm.
//! ES256 signatures must be exactly 64 bytes (R || S) and are converted to DER for OpenSSL; RSA
//! signatures exactly the modulus length; EdDSA exactly 64 bytes; PS256 uses MGF1-SHA-256 and salt
//! length 32. Returns false for any failure, including a key type that does not fit the algorithm.
//! Never throws, never logs, leaves the OpenSSL error queue as it found it. Thread-safe: \a key is
//! only read.
bool verifySignature(Algorithm algorithm, EVP_PKEY *key, QByteArrayView signingInput, QByteArrayView signature);

/*
  The same verification with the algorithm set-up done once: holds a digest-verify context
  initialised for (algorithm, key), including padding and salt length, and copies it for every
  verify() instead of fetching the algorithm implementations again (the bulk of OpenSSL 3's per-call
  overhead). Immutable after construction and safe to use from several threads at once (the
  template is only read by EVP_MD_CTX_copy_ex).
*/
class PreparedVerifier
{
public:
    PreparedVerifier() = default;
    //! isNull() when \a key does not fit \a algorithm or OpenSSL refuses the set-up.
    PreparedVerifier(Algorithm algorithm, std::shared_ptr<EVP_PKEY> key);

    bool isNull() const { return !m_template; }
    Algorithm algorithm() const { return m_algorithm; }
    bool verify(QByteArrayView signingInput, QByteArrayView signature) const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
    std::shared_ptr<EVP_MD_CTX> m_template;
    Algorithm m_algorithm = Algorithm::Unsupported;
};

} // namespace Concierge::Jose
