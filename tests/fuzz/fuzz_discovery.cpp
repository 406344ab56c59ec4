// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Fuzzes ProviderMetadata::fromJson, the discovery document (/.well-known/openid-configuration).
// Each input is checked twice: against the fixed issuer, and against the issuer the document
// itself names (so that mutations of "issuer" do not stop every run at IssuerMismatch). An
// accepted document then builds an authorization request, as Session does next.
// Invariants (documented on the class): issuer equals the expected one; every endpoint is https,
// or http on a loopback host, without fragment or user info; PAR required => PAR endpoint.

#include "fuzzsupport.h"

#include "core/json_p.h"
#include "core/urls_p.h"

#include <concierge/pkce.h>
#include <concierge/providerconfig.h>

#include <cstdint>

using namespace Concierge;
using Concierge::Fuzz::require;

namespace {

void requireEndpoint(const QUrl &url, bool required, const char *what)
{
    if (url.isEmpty()) {
        require(!required, what);
        return;
    }
    require(Internal::checkEndpoint(url, "endpoint").ok(), what);
}

void check(const QByteArray &document, const QString &expectedIssuer)
{
    const auto metadata = ProviderMetadata::fromJson(document, expectedIssuer);
    if (!metadata) {
        require(metadata.error().isError(), "a refused document carries an error");
        return;
    }
    const ProviderMetadata &m = *metadata;
    require(m.isValid() && m.issuer() == expectedIssuer, "accepted metadata has the expected issuer");
    requireEndpoint(m.authorizationEndpoint(), true, "authorization_endpoint is a safe URL");
    requireEndpoint(m.tokenEndpoint(), true, "token_endpoint is a safe URL");
    requireEndpoint(m.jwksUri(), true, "jwks_uri is a safe URL");
    requireEndpoint(m.userinfoEndpoint(), false, "userinfo_endpoint is a safe URL");
    requireEndpoint(m.endSessionEndpoint(), false, "end_session_endpoint is a safe URL");
    requireEndpoint(m.revocationEndpoint(), false, "revocation_endpoint is a safe URL");
    requireEndpoint(m.introspectionEndpoint(), false, "introspection_endpoint is a safe URL");
    requireEndpoint(m.deviceAuthorizationEndpoint(), false, "device_authorization_endpoint is a safe URL");
    requireEndpoint(m.pushedAuthorizationRequestEndpoint(), false, "PAR endpoint is a safe URL");
    require(!m.requirePushedAuthorizationRequests() || !m.pushedAuthorizationRequestEndpoint().isEmpty(),
            "PAR required implies a PAR endpoint");
    (void)m.idTokenSigningAlgValuesSupported();
    (void)m.codeChallengeMethodsSupported();
    (void)m.dpopSigningAlgValuesSupported();
    (void)m.scopesSupported();
    (void)m.grantTypesSupported();
    require(m.document().value(QStringLiteral("issuer")).toString() == m.issuer(), "document() holds the issuer");
    require(m == m, "metadata equals itself");

    // What Session does next: build the authorization request on these endpoints.
    ProviderConfig config(expectedIssuer, Fuzz::qs(Fuzz::kClientId));
    const auto pkce = Pkce::fromVerifier(QByteArray(Fuzz::kVerifier));
    require(pkce.ok(), "the fixed verifier is valid");
    const auto request = AuthorizationRequest::create(config, m, QUrl(Fuzz::qs(Fuzz::kRedirectUri)), {}, *pkce,
                                                      QByteArray(Fuzz::kState), QByteArray(Fuzz::kNonce));
    if (request) {
        const QUrl url = request->url();
        require(url.isValid(), "the authorization URL is valid");
        (void)request->urlForRequestUri(QStringLiteral("urn:ietf:params:oauth:request_uri:fuzz"));
    }
}

// One input: every invariant below holds for any bytes.
void fuzzOne(const QByteArray &input)
{
    const QString fixedIssuer = Fuzz::qs(Fuzz::kIssuer);
    check(input, fixedIssuer);
    if (const auto doc = Internal::Json::parseObject(input)) {
        if (const auto own = Internal::Json::string(*doc, "issuer"); own && *own != fixedIssuer)
            check(input, *own);
    }
}

} // namespace

CONCIERGE_FUZZ_TARGET([] {}, fuzzOne)
