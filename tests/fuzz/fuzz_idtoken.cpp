// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Fuzzes ID token validation (Internal::validateIdToken) against a fixed JWKS and two sets of
// expectations, plus idTokenFromTrustedStorage and the IdToken accessors of accepted tokens.
//
// Input, two forms:
//   - a compact JWS ("eyJ...") as it would arrive in a token response: validated as is. Seeds are
//     real tokens signed by the keys of data/jwks.json, so mutations of the signature reach
//     OpenSSL and mutations elsewhere are refused by the signature check or earlier.
//   - JSON starting with '{': claims. The target signs them (EdDSA, the fixed key) so the claim
//     checks themselves get fuzzed. With a newline, the first line is the protected header
//     instead of {"alg":"EdDSA","kid":"ed-fuzz","typ":"JWT"}.
// Invariants: an accepted token also passes idTokenFromTrustedStorage with the same claims; it
// has the configured issuer, the client in its audiences and a non-empty subject.

#include "fuzzsupport.h"

#include "core/idtokenvalidator_p.h"

#include <QtCore/QDateTime>
#include <QtCore/QDebug>

#include <cstdint>
#include <cstdio>

using namespace Concierge;
using namespace Concierge::Internal;

namespace {

struct Fixture
{
    Jose::JsonWebKeySet jwks;
    IdTokenExpectations strict; // nonce and at_hash checked, every supported algorithm
    IdTokenExpectations other;  // no nonce, max_age, no PS256, no skew, a later clock
};

const Fixture &fixture()
{
    static const Fixture f = [] {
        Fixture f;
        auto jwks = Jose::JsonWebKeySet::fromJson(Fuzz::readDataFile("jwks.json"));
        Fuzz::require(jwks.ok() && jwks->size() >= 4, "data/jwks.json must hold the seed keys");
        f.jwks = *jwks;

        f.strict.issuer = Fuzz::qs(Fuzz::kIssuer);
        f.strict.clientId = Fuzz::qs(Fuzz::kClientId);
        f.strict.trustedAudiences = {Fuzz::qs(Fuzz::kTrustedAudience)};
        f.strict.nonce = Fuzz::qs(Fuzz::kNonce);
        f.strict.allowedAlgorithms = {QStringLiteral("RS256"), QStringLiteral("PS256"), QStringLiteral("ES256"),
                                      QStringLiteral("EdDSA")};
        f.strict.accessToken = QByteArray(Fuzz::kAccessToken);
        f.strict.now = Fuzz::kNow;
        f.strict.clockSkewSeconds = 60;

        f.other.issuer = f.strict.issuer;
        f.other.clientId = f.strict.clientId;
        f.other.allowedAlgorithms = {QStringLiteral("EdDSA"), QStringLiteral("ES256"), QStringLiteral("RS256"),
                                     QStringLiteral("HS256"), QStringLiteral("none")};
        f.other.now = Fuzz::kNow + 200;
        f.other.clockSkewSeconds = -5;
        f.other.maxAgeSeconds = 3600;
        return f;
    }();
    return f;
}

void exercise(const IdToken &token)
{
    // Every accessor, as an app would use them after sign-in.
    (void)token.subject();
    (void)token.issuer();
    (void)token.authorizedParty();
    (void)token.expiresAt().isValid();
    (void)token.issuedAt().isValid();
    (void)token.authTime().isValid();
    (void)token.nonce();
    (void)token.algorithm();
    (void)token.keyId();
    const QVariantMap claims = token.claims();
    (void)token.claim(QStringLiteral("email"));
    QString sink;
    QDebug(&sink) << token;
    Fuzz::require(!claims.isEmpty(), "an accepted token has claims");
}

// CONCIERGE_FUZZ_VERBOSE=1 prints each verdict (for triage and for checking the seeds).
const bool g_verbose = qEnvironmentVariableIsSet("CONCIERGE_FUZZ_VERBOSE");

void check(const QByteArray &compact, const IdTokenExpectations &expected)
{
    const auto result = validateIdToken(compact, fixture().jwks, expected);
    if (g_verbose)
        std::fprintf(stderr, "  %s: %s\n", &expected == &fixture().strict ? "strict" : "other",
                     result ? "accepted" : qPrintable(result.error().id()));
    if (!result) {
        Fuzz::require(result.error().isError(), "a refused token carries an error");
        return;
    }
    const IdToken &token = *result;
    Fuzz::require(!token.isNull(), "an accepted token is not null");
    Fuzz::require(token.issuer() == expected.issuer, "an accepted token has the expected issuer");
    Fuzz::require(token.audiences().contains(expected.clientId), "an accepted token names the client");
    Fuzz::require(!token.subject().isEmpty(), "an accepted token has a subject");
    Fuzz::require(token.raw() == compact, "raw() is the token as received");
    exercise(token);

    const auto stored = idTokenFromTrustedStorage(compact, expected.maxTokenBytes);
    Fuzz::require(stored.ok(), "a validated token must load from trusted storage");
    Fuzz::require(stored->subject() == token.subject() && stored->issuer() == token.issuer()
                      && stored->audiences() == token.audiences() && stored->expiresAt() == token.expiresAt(),
                  "trusted-storage load gives the same claims as validation");
}

// One input: every invariant below holds for any bytes.
void fuzzOne(const QByteArray &input)
{
    QByteArray compact = input;
    if (input.startsWith('{')) {
        const qsizetype newline = input.indexOf('\n');
        static const QByteArray defaultHeader = R"({"alg":"EdDSA","kid":"ed-fuzz","typ":"JWT"})";
        compact = newline < 0 ? Fuzz::signEdDSA(defaultHeader, input)
                              : Fuzz::signEdDSA(QByteArrayView(input).first(newline),
                                                QByteArrayView(input).sliced(newline + 1));
    }
    check(compact, fixture().strict);
    check(compact, fixture().other);
    // On its own too: the structural checks must never crash, whatever the signature.
    if (const auto stored = idTokenFromTrustedStorage(compact); stored.ok())
        exercise(*stored);
}

} // namespace

CONCIERGE_FUZZ_TARGET([] { (void)fixture(); }, fuzzOne)
