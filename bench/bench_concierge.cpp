// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Google Benchmark: the SDK's pure steps, no I/O.
//   IdToken/SDK/<alg>      Internal::validateIdToken(): the full OIDC check of a signed ID token
//                          (signature, iss, aud, exp/iat, nonce, at_hash) against a parsed JWKS
//   IdToken/OpenSSL/<alg>  the raw baseline: EVP_DigestVerify of the same signing input with the
//                          same public key, a new EVP_MD_CTX and EVP_DigestVerifyInit per call
//   Parse/...              discovery document, JWKS with 10 keys, token response
//
//   bench_concierge [--rows=FILE] [Google Benchmark flags]
//
// After the run it prints SDK/raw throughput ratios (target: at least 0.9); --rows writes markdown
// table rows for scripts/bench.
#include <concierge/providermetadata.h>
#include <concierge/tokenresponse.h>

#include "core/idtokenvalidator_p.h"
#include "core/jwks_p.h"
#include "testsigner.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <benchmark/benchmark.h>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

using namespace Concierge;
using namespace Concierge::Test;

namespace {

const QString kIssuer = QStringLiteral("https://id.example.com");
const QString kClientId = QStringLiteral("storefront-mobile");
const char *const kAlgorithms[] = {"RS256", "PS256", "ES256", "EdDSA"};

// ---- fixtures ---------------------------------------------------------------------------------

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

struct IdTokenCase
{
    QString alg;
    QByteArray token;
    QByteArray accessToken;
    qint64 now = 0;
    Pkey publicKey;          // for the raw baseline: the public half only, as the SDK has it
    QByteArray signingInput; // header.payload
    QByteArray signature;    // as OpenSSL wants it (DER for ECDSA)
    std::string keyLabel;
};

struct Fixtures
{
    Jose::JsonWebKeySet jwks;
    std::map<QString, IdTokenCase> idTokens;
    QByteArray discovery;
    QByteArray jwks10;
    QByteArray tokenResponse;
};

QByteArray fromBase64Url(const QByteArray &text)
{
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

//! JOSE ES256 R || S (64 bytes) to the DER ECDSA-Sig-Value OpenSSL verifies.
QByteArray joseToDer(const QByteArray &raw)
{
    ECDSA_SIG *sig = ECDSA_SIG_new();
    BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()), 32, nullptr);
    BIGNUM *s = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()) + 32, 32, nullptr);
    ECDSA_SIG_set0(sig, r, s);
    unsigned char *der = nullptr;
    const int size = i2d_ECDSA_SIG(sig, &der);
    QByteArray out(reinterpret_cast<const char *>(der), size);
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

Pkey publicKeyOf(const TestKey &key)
{
    const QByteArray der = key.publicKeyDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return Pkey(d2i_PUBKEY(nullptr, &p, long(der.size())));
}

