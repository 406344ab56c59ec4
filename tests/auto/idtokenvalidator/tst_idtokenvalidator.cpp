// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/idtokenvalidator_p.h"

#include "testsigner.h"

#include <QtCore/QDebug>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Concierge;
using namespace Concierge::Internal;
using Concierge::Test::TestKey;

Q_DECLARE_METATYPE(Concierge::Internal::IdTokenExpectations)

namespace {

const QString kIssuer = QStringLiteral("https://idp.example.com");
const QString kClient = QStringLiteral("concierge-desktop");
const QString kNonce = QStringLiteral("n-0S6_WzA2Mj");
const QByteArray kAccessToken = QByteArrayLiteral("SlAV32hkKG.access-token.value");
constexpr qint64 kNow = 1800000000;
constexpr int kSkew = 60;

IdTokenExpectations defaults()
{
    IdTokenExpectations e;
    e.issuer = kIssuer;
    e.clientId = kClient;
    e.nonce = kNonce;
    e.allowedAlgorithms = {QStringLiteral("RS256"), QStringLiteral("PS256"), QStringLiteral("ES256"), QStringLiteral("EdDSA")};
    e.now = kNow;
    e.clockSkewSeconds = kSkew;
    return e;
}

template<typename F>
IdTokenExpectations defaults(F &&change)
{
    IdTokenExpectations e = defaults();
    change(e);
    return e;
}

QJsonObject claims()
{
    return Test::idTokenClaims(kIssuer, kClient, kNow, kNonce);
}

QJsonObject claims(const QString &name, const QJsonValue &value)
{
    QJsonObject c = claims();
    if (value.isUndefined())
        c.remove(name);
    else
        c.insert(name, value);
    return c;
}

QJsonObject claims(std::initializer_list<std::pair<QString, QJsonValue>> changes)
{
    QJsonObject c = claims();
    for (const auto &[name, value] : changes) {
        if (value.isUndefined())
            c.remove(name);
        else
            c.insert(name, value);
    }
    return c;
}

TestKey rsa() { return TestKey::rsa(QByteArrayLiteral("rsa-1")); }
TestKey ec() { return TestKey::ec(QByteArrayLiteral("ec-1")); }
TestKey ed() { return TestKey::ed25519(QByteArrayLiteral("ed-1")); }
TestKey attacker() { return TestKey::rsa(QByteArrayLiteral("attacker")); }

QByteArray defaultJwks()
{
    return Test::jwksDocument(QList<QJsonObject>{
        rsa().publicJwk(QString()), // no alg: RS256 and PS256
        ec().publicJwk(QStringLiteral("ES256")),
        ed().publicJwk(QStringLiteral("EdDSA")),
    });
}

QByteArray sign(const TestKey &key, const QJsonObject &payload, const QJsonObject &header = {})
{
    return Test::signJwt(key, payload, header);
}

QJsonObject alg(const QString &name)
{
    return QJsonObject{{QStringLiteral("alg"), name}};
}

QByteArray flipSignatureBit(QByteArray token)
{
    // Flip one bit of the first signature byte (base64url character after the last dot).
    const qsizetype at = token.lastIndexOf('.') + 1;
    const char c = token.at(at);
    token[at] = c == 'A' ? 'Q' : 'A'; // both leave the encoding canonical
    return token;
}

int ok()
{
    return 0;
}
int code(Error::Code c)
{
    return int(c);
}

Jose::JsonWebKeySet keySet(const QByteArray &document)
{
    auto set = Jose::JsonWebKeySet::fromJson(document);
    if (!set)
        qFatal("test JWKS does not parse: %s", qPrintable(set.error().description()));
    return *set;
}

} // namespace

class tst_IdTokenValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validate_data();
    void validate();
    void acceptedTokenContents_data();
    void acceptedTokenContents();
    void claimsConversion();
    void atHashHelper_data();
    void atHashHelper();
    void signatureAttemptsAreCapped();
    void currentTimeWhenNowIsZero();
    void debugOutputHasNoSecrets();
    void trustedStorage();
    void valueSemantics();
    void concurrentValidation();
};

void tst_IdTokenValidator::initTestCase()
{
    // Generate (and cache) every key once, so the data functions only sign.
    QVERIFY(!rsa().isNull());
    QVERIFY(!ec().isNull());
    QVERIFY(!ed().isNull());
    QVERIFY(!attacker().isNull());
    QVERIFY(!TestKey::rsa("weak", 1024).isNull());
}

