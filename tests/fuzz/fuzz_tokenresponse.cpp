// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Fuzzes TokenResponse::fromReply, the token endpoint's JSON body, under several HTTP statuses
// (every input is tried with each). Invariants, as documented on the class: only 2xx can succeed,
// and then with a non-empty access token and token_type Bearer or DPoP; 429 is RateLimited with
// the Retry-After; 5xx is a transient ServerError.

#include "fuzzsupport.h"

#include <concierge/tokenresponse.h>

#include <cstdint>

using namespace Concierge;
using Concierge::Fuzz::require;

namespace {

// One input: every invariant below holds for any bytes.
void fuzzOne(const QByteArray &body)
{
    static constexpr int kStatuses[] = {200, 201, 204, 302, 400, 401, 403, 429, 500, 503, 0, -1, 999};
    for (const int status : kStatuses) {
        const int retryAfter = status == 429 || status == 503 ? 30 : 0;
        const auto reply = TokenResponse::fromReply(status, body, retryAfter);
        if (!reply) {
            Fuzz::checkRefusedReply(reply.error(), status, retryAfter);
            continue;
        }
        require(status >= 200 && status <= 299, "only a 2xx reply can succeed");
        require(!reply->accessToken().isEmpty(), "a token response has an access token");
        require(reply->tokenType() == QLatin1String("Bearer") || reply->tokenType() == QLatin1String("DPoP"),
                "token_type is Bearer or DPoP");
        require(reply->expiresIn() >= -1, "expires_in is -1 or non-negative");
        require(reply->hasScope() || reply->scopes().isEmpty(), "scopes only when a scope was returned");
        (void)reply->refreshToken();
        (void)reply->idToken();
    }
}

} // namespace

CONCIERGE_FUZZ_TARGET([] {}, fuzzOne)