QByteArray discoveryDocument()
{
    const auto url = [](const char *path) { return kIssuer + QLatin1String(path); };
    const auto list = [](std::initializer_list<const char *> items) {
        QJsonArray array;
        for (const char *item : items)
            array.append(QLatin1String(item));
        return array;
    };
    QJsonObject doc{
        {QStringLiteral("issuer"), kIssuer},
        {QStringLiteral("authorization_endpoint"), url("/oauth2/authorize")},
        {QStringLiteral("token_endpoint"), url("/oauth2/token")},
        {QStringLiteral("userinfo_endpoint"), url("/oauth2/userinfo")},
        {QStringLiteral("jwks_uri"), url("/oauth2/jwks")},
        {QStringLiteral("revocation_endpoint"), url("/oauth2/revoke")},
        {QStringLiteral("introspection_endpoint"), url("/oauth2/introspect")},
        {QStringLiteral("end_session_endpoint"), url("/oauth2/logout")},
        {QStringLiteral("device_authorization_endpoint"), url("/oauth2/device")},
        {QStringLiteral("pushed_authorization_request_endpoint"), url("/oauth2/par")},
        {QStringLiteral("registration_endpoint"), url("/oauth2/register")},
        {QStringLiteral("scopes_supported"), list({"openid", "profile", "email", "phone", "address", "offline_access"})},
        {QStringLiteral("response_types_supported"), list({"code", "none", "code id_token"})},
        {QStringLiteral("response_modes_supported"), list({"query", "fragment", "form_post"})},
        {QStringLiteral("grant_types_supported"),
         list({"authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"})},
        {QStringLiteral("subject_types_supported"), list({"public", "pairwise"})},
        {QStringLiteral("id_token_signing_alg_values_supported"), list({"RS256", "PS256", "ES256", "EdDSA"})},
        {QStringLiteral("userinfo_signing_alg_values_supported"), list({"RS256", "ES256"})},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
         list({"none", "client_secret_basic", "client_secret_post", "private_key_jwt"})},
        {QStringLiteral("token_endpoint_auth_signing_alg_values_supported"), list({"RS256", "PS256", "ES256", "EdDSA"})},
        {QStringLiteral("code_challenge_methods_supported"), list({"S256"})},
        {QStringLiteral("claims_supported"),
         list({"sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "azp", "name", "given_name",
               "family_name", "locale", "zoneinfo", "email", "email_verified", "phone_number", "phone_number_verified",
               "address", "sid"})},
        {QStringLiteral("claims_parameter_supported"), true},
        {QStringLiteral("request_parameter_supported"), false},
        {QStringLiteral("request_uri_parameter_supported"), false},
        {QStringLiteral("require_pushed_authorization_requests"), false},
        {QStringLiteral("authorization_response_iss_parameter_supported"), true},
        {QStringLiteral("ui_locales_supported"), list({"en", "ja", "de", "fr"})},
        {QStringLiteral("dpop_signing_alg_values_supported"), list({"ES256", "EdDSA", "RS256", "PS256"})},
        {QStringLiteral("backchannel_logout_supported"), true},
        {QStringLiteral("frontchannel_logout_supported"), true},
    };
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

