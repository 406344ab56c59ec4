// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// A FAKE token signer for tests: never link it into the SDK. It generates throw-away keys with
// OpenSSL, publishes their public JWKs, and signs arbitrary header/payload JSON as compact JWS,
// including deliberately hostile tokens (alg none, HS256 keyed with a public key, header-borne
// keys). Reused by the unit tests, the flow tests (FakeIdp), fuzzers and benchmarks.

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace Concierge::Test {

class TestKey
{
public:
    enum class Type { Rsa, Ec, Ed25519 };

    //! A null key (isNull()); sign() returns an empty signature.
    TestKey() = default;

    //! Fresh keys. RSA generation takes tens of milliseconds: prefer the cached accessors below.
    static TestKey generateRsa(const QByteArray &kid, int bits = 2048);
    static TestKey generateEc(const QByteArray &kid); // P-256
    static TestKey generateEd25519(const QByteArray &kid);

    //! Process-wide cached keys: the same (type, kid[, bits]) always returns the same key pair.
    static TestKey rsa(const QByteArray &kid = QByteArrayLiteral("rsa-1"), int bits = 2048);
    static TestKey ec(const QByteArray &kid = QByteArrayLiteral("ec-1"));
    static TestKey ed25519(const QByteArray &kid = QByteArrayLiteral("ed-1"));

    //! Imports a PEM private key (RSA, P-256 or Ed25519).
    static TestKey fromPrivatePem(const QByteArray &pem, const QByteArray &kid);

    bool isNull() const { return !m_key; }
    Type type() const { return m_type; }
    QByteArray kid() const { return m_kid; }
    //! The same key pair published under another kid.
    TestKey withKid(const QByteArray &kid) const;
    //! RS256 for RSA, ES256 for EC, EdDSA for Ed25519.
    QString defaultAlgorithm() const;
    int bits() const;

    /*!
      The public JWK: kty and key members, plus "kid" (when non-empty), "alg" and "use" (each left
      out when passed an empty string). Pass \a alg = QString() to omit it.
    */
    QJsonObject publicJwk(const QString &alg, const QString &use = QStringLiteral("sig")) const;
    QJsonObject publicJwk() const { return publicJwk(defaultAlgorithm()); }

    QByteArray publicKeyPem() const;   //!< SubjectPublicKeyInfo, PEM
    QByteArray publicKeyDer() const;   //!< SubjectPublicKeyInfo, DER
    QByteArray privateKeyPem() const;  //!< PKCS#8, PEM (unencrypted)

    /*!
      Signs \a signingInput for \a alg and returns the JOSE signature bytes (not base64url):
      RS256/PS256 (salt = 32), ES256 as raw R || S (64 bytes), EdDSA. Any \a alg also works with a
      key of the "wrong" type where OpenSSL allows it, so tests can build confused tokens.
      Empty on failure.
    */
    QByteArray sign(const QString &alg, QByteArrayView signingInput) const;

    EVP_PKEY *evpKey() const { return m_key.get(); }

private:
    std::shared_ptr<EVP_PKEY> m_key;
    QByteArray m_kid;
    Type m_type = Type::Rsa;
};

//! {"keys":[...]} with the given JWKs, compact.
QByteArray jwksDocument(const QList<QJsonObject> &jwks);
//! {"keys":[...]} with each key's default publicJwk().
QByteArray jwksDocument(const QList<TestKey> &keys);

QByteArray base64Url(QByteArrayView data);
QByteArray compactJson(const QJsonObject &object);

/*!
  Signs a JWT: the header is \a header, with "alg" (the key's default algorithm) and "kid" (the
  key's kid, when non-empty) added unless \a header already has them. For a token without kid,
  sign with key.withKid({}). The signature uses the header's "alg".
*/
QByteArray signJwt(const TestKey &key, const QJsonObject &payload, const QJsonObject &header = {});

//! Signs the exact JSON texts \a headerJson and \a payloadJson (for duplicate-member tests and the
//! like) with \a alg: BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature).
QByteArray signCompactRaw(const TestKey &key, const QString &alg, const QByteArray &headerJson,
                          const QByteArray &payloadJson);

//! The standard claims of a valid ID token: iss, sub, aud (a string), exp = now + lifetime,
//! iat = now, and nonce when non-empty.
QJsonObject idTokenClaims(const QString &issuer, const QString &clientId, qint64 now,
                          const QString &nonce = {}, const QString &subject = QStringLiteral("user-1"),
                          qint64 lifetime = 300);

// ---- hostile tokens ---------------------------------------------------------------------------

//! {"alg":"none"} (plus \a extraHeader), empty signature: "header.payload."
QByteArray unsecuredJwt(const QJsonObject &payload, const QJsonObject &extraHeader = {});

//! HS256 over the token, keyed with \a secret: the classic key-confusion attack passes the RSA
//! public key (PEM or DER) of the victim's JWKS as \a secret. Header gets "kid" when non-empty.
QByteArray hs256Jwt(const QByteArray &secret, const QJsonObject &payload, const QByteArray &kid = {});

//! Signed by \a attacker, whose public JWK is embedded in the header as "jwk". The header's kid is
//! \a kid (may name a legitimate key; empty → no kid).
QByteArray jwtWithEmbeddedJwk(const TestKey &attacker, const QJsonObject &payload, const QByteArray &kid = {});

//! Signed by \a attacker, header pointing at an attacker-controlled key URL in \a member
//! ("jku" or "x5u"), with \a kid (empty → none).
QByteArray jwtWithKeyUrl(const TestKey &attacker, const QString &member, const QString &url,
                         const QJsonObject &payload, const QByteArray &kid = {});

//! at_hash (or c_hash) of \a token for \a alg: base64url of the left half of SHA-256 (SHA-512 for
//! EdDSA). Computed independently of the SDK (Qt's QCryptographicHash).
QByteArray atHash(const QString &alg, const QByteArray &token);

} // namespace Concierge::Test
