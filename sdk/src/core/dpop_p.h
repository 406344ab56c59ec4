// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// OAuth 2.0 Demonstrating Proof of Possession (DPoP, RFC 9449), client side, as pure values: the
// client's key pair, the proof JWT for one HTTP request, and reading the server's nonce and nonce
// challenge. No I/O and no event loop; the Session decides when to create proofs and retries.
//
// Only ES256 (ECDSA P-256 with SHA-256) is produced: every DPoP server must accept it in practice,
// and P-256 keys are small and fast to generate.

#include <concierge/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QPair>

#include <openssl/types.h>

#include <memory>

QT_BEGIN_NAMESPACE
class QUrl;
QT_END_NAMESPACE

namespace Concierge::Jose {

/*
  The client's DPoP key: an EC P-256 key pair held by OpenSSL. Immutable; copies share the key
  (copying is a reference-count increment), and every member is safe to call from several
  threads at once. The public JWK and its thumbprint are computed once, when the key is made.

  A default-constructed DpopKey is null: publicJwk(), thumbprint() and toPrivateDer() are empty
  and createDpopProof() refuses it.
*/
class DpopKey
{
public:
    DpopKey() = default;

    //! A fresh key pair from the OS CSPRNG (OpenSSL's DRBG, seeded by getrandom()). Fails only when
    //! OpenSSL cannot generate P-256 keys at all (InvalidConfiguration).
    static Result<DpopKey> generate();

    /*
      Imports a key written by toPrivateDer(): an unencrypted PKCS#8 PrivateKeyInfo (RFC 5208), DER.
      Refused with InvalidArgument: anything larger than kMaxDerBytes, DER that does not parse as
      exactly one PrivateKeyInfo (trailing bytes included), encrypted PKCS#8, SEC1 or other
      "traditional" encodings, public keys, any key that is not EC P-256 by name (RSA, Ed25519,
      P-384, explicit curve parameters, ...), and a key pair that fails OpenSSL's consistency check.
    */
    static Result<DpopKey> fromPrivateDer(const QByteArray &der);
    static constexpr qsizetype kMaxDerBytes = 1024;

    bool isNull() const { return !m_d; }

    //! The PRIVATE key as unencrypted PKCS#8 DER, for persisting with the tokens (in the keychain
    //! record). It is a secret: never log it, never write it anywhere but the secure store. Empty for a null key.
    QByteArray toPrivateDer() const;

    //! The public JWK: exactly {"kty":"EC","crv":"P-256","x":…,"y":…}. Never a private member.
    QJsonObject publicJwk() const;

    //! RFC 7638 JWK SHA-256 thumbprint of publicJwk(), base64url (43 characters): the "jkt" of
    //! RFC 9449 (dpop_jkt, cnf.jkt).
    QByteArray thumbprint() const;

private:
    struct Data;
    //! Takes ownership of \a key (a P-256 key pair); a null DpopKey when its public point cannot
    //! be read.
    static DpopKey adopt(EVP_PKEY *key);
    friend QByteArray createDpopProof(const DpopKey &, const QByteArray &, const QUrl &, qint64,
                                      const QByteArray &, const QByteArray &, const QByteArray &);
    std::shared_ptr<const Data> m_d;
};

/*
  RFC 7638 JWK SHA-256 thumbprint, base64url, of a public JWK: the required members only, in
  lexicographic order, without whitespace (RSA: e, kty, n; EC: crv, kty, x, y; OKP: crv, kty, x).
  Other members (alg, kid, use, ...) do not count. Empty when kty is none of these or a required
  member is missing or not a string. The member values are not validated as keys.
*/
QByteArray jwkThumbprint(const QJsonObject &jwk);

//! The "ath" of RFC 9449 §4.2: base64url(SHA-256(ASCII(access token))).
QByteArray dpopAccessTokenHash(QByteArrayView accessToken);

/*
  The "htu" for a request to \a url (RFC 9449 §4.2): the target URI without query and fragment.
  Also without user info (never part of an HTTP target URI), without the scheme's default port
  (80/443, as the Host header QNetworkAccessManager sends), and with an empty path written as "/"
  (RFC 3986 §6.2.3), so it equals what the server reconstructs. Fully percent-encoded, host in
  ASCII (punycode). Empty unless \a url is a valid absolute http(s) URL with a host.
*/
QByteArray dpopHtu(const QUrl &url);

/*
  The compact JWS to send in the "DPoP" request header (RFC 9449 §4.2), signed ES256 with \a key.
    header:  {"alg":"ES256","jwk":<key.publicJwk()>,"typ":"dpop+jwt"}
    payload: {"ath"?, "htm", "htu", "iat", "jti", "nonce"?}
  jti is \a jti when given, else 128 random bits, base64url; htu is dpopHtu(\a htu); ath is present
  when \a accessToken is non-empty (resource requests), nonce when \a nonce is non-empty. \a iat is
  seconds since the epoch. The signature is R || S, 64 bytes (RFC 7518 §3.4).

  Returns an empty QByteArray, signing nothing, when a precondition fails: \a key is null, \a htm
  is not an HTTP method token (RFC 9110 §9.1), dpopHtu(\a htu) is empty, \a iat is negative,
  \a nonce is not a valid DPoP nonce (isValidDpopNonce), \a jti contains anything but printable
  ASCII (0x20-0x7E), or OpenSSL fails.
*/
QByteArray createDpopProof(const DpopKey &key, const QByteArray &htm, const QUrl &htu, qint64 iat,
                           const QByteArray &accessToken = {}, const QByteArray &nonce = {},
                           const QByteArray &jti = {});

//! Nonces longer than this are refused (RFC 9449 sets no limit; real ones are well under 1 KiB).
constexpr qsizetype kMaxDpopNonceBytes = 2048;

//! True when \a nonce is 1*NQCHAR (RFC 9449 §8: %x21 / %x23-5B / %x5D-7E) of at most
//! kMaxDpopNonceBytes.
bool isValidDpopNonce(QByteArrayView nonce);

//! The nonce in one "DPoP-Nonce" field value, optional whitespace around it removed; empty unless
//! the rest isValidDpopNonce(). (A value QNetworkReply joined from two fields, "a, b", is refused.)
QByteArray dpopNonceFromHeaderValue(QByteArrayView value);

//! The nonce in the "DPoP-Nonce" field (name case-insensitive) of \a headers, as returned by
//! QNetworkReply::rawHeaderPairs(). Empty when there is none, when it is invalid, or when several
//! fields disagree.
QByteArray dpopNonceFromHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);

/*
  True when the WWW-Authenticate field value \a wwwAuthenticate (a resource server's 401) holds a
  challenge with scheme "DPoP" (case-insensitive) whose "error" parameter (name case-insensitive,
  value a token or quoted-string, compared exactly) is "use_dpop_nonce" (RFC 9449 §9). Parsed per
  RFC 9110 §11.6.1: several challenges, other parameters in any order, empty list elements and
  optional whitespace are fine; a parameter of another challenge (e.g. Bearer) does not count, nor
  does text inside a quoted string. False for a malformed value or one over 16 KiB.
*/
bool isUseDpopNonceChallenge(const QByteArray &wwwAuthenticate);

} // namespace Concierge::Jose