Fixtures &fixtures()
{
    static Fixtures f = [] {
        Fixtures f;
        const TestKey rs = TestKey::rsa("bench-rs256");
        const TestKey ps = TestKey::rsa("bench-ps256");
        const TestKey ec = TestKey::ec("bench-es256");
        const TestKey ed = TestKey::ed25519("bench-eddsa");
        const QByteArray jwksJson = jwksDocument(QList<QJsonObject>{
            rs.publicJwk(QStringLiteral("RS256")), ps.publicJwk(QStringLiteral("PS256")), ec.publicJwk(), ed.publicJwk()});
        auto jwks = Jose::JsonWebKeySet::fromJson(jwksJson);
        if (!jwks || jwks->size() != 4)
            qFatal("bench: the fixture JWKS did not parse");
        f.jwks = *jwks;

        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray accessToken = QByteArrayLiteral("SlAV32hkKG-access-token-for-the-benchmark-0123456789");
        const std::map<QString, std::pair<TestKey, std::string>> keys{
            {QStringLiteral("RS256"), {rs, "RSA 2048"}},
            {QStringLiteral("PS256"), {ps, "RSA 2048"}},
            {QStringLiteral("ES256"), {ec, "P-256"}},
            {QStringLiteral("EdDSA"), {ed, "Ed25519"}}};
        for (const auto &[alg, entry] : keys) {
            const auto &[key, label] = entry;
            QJsonObject claims = idTokenClaims(kIssuer, kClientId, now, QStringLiteral("n-0S6_WzA2Mj"),
                                               QStringLiteral("shp_7Qm2xK9vR4tLa8Zc"), 3600);
            claims.insert(QStringLiteral("at_hash"), QString::fromLatin1(atHash(alg, accessToken)));
            claims.insert(QStringLiteral("auth_time"), now - 5);
            claims.insert(QStringLiteral("name"), QStringLiteral("Aiko Tanaka"));
            claims.insert(QStringLiteral("email"), QStringLiteral("aiko@example.com"));
            claims.insert(QStringLiteral("email_verified"), true);
            IdTokenCase c;
            c.alg = alg;
            c.token = signJwt(key, claims, QJsonObject{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}});
            c.accessToken = accessToken;
            c.now = now;
            c.publicKey = publicKeyOf(key);
            const qsizetype lastDot = c.token.lastIndexOf('.');
            c.signingInput = c.token.left(lastDot);
            c.signature = fromBase64Url(c.token.mid(lastDot + 1));
            if (alg == QLatin1String("ES256"))
                c.signature = joseToDer(c.signature);
            c.keyLabel = label;
            f.idTokens.emplace(alg, std::move(c));
        }

        f.discovery = discoveryDocument();

        // Ten keys, as a provider in the middle of a rotation might publish: six RSA (RS256 and
        // PS256), two P-256, two Ed25519. Same key material under several kids: import cost is equal.
        QList<QJsonObject> ten;
        for (int i = 0; i < 4; ++i)
            ten << rs.withKid("rs256-" + QByteArray::number(i)).publicJwk(QStringLiteral("RS256"));
        for (int i = 0; i < 2; ++i)
            ten << ps.withKid("ps256-" + QByteArray::number(i)).publicJwk(QStringLiteral("PS256"));
        for (int i = 0; i < 2; ++i)
            ten << ec.withKid("es256-" + QByteArray::number(i)).publicJwk();
        for (int i = 0; i < 2; ++i)
            ten << ed.withKid("eddsa-" + QByteArray::number(i)).publicJwk();
        f.jwks10 = jwksDocument(ten);

        const QByteArray accessJwt = signJwt(
            rs, QJsonObject{{QStringLiteral("iss"), kIssuer}, {QStringLiteral("sub"), QStringLiteral("shp_7Qm2xK9vR4tLa8Zc")},
                            {QStringLiteral("aud"), QStringLiteral("https://api.example.com")},
                            {QStringLiteral("client_id"), kClientId}, {QStringLiteral("exp"), now + 600},
                            {QStringLiteral("iat"), now}, {QStringLiteral("jti"), QStringLiteral("7f1c2b9e-5d4a-4e3b-9a8f-1c2d3e4f5a6b")},
                            {QStringLiteral("scope"), QStringLiteral("openid profile email offline_access")}},
            QJsonObject{{QStringLiteral("typ"), QStringLiteral("at+jwt")}});
        f.tokenResponse = QJsonDocument(QJsonObject{
            {QStringLiteral("access_token"), QString::fromLatin1(accessJwt)},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_in"), 600},
            {QStringLiteral("refresh_token"), QStringLiteral("8xLOxBtZp8-refresh-qL0Z3dYzN5kq2sVQmC4aG7hJ1rT6wUe")},
            {QStringLiteral("scope"), QStringLiteral("openid profile email offline_access")},
            {QStringLiteral("id_token"), QString::fromLatin1(f.idTokens.at(QStringLiteral("RS256")).token)},
        }).toJson(QJsonDocument::Compact);
        return f;
    }();
    return f;
}

Internal::IdTokenExpectations expectationsFor(const IdTokenCase &c)
{
    Internal::IdTokenExpectations expect;
    expect.issuer = kIssuer;
    expect.clientId = kClientId;
    expect.nonce = QStringLiteral("n-0S6_WzA2Mj");
    expect.allowedAlgorithms = {QStringLiteral("RS256"), QStringLiteral("PS256"), QStringLiteral("ES256"), QStringLiteral("EdDSA")};
    expect.accessToken = c.accessToken;
    expect.now = c.now;
    return expect;
}

//! The raw baseline, written from the OpenSSL manual: everything set up again on every call.
bool rawVerify(const IdTokenCase &c)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    const bool eddsa = c.alg == QLatin1String("EdDSA");
    bool ok = ctx && EVP_DigestVerifyInit(ctx, &pctx, eddsa ? nullptr : EVP_sha256(), nullptr, c.publicKey.get()) == 1;
    if (ok && c.alg == QLatin1String("PS256")) {
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32) == 1;
    }
    ok = ok
        && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(c.signature.constData()), std::size_t(c.signature.size()),
                            reinterpret_cast<const unsigned char *>(c.signingInput.constData()),
                            std::size_t(c.signingInput.size()))
            == 1;
    EVP_MD_CTX_free(ctx);
    return ok;
}

// ---- benchmarks -------------------------------------------------------------------------------

