// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "fuzzsupport.h"

#include <concierge/pkce.h>
#include <concierge/providerconfig.h>

#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>

#include <openssl/evp.h>

#include <memory>

namespace Concierge::Fuzz {

namespace {

QByteArray base64Url(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A constant private seed: this key is deliberately public (see fuzzsupport.h).
constexpr unsigned char kEdSeed[32] = {'c', 'o', 'n', 'c', 'i', 'e', 'r', 'g', 'e', '-', 'f',
                                       'u', 'z', 'z', '-', 't', 'h', 'r', 'o', 'w', '-', 'a',
                                       'w', 'a', 'y', '-', 'e', 'd', '2', '5', '5', '1'};

EVP_PKEY *fixedKey()
{
    static EVP_PKEY *key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, kEdSeed, sizeof kEdSeed);
    if (!key)
        fail("cannot create the fixed Ed25519 key");
    return key;
}

struct MdCtxFree
{
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};

} // namespace

QByteArray signEdDSA(QByteArrayView headerJson, QByteArrayView payloadJson)
{
    const QByteArray input = base64Url(headerJson) + '.' + base64Url(payloadJson);
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    unsigned char sig[64];
    std::size_t sigSize = sizeof sig;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, fixedKey()) != 1
        || EVP_DigestSign(ctx.get(), sig, &sigSize, reinterpret_cast<const unsigned char *>(input.constData()),
                          std::size_t(input.size()))
            != 1)
        fail("Ed25519 signing failed");
    return input + '.' + base64Url(QByteArrayView(reinterpret_cast<const char *>(sig), qsizetype(sigSize)));
}

QByteArray fixedEd25519Jwk()
{
    unsigned char pub[32];
    std::size_t pubSize = sizeof pub;
    if (EVP_PKEY_get_raw_public_key(fixedKey(), pub, &pubSize) != 1)
        fail("cannot read the fixed Ed25519 public key");
    return R"({"kty":"OKP","crv":"Ed25519","use":"sig","alg":"EdDSA","kid":")" + QByteArray(kEdKid)
        + R"(","x":")" + base64Url(QByteArrayView(reinterpret_cast<const char *>(pub), qsizetype(pubSize)))
        + R"("})";
}

QByteArray readDataFile(const char *name)
{
    QFile file(QStringLiteral(CONCIERGE_FUZZ_DATA_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(file.fileName()));
        std::abort();
    }
    return file.readAll();
}

ProviderMetadata fixedMetadata(bool issParameter)
{
    const QByteArray doc = R"({"issuer":"https://idp.example.com",)"
                           R"("authorization_endpoint":"https://idp.example.com/auth",)"
                           R"("token_endpoint":"https://idp.example.com/token",)"
                           R"("jwks_uri":"https://idp.example.com/jwks",)"
                           R"("id_token_signing_alg_values_supported":["RS256","PS256","ES256","EdDSA"],)"
                           R"("code_challenge_methods_supported":["S256"],)"
                           R"("authorization_response_iss_parameter_supported":)"
        + QByteArray(issParameter ? "true" : "false") + "}";
    auto metadata = ProviderMetadata::fromJson(doc, qs(kIssuer));
    if (!metadata)
        fail("the fixed discovery document does not parse");
    return *metadata;
}

AuthorizationRequest fixedRequest(const ProviderMetadata &metadata)
{
    ProviderConfig config(qs(kIssuer), qs(kClientId));
    config.setRedirectUri(QUrl(qs(kRedirectUri)));
    auto pkce = Pkce::fromVerifier(QByteArray(kVerifier));
    if (!pkce)
        fail("the fixed PKCE verifier is refused");
    auto request = AuthorizationRequest::create(config, metadata, QUrl(qs(kRedirectUri)), {}, *pkce,
                                                QByteArray(kState), QByteArray(kNonce));
    if (!request) {
        std::fprintf(stderr, "%s\n", qPrintable(request.error().description()));
        fail("the fixed authorization request cannot be created");
    }
    return *request;
}

void quietLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("concierge.*=false\nqt.*=false"));
}

void checkRefusedReply(const Error &error, int status, int retryAfter)
{
    require(error.isError(), "a refused reply carries an error");
    (void)error.message(); // server-provided error text reaches the UI through this
    (void)error.id();
    if (status == 429)
        require(error.code() == Error::Code::RateLimited && error.retryAfter() == retryAfter,
                "429 is RateLimited with its Retry-After");
    if (status >= 500 && status <= 599)
        require(error.code() == Error::Code::ServerError && error.isTransient(), "5xx is a transient ServerError");
}

} // namespace Concierge::Fuzz
