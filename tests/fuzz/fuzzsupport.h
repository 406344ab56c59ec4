// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// The fixed world the fuzz targets check inputs against, shared with the seed generator
// (make_seeds.cpp) so that the committed seeds are valid for it: one issuer, one client, one
// authorization request, one JWKS, one clock.
//
// The Ed25519 key below is derived from a constant seed, so it is public knowledge: a THROW-AWAY
// key that only ever signs fuzz inputs. The RSA and EC keys behind data/jwks.json were generated
// by make_seeds and discarded; only their public halves are committed.

#include <concierge/authorizationrequest.h>
#include <concierge/error.h>
#include <concierge/providermetadata.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace Concierge::Fuzz {

inline constexpr char kIssuer[] = "https://idp.example.com";
inline constexpr char kClientId[] = "concierge-desktop";
inline constexpr char kTrustedAudience[] = "https://api.example.com";
inline constexpr char kNonce[] = "n-0S6_WzA2Mj-fuzz-7c1d9e";
inline constexpr char kState[] = "af0ifjsldkj-fuzz-state-4f2b9c1e";
inline constexpr char kAccessToken[] = "SlAV32hkKG.fuzz-access-token.value";
inline constexpr char kVerifier[] = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-fuzz";
inline constexpr char kRedirectUri[] = "http://127.0.0.1:53121/callback";
inline constexpr char kEdKid[] = "ed-fuzz";
inline constexpr qint64 kNow = 1800000000; // 2027-01-15: every "now" the targets use

inline QString qs(const char *latin1) { return QString::fromLatin1(latin1); }

//! Prints \a what and aborts: an invariant of the code under test does not hold (libFuzzer saves
//! the input as a crash reproducer).
[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "\nFUZZ INVARIANT VIOLATED: %s\n", what);
    std::abort();
}
inline void require(bool condition, const char *what)
{
    if (!condition)
        fail(what);
}

//! Compact JWS of exactly these header and payload texts, signed EdDSA with the fixed key.
QByteArray signEdDSA(QByteArrayView headerJson, QByteArrayView payloadJson);
//! The fixed key's public JWK (kid kEdKid, alg EdDSA, use sig) as compact JSON.
QByteArray fixedEd25519Jwk();

//! tests/fuzz/data/<name> (path compiled in); aborts when it cannot be read.
QByteArray readDataFile(const char *name);

//! Discovery metadata for kIssuer with loopback-friendly https endpoints; \a issParameter sets
//! authorization_response_iss_parameter_supported.
ProviderMetadata fixedMetadata(bool issParameter);
//! The authorization request every redirect is checked against (kState, kNonce, kVerifier).
AuthorizationRequest fixedRequest(const ProviderMetadata &metadata);

//! Quiets the SDK's logging categories (the loopback listener logs every refused request).
void quietLogging();

//! The invariants of an endpoint reply that was refused with \a error: it is an error with a
//! readable message and id; 429 is RateLimited with its Retry-After; 5xx is a transient ServerError.
void checkRefusedReply(const Error &error, int status, int retryAfter);

} // namespace Concierge::Fuzz

//! Defines a target's libFuzzer entry points: LLVMFuzzerInitialize quiets logging and runs \a setup
//! once (build fixtures there, so the first input is not slower than the rest);
//! LLVMFuzzerTestOneInput hands every input to \a run as a QByteArray.
#define CONCIERGE_FUZZ_TARGET(setup, run)                                                          \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                           \
    {                                                                                              \
        Concierge::Fuzz::quietLogging();                                                           \
        (setup)();                                                                                 \
        return 0;                                                                                  \
    }                                                                                              \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)             \
    {                                                                                              \
        (run)(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));                  \
        return 0;                                                                                  \
    }