void BM_IdTokenSdk(benchmark::State &state, const QString &alg)
{
    const IdTokenCase &c = fixtures().idTokens.at(alg);
    const Internal::IdTokenExpectations expect = expectationsFor(c);
    for (auto _ : state) {
        auto result = Internal::validateIdToken(c.token, fixtures().jwks, expect);
        if (!result) {
            state.SkipWithError(qPrintable(QStringLiteral("validation failed: ") + result.error().id()));
            break;
        }
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(c.keyLabel);
}

void BM_IdTokenRaw(benchmark::State &state, const QString &alg)
{
    const IdTokenCase &c = fixtures().idTokens.at(alg);
    for (auto _ : state) {
        bool ok = rawVerify(c);
        if (!ok) {
            state.SkipWithError("EVP_DigestVerify failed");
            break;
        }
        benchmark::DoNotOptimize(ok);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel(c.keyLabel);
}

void BM_ParseDiscovery(benchmark::State &state)
{
    const QByteArray &doc = fixtures().discovery;
    for (auto _ : state) {
        auto metadata = ProviderMetadata::fromJson(doc, kIssuer);
        if (!metadata) {
            state.SkipWithError(qPrintable(metadata.error().id()));
            break;
        }
        benchmark::DoNotOptimize(metadata);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * doc.size());
}

void BM_ParseJwks10(benchmark::State &state)
{
    const QByteArray &doc = fixtures().jwks10;
    for (auto _ : state) {
        auto jwks = Jose::JsonWebKeySet::fromJson(doc);
        if (!jwks || jwks->size() != 10) {
            state.SkipWithError("the JWKS did not give 10 keys");
            break;
        }
        benchmark::DoNotOptimize(jwks);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * doc.size());
}

void BM_ParseTokenResponse(benchmark::State &state)
{
    const QByteArray &doc = fixtures().tokenResponse;
    for (auto _ : state) {
        auto response = TokenResponse::fromReply(200, doc);
        if (!response) {
            state.SkipWithError(qPrintable(response.error().id()));
            break;
        }
        benchmark::DoNotOptimize(response);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * doc.size());
}

// ---- the summary: SDK/raw ratios and markdown rows --------------------------------------------

//! The console reporter, also keeping CPU nanoseconds per operation (the median when repeated):
//! CPU time, not wall time, so a busy machine (2 cores shared with builds) skews the figures less.
class Collector : public benchmark::ConsoleReporter
{
public:
    using ConsoleReporter::ConsoleReporter;
    void ReportRuns(const std::vector<Run> &runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run &run : runs) {
            if (run.error_occurred)
                continue;
            const bool isMedian = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
            if (run.run_type == Run::RT_Aggregate && !isMedian)
                continue;
            Entry &entry = results[run.run_name.str()];
            if (entry.median && !isMedian)
                continue;
            entry.ns = run.GetAdjustedCPUTime() * 1e9 / benchmark::GetTimeUnitMultiplier(run.time_unit);
            entry.median = isMedian;
        }
    }
    double ns(const std::string &name) const
    {
        const auto it = results.find(name);
        return it == results.end() ? 0 : it->second.ns;
    }

private:
    struct Entry
    {
        double ns = 0;
        bool median = false;
    };
    std::map<std::string, Entry> results;
};

std::string grouped(double value)
{
    std::string digits = std::to_string(static_cast<long long>(value + 0.5));
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(std::size_t(i), ",");
    return digits;
}

std::string micros(double ns)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, ns < 10000 ? "%.2f µs" : "%.1f µs", ns / 1000);
    return buffer;
}

