// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Writes the committed seed corpora (tests/fuzz/corpus/<target>/) and data/jwks.json. Run it only
// to regenerate them (it is not part of any test):
//     cmake --build build-fuzz --target concierge_fuzz_seeds
//     build-fuzz/fuzz/concierge_fuzz_seeds tests/fuzz
// The RSA and EC keys are generated here and thrown away: only their public JWKs are written, and
// the tokens they signed. The Ed25519 key is the fixed one of fuzzsupport.cpp.

#include "fuzzsupport.h"

#include "testsigner.h"

#include "core/dpop_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <cstdio>

using namespace Concierge;
using namespace Concierge::Test;

namespace {

QString g_root;

void write(const QString &relative, const QByteArray &bytes)
{
    const QString path = g_root + QLatin1Char('/') + relative;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        std::exit(1);
    }
}

void seed(const char *target, const char *name, const QByteArray &bytes)
{
    write(QStringLiteral("corpus/%1/%2").arg(QLatin1String(target), QLatin1String(name)), bytes);
}

const QString kIss = Fuzz::qs(Fuzz::kIssuer);
const QString kClient = Fuzz::qs(Fuzz::kClientId);
const QString kNonce = Fuzz::qs(Fuzz::kNonce);

QJsonObject baseClaims(const QString &alg)
{
    QJsonObject c = idTokenClaims(kIss, kClient, Fuzz::kNow, kNonce, QStringLiteral("248289761001"), 600);
    c.insert(QStringLiteral("at_hash"), QString::fromLatin1(atHash(alg, QByteArray(Fuzz::kAccessToken))));
    c.insert(QStringLiteral("auth_time"), Fuzz::kNow - 120);
    c.insert(QStringLiteral("email"), QStringLiteral("jane.doe@example.com"));
    c.insert(QStringLiteral("email_verified"), true);
    c.insert(QStringLiteral("name"), QStringLiteral("Jane Doe"));
    c.insert(QStringLiteral("locale"), QStringLiteral("ja-JP"));
    return c;
}

QJsonObject with(QJsonObject c, const QString &name, const QJsonValue &value)
{
    if (value.isUndefined())
        c.remove(name);
    else
        c.insert(name, value);
    return c;
}

QByteArray ed(const QJsonObject &claims, const QJsonObject &header = {})
{
    QJsonObject h = header;
    if (!h.contains(QStringLiteral("alg")))
        h.insert(QStringLiteral("alg"), QStringLiteral("EdDSA"));
    if (!h.contains(QStringLiteral("kid")))
        h.insert(QStringLiteral("kid"), QString::fromLatin1(Fuzz::kEdKid));
    return Fuzz::signEdDSA(compactJson(h), compactJson(claims));
}

QByteArray jwt(const TestKey &key, const QString &alg, const QJsonObject &claims, QJsonObject header = {})
{
    header.insert(QStringLiteral("alg"), alg);
    if (!header.contains(QStringLiteral("typ")))
        header.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
    return signJwt(key, claims, header);
}

