// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Fuzzes what the DPoP module (RFC 9449) reads from servers: the WWW-Authenticate challenge
// parser (isUseDpopNonceChallenge), the DPoP-Nonce field (dpopNonceFromHeaderValue, and
// dpopNonceFromHeaders on the input split into "name: value" lines), and dpopHtu on a URL taken
// from the input (endpoints come from the discovery document). Also DpopKey::fromPrivateDer, which
// reads the stored key back (not network input, but a format parser all the same).
// Invariants: a nonce that is returned is valid and was in the input, and a proof can carry it;
// the proof verifies with the key's public JWK; an imported key round-trips through
// toPrivateDer() with the same thumbprint.

#include "fuzzsupport.h"

#include "core/dpop_p.h"
#include "core/jose_p.h"
#include "core/jwks_p.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QUrl>

#include <cstdint>

using namespace Concierge;
using Concierge::Fuzz::require;

namespace {

const QUrl &tokenEndpoint()
{
    static const QUrl url(QStringLiteral("https://idp.example.com/token"));
    return url;
}

const Jose::DpopKey &fixedKey()
{
    static const Jose::DpopKey key = [] {
        auto generated = Jose::DpopKey::generate();
        require(generated.ok(), "a DPoP key can be generated");
        return *generated;
    }();
    return key;
}

// Signs a proof with \a key and checks it as a server would: compact JWS, ES256, and a signature
// that verifies with the public JWK in its own header (the key's publicJwk()).
void proofVerifies(const Jose::DpopKey &key, const QByteArray &nonce)
{
    const QByteArray proof = Jose::createDpopProof(key, "POST", tokenEndpoint(), Fuzz::kNow, {}, nonce);
    require(!proof.isEmpty(), "a proof can be made with a valid nonce");
    const auto jws = Jose::CompactJws::parse(proof);
    require(jws.ok() && jws->algorithm() == Jose::Algorithm::ES256, "a proof is an ES256 compact JWS");
    const QByteArray jwks = QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{key.publicJwk()}}})
                                .toJson(QJsonDocument::Compact);
    const auto set = Jose::JsonWebKeySet::fromJson(jwks);
    require(set.ok() && set->size() == 1, "the public JWK of a DPoP key imports");
    require(set->at(0).verify(Jose::Algorithm::ES256, jws->signingInput(), jws->signature()),
            "a proof verifies with the key's public JWK");
}

QList<QPair<QByteArray, QByteArray>> headerLines(const QByteArray &input)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray &line : input.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append({line.left(colon), line.mid(colon + 1)});
        if (headers.size() >= 64)
            break;
    }
    return headers;
}

// One input: every invariant below holds for any bytes.
void fuzzOne(const QByteArray &input)
{

    // The scheme and the parameter name are tokens (the value may be a quoted-string with
    // quoted-pairs, so it need not appear literally).
    if (Jose::isUseDpopNonceChallenge(input)) {
        const QByteArray lower = input.toLower();
        require(lower.contains("dpop") && lower.contains("error"), "a use_dpop_nonce challenge names DPoP and error");
    }

    const QByteArray nonce = Jose::dpopNonceFromHeaderValue(input);
    if (!nonce.isEmpty()) {
        require(Jose::isValidDpopNonce(nonce) && input.contains(nonce), "a returned nonce is valid and from the field");
        proofVerifies(fixedKey(), nonce);
    }
    const QByteArray fromHeaders = Jose::dpopNonceFromHeaders(headerLines(input));
    if (!fromHeaders.isEmpty())
        require(Jose::isValidDpopNonce(fromHeaders) && input.contains(fromHeaders),
                "a nonce from the header list is valid and from the input");

    const QByteArray htu = Jose::dpopHtu(QUrl(QString::fromUtf8(input)));
    if (!htu.isEmpty()) {
        require(htu.startsWith("http://") || htu.startsWith("https://"), "htu is an http(s) URL");
        require(!htu.contains('?') && !htu.contains('#'), "htu has neither query nor fragment");
        require(!Jose::createDpopProof(fixedKey(), "GET", QUrl(QString::fromUtf8(input)), Fuzz::kNow).isEmpty(),
                "a proof can be made for every URL with an htu");
    }

    if (input.size() <= Jose::DpopKey::kMaxDerBytes) {
        const auto key = Jose::DpopKey::fromPrivateDer(input);
        if (key) {
            require(!key->isNull() && key->thumbprint().size() == 43, "an imported key has a thumbprint");
            const auto again = Jose::DpopKey::fromPrivateDer(key->toPrivateDer());
            require(again.ok() && again->thumbprint() == key->thumbprint(), "toPrivateDer round-trips");
            require(key->publicJwk().size() == 4, "the public JWK has exactly kty, crv, x, y");
            proofVerifies(*key, {});
        }
    }
}

} // namespace

CONCIERGE_FUZZ_TARGET([] { (void)fixedKey(); }, fuzzOne)