std::vector<std::string> summarize(const Collector &collector)
{
    std::vector<std::string> rows;
    std::vector<std::string> ratios;
    std::printf("\nID-token validation, SDK vs raw OpenSSL EVP_DigestVerify (same key, same signing input):\n");
    for (const char *alg : kAlgorithms) {
        const double sdk = collector.ns(std::string("IdToken/SDK/") + alg);
        const double raw = collector.ns(std::string("IdToken/OpenSSL/") + alg);
        if (sdk <= 0 || raw <= 0)
            continue;
        const std::string &label = fixtures().idTokens.at(QLatin1String(alg)).keyLabel;
        // The target is about throughput: the SDK validates at least 0.9 times as many ID tokens per
        // second as bare EVP_DigestVerify on the same key and signing input.
        const double throughputRatio = raw / sdk;
        char ratio[16];
        std::snprintf(ratio, sizeof ratio, "%.2f", throughputRatio);
        const bool pass = throughputRatio >= 0.9;
        std::printf("  %-6s SDK %10s /s (%s)   raw %10s /s (%s)   SDK/raw throughput %s %s\n", alg, grouped(1e9 / sdk).c_str(),
                    micros(sdk).c_str(), grouped(1e9 / raw).c_str(), micros(raw).c_str(), ratio, pass ? "pass" : "FAIL");
        rows.push_back("| ID-token validation | " + std::string(alg) + " (" + label + "), full OIDC checks incl. at_hash, warm JWKS | "
                       + grouped(1e9 / sdk) + " /s (" + micros(sdk) + ") | raw `EVP_DigestVerify`, new `EVP_MD_CTX` per call: "
                       + grouped(1e9 / raw) + " /s (" + micros(raw) + "); SDK/raw throughput **" + ratio + "** | ≥ 0.90 | "
                       + (pass ? "✅ pass" : "❌ FAIL") + " |");
        ratios.push_back(std::string(alg) + " " + ratio);
    }
    if (!ratios.empty()) {
        std::string line = "  ratios:";
        for (const std::string &r : ratios)
            line += " " + r;
        std::printf("%s\n", line.c_str());
    }
    const struct
    {
        const char *name;
        const char *what;
        qsizetype bytes;
    } parsing[] = {
        {"Parse/DiscoveryDocument", "discovery document (`ProviderMetadata::fromJson`)", fixtures().discovery.size()},
        {"Parse/Jwks10Keys", "JWKS, 10 keys: 6 RSA 2048, 2 P-256, 2 Ed25519 (`JsonWebKeySet::fromJson`, keys imported)",
         fixtures().jwks10.size()},
        {"Parse/TokenResponse", "token response with JWT access token and ID token (`TokenResponse::fromReply`)",
         fixtures().tokenResponse.size()},
    };
    std::printf("\nParsing, per operation:\n");
    for (const auto &p : parsing) {
        const double ns = collector.ns(p.name);
        if (ns <= 0)
            continue;
        std::printf("  %-26s %s (%s /s, %lld bytes)\n", p.name, micros(ns).c_str(), grouped(1e9 / ns).c_str(),
                    static_cast<long long>(p.bytes));
        rows.push_back(std::string("| Parsing | ") + p.what + " | " + micros(ns) + " per op (" + grouped(1e9 / ns)
                       + " /s) | " + grouped(double(p.bytes)) + " bytes | — | |");
    }
    return rows;
}

} // namespace

int main(int argc, char **argv)
{
    std::string rowsFile;
    std::vector<char *> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--rows=", 7) == 0)
            rowsFile = argv[i] + 7;
        else
            args.push_back(argv[i]);
    }
    int count = int(args.size());
    benchmark::Initialize(&count, args.data());
    if (benchmark::ReportUnrecognizedArguments(count, args.data()))
        return 1;

    fixtures(); // key generation outside every measurement
    for (const char *alg : kAlgorithms) {
        const QString name = QLatin1String(alg);
        benchmark::RegisterBenchmark((std::string("IdToken/SDK/") + alg).c_str(), BM_IdTokenSdk, name);
        benchmark::RegisterBenchmark((std::string("IdToken/OpenSSL/") + alg).c_str(), BM_IdTokenRaw, name);
    }
    benchmark::RegisterBenchmark("Parse/DiscoveryDocument", BM_ParseDiscovery);
    benchmark::RegisterBenchmark("Parse/Jwks10Keys", BM_ParseJwks10);
    benchmark::RegisterBenchmark("Parse/TokenResponse", BM_ParseTokenResponse);

    Collector collector(isatty(fileno(stdout)) ? benchmark::ConsoleReporter::OO_ColorTabular
                                               : benchmark::ConsoleReporter::OO_Tabular);
    benchmark::RunSpecifiedBenchmarks(&collector);
    const std::vector<std::string> rows = summarize(collector);
    benchmark::Shutdown();
    if (!rowsFile.empty()) {
        std::ofstream out(rowsFile);
        for (const std::string &row : rows)
            out << row << '\n';
        if (!out)
            return 1;
    }
    return 0;
}