void idTokenSeeds(const TestKey &rsa, const TestKey &ec, const TestKey &attacker)
{
    const char *t = "idtoken";
    seed(t, "rs256-valid.jwt", jwt(rsa, QStringLiteral("RS256"), baseClaims(QStringLiteral("RS256"))));
    seed(t, "ps256-valid.jwt", jwt(rsa, QStringLiteral("PS256"), baseClaims(QStringLiteral("PS256"))));
    seed(t, "es256-valid.jwt", jwt(ec, QStringLiteral("ES256"), baseClaims(QStringLiteral("ES256"))));
    seed(t, "eddsa-valid.jwt", ed(baseClaims(QStringLiteral("EdDSA")), {{QStringLiteral("typ"), QStringLiteral("JWT")}}));
    seed(t, "rs256-no-kid.jwt", signJwt(rsa.withKid({}), baseClaims(QStringLiteral("RS256"))));
    seed(t, "rs256-aud-array-azp.jwt",
         jwt(rsa, QStringLiteral("RS256"),
             with(with(baseClaims(QStringLiteral("RS256")), QStringLiteral("aud"),
                       QJsonArray{kClient, Fuzz::qs(Fuzz::kTrustedAudience)}),
                  QStringLiteral("azp"), kClient)));
    seed(t, "rs256-expired.jwt",
         jwt(rsa, QStringLiteral("RS256"), with(baseClaims(QStringLiteral("RS256")), QStringLiteral("exp"), Fuzz::kNow - 3600)));
    seed(t, "es256-wrong-nonce.jwt",
         jwt(ec, QStringLiteral("ES256"), with(baseClaims(QStringLiteral("ES256")), QStringLiteral("nonce"), QStringLiteral("replayed"))));
    seed(t, "rs256-unknown-kid.jwt", jwt(attacker, QStringLiteral("RS256"), baseClaims(QStringLiteral("RS256"))));
    seed(t, "alg-none.jwt", unsecuredJwt(baseClaims(QStringLiteral("RS256")), {{QStringLiteral("typ"), QStringLiteral("JWT")}}));
    seed(t, "hs256-key-confusion.jwt", hs256Jwt(rsa.publicKeyPem(), baseClaims(QStringLiteral("RS256")), rsa.kid()));
    seed(t, "embedded-jwk.jwt", jwtWithEmbeddedJwk(attacker, baseClaims(QStringLiteral("RS256")), rsa.kid()));
    seed(t, "jku.jwt", jwtWithKeyUrl(attacker, QStringLiteral("jku"), QStringLiteral("https://evil.example/jwks"),
                                     baseClaims(QStringLiteral("RS256")), rsa.kid()));
    seed(t, "crit.jwt", ed(baseClaims(QStringLiteral("EdDSA")),
                           {{QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")}}, {QStringLiteral("exp"), 1}}));

    // Claims for the target to sign (EdDSA, fixed key): these reach every claim check.
    seed(t, "claims-valid.json", compactJson(baseClaims(QStringLiteral("EdDSA"))));
    seed(t, "claims-aud-array.json",
         compactJson(with(with(baseClaims(QStringLiteral("EdDSA")), QStringLiteral("aud"),
                               QJsonArray{kClient, Fuzz::qs(Fuzz::kTrustedAudience)}),
                          QStringLiteral("azp"), kClient)));
    seed(t, "claims-minimal.json", compactJson(idTokenClaims(kIss, kClient, Fuzz::kNow)));
    seed(t, "claims-nbf-float.json",
         R"({"iss":"https://idp.example.com","sub":"u-1","aud":"concierge-desktop","exp":1800000600.5,)"
         R"("iat":1799999999.25,"nbf":1800000000,"nonce":"n-0S6_WzA2Mj-fuzz-7c1d9e","auth_time":1.79999e9})");
    seed(t, "claims-keycloak.json",
         R"({"exp":1800000300,"iat":1800000000,"auth_time":1799999990,"jti":"0f1c2b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c",)"
         R"("iss":"https://idp.example.com","aud":"concierge-desktop","sub":"f:2f9c:jane","typ":"ID",)"
         R"("azp":"concierge-desktop","nonce":"n-0S6_WzA2Mj-fuzz-7c1d9e","session_state":"6c1e4a2d",)"
         R"("acr":"1","sid":"6c1e4a2d","email_verified":true,"realm_access":{"roles":["shopper","offline_access"]},)"
         R"("name":"Jane Doe","preferred_username":"jane","given_name":"Jane","family_name":"Doe",)"
         R"("email":"jane.doe@example.com"})");
    seed(t, "claims-with-header.json",
         R"({"alg":"EdDSA","kid":"ed-fuzz","typ":"JWT"})"
         "\n"
         R"({"iss":"https://idp.example.com","sub":"\u00e9t\u00e9","aud":["concierge-desktop"],"exp":1800000300,)"
         R"("iat":1800000000,"nonce":"n-0S6_WzA2Mj-fuzz-7c1d9e"})");
}

void joseSeeds(const TestKey &rsa, const TestKey &ec)
{
    const char *t = "jose";
    seed(t, "rs256.jwt", jwt(rsa, QStringLiteral("RS256"), baseClaims(QStringLiteral("RS256"))));
    seed(t, "es256.jwt", jwt(ec, QStringLiteral("ES256"), idTokenClaims(kIss, kClient, Fuzz::kNow)));
    seed(t, "eddsa.jwt", ed(idTokenClaims(kIss, kClient, Fuzz::kNow, kNonce)));
    seed(t, "header.json", R"({"alg":"RS256","kid":"rsa-fuzz","typ":"JWT"})");
    seed(t, "header.b64u", base64Url(R"({"alg":"ES256","kid":"ec-fuzz"})"));
    seed(t, "nested.json",
         "\xEF\xBB\xBF" R"({"aud":["a","b\u0000c"],"exp":1.8e9,"x":{"y":[1,-2.5e-3,true,false,null,{"z":"\ud83d\ude00"}]},)"
         R"("kid":"k","alg":"EdDSA","crit":[],"":0})");
    seed(t, "duplicate.json", R"({"alg":"RS256","x":{"a":1,"a":2}})");
    // Regression: trailing data after a NUL byte (found by this target; nlohmann's lexer stops at NUL).
    seed(t, "trailing-after-nul.json", QByteArrayLiteral("{\"alg\":\"RS256\",\"kid\":\"k\"}\0{\"alg\":\"none\"}"));
    seed(t, "numbers.json", R"({"exp":18446744073709551615,"aud":-9223372036854775808,"alg":1e308,"kid":0.0})");
}

void jwksSeeds(const QByteArray &jwks, const TestKey &rsa, const TestKey &ec)
{
    const char *t = "jwks";
    seed(t, "fixed.json", jwks);
    QJsonObject rsaOps = rsa.publicJwk(QStringLiteral("RS256"));
    rsaOps.insert(QStringLiteral("key_ops"), QJsonArray{QStringLiteral("verify")});
    rsaOps.insert(QStringLiteral("x5t"), QStringLiteral("bm90LWEtcmVhbC10aHVtYnByaW50"));
    rsaOps.insert(QStringLiteral("x5c"), QJsonArray{QStringLiteral("TUlJQ3NEQ0NBWmdDQ1FEbm90cmVhbA==")});
    QJsonObject ecPrivate = ec.publicJwk(QStringLiteral("ES256"));
    ecPrivate.insert(QStringLiteral("d"), QStringLiteral("c2VjcmV0LWJ1dC1ub3QtcmVhbGx5LXVzZWQtaGVyZQ"));
    QJsonObject enc = ec.withKid("enc-1").publicJwk(QStringLiteral("ES256"), QStringLiteral("enc"));
    QJsonObject p384{{QStringLiteral("kty"), QStringLiteral("EC")}, {QStringLiteral("crv"), QStringLiteral("P-384")},
                     {QStringLiteral("kid"), QStringLiteral("p384")},
                     {QStringLiteral("x"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")},
                     {QStringLiteral("y"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")}};
    QJsonObject hmac{{QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("k"), QStringLiteral("c2VjcmV0")},
                     {QStringLiteral("alg"), QStringLiteral("HS256")}};
    seed(t, "mixed.json", jwksDocument(QList<QJsonObject>{rsaOps, ecPrivate, enc, p384, hmac}));
    seed(t, "rotation.json",
         jwksDocument(QList<QJsonObject>{rsa.publicJwk(QStringLiteral("RS256")), rsa.withKid("rsa-fuzz-next").publicJwk(QString()),
                                         ec.publicJwk(QString(), QString())}));
    seed(t, "empty.json", R"({"keys":[]})");
    seed(t, "not-keys.json", R"({"keys":{"kty":"RSA"},"extra":[1,2,3]})");
}

void discoverySeeds()
{
    const char *t = "discovery";
    // Shaped like oidc-provider 9's document (the dev IdP), for the fixed issuer.
    seed(t, "oidc-provider.json",
         R"({"authorization_endpoint":"https://idp.example.com/auth","claims_parameter_supported":false,)"
         R"("claims_supported":["sub","email","email_verified","name","locale","sid","auth_time","iss"],)"
         R"("code_challenge_methods_supported":["S256"],"end_session_endpoint":"https://idp.example.com/session/end",)"
         R"("grant_types_supported":["implicit","authorization_code","refresh_token","urn:ietf:params:oauth:grant-type:device_code"],)"
         R"("issuer":"https://idp.example.com","jwks_uri":"https://idp.example.com/jwks",)"
         R"("authorization_response_iss_parameter_supported":true,"response_modes_supported":["form_post","fragment","query"],)"
         R"("response_types_supported":["code","id_token","code id_token","none"],"scopes_supported":["openid","offline_access","profile","email"],)"
         R"("subject_types_supported":["public"],"token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_jwt","client_secret_post","private_key_jwt","none"],)"
         R"("token_endpoint_auth_signing_alg_values_supported":["HS256","RS256","PS256","ES256","EdDSA"],)"
         R"("token_endpoint":"https://idp.example.com/token","id_token_signing_alg_values_supported":["RS256","PS256","ES256","EdDSA"],)"
         R"("pushed_authorization_request_endpoint":"https://idp.example.com/request","request_parameter_supported":false,)"
         R"("request_uri_parameter_supported":false,"userinfo_endpoint":"https://idp.example.com/me",)"
         R"("device_authorization_endpoint":"https://idp.example.com/device/auth",)"
         R"("introspection_endpoint":"https://idp.example.com/token/introspection",)"
         R"("revocation_endpoint":"https://idp.example.com/token/revocation",)"
         R"("dpop_signing_alg_values_supported":["ES256","EdDSA"],"claim_types_supported":["normal"]})");
    seed(t, "keycloak.json",
         R"({"issuer":"https://idp.example.com","authorization_endpoint":"https://idp.example.com/protocol/openid-connect/auth",)"
         R"("token_endpoint":"https://idp.example.com/protocol/openid-connect/token",)"
         R"("introspection_endpoint":"https://idp.example.com/protocol/openid-connect/token/introspect",)"
         R"("userinfo_endpoint":"https://idp.example.com/protocol/openid-connect/userinfo",)"
         R"("end_session_endpoint":"https://idp.example.com/protocol/openid-connect/logout","frontchannel_logout_session_supported":true,)"
         R"("jwks_uri":"https://idp.example.com/protocol/openid-connect/certs","check_session_iframe":"https://idp.example.com/protocol/openid-connect/login-status-iframe.html",)"
         R"("grant_types_supported":["authorization_code","implicit","refresh_token","password","client_credentials"],)"
         R"("acr_values_supported":["0","1"],"response_types_supported":["code","none","id_token","token","id_token token","code id_token","code token","code id_token token"],)"
         R"("id_token_signing_alg_values_supported":["PS384","ES384","RS384","HS256","HS512","ES256","RS256","HS384","ES512","PS256","PS512","RS512"],)"
         R"("code_challenge_methods_supported":["plain","S256"],"tls_client_certificate_bound_access_tokens":true,)"
         R"("mtls_endpoint_aliases":{"token_endpoint":"https://idp.example.com/protocol/openid-connect/token"},)"
         R"("require_pushed_authorization_requests":false,"pushed_authorization_request_endpoint":"https://idp.example.com/protocol/openid-connect/ext/par/request"})");
    seed(t, "minimal.json",
         R"({"issuer":"https://idp.example.com","authorization_endpoint":"https://idp.example.com/authorize",)"
         R"("token_endpoint":"https://idp.example.com/oauth/token","jwks_uri":"https://idp.example.com/.well-known/jwks.json"})");
    seed(t, "loopback-dev.json",
         R"({"issuer":"http://localhost:3000","authorization_endpoint":"http://localhost:3000/auth",)"
         R"("token_endpoint":"http://127.0.0.1:3000/token","jwks_uri":"http://[::1]:3000/jwks",)"
         R"("userinfo_endpoint":"http://localhost:3000/me","require_pushed_authorization_requests":true,)"
         R"("pushed_authorization_request_endpoint":"http://localhost:3000/request"})");
    seed(t, "insecure.json",
         R"({"issuer":"https://idp.example.com","authorization_endpoint":"http://idp.example.com/auth",)"
         R"js("token_endpoint":"https://user:pw@idp.example.com/token#frag","jwks_uri":"javascript:alert(1)"})js");
}

void tokenResponseSeeds(const TestKey &rsa)
{
    const char *t = "tokenresponse";
    const QByteArray idToken = jwt(rsa, QStringLiteral("RS256"), baseClaims(QStringLiteral("RS256")));
    seed(t, "success.json",
         R"({"access_token":")" + QByteArray(Fuzz::kAccessToken) + R"(","expires_in":3600,"id_token":")" + idToken
             + R"(","refresh_token":"8xLOxBtZp8.refresh","scope":"openid offline_access profile email","token_type":"Bearer"})");
    seed(t, "dpop.json",
         R"({"access_token":"Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU","token_type":"DPoP","expires_in":2677,"refresh_token":"Q..Zkm29lexi8VnWg2zPW1x-tgGad0Ibc3s3EwM_Ni4-g"})");
    seed(t, "bearer-lowercase-float.json", R"({"access_token":"abc","token_type":"bearer","expires_in":59.9,"scope":null})");
    seed(t, "invalid-grant.json", R"({"error":"invalid_grant","error_description":"grant request is invalid"})");
    seed(t, "error-uri.json",
         R"({"error":"invalid_client","error_description":"client authentication failed\r\n\u0007","error_uri":"https://idp.example.com/errors/1"})");
    seed(t, "slow-down.json", R"({"error":"slow_down","interval":10})");
    seed(t, "empty.json", "{}");
    seed(t, "html-error.html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\r\n");
    seed(t, "wrong-types.json", R"({"access_token":123,"token_type":["Bearer"],"expires_in":"3600","id_token":{}})");
}

void redirectSeeds()
{
    const char *t = "redirect";
    const QByteArray state = Fuzz::kState;
    seed(t, "query-iss.txt", "code=SplxlOBeZQQYbYS6WxSbIA.fuzz&state=" + state + "&iss=https%3A%2F%2Fidp.example.com");
    seed(t, "query-keycloak.txt",
         "state=" + state + "&session_state=6c1e4a2d-3b5a-4c7d-8e9f-0a1b2c3d4e5f&iss=https%3A%2F%2Fidp.example.com&code=3f7c9a2e.6c1e4a2d.concierge-desktop");
    seed(t, "error.txt",
         "error=access_denied&error_description=The+user+denied+the+request+%E2%9C%8B&state=" + state + "&iss=https%3A%2F%2Fidp.example.com");
    seed(t, "url-loopback.txt",
         "http://127.0.0.1:53121/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=" + state + "&iss=https://idp.example.com");
    seed(t, "url-private-scheme.txt", "com.example.concierge:/callback?code=abc&state=" + state + "#_=_");
    seed(t, "duplicate-state.txt", "code=a&state=" + state + "&state=" + state);
    seed(t, "form-body.txt",
         "grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=http%3A%2F%2F127.0.0.1%3A53121%2Fcallback"
         "&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk&client_id=concierge-desktop&x=%ZZ&y=%e2%82&=&&z");
}

void loopbackSeeds()
{
    const char *t = "loopback";
    const QByteArray state = Fuzz::kState;
    const QByteArray browserHeaders =
        "Host: 127.0.0.1:53121\r\nConnection: keep-alive\r\nUpgrade-Insecure-Requests: 1\r\n"
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36\r\n"
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r\n"
        "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n"
        "Accept-Encoding: gzip, deflate, br\r\nAccept-Language: ja,en-US;q=0.9,en;q=0.8\r\n\r\n";
    seed(t, "redirect.http",
         "GET /callback?code=SplxlOBeZQQYbYS6WxSbIA&state=" + state + "&iss=https%3A%2F%2Fidp.example.com HTTP/1.1\r\n" + browserHeaders);
    seed(t, "wrong-state.http", "GET /callback?code=x&state=guess HTTP/1.1\r\n" + browserHeaders);
    seed(t, "favicon.http", "GET /favicon.ico HTTP/1.1\r\n" + browserHeaders);
    seed(t, "post.http",
         "POST /callback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
         "Content-Length: 40\r\n\r\ncode=x&state=" + state);
    seed(t, "http10-absolute.http", "GET http://127.0.0.1:53121/callback?state=" + state + " HTTP/1.0\r\n\r\n");
    seed(t, "garbage.http", QByteArrayLiteral("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"));
    seed(t, "incomplete.http", "GET /callback?code=x&state=" + state + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
}

void dpopSeeds()
{
    const char *t = "dpop";
    seed(t, "challenge.txt",
         R"(DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof")");
    seed(t, "challenges-mixed.txt",
         R"(Bearer realm="api", error="invalid_token", , DPoP algs="ES256 PS256",   ERROR=use_dpop_nonce)");
    seed(t, "challenge-quoted-pair.txt", R"(dpop realm="a\"b", error="use\_dpop_nonce")");
    seed(t, "challenge-other-scheme.txt", R"(Bearer error="use_dpop_nonce", DPoP realm="x")");
    seed(t, "nonce-value.txt", " eyJ7S_zG.eyJH0-Z.HX4w-7v\t");
    seed(t, "headers.txt",
         "Content-Type: application/json\nDPoP-Nonce: eyJ7S_zG.eyJH0-Z.HX4w-7v\nCache-Control: no-store\n"
         "dpop-nonce: eyJ7S_zG.eyJH0-Z.HX4w-7v\nWWW-Authenticate: DPoP error=\"use_dpop_nonce\"");
    seed(t, "url.txt", "https://user:pw@IDP.example.com:443/token?x=1#frag");
    seed(t, "url-loopback.txt", "http://[::1]:8080/res%20ource/../token");
    // A throw-away P-256 key (PKCS#8 DER), made here and used for nothing else.
    const auto key = Jose::DpopKey::generate();
    if (!key)
        std::exit(1);
    seed(t, "key.pkcs8.der", key->toPrivateDer());
}

void deviceSeeds()
{
    const char *t = "device";
    seed(t, "rfc8628.json",
         R"({"device_code":"GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS","user_code":"WDJB-MJHT",)"
         R"("verification_uri":"https://idp.example.com/device","verification_uri_complete":"https://idp.example.com/device?user_code=WDJB-MJHT",)"
         R"("expires_in":1800,"interval":5})");
    seed(t, "oidc-provider.json",
         R"({"device_code":"kX3w5dY2t9Qe1bHn8mPz0LcV4sRa6uJf","user_code":"BCDF-GHJK","verification_uri":"http://localhost:3000/device",)"
         R"("verification_uri_complete":"http://localhost:3000/device?user_code=BCDF-GHJK","expires_in":600})");
    seed(t, "float-interval.json",
         R"({"device_code":"d","user_code":"\u00e9\u00e9","verification_uri":"https://[::1]:8443/d","expires_in":1e9,"interval":0.5,"extra":[1,{}]})");
    seed(t, "slow-down.json", R"({"error":"slow_down","error_description":"poll less often"})");
    seed(t, "expired.json", R"({"error":"expired_token"})");
    seed(t, "wrong-types.json", R"({"device_code":1,"user_code":null,"verification_uri":"ftp://x","expires_in":-5,"interval":"5"})");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <tests/fuzz directory>\n", argv[0]);
        return 2;
    }
    g_root = QString::fromLocal8Bit(argv[1]);

    const TestKey rsa = TestKey::generateRsa("rsa-fuzz", 2048);
    const TestKey rsaNext = TestKey::generateRsa("rsa-fuzz-3072", 3072);
    const TestKey ec = TestKey::generateEc("ec-fuzz");
    const TestKey attacker = TestKey::generateRsa("attacker", 2048);

    const QByteArray jwks = jwksDocument(QList<QJsonObject>{
        rsa.publicJwk(QString()), // no alg: RS256 and PS256
        rsaNext.publicJwk(QStringLiteral("RS256")),
        ec.publicJwk(QStringLiteral("ES256")),
        QJsonDocument::fromJson(Fuzz::fixedEd25519Jwk()).object(),
    });
    write(QStringLiteral("data/jwks.json"), jwks);

    idTokenSeeds(rsa, ec, attacker);
    joseSeeds(rsa, ec);
    jwksSeeds(jwks, rsa, ec);
    discoverySeeds();
    tokenResponseSeeds(rsa);
    redirectSeeds();
    loopbackSeeds();
    dpopSeeds();
    deviceSeeds();
    std::printf("seeds written under %s\n", qPrintable(g_root));
    return 0;
}