void tst_IdTokenValidator::validate_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("jwks");
    QTest::addColumn<IdTokenExpectations>("expected");
    QTest::addColumn<int>("result");

    const QByteArray jwks = defaultJwks();
    const IdTokenExpectations e = defaults();
    using C = Error::Code;
    auto row = [&](const char *name, const QByteArray &token, int result, const IdTokenExpectations &x = defaults(),
                   const QByteArray &keys = {}) {
        QTest::newRow(name) << token << (keys.isEmpty() ? jwks : keys) << x << result;
    };

    // ---- accepted -----------------------------------------------------------------------------
    row("rs256", sign(rsa(), claims()), ok());
    row("ps256", sign(rsa(), claims(), alg(QStringLiteral("PS256"))), ok());
    row("es256", sign(ec(), claims()), ok());
    row("eddsa", sign(ed(), claims()), ok());
    row("no-nonce-expected-token-has-one", sign(rsa(), claims()), ok(), defaults([](auto &x) { x.nonce.clear(); }));
    row("no-nonce-expected-none-present", sign(rsa(), claims(QStringLiteral("nonce"), QJsonValue::Undefined)), ok(),
        defaults([](auto &x) { x.nonce.clear(); }));
    row("aud-array-single", sign(rsa(), claims(QStringLiteral("aud"), QJsonArray{kClient})), ok());
    row("aud-trusted-with-azp",
        sign(rsa(), claims({{QStringLiteral("aud"), QJsonArray{kClient, QStringLiteral("api")}}, {QStringLiteral("azp"), kClient}})), ok(),
        defaults([](auto &x) { x.trustedAudiences = {QStringLiteral("api")}; }));
    row("azp-single-aud", sign(rsa(), claims(QStringLiteral("azp"), kClient)), ok());
    row("float-times", sign(rsa(), claims({{QStringLiteral("exp"), kNow + 0.5}, {QStringLiteral("iat"), kNow - 0.25}})), ok());
    row("nbf-past", sign(rsa(), claims(QStringLiteral("nbf"), kNow - 10)), ok());
    row("at_hash-rs256", sign(rsa(), claims(QStringLiteral("at_hash"), QString::fromLatin1(Test::atHash(QStringLiteral("RS256"), kAccessToken))), {}), ok(),
        defaults([](auto &x) { x.accessToken = kAccessToken; }));
    row("at_hash-es256", sign(ec(), claims(QStringLiteral("at_hash"), QString::fromLatin1(Test::atHash(QStringLiteral("ES256"), kAccessToken)))), ok(),
        defaults([](auto &x) { x.accessToken = kAccessToken; }));
    row("at_hash-eddsa-sha512", sign(ed(), claims(QStringLiteral("at_hash"), QString::fromLatin1(Test::atHash(QStringLiteral("EdDSA"), kAccessToken)))), ok(),
        defaults([](auto &x) { x.accessToken = kAccessToken; }));
    row("at_hash-present-no-access-token", sign(rsa(), claims(QStringLiteral("at_hash"), QStringLiteral("not-checked"))), ok());
    row("no-at_hash-with-access-token", sign(rsa(), claims()), ok(), defaults([](auto &x) { x.accessToken = kAccessToken; }));
    row("sub-255-bytes", sign(rsa(), claims(QStringLiteral("sub"), QString(255, u's'))), ok());
    row("unicode-sub", sign(rsa(), claims(QStringLiteral("sub"), QStringLiteral("j\u00f6rg-\u4e16"))), ok());
    row("unknown-claims-and-header-members", sign(rsa(), claims(QStringLiteral("x"), QJsonObject{{QStringLiteral("y"), QJsonArray{1, 2}}}),
        QJsonObject{{QStringLiteral("typ"), QStringLiteral("JWT")}, {QStringLiteral("zip"), QStringLiteral("none")}}), ok());
    row("empty-allow-list-means-rs256", sign(rsa(), claims()), ok(), defaults([](auto &x) { x.allowedAlgorithms.clear(); }));
    row("allow-list-with-unsupported-names", sign(ec(), claims()), ok(),
        defaults([](auto &x) { x.allowedAlgorithms = {QStringLiteral("HS256"), QStringLiteral("none"), QStringLiteral("ES256")}; }));
    row("kid-absent-single-key", sign(rsa().withKid({}), claims()), ok(), e, Test::jwksDocument(QList<TestKey>{rsa()}));
    row("kid-absent-single-key-without-kid", sign(rsa().withKid({}), claims()), ok(), e,
        Test::jwksDocument(QList<TestKey>{rsa().withKid({})}));
    row("kid-absent-several-keys-last-verifies", sign(rsa().withKid({}), claims()), ok(), e,
        Test::jwksDocument(QList<TestKey>{TestKey::rsa("other-1"), TestKey::rsa("other-2"), rsa()}));
    row("jku-ignored", sign(rsa(), claims(), QJsonObject{{QStringLiteral("jku"), QStringLiteral("https://evil.example/jwks")}}), ok());
    row("x5u-ignored", sign(rsa(), claims(), QJsonObject{{QStringLiteral("x5u"), QStringLiteral("https://evil.example/cert")}}), ok());
    row("x5c-ignored", sign(rsa(), claims(), QJsonObject{{QStringLiteral("x5c"), QJsonArray{QStringLiteral("MIIB")}}}), ok());
    row("max-age-satisfied", sign(rsa(), claims(QStringLiteral("auth_time"), kNow - 100)), ok(), defaults([](auto &x) { x.maxAgeSeconds = 100; }));
    row("max-age-zero-fresh", sign(rsa(), claims(QStringLiteral("auth_time"), kNow)), ok(), defaults([](auto &x) { x.maxAgeSeconds = 0; }));

    // ---- clock skew boundaries ------------------------------------------------------------------
    row("exp-plus-skew-one-second-ahead", sign(rsa(), claims(QStringLiteral("exp"), kNow - kSkew + 1)), ok());
    row("exp-plus-skew-equals-now", sign(rsa(), claims(QStringLiteral("exp"), kNow - kSkew)), code(C::IdTokenExpired));
    row("exp-equals-now-skew-0", sign(rsa(), claims(QStringLiteral("exp"), kNow)), code(C::IdTokenExpired),
        defaults([](auto &x) { x.clockSkewSeconds = 0; }));
    row("exp-now-plus-1-skew-0", sign(rsa(), claims(QStringLiteral("exp"), kNow + 1)), ok(), defaults([](auto &x) { x.clockSkewSeconds = 0; }));
    row("negative-skew-is-zero", sign(rsa(), claims(QStringLiteral("exp"), kNow)), code(C::IdTokenExpired),
        defaults([](auto &x) { x.clockSkewSeconds = -100; }));
    row("iat-at-now-plus-skew", sign(rsa(), claims(QStringLiteral("iat"), kNow + kSkew)), ok());
    row("iat-after-now-plus-skew", sign(rsa(), claims(QStringLiteral("iat"), kNow + kSkew + 1)), code(C::IdTokenNotYetValid));
    row("nbf-at-now-plus-skew", sign(rsa(), claims(QStringLiteral("nbf"), kNow + kSkew)), ok());
    row("nbf-after-now-plus-skew", sign(rsa(), claims(QStringLiteral("nbf"), kNow + kSkew + 1)), code(C::IdTokenNotYetValid));
    row("max-age-boundary", sign(rsa(), claims(QStringLiteral("auth_time"), kNow - 100 - kSkew)), ok(),
        defaults([](auto &x) { x.maxAgeSeconds = 100; }));
    row("max-age-exceeded", sign(rsa(), claims(QStringLiteral("auth_time"), kNow - 100 - kSkew - 1)), code(C::IdTokenExpired),
        defaults([](auto &x) { x.maxAgeSeconds = 100; }));

    // ---- signature and keys -------------------------------------------------------------------
    row("bad-signature-rs256", flipSignatureBit(sign(rsa(), claims())), code(C::IdTokenSignatureInvalid));
    row("bad-signature-ps256", flipSignatureBit(sign(rsa(), claims(), alg(QStringLiteral("PS256")))), code(C::IdTokenSignatureInvalid));
    row("bad-signature-es256", flipSignatureBit(sign(ec(), claims())), code(C::IdTokenSignatureInvalid));
    row("bad-signature-eddsa", flipSignatureBit(sign(ed(), claims())), code(C::IdTokenSignatureInvalid));
    {
        // Payload changed after signing.
        const QByteArray good = sign(rsa(), claims());
        const QList<QByteArray> parts = good.split('.');
        const QByteArray forged = parts[0] + '.' + Test::base64Url(Test::compactJson(claims(QStringLiteral("sub"), QStringLiteral("admin")))) + '.' + parts[2];
        row("payload-swapped", forged, code(C::IdTokenSignatureInvalid));
    }
    row("es256-signature-truncated", sign(ec(), claims()).chopped(2), code(C::IdTokenSignatureInvalid));
    row("ps256-signed-claimed-rs256", Test::signCompactRaw(rsa(), QStringLiteral("PS256"),
        Test::compactJson(QJsonObject{{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("kid"), QStringLiteral("rsa-1")}}),
        Test::compactJson(claims())), code(C::IdTokenSignatureInvalid));
    row("unknown-kid", sign(rsa().withKid("rotated-away"), claims()), code(C::IdTokenKeyNotFound));
    row("kid-path-traversal", sign(rsa().withKid("../../x"), claims()), code(C::IdTokenKeyNotFound));
    row("kid-10kB", sign(rsa().withKid(QByteArray(10 * 1024, 'k')), claims()), code(C::IdTokenMalformed));
    row("kid-257-bytes", sign(rsa().withKid(QByteArray(257, 'k')), claims()), code(C::IdTokenMalformed));
    row("kid-number", sign(rsa(), claims(), QJsonObject{{QStringLiteral("kid"), 1}}), code(C::IdTokenMalformed));
    row("empty-jwks", sign(rsa(), claims()), code(C::IdTokenKeyNotFound), e, QByteArrayLiteral(R"({"keys":[]})"));
    row("kid-absent-no-key-of-that-type", sign(ed().withKid({}), claims()), code(C::IdTokenKeyNotFound), e,
        Test::jwksDocument(QList<TestKey>{rsa(), ec()}));
    row("kid-absent-wrong-key", sign(attacker().withKid({}), claims()), code(C::IdTokenSignatureInvalid));
    row("rs256-with-ec-kid", sign(rsa(), claims(), QJsonObject{{QStringLiteral("kid"), QStringLiteral("ec-1")}}),
        code(C::IdTokenAlgorithmRejected));
    row("es256-with-rsa-kid", sign(ec(), claims(), QJsonObject{{QStringLiteral("kid"), QStringLiteral("rsa-1")}}),
        code(C::IdTokenAlgorithmRejected));
    row("jwk-alg-differs-from-header", sign(rsa(), claims()), code(C::IdTokenAlgorithmRejected), e,
        Test::jwksDocument(QList<QJsonObject>{rsa().publicJwk(QStringLiteral("PS256"))}));
    row("jwk-alg-differs-kid-absent", sign(rsa().withKid({}), claims()), code(C::IdTokenKeyNotFound), e,
        Test::jwksDocument(QList<QJsonObject>{rsa().publicJwk(QStringLiteral("PS256"))}));
    row("use-enc-key-ignored", sign(rsa(), claims()), code(C::IdTokenKeyNotFound), e,
        Test::jwksDocument(QList<QJsonObject>{rsa().publicJwk(QStringLiteral("RS256"), QStringLiteral("enc")), ec().publicJwk()}));
    row("rsa-1024-key-ignored", sign(TestKey::rsa("weak", 1024), claims()), code(C::IdTokenKeyNotFound), e,
        Test::jwksDocument(QList<TestKey>{TestKey::rsa("weak", 1024), rsa()}));

    // ---- algorithms -----------------------------------------------------------------------------
    row("alg-none", Test::unsecuredJwt(claims()), code(C::IdTokenAlgorithmRejected));
    row("alg-none-allowed-by-metadata", Test::unsecuredJwt(claims()), code(C::IdTokenAlgorithmRejected),
        defaults([](auto &x) { x.allowedAlgorithms = {QStringLiteral("none")}; }));
    row("alg-none-with-kid", Test::unsecuredJwt(claims(), QJsonObject{{QStringLiteral("kid"), QStringLiteral("rsa-1")}}),
        code(C::IdTokenAlgorithmRejected));
    row("hs256-keyed-with-rsa-public-pem", Test::hs256Jwt(rsa().publicKeyPem(), claims(), "rsa-1"), code(C::IdTokenAlgorithmRejected),
        defaults([](auto &x) { x.allowedAlgorithms = {QStringLiteral("HS256"), QStringLiteral("RS256")}; }));
    row("hs256-keyed-with-rsa-public-der", Test::hs256Jwt(rsa().publicKeyDer(), claims()), code(C::IdTokenAlgorithmRejected),
        defaults([](auto &x) { x.allowedAlgorithms = {QStringLiteral("HS256")}; }));
    row("hs256-keyed-with-jwks-document", Test::hs256Jwt(jwks, claims()), code(C::IdTokenAlgorithmRejected));
    row("es256-not-in-allow-list", sign(ec(), claims()), code(C::IdTokenAlgorithmRejected),
        defaults([](auto &x) { x.allowedAlgorithms = {QStringLiteral("RS256")}; }));
    row("es256-empty-allow-list", sign(ec(), claims()), code(C::IdTokenAlgorithmRejected), defaults([](auto &x) { x.allowedAlgorithms.clear(); }));
    row("allow-list-case-sensitive", sign(ec(), claims()), code(C::IdTokenAlgorithmRejected),
        defaults([](auto &x) { x.allowedAlgorithms = {QStringLiteral("es256")}; }));
    row("alg-RS512", Test::signCompactRaw(rsa(), QStringLiteral("RS256"), Test::compactJson(alg(QStringLiteral("RS512"))),
        Test::compactJson(claims())), code(C::IdTokenAlgorithmRejected));

    // ---- header-borne keys (never used) -------------------------------------------------------
    row("embedded-jwk-no-kid", Test::jwtWithEmbeddedJwk(attacker(), claims()), code(C::IdTokenSignatureInvalid));
    row("embedded-jwk-attacker-kid", Test::jwtWithEmbeddedJwk(attacker(), claims(), "attacker"), code(C::IdTokenKeyNotFound));
    row("embedded-jwk-legit-kid", Test::jwtWithEmbeddedJwk(attacker(), claims(), "rsa-1"), code(C::IdTokenSignatureInvalid));
    row("jku-attacker", Test::jwtWithKeyUrl(attacker(), QStringLiteral("jku"), QStringLiteral("https://evil.example/jwks"), claims(), "attacker"),
        code(C::IdTokenKeyNotFound));
    row("x5u-attacker", Test::jwtWithKeyUrl(attacker(), QStringLiteral("x5u"), QStringLiteral("https://evil.example/c.pem"), claims(), "rsa-1"),
        code(C::IdTokenSignatureInvalid));

    // ---- structure ----------------------------------------------------------------------------
    row("crit", sign(rsa(), claims(), QJsonObject{{QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")}}, {QStringLiteral("exp"), 1}}),
        code(C::IdTokenCritUnsupported));
    const auto typ = [](const char *t) { return QJsonObject{{QStringLiteral("typ"), QLatin1String(t)}}; };
    row("typ-JWT", sign(rsa(), claims(), typ("JWT")), ok());
    row("typ-application-jwt", sign(rsa(), claims(), typ("application/jwt")), ok());
    row("typ-at+jwt", sign(rsa(), claims(), typ("at+jwt")), code(C::IdTokenMalformed));
    row("typ-application/at+JWT", sign(rsa(), claims(), typ("application/at+JWT")), code(C::IdTokenMalformed));
    row("typ-logout+jwt", sign(rsa(), claims(), typ("logout+jwt")), code(C::IdTokenMalformed));
    row("typ-dpop+jwt", sign(rsa(), claims(), typ("dpop+jwt")), code(C::IdTokenMalformed));
    row("typ-number", sign(rsa(), claims(), QJsonObject{{QStringLiteral("typ"), 1}}), code(C::IdTokenMalformed));
    row("four-segments", sign(rsa(), claims()) + ".AAAA", code(C::IdTokenMalformed));
    row("two-segments", sign(rsa(), claims()).left(sign(rsa(), claims()).lastIndexOf('.')), code(C::IdTokenMalformed));
    row("junk", QByteArrayLiteral("this is not a token"), code(C::IdTokenMalformed));
    row("junk-dots", QByteArrayLiteral("a$b.c*d.e f"), code(C::IdTokenMalformed));
    row("payload-padded", sign(rsa(), claims()).replace(".", "=."), code(C::IdTokenMalformed));
    row("empty", QByteArray(), code(C::IdTokenMalformed));
    row("oversized", sign(rsa(), claims(QStringLiteral("pad"), QString(16 * 1024, u'p'))), code(C::IdTokenMalformed));
    row("custom-size-limit", sign(rsa(), claims()), code(C::IdTokenMalformed), defaults([](auto &x) { x.maxTokenBytes = 200; }));
    row("duplicate-sub-in-payload", Test::signCompactRaw(rsa(), QStringLiteral("RS256"), R"({"alg":"RS256","kid":"rsa-1"})",
        Test::compactJson(claims()).chopped(1) + R"(,"sub":"admin"})"), code(C::IdTokenMalformed));
    row("duplicate-alg-in-header", Test::signCompactRaw(rsa(), QStringLiteral("RS256"), R"({"alg":"RS256","kid":"rsa-1","alg":"none"})",
        Test::compactJson(claims())), code(C::IdTokenMalformed));
    row("payload-array", Test::signCompactRaw(rsa(), QStringLiteral("RS256"), R"({"alg":"RS256","kid":"rsa-1"})", "[1,2]"),
        code(C::IdTokenMalformed));
    row("payload-not-json", Test::signCompactRaw(rsa(), QStringLiteral("RS256"), R"({"alg":"RS256","kid":"rsa-1"})", "sub=admin"),
        code(C::IdTokenMalformed));
    row("payload-deeply-nested", sign(rsa(), claims(QStringLiteral("x"), [] {
            QJsonArray a;
            for (int i = 0; i < 40; ++i) {
                QJsonArray outer;
                outer.append(a);
                a = outer;
            }
            return a;
        }())), code(C::IdTokenMalformed));

    // ---- iss ----------------------------------------------------------------------------------
    row("iss-wrong", sign(rsa(), claims(QStringLiteral("iss"), QStringLiteral("https://evil.example.com"))), code(C::IdTokenIssuerMismatch));
    row("iss-trailing-slash", sign(rsa(), claims(QStringLiteral("iss"), kIssuer + u'/')), code(C::IdTokenIssuerMismatch));
    row("iss-case", sign(rsa(), claims(QStringLiteral("iss"), kIssuer.toUpper())), code(C::IdTokenIssuerMismatch));
    row("iss-number", sign(rsa(), claims(QStringLiteral("iss"), 1)), code(C::IdTokenIssuerMismatch));
    row("iss-array", sign(rsa(), claims(QStringLiteral("iss"), QJsonArray{kIssuer})), code(C::IdTokenIssuerMismatch));
    row("iss-missing", sign(rsa(), claims(QStringLiteral("iss"), QJsonValue::Undefined)), code(C::IdTokenIssuerMismatch));

    // ---- aud / azp ----------------------------------------------------------------------------
    row("aud-other-client", sign(rsa(), claims(QStringLiteral("aud"), QStringLiteral("someone-else"))), code(C::IdTokenAudienceMismatch));
    row("aud-missing", sign(rsa(), claims(QStringLiteral("aud"), QJsonValue::Undefined)), code(C::IdTokenAudienceMismatch));
    row("aud-object", sign(rsa(), claims(QStringLiteral("aud"), QJsonObject{{kClient, true}})), code(C::IdTokenAudienceMismatch));
    row("aud-number", sign(rsa(), claims(QStringLiteral("aud"), 42)), code(C::IdTokenAudienceMismatch));
    row("aud-array-with-number", sign(rsa(), claims({{QStringLiteral("aud"), QJsonArray{kClient, 1}}, {QStringLiteral("azp"), kClient}})),
        code(C::IdTokenAudienceMismatch));
    row("aud-empty-array", sign(rsa(), claims(QStringLiteral("aud"), QJsonArray{})), code(C::IdTokenAudienceMismatch));
    row("aud-array-without-client", sign(rsa(), claims(QStringLiteral("aud"), QJsonArray{QStringLiteral("api")})), code(C::IdTokenAudienceMismatch),
        defaults([](auto &x) { x.trustedAudiences = {QStringLiteral("api")}; }));
    row("aud-extra-untrusted", sign(rsa(), claims({{QStringLiteral("aud"), QJsonArray{kClient, QStringLiteral("evil")}}, {QStringLiteral("azp"), kClient}})),
        code(C::IdTokenAudienceMismatch), defaults([](auto &x) { x.trustedAudiences = {QStringLiteral("api")}; }));
    row("aud-multiple-without-azp", sign(rsa(), claims(QStringLiteral("aud"), QJsonArray{kClient, QStringLiteral("api")})),
        code(C::IdTokenAudienceMismatch), defaults([](auto &x) { x.trustedAudiences = {QStringLiteral("api")}; }));
    row("aud-client-twice-without-azp", sign(rsa(), claims(QStringLiteral("aud"), QJsonArray{kClient, kClient})), code(C::IdTokenAudienceMismatch));
    row("azp-mismatch", sign(rsa(), claims(QStringLiteral("azp"), QStringLiteral("api"))), code(C::IdTokenAudienceMismatch),
        defaults([](auto &x) { x.trustedAudiences = {QStringLiteral("api")}; }));
    row("azp-number", sign(rsa(), claims(QStringLiteral("azp"), 1)), code(C::IdTokenAudienceMismatch));
    row("azp-null", sign(rsa(), claims(QStringLiteral("azp"), QJsonValue::Null)), code(C::IdTokenAudienceMismatch));

    // ---- exp / iat / nbf ----------------------------------------------------------------------
    row("expired", sign(rsa(), claims(QStringLiteral("exp"), kNow - 3600)), code(C::IdTokenExpired));
    row("exp-string", sign(rsa(), claims(QStringLiteral("exp"), QString::number(kNow + 300))), code(C::IdTokenExpired));
    row("exp-bool", sign(rsa(), claims(QStringLiteral("exp"), true)), code(C::IdTokenExpired));
    row("exp-null", sign(rsa(), claims(QStringLiteral("exp"), QJsonValue::Null)), code(C::IdTokenExpired));
    row("exp-missing", sign(rsa(), claims(QStringLiteral("exp"), QJsonValue::Undefined)), code(C::IdTokenExpired));
    row("iat-future", sign(rsa(), claims(QStringLiteral("iat"), kNow + 3600)), code(C::IdTokenNotYetValid));
    row("iat-missing", sign(rsa(), claims(QStringLiteral("iat"), QJsonValue::Undefined)), code(C::IdTokenIatInvalid));
    row("iat-string", sign(rsa(), claims(QStringLiteral("iat"), QString::number(kNow))), code(C::IdTokenIatInvalid));
    row("iat-bool", sign(rsa(), claims(QStringLiteral("iat"), false)), code(C::IdTokenIatInvalid));
    row("nbf-future", sign(rsa(), claims(QStringLiteral("nbf"), kNow + 3600)), code(C::IdTokenNotYetValid));
    row("nbf-string", sign(rsa(), claims(QStringLiteral("nbf"), QStringLiteral("0"))), code(C::IdTokenNotYetValid));

    // ---- nonce --------------------------------------------------------------------------------
    row("nonce-mismatch", sign(rsa(), claims(QStringLiteral("nonce"), QStringLiteral("n-other"))), code(C::IdTokenNonceMismatch));
    row("nonce-prefix", sign(rsa(), claims(QStringLiteral("nonce"), kNonce.chopped(1))), code(C::IdTokenNonceMismatch));
    row("nonce-missing", sign(rsa(), claims(QStringLiteral("nonce"), QJsonValue::Undefined)), code(C::IdTokenNonceMismatch));
    row("nonce-empty", sign(rsa(), claims(QStringLiteral("nonce"), QString())), code(C::IdTokenNonceMismatch));
    row("nonce-number", sign(rsa(), claims(QStringLiteral("nonce"), 12345)), code(C::IdTokenNonceMismatch));

    // ---- at_hash ------------------------------------------------------------------------------
    const auto withAccessToken = defaults([](auto &x) { x.accessToken = kAccessToken; });
    row("at_hash-wrong", sign(rsa(), claims(QStringLiteral("at_hash"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA"))),
        code(C::IdTokenAtHashMismatch), withAccessToken);
    row("at_hash-other-token", sign(rsa(), claims(QStringLiteral("at_hash"), QString::fromLatin1(Test::atHash(QStringLiteral("RS256"), "other")))),
        code(C::IdTokenAtHashMismatch), withAccessToken);
    row("at_hash-sha512-for-rs256", sign(rsa(), claims(QStringLiteral("at_hash"), QString::fromLatin1(Test::atHash(QStringLiteral("EdDSA"), kAccessToken)))),
        code(C::IdTokenAtHashMismatch), withAccessToken);
    row("at_hash-sha256-for-eddsa", sign(ed(), claims(QStringLiteral("at_hash"), QString::fromLatin1(Test::atHash(QStringLiteral("RS256"), kAccessToken)))),
        code(C::IdTokenAtHashMismatch), withAccessToken);
    row("at_hash-number", sign(rsa(), claims(QStringLiteral("at_hash"), 1)), code(C::IdTokenAtHashMismatch), withAccessToken);

    // ---- sub ----------------------------------------------------------------------------------
    row("sub-missing", sign(rsa(), claims(QStringLiteral("sub"), QJsonValue::Undefined)), code(C::IdTokenSubjectMissing));
    row("sub-empty", sign(rsa(), claims(QStringLiteral("sub"), QString())), code(C::IdTokenSubjectMissing));
    row("sub-number", sign(rsa(), claims(QStringLiteral("sub"), 42)), code(C::IdTokenSubjectMissing));
    row("sub-256-bytes", sign(rsa(), claims(QStringLiteral("sub"), QString(256, u's'))), code(C::IdTokenSubjectMissing));

    // ---- auth_time / max_age ------------------------------------------------------------------
    row("max-age-auth_time-missing", sign(rsa(), claims()), code(C::IdTokenExpired), defaults([](auto &x) { x.maxAgeSeconds = 3600; }));
    row("auth_time-string", sign(rsa(), claims(QStringLiteral("auth_time"), QStringLiteral("1"))), code(C::IdTokenMalformed));
    row("auth_time-future", sign(rsa(), claims(QStringLiteral("auth_time"), kNow + 3600)), code(C::IdTokenNotYetValid));

    // ---- expectations -------------------------------------------------------------------------
    row("no-issuer-configured", sign(rsa(), claims()), code(C::InvalidArgument), defaults([](auto &x) { x.issuer.clear(); }));
    row("no-client-configured", sign(rsa(), claims()), code(C::InvalidArgument), defaults([](auto &x) { x.clientId.clear(); }));
}

void tst_IdTokenValidator::validate()
{
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, jwks);
    QFETCH(IdTokenExpectations, expected);
    QFETCH(int, result);

    const auto validated = validateIdToken(token, keySet(jwks), expected);
    if (result == 0) {
        QVERIFY2(validated.ok(), qPrintable(validated.error().id() + u' ' + validated.error().description()));
        QCOMPARE(validated->raw(), token);
        QCOMPARE(validated->issuer(), kIssuer);
    } else {
        QVERIFY2(!validated.ok(), "token was accepted");
        QCOMPARE(validated.error().id(), Error::idForCode(Error::Code(result)));
        QVERIFY(validated.error().isHard());
        // Errors never echo the token.
        QVERIFY(!validated.error().description().contains(QString::fromLatin1(token.left(40))) || token.size() < 20);
    }
}

void tst_IdTokenValidator::acceptedTokenContents_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("alg");
    QTest::newRow("rs256") << QStringLiteral("rsa") << QStringLiteral("RS256");
    QTest::newRow("ps256") << QStringLiteral("rsa") << QStringLiteral("PS256");
    QTest::newRow("es256") << QStringLiteral("ec") << QStringLiteral("ES256");
    QTest::newRow("eddsa") << QStringLiteral("ed") << QStringLiteral("EdDSA");
}

void tst_IdTokenValidator::acceptedTokenContents()
{
    QFETCH(QString, key);
    QFETCH(QString, alg);
    const TestKey signer = key == QLatin1String("rsa") ? rsa() : key == QLatin1String("ec") ? ec() : ed();
    QJsonObject c = claims({{QStringLiteral("aud"), QJsonArray{kClient, QStringLiteral("api")}},
                            {QStringLiteral("azp"), kClient},
                            {QStringLiteral("auth_time"), kNow - 30},
                            {QStringLiteral("at_hash"), QString::fromLatin1(Test::atHash(alg, kAccessToken))},
                            {QStringLiteral("email"), QStringLiteral("a@example.com")}});
    const QByteArray token = sign(signer, c, QJsonObject{{QStringLiteral("alg"), alg}});
    auto expected = defaults();
    expected.trustedAudiences = {QStringLiteral("api")};
    expected.accessToken = kAccessToken;
    expected.maxAgeSeconds = 60;

    const auto result = validateIdToken(token, keySet(defaultJwks()), expected);
    QVERIFY2(result.ok(), qPrintable(result.error().id() + u' ' + result.error().description()));
    const IdToken &t = *result;
    QVERIFY(!t.isNull());
    QCOMPARE(t.subject(), QStringLiteral("user-1"));
    QCOMPARE(t.issuer(), kIssuer);
    QCOMPARE(t.audiences(), (QStringList{kClient, QStringLiteral("api")}));
    QCOMPARE(t.authorizedParty(), kClient);
    QCOMPARE(t.expiresAt(), QDateTime::fromSecsSinceEpoch(kNow + 300, Qt::UTC));
    QCOMPARE(t.expiresAt().timeSpec(), Qt::UTC);
    QCOMPARE(t.issuedAt(), QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
    QCOMPARE(t.authTime(), QDateTime::fromSecsSinceEpoch(kNow - 30, Qt::UTC));
    QCOMPARE(t.nonce(), kNonce);
    QCOMPARE(t.algorithm(), alg);
    QCOMPARE(t.keyId(), QString::fromLatin1(signer.kid()));
    QCOMPARE(t.raw(), token);
    const QVariantMap map = t.claims();
    QCOMPARE(map.value(QStringLiteral("email")).toString(), QStringLiteral("a@example.com"));
    QCOMPARE(map.value(QStringLiteral("exp")).toLongLong(), kNow + 300);
    QCOMPARE(map.size(), c.size());
    QCOMPARE(t.claim(QStringLiteral("sub")).toString(), QStringLiteral("user-1"));
    QVERIFY(!t.claim(QStringLiteral("nope")).isValid());

    // Gadget properties: readable through the meta-object, and raw() is not one of them.
    const QMetaObject &mo = IdToken::staticMetaObject;
    QVERIFY(mo.indexOfProperty("subject") >= 0);
    QVERIFY(mo.indexOfProperty("claims") >= 0);
    QCOMPARE(mo.indexOfProperty("raw"), -1);
    QCOMPARE(mo.property(mo.indexOfProperty("subject")).readOnGadget(&t).toString(), QStringLiteral("user-1"));
}

void tst_IdTokenValidator::claimsConversion()
{
    QJsonObject c = claims({{QStringLiteral("n"), QJsonValue::Null},
                            {QStringLiteral("b"), true},
                            {QStringLiteral("f"), 1.5},
                            {QStringLiteral("neg"), -3},
                            {QStringLiteral("list"), QJsonArray{1, QStringLiteral("two"), QJsonObject{{QStringLiteral("three"), 3}}}},
                            {QStringLiteral("obj"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}}});
    const auto result = validateIdToken(sign(rsa(), c), keySet(defaultJwks()), defaults());
    QVERIFY(result.ok());
    const QVariantMap m = result->claims();
    QCOMPARE(m.value(QStringLiteral("n")).metaType(), QMetaType::fromType<std::nullptr_t>());
    QCOMPARE(m.value(QStringLiteral("b")), QVariant(true));
    QCOMPARE(m.value(QStringLiteral("f")).toDouble(), 1.5);
    QCOMPARE(m.value(QStringLiteral("neg")).toLongLong(), -3);
    QCOMPARE(m.value(QStringLiteral("iat")).metaType(), QMetaType::fromType<qint64>());
    const QVariantList list = m.value(QStringLiteral("list")).toList();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(1).toString(), QStringLiteral("two"));
    QCOMPARE(list.at(2).toMap().value(QStringLiteral("three")).toInt(), 3);
    QCOMPARE(m.value(QStringLiteral("obj")).toMap().value(QStringLiteral("k")).toString(), QStringLiteral("v"));
}

void tst_IdTokenValidator::atHashHelper_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("hash");
    // OpenID Connect Core 1.0 Appendix A.3 example: at_hash of this access token (RS256).
    QTest::newRow("oidc-core-a3") << QStringLiteral("RS256") << QByteArray("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y")
                                  << QByteArray("77QmUPtjPfzWtF2AnpK9RQ");
    QTest::newRow("rs256") << QStringLiteral("RS256") << kAccessToken << Test::atHash(QStringLiteral("RS256"), kAccessToken);
    QTest::newRow("ps256") << QStringLiteral("PS256") << kAccessToken << Test::atHash(QStringLiteral("PS256"), kAccessToken);
    QTest::newRow("es256") << QStringLiteral("ES256") << kAccessToken << Test::atHash(QStringLiteral("ES256"), kAccessToken);
    QTest::newRow("eddsa") << QStringLiteral("EdDSA") << kAccessToken << Test::atHash(QStringLiteral("EdDSA"), kAccessToken);
}

void tst_IdTokenValidator::atHashHelper()
{
    QFETCH(QString, alg);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, hash);
    QCOMPARE(tokenHash(Jose::algorithmFromName(alg.toStdString()), token), hash);
    QCOMPARE(Test::atHash(alg, token), hash);
    QCOMPARE(hash.size(), alg == QLatin1String("EdDSA") ? 43 : 22);
}

void tst_IdTokenValidator::signatureAttemptsAreCapped()
{
    // Eleven EC keys without kid; the token is signed by the last one: only the first ten are
    // tried, so a JWKS stuffed with keys cannot turn one token into unbounded work.
    QList<TestKey> keys;
    for (int i = 0; i < kMaxSignatureAttempts + 1; ++i)
        keys.append(TestKey::ec("cap-" + QByteArray::number(i)));
    const QByteArray token = sign(keys.last().withKid({}), claims());
    const auto capped = validateIdToken(token, keySet(Test::jwksDocument(keys)), defaults());
    QCOMPARE(capped.error().code(), Error::Code::IdTokenSignatureInvalid);
    // The same key in tenth place is found.
    keys.move(keys.size() - 1, kMaxSignatureAttempts - 1);
    QVERIFY(validateIdToken(token, keySet(Test::jwksDocument(keys)), defaults()).ok());
}

void tst_IdTokenValidator::currentTimeWhenNowIsZero()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto expected = defaults();
    expected.now = 0;
    QVERIFY(validateIdToken(sign(rsa(), Test::idTokenClaims(kIssuer, kClient, now, kNonce)), keySet(defaultJwks()), expected).ok());
    // Issued and expired an hour ago by the real clock.
    QCOMPARE(validateIdToken(sign(rsa(), Test::idTokenClaims(kIssuer, kClient, now - 3600, kNonce)), keySet(defaultJwks()), expected)
                 .error().code(),
             Error::Code::IdTokenExpired);
}

