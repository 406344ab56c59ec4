// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Fuzzes the authorization response: AuthorizationResponse::fromRedirect with a fixed request,
// and the query-string decoder under it, Internal::formDecode.
// The input is used three ways: as a query/form body for formDecode; as the query of the
// registered redirect URI (what the loopback listener builds); and, when it looks like a URL,
// as a whole redirect URL (what an app hands to Session::handleRedirect). Each redirect is
// checked against metadata with and without RFC 9207 iss support.
// Invariants: formEncode(formDecode(x)) decodes back to the same fields; an accepted response
// has a code, and the redirect carried exactly one state, equal to the request's.

#include "fuzzsupport.h"

#include "core/urls_p.h"

#include <concierge/authorizationresponse.h>

#include <cstdint>

using namespace Concierge;
using Concierge::Fuzz::require;

namespace {

struct Fixture
{
    ProviderMetadata withIss = Fuzz::fixedMetadata(true);
    ProviderMetadata withoutIss = Fuzz::fixedMetadata(false);
    AuthorizationRequest request = Fuzz::fixedRequest(withIss);
};

const Fixture &fixture()
{
    static const Fixture f;
    return f;
}

void check(const QUrl &redirect)
{
    for (const ProviderMetadata *metadata : {&fixture().withIss, &fixture().withoutIss}) {
        const auto response = AuthorizationResponse::fromRedirect(redirect, fixture().request, *metadata);
        if (!response) {
            require(response.error().isError(), "a refused redirect carries an error");
            (void)response.error().message();
            continue;
        }
        require(!response->code().isEmpty(), "an accepted redirect has a code");
        const auto fields = Internal::formDecode(redirect.query(QUrl::FullyEncoded).toLatin1());
        int states = 0;
        for (const auto &[name, value] : fields) {
            if (name == QLatin1String("state")) {
                ++states;
                require(value.toUtf8() == fixture().request.state(), "an accepted redirect has the request's state");
            }
        }
        require(states == 1, "an accepted redirect has exactly one state");
        require(metadata == &fixture().withoutIss || response->issuer() == fixture().request.issuer(),
                "with RFC 9207 the accepted iss is the issuer");
    }
}

// One input: every invariant below holds for any bytes.
void fuzzOne(const QByteArray &input)
{

    // formDecode and its inverse.
    const auto fields = Internal::formDecode(input);
    const auto again = Internal::formDecode(Internal::formEncode(fields));
    require(again == fields, "formDecode(formEncode(fields)) == fields");

    // The query of the registered redirect URI, as the loopback listener builds it.
    QUrl redirect(Fuzz::qs(Fuzz::kRedirectUri));
    redirect.setQuery(QString::fromLatin1(input), QUrl::StrictMode);
    check(redirect);
    QUrl tolerant(Fuzz::qs(Fuzz::kRedirectUri));
    tolerant.setQuery(QString::fromUtf8(input), QUrl::TolerantMode);
    check(tolerant);

    // A whole URL, as an app passes a private-use-scheme redirect to Session::handleRedirect.
    if (input.contains(':'))
        check(QUrl(QString::fromUtf8(input)));
}

} // namespace

CONCIERGE_FUZZ_TARGET([] { (void)fixture(); }, fuzzOne)
