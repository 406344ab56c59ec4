// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/idtoken.h>
#include <concierge/result.h>

#include "core/jwks_p.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Concierge::Internal {

using Jose::JsonWebKeySet;

struct IdTokenExpectations
{
    QString issuer;                //!< required; compared byte for byte with "iss"
    QString clientId;              //!< required; must be in "aud"; "azp", when present, must equal it
    QStringList trustedAudiences;  //!< further audiences that may appear in "aud"
    QString nonce;                 //!< checked when non-empty; the token MUST then carry it
    //! From discovery (id_token_signing_alg_values_supported); intersected with the supported
    //! {RS256, PS256, ES256, EdDSA}. Empty → {RS256} (OIDC Discovery default).
    QStringList allowedAlgorithms;
    QByteArray accessToken;        //!< checked against "at_hash" when both are present
    qint64 now = 0;                //!< seconds since the epoch; 0 → the current time
    int clockSkewSeconds = 60;     //!< tolerance for exp, iat, nbf, auth_time (negative → 0)
    qsizetype maxTokenBytes = 16 * 1024;
    qint64 maxAgeSeconds = -1;     //!< >= 0: "auth_time" required and now - auth_time <= max + skew
};

//! At most this many candidate keys are tried for one token (kid absent, or kid shared).
constexpr int kMaxSignatureAttempts = 10;

/*
  Validates an ID token (OpenID Connect Core 1.0 §3.1.3.7) as a pure function: no I/O, no event
  loop, no logging, time from \a expected.now. Checks, in this order, each failure with its own
  Error::Code:
    size (IdTokenMalformed) → compact JWS, header, crit, alg supported (see Jose::CompactJws::parse)
    → alg in the allow-list (IdTokenAlgorithmRejected)
    → "typ", when present, does not name another kind of JWT such as at+jwt or logout+jwt
      (IdTokenMalformed; RFC 8725 §3.11)
    → candidate keys from \a jwks: with a kid only keys with that kid, without one every key; all
      must fit the alg. None: IdTokenKeyNotFound, unless keys with that kid exist but none fits the
      alg (IdTokenAlgorithmRejected). The caller may refetch the JWKS once on IdTokenKeyNotFound.
    → signature, at most kMaxSignatureAttempts keys (IdTokenSignatureInvalid)
    → payload is a strict JSON object (IdTokenMalformed)
    → iss (IdTokenIssuerMismatch) → aud, azp (IdTokenAudienceMismatch)
    → exp (IdTokenExpired) → iat (IdTokenIatInvalid, IdTokenNotYetValid) → nbf (IdTokenNotYetValid)
    → nonce (IdTokenNonceMismatch) → at_hash (IdTokenAtHashMismatch) → sub (IdTokenSubjectMissing)
    → auth_time (IdTokenExpired when max_age requires it and it is missing or too old;
      IdTokenNotYetValid when in the future; IdTokenMalformed when not a number).
  Time claims are JSON numbers (integer or fraction); any other type fails the claim's check.
  \a expected.issuer or clientId empty → InvalidArgument.
*/
Result<IdToken> validateIdToken(const QByteArray &compact, const JsonWebKeySet &jwks,
                                const IdTokenExpectations &expected);

/*
  Rebuilds an IdToken from a compact token that was validated earlier and comes back from trusted
  storage (the secure store). Checks structure and claim types only (compact JWS, supported alg,
  strict JSON, iss/sub/aud/exp/iat present with the right types); NOT the signature, audience,
  nonce or lifetime. Never use it on a token that arrived over the network.
*/
Result<IdToken> idTokenFromTrustedStorage(const QByteArray &compact,
                                          qsizetype maxTokenBytes = 16 * 1024);

//! base64url(left half of hash(accessToken)) with the hash of \a algorithm (SHA-256, or SHA-512
//! for EdDSA): the expected "at_hash" (and "c_hash" for a code). Empty for an unsupported alg.
QByteArray tokenHash(Jose::Algorithm algorithm, QByteArrayView token);

} // namespace Concierge::Internal