void tst_IdTokenValidator::debugOutputHasNoSecrets()
{
    const QByteArray token = sign(rsa(), claims());
    const auto result = validateIdToken(token, keySet(defaultJwks()), defaults());
    QVERIFY(result.ok());
    QString text;
    QDebug(&text) << *result;
    QVERIFY(text.contains(kIssuer));
    QVERIFY(!text.contains(QString::fromLatin1(token.left(20))));
    QVERIFY(!text.contains(QString::fromLatin1(token.mid(token.lastIndexOf('.') + 1, 20))));
    QVERIFY(!text.contains(kNonce));
    QString nullText;
    QDebug(&nullText) << IdToken();
    QCOMPARE(nullText.trimmed(), QStringLiteral("Concierge::IdToken()"));
}

void tst_IdTokenValidator::trustedStorage()
{
    // An expired token with another audience still restores (no lifetime/audience checks) ...
    const QByteArray old = sign(rsa(), claims({{QStringLiteral("exp"), kNow - 7200}, {QStringLiteral("aud"), QStringLiteral("x")}}));
    const auto restored = idTokenFromTrustedStorage(old);
    QVERIFY(restored.ok());
    QCOMPARE(restored->raw(), old);
    QCOMPARE(restored->subject(), QStringLiteral("user-1"));
    QCOMPARE(restored->expiresAt(), QDateTime::fromSecsSinceEpoch(kNow - 7200, Qt::UTC));
    // ... and equals the token validated earlier.
    const QByteArray good = sign(rsa(), claims());
    QCOMPARE(*idTokenFromTrustedStorage(good), *validateIdToken(good, keySet(defaultJwks()), defaults()));
    // Structure and types are still checked.
    QCOMPARE(idTokenFromTrustedStorage("a.b").error().code(), Error::Code::IdTokenMalformed);
    QCOMPARE(idTokenFromTrustedStorage(Test::unsecuredJwt(claims())).error().code(), Error::Code::IdTokenAlgorithmRejected);
    QCOMPARE(idTokenFromTrustedStorage(sign(rsa(), claims(QStringLiteral("sub"), QString()))).error().code(),
             Error::Code::IdTokenSubjectMissing);
    QCOMPARE(idTokenFromTrustedStorage(sign(rsa(), claims(QStringLiteral("exp"), QStringLiteral("soon")))).error().code(),
             Error::Code::IdTokenExpired);
}

void tst_IdTokenValidator::valueSemantics()
{
    const QByteArray a = sign(rsa(), claims());
    const QByteArray b = sign(ec(), claims());
    const auto keys = keySet(defaultJwks());
    const IdToken ta = *validateIdToken(a, keys, defaults());
    const IdToken ta2 = *validateIdToken(a, keys, defaults());
    const IdToken tb = *validateIdToken(b, keys, defaults());
    QCOMPARE(ta, ta2);
    QVERIFY(ta != tb);
    QVERIFY(IdToken() == IdToken());
    QVERIFY(IdToken() != ta);
    IdToken copy = ta;
    QCOMPARE(copy, ta);
    IdToken moved = std::move(copy);
    QCOMPARE(moved.subject(), ta.subject());
    QVERIFY(IdToken().isNull());
    QVERIFY(IdToken().subject().isEmpty());
    QVERIFY(IdToken().claims().isEmpty());
    QVERIFY(!IdToken().expiresAt().isValid());
    const QVariant v = QVariant::fromValue(ta);
    QCOMPARE(v.value<IdToken>(), ta);
}

void tst_IdTokenValidator::concurrentValidation()
{
    // One key set shared by several threads: the prepared verification contexts are only read.
    const auto keys = keySet(defaultJwks());
    const QList<QByteArray> good = {sign(rsa(), claims()), sign(rsa(), claims(), alg(QStringLiteral("PS256"))),
                                    sign(ec(), claims()), sign(ed(), claims())};
    QList<QByteArray> bad;
    for (const QByteArray &t : good)
        bad.append(flipSignatureBit(t));
    const IdToken shared = *validateIdToken(good.first(), keys, defaults());
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 60; ++i) {
                const int k = (i + t) % int(good.size());
                if (!validateIdToken(good.at(k), keys, defaults()).ok())
                    ++wrong;
                if (validateIdToken(bad.at(k), keys, defaults()).error().code() != Error::Code::IdTokenSignatureInvalid)
                    ++wrong;
                if (shared.claims().value(QStringLiteral("sub")).toString() != QLatin1String("user-1"))
                    ++wrong;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(tst_IdTokenValidator)
#include "tst_idtokenvalidator.moc"
