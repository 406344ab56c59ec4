// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/base64url_p.h"
#include "core/jose_p.h"
#include "core/jwks_p.h"

#include "testsigner.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

#include <openssl/err.h>

using namespace Concierge;
using namespace Concierge::Jose;
using Concierge::Test::TestKey;

namespace {

// ---- RFC 7515 Appendix A.2 (RS256) --------------------------------------------------------------
const char kRfc7515RsaN[] =
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddx"
    "HmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMs"
    "D1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSH"
    "SXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdV"
    "MTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8"
    "NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
const char kRfc7515RsaD[] = // private exponent, only to check that keys with "d" are refused
    "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97I"
    "jlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui395IW_GO-pWJ1O0"
    "BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn"
    "439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYT"
    "CBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLh"
    "BOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ";
const char kRfc7515A2Token[] =
    "eyJhbGciOiJSUzI1NiJ9"
    "."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
    "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    "."
    "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7"
    "AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4"
    "BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K"
    "0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv"
    "hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrB"
    "p0igcN_IoypGlUPQGe77Rw";

// ---- RFC 7515 Appendix A.3 (ES256) --------------------------------------------------------------
const char kRfc7515EcX[] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
const char kRfc7515EcY[] = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
const char kRfc7515A3Token[] =
    "eyJhbGciOiJFUzI1NiJ9"
    "."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
    "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    "."
    "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSA"
    "pmWQxfKTUJqPP3-Kg6NU1Q";

// ---- RFC 7515 Appendix A.1 (HS256) and A.5 (unsecured): must be refused --------------------------
const char kRfc7515A1Token[] =
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
    "."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
    "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    "."
    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const char kRfc7515A5Token[] =
    "eyJhbGciOiJub25lIn0"
    "."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
    "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    ".";

// ---- RFC 8037 Appendix A.2 / A.4 (Ed25519) ------------------------------------------------------
const char kRfc8037X[] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
const char kRfc8037D[] = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
const char kRfc8037A4Token[] =
    "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
    ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

QJsonObject rfcRsaJwk()
{
    return QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                       {QStringLiteral("n"), QLatin1String(kRfc7515RsaN)},
                       {QStringLiteral("e"), QStringLiteral("AQAB")}};
}

QJsonObject rfcEcJwk()
{
    return QJsonObject{{QStringLiteral("kty"), QStringLiteral("EC")},
                       {QStringLiteral("crv"), QStringLiteral("P-256")},
                       {QStringLiteral("x"), QLatin1String(kRfc7515EcX)},
                       {QStringLiteral("y"), QLatin1String(kRfc7515EcY)}};
}

QJsonObject rfcEdJwk()
{
    return QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")},
                       {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                       {QStringLiteral("x"), QLatin1String(kRfc8037X)}};
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return o;
}

QByteArray doc(const QList<QJsonObject> &keys)
{
    return Test::jwksDocument(keys);
}

JsonWebKeySet parseOk(const QByteArray &json)
{
    auto set = JsonWebKeySet::fromJson(json);
    if (!set) {
        qWarning() << "unexpected" << set.error().id() << set.error().description();
        return {};
    }
    return *set;
}

QString base64UrlString(const QByteArray &bytes)
{
    return QString::fromLatin1(Test::base64Url(bytes));
}

} // namespace

class tst_Jwks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcVectors_data();
    void rfcVectors();
    void rfcVectorsTampered_data();
    void rfcVectorsTampered();
    void rfcRefusedAlgorithms_data();
    void rfcRefusedAlgorithms();
    void generatedKeys_data();
    void generatedKeys();
    void invalidDocuments_data();
    void invalidDocuments();
    void ignoredKeys_data();
    void ignoredKeys();
    void acceptedVariants_data();
    void acceptedVariants();
    void keyLimit();
    void candidates();
    void copiesShareKeys();
    void verifyRejectsWrongKeyType();
    void errorQueueLeftClean();
    void strictJson_data();
    void strictJson();
    void topLevelMembers_data();
    void topLevelMembers();
    void compactParsing_data();
    void compactParsing();
};

void tst_Jwks::rfcVectors_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("alg");
    QTest::newRow("rfc7515-a2-rs256") << rfcRsaJwk() << QByteArray(kRfc7515A2Token) << QStringLiteral("RS256");
    QTest::newRow("rfc7515-a3-es256") << rfcEcJwk() << QByteArray(kRfc7515A3Token) << QStringLiteral("ES256");
    QTest::newRow("rfc8037-a4-eddsa") << rfcEdJwk() << QByteArray(kRfc8037A4Token) << QStringLiteral("EdDSA");
}

void tst_Jwks::rfcVectors()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(QByteArray, token);
    QFETCH(QString, alg);

    const JsonWebKeySet set = parseOk(doc({jwk}));
    QCOMPARE(set.size(), 1);
    QCOMPARE(set.ignoredCount(), 0);

    const auto jws = CompactJws::parse(token);
    QVERIFY2(jws.ok(), qPrintable(jws.error().description()));
    QCOMPARE(QLatin1String(algorithmName(jws->algorithm())), alg);
    const auto keys = set.candidates(jws->algorithm(), std::nullopt);
    QCOMPARE(keys.size(), std::size_t(1));
    QVERIFY(keys.front()->verify(jws->algorithm(), jws->signingInput(), jws->signature()));
    QVERIFY(verifySignature(jws->algorithm(), keys.front()->evpKey(), jws->signingInput(), jws->signature()));
}

void tst_Jwks::rfcVectorsTampered_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("flipAt"); // index into the token, from the end when negative
    QTest::newRow("rs256-signature-bit") << rfcRsaJwk() << QByteArray(kRfc7515A2Token) << -5;
    QTest::newRow("rs256-payload-bit") << rfcRsaJwk() << QByteArray(kRfc7515A2Token) << 30;
    QTest::newRow("es256-signature-bit") << rfcEcJwk() << QByteArray(kRfc7515A3Token) << -5;
    QTest::newRow("es256-payload-bit") << rfcEcJwk() << QByteArray(kRfc7515A3Token) << 30;
    QTest::newRow("eddsa-signature-bit") << rfcEdJwk() << QByteArray(kRfc8037A4Token) << -5;
    QTest::newRow("eddsa-payload-bit") << rfcEdJwk() << QByteArray(kRfc8037A4Token) << 30;
}

void tst_Jwks::rfcVectorsTampered()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(QByteArray, token);
    QFETCH(int, flipAt);
    const int at = flipAt < 0 ? int(token.size()) + flipAt : flipAt;
    // Swap one base64url character for another that keeps the encoding canonical.
    token[at] = token.at(at) == 'A' ? 'B' : 'A';
    const JsonWebKeySet set = parseOk(doc({jwk}));
    const auto jws = CompactJws::parse(token);
    QVERIFY(jws.ok());
    const auto keys = set.candidates(jws->algorithm(), std::nullopt);
    QCOMPARE(keys.size(), std::size_t(1));
    QVERIFY(!keys.front()->verify(jws->algorithm(), jws->signingInput(), jws->signature()));
}

void tst_Jwks::rfcRefusedAlgorithms_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("rfc7515-a1-hs256") << QByteArray(kRfc7515A1Token);
    QTest::newRow("rfc7515-a5-none") << QByteArray(kRfc7515A5Token);
}

void tst_Jwks::rfcRefusedAlgorithms()
{
    QFETCH(QByteArray, token);
    const auto jws = CompactJws::parse(token);
    QVERIFY(!jws.ok());
    QCOMPARE(jws.error().code(), Error::Code::IdTokenAlgorithmRejected);
}

void tst_Jwks::generatedKeys_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("alg");
    QTest::newRow("rsa-rs256") << QStringLiteral("rsa") << QStringLiteral("RS256");
    QTest::newRow("rsa-ps256") << QStringLiteral("rsa") << QStringLiteral("PS256");
    QTest::newRow("ec-es256") << QStringLiteral("ec") << QStringLiteral("ES256");
    QTest::newRow("ed25519-eddsa") << QStringLiteral("ed") << QStringLiteral("EdDSA");
}

void tst_Jwks::generatedKeys()
{
    QFETCH(QString, kind);
    QFETCH(QString, alg);
    const TestKey key = kind == QLatin1String("rsa") ? TestKey::rsa() : kind == QLatin1String("ec") ? TestKey::ec() : TestKey::ed25519();
    const JsonWebKeySet set = parseOk(doc({key.publicJwk(alg)}));
    QCOMPARE(set.size(), 1);
    QCOMPARE(QByteArray::fromStdString(set.at(0).kid()), key.kid());
    const Algorithm algorithm = algorithmFromName(alg.toStdString());
    QCOMPARE(set.at(0).algorithm(), algorithm);

    // 50 tokens each: ECDSA signatures have leading zeros in R or S now and then, which the
    // JOSE → DER conversion must handle.
    for (int i = 0; i < 50; ++i) {
        const QByteArray token = Test::signJwt(key, QJsonObject{{QStringLiteral("i"), i}},
                                               QJsonObject{{QStringLiteral("alg"), alg}});
        const auto jws = CompactJws::parse(token);
        QVERIFY(jws.ok());
        QVERIFY(set.at(0).verify(algorithm, jws->signingInput(), jws->signature()));
        // The same signature is never accepted for the other RSA padding.
        if (algorithm == Algorithm::RS256 || algorithm == Algorithm::PS256) {
            const Algorithm other = algorithm == Algorithm::RS256 ? Algorithm::PS256 : Algorithm::RS256;
            QVERIFY(!verifySignature(other, set.at(0).evpKey(), jws->signingInput(), jws->signature()));
        }
    }
}

void tst_Jwks::invalidDocuments_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not-json") << QByteArray("keys");
    QTest::newRow("truncated") << QByteArray(R"({"keys":[)");
    QTest::newRow("array") << QByteArray(R"([{"keys":[]}])");
    QTest::newRow("string") << QByteArray(R"("keys")");
    QTest::newRow("no-keys") << QByteArray(R"({"kty":"RSA"})");
    QTest::newRow("keys-object") << QByteArray(R"({"keys":{}})");
    QTest::newRow("keys-string") << QByteArray(R"({"keys":"x"})");
    QTest::newRow("keys-null") << QByteArray(R"({"keys":null})");
    QTest::newRow("duplicate-keys-member") << QByteArray(R"({"keys":[],"keys":[]})");
    QTest::newRow("duplicate-member-in-key")
        << QByteArray(R"({"keys":[{"kty":"OKP","crv":"Ed25519","x":")") + kRfc8037X + R"(","x":"AAAA"}]})";
    QTest::newRow("trailing-garbage") << QByteArray(R"({"keys":[]} x)");
    QTest::newRow("two-documents") << QByteArray(R"({"keys":[]}{"keys":[]})");
    QTest::newRow("comment") << QByteArray(R"({"keys":[] /* c */})");
    QTest::newRow("invalid-utf8") << QByteArray("{\"keys\":[],\"a\":\"\xff\"}");
    QTest::newRow("lone-surrogate") << QByteArray(R"({"keys":[],"a":"\ud800"})");
    QTest::newRow("too-deep") << QByteArray(R"({"keys":[],"a":)") + QByteArray(40, '[') + QByteArray(40, ']') + '}';
    QTest::newRow("oversized") << QByteArray(R"({"keys":[],"pad":")") + QByteArray(512 * 1024, 'a') + "\"}";
}

void tst_Jwks::invalidDocuments()
{
    QFETCH(QByteArray, document);
    const auto set = JsonWebKeySet::fromJson(document);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().code(), Error::Code::JwksInvalid);
}

void tst_Jwks::ignoredKeys_data()
{
    QTest::addColumn<QJsonValue>("jwk");
    const QJsonObject rsa = TestKey::rsa().publicJwk(QString(), QString());
    const QJsonObject ec = TestKey::ec().publicJwk(QString(), QString());
    const QJsonObject ed = TestKey::ed25519().publicJwk(QString(), QString());

    QTest::newRow("not-an-object") << QJsonValue(QStringLiteral("RSA"));
    QTest::newRow("number") << QJsonValue(42);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("no-kty") << QJsonValue(with(rsa, QStringLiteral("kty"), QJsonValue::Undefined));
    QTest::newRow("kty-number") << QJsonValue(with(rsa, QStringLiteral("kty"), 1));
    QTest::newRow("kty-lowercase") << QJsonValue(with(rsa, QStringLiteral("kty"), QStringLiteral("rsa")));
    QTest::newRow("kty-oct") << QJsonValue(QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")},
                                                       {QStringLiteral("k"), QStringLiteral("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")}});
    QTest::newRow("use-enc") << QJsonValue(with(rsa, QStringLiteral("use"), QStringLiteral("enc")));
    QTest::newRow("use-number") << QJsonValue(with(rsa, QStringLiteral("use"), 1));
    QTest::newRow("key_ops-encrypt") << QJsonValue(with(rsa, QStringLiteral("key_ops"), QJsonArray{QStringLiteral("encrypt")}));
    QTest::newRow("key_ops-empty") << QJsonValue(with(rsa, QStringLiteral("key_ops"), QJsonArray{}));
    QTest::newRow("key_ops-string") << QJsonValue(with(rsa, QStringLiteral("key_ops"), QStringLiteral("verify")));
    QTest::newRow("key_ops-non-string") << QJsonValue(with(rsa, QStringLiteral("key_ops"), QJsonArray{QStringLiteral("verify"), 1}));
    QTest::newRow("alg-RS384") << QJsonValue(with(rsa, QStringLiteral("alg"), QStringLiteral("RS384")));
    QTest::newRow("alg-HS256") << QJsonValue(with(rsa, QStringLiteral("alg"), QStringLiteral("HS256")));
    QTest::newRow("alg-none") << QJsonValue(with(rsa, QStringLiteral("alg"), QStringLiteral("none")));
    QTest::newRow("alg-ES256-on-rsa") << QJsonValue(with(rsa, QStringLiteral("alg"), QStringLiteral("ES256")));
    QTest::newRow("alg-RS256-on-ec") << QJsonValue(with(ec, QStringLiteral("alg"), QStringLiteral("RS256")));
    QTest::newRow("alg-number") << QJsonValue(with(rsa, QStringLiteral("alg"), 256));
    QTest::newRow("kid-number") << QJsonValue(with(rsa, QStringLiteral("kid"), 7));
    QTest::newRow("kid-257-bytes") << QJsonValue(with(rsa, QStringLiteral("kid"), QString(257, u'k')));
    QTest::newRow("rsa-private-d") << QJsonValue(with(rfcRsaJwk(), QStringLiteral("d"), QLatin1String(kRfc7515RsaD)));
    QTest::newRow("ec-private-d") << QJsonValue(with(rfcEcJwk(), QStringLiteral("d"), QStringLiteral("jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI")));
    QTest::newRow("okp-private-d") << QJsonValue(with(rfcEdJwk(), QStringLiteral("d"), QLatin1String(kRfc8037D)));
    QTest::newRow("rsa-1024") << QJsonValue(TestKey::rsa("weak", 1024).publicJwk(QStringLiteral("RS256")));
    QTest::newRow("rsa-2047") << QJsonValue(TestKey::rsa("odd", 2047).publicJwk(QStringLiteral("RS256")));
    QTest::newRow("rsa-no-n") << QJsonValue(with(rsa, QStringLiteral("n"), QJsonValue::Undefined));
    QTest::newRow("rsa-no-e") << QJsonValue(with(rsa, QStringLiteral("e"), QJsonValue::Undefined));
    QTest::newRow("rsa-n-padded") << QJsonValue(with(rfcRsaJwk(), QStringLiteral("n"), QLatin1String(kRfc7515RsaN) + QStringLiteral("==")));
    QTest::newRow("rsa-n-standard-base64") << QJsonValue(with(rfcRsaJwk(), QStringLiteral("n"), QString(QLatin1String(kRfc7515RsaN)).replace(u'-', u'+')));
    QTest::newRow("rsa-n-number") << QJsonValue(with(rsa, QStringLiteral("n"), 12345));
    QTest::newRow("rsa-e-even") << QJsonValue(with(rsa, QStringLiteral("e"), base64UrlString(QByteArray("\x01\x00\x00", 3))));
    QTest::newRow("rsa-e-one") << QJsonValue(with(rsa, QStringLiteral("e"), base64UrlString(QByteArray("\x01", 1))));
    QTest::newRow("rsa-e-huge") << QJsonValue(with(rsa, QStringLiteral("e"), base64UrlString(QByteArray(9, '\x01'))));
    QTest::newRow("rsa-n-even") << QJsonValue(with(rsa, QStringLiteral("n"), base64UrlString(QByteArray(256, '\xfe'))));
    QTest::newRow("ec-p384") << QJsonValue(with(ec, QStringLiteral("crv"), QStringLiteral("P-384")));
    QTest::newRow("ec-secp256k1") << QJsonValue(with(ec, QStringLiteral("crv"), QStringLiteral("secp256k1")));
    QTest::newRow("ec-no-crv") << QJsonValue(with(ec, QStringLiteral("crv"), QJsonValue::Undefined));
    QTest::newRow("ec-no-y") << QJsonValue(with(ec, QStringLiteral("y"), QJsonValue::Undefined));
    QTest::newRow("ec-short-x") << QJsonValue(with(ec, QStringLiteral("x"), base64UrlString(QByteArray(31, '\x01'))));
    QTest::newRow("ec-long-x") << QJsonValue(with(ec, QStringLiteral("x"), base64UrlString(QByteArray(33, '\x01'))));
    {
        // (x, y+1) is not on the curve.
        QByteArray y = *base64UrlDecode(QByteArray(kRfc7515EcY));
        y[31] = char(y.at(31) ^ 1);
        QTest::newRow("ec-off-curve") << QJsonValue(with(rfcEcJwk(), QStringLiteral("y"), base64UrlString(y)));
    }
    QTest::newRow("ec-zero-point") << QJsonValue(with(with(ec, QStringLiteral("x"), base64UrlString(QByteArray(32, '\0'))),
                                                      QStringLiteral("y"), base64UrlString(QByteArray(32, '\0'))));
    QTest::newRow("okp-ed448") << QJsonValue(with(ed, QStringLiteral("crv"), QStringLiteral("Ed448")));
    QTest::newRow("okp-x25519") << QJsonValue(with(ed, QStringLiteral("crv"), QStringLiteral("X25519")));
    QTest::newRow("okp-short-x") << QJsonValue(with(ed, QStringLiteral("x"), base64UrlString(QByteArray(31, '\x01'))));
    QTest::newRow("okp-x-noncanonical-b64") << QJsonValue(with(ed, QStringLiteral("x"), QString(QLatin1String(kRfc8037X)).chopped(1) + QLatin1Char('p')));
}

void tst_Jwks::ignoredKeys()
{
    QFETCH(QJsonValue, jwk);
    // The bad key sits next to a good one: it is skipped, the document stays usable.
    QJsonArray keys{jwk, TestKey::ed25519("good").publicJwk()};
    const QByteArray document = QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson(QJsonDocument::Compact);
    const auto set = JsonWebKeySet::fromJson(document);
    QVERIFY(set.ok());
    QCOMPARE(set->size(), 1);
    QCOMPARE(set->ignoredCount(), 1);
    QCOMPARE(set->at(0).kid(), std::string("good"));
}

void tst_Jwks::acceptedVariants_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<int>("bits");
    const QJsonObject rsa = TestKey::rsa().publicJwk(QString(), QString());
    QTest::newRow("rsa-bare") << rsa << 2048;
    QTest::newRow("rsa-use-sig") << with(rsa, QStringLiteral("use"), QStringLiteral("sig")) << 2048;
    QTest::newRow("rsa-key_ops-verify") << with(rsa, QStringLiteral("key_ops"), QJsonArray{QStringLiteral("sign"), QStringLiteral("verify")}) << 2048;
    QTest::newRow("rsa-alg-PS256") << with(rsa, QStringLiteral("alg"), QStringLiteral("PS256")) << 2048;
    QTest::newRow("rsa-x5c-ignored") << with(rsa, QStringLiteral("x5c"), QJsonArray{QStringLiteral("MIIB")}) << 2048;
    QTest::newRow("rsa-unknown-members") << with(rsa, QStringLiteral("ext"), QJsonObject{{QStringLiteral("a"), 1}}) << 2048;
    {
        QByteArray n = *base64UrlDecode(rsa.value(QStringLiteral("n")).toString().toLatin1());
        QTest::newRow("rsa-n-leading-zero") << with(rsa, QStringLiteral("n"), base64UrlString(QByteArray(1, '\0') + n)) << 2048;
    }
    QTest::newRow("rsa-3072") << TestKey::rsa("big", 3072).publicJwk() << 3072;
    QTest::newRow("rsa-e-3") << with(rfcRsaJwk(), QStringLiteral("e"), QStringLiteral("Aw")) << 2048;
    QTest::newRow("rfc-ec") << rfcEcJwk() << 256;
    QTest::newRow("rfc-okp") << rfcEdJwk() << 256;
    QTest::newRow("kid-256-bytes") << with(rfcEdJwk(), QStringLiteral("kid"), QString(256, u'k')) << 256;
}

void tst_Jwks::acceptedVariants()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(int, bits);
    const JsonWebKeySet set = parseOk(doc({jwk}));
    QCOMPARE(set.size(), 1);
    QCOMPARE(set.at(0).bits(), bits);
}

void tst_Jwks::keyLimit()
{
    QList<QJsonObject> keys;
    for (int i = 0; i < JsonWebKeySet::kMaxKeys + 5; ++i)
        keys.append(with(rfcEdJwk(), QStringLiteral("kid"), QString::number(i)));
    const JsonWebKeySet set = parseOk(doc(keys));
    QCOMPARE(set.size(), qsizetype(JsonWebKeySet::kMaxKeys));
    QCOMPARE(set.ignoredCount(), 5);

    // A custom size limit is honoured before parsing.
    const QByteArray small = doc({rfcEdJwk()});
    QVERIFY(JsonWebKeySet::fromJson(small, small.size()).ok());
    QCOMPARE(JsonWebKeySet::fromJson(small, small.size() - 1).error().code(), Error::Code::JwksInvalid);

    // No keys at all is a valid, empty set.
    const auto empty = JsonWebKeySet::fromJson(R"({"keys":[]})");
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
    QVERIFY(empty->candidates(Algorithm::RS256, std::nullopt).empty());
    QVERIFY(JsonWebKeySet().candidates(Algorithm::RS256, std::nullopt).empty());
    QVERIFY(!JsonWebKeySet().containsKid("x"));
}

void tst_Jwks::candidates()
{
    const TestKey rsa1 = TestKey::rsa("r1");
    const TestKey ec1 = TestKey::ec("e1");
    const TestKey ed1 = TestKey::ed25519("d1");
    const QJsonObject noKid = TestKey::rsa("r2").publicJwk(QString());
    const JsonWebKeySet set = parseOk(doc({
        rsa1.publicJwk(QString()),                        // r1: RSA, no alg
        with(noKid, QStringLiteral("kid"), QJsonValue::Undefined), // RSA without kid
        ec1.publicJwk(QStringLiteral("ES256")),          // e1
        ed1.publicJwk(QStringLiteral("EdDSA")),          // d1
        TestKey::rsa("ps").publicJwk(QStringLiteral("PS256")), // ps: PS256 only
        with(ec1.publicJwk(QString()), QStringLiteral("kid"), QStringLiteral("shared")),
        with(rsa1.publicJwk(QString()), QStringLiteral("kid"), QStringLiteral("shared")),
    }));
    QCOMPARE(set.size(), 7);

    auto kids = [](const std::vector<const JsonWebKey *> &keys) {
        QStringList out;
        for (const auto *k : keys)
            out.append(k->hasKid() ? QString::fromStdString(k->kid()) : QStringLiteral("<none>"));
        return out;
    };
    using SV = std::string_view;
    QCOMPARE(kids(set.candidates(Algorithm::RS256, SV("r1"))), QStringList{QStringLiteral("r1")});
    QCOMPARE(kids(set.candidates(Algorithm::PS256, SV("r1"))), QStringList{QStringLiteral("r1")});
    QVERIFY(set.candidates(Algorithm::ES256, SV("r1")).empty()); // kid matches, type does not
    QVERIFY(set.containsKid("r1"));
    QVERIFY(set.candidates(Algorithm::RS256, SV("ps")).empty()); // JWK alg PS256 ≠ RS256
    QCOMPARE(kids(set.candidates(Algorithm::PS256, SV("ps"))), QStringList{QStringLiteral("ps")});
    QVERIFY(set.candidates(Algorithm::RS256, SV("nope")).empty());
    QVERIFY(!set.containsKid("nope"));
    QVERIFY(set.candidates(Algorithm::RS256, SV("")).empty()); // empty kid is a kid
    QCOMPARE(kids(set.candidates(Algorithm::ES256, SV("shared"))), QStringList{QStringLiteral("shared")});
    QCOMPARE(set.candidates(Algorithm::ES256, SV("shared")).front()->type(), JsonWebKey::Type::EcP256);
    QCOMPARE(set.candidates(Algorithm::RS256, SV("shared")).front()->type(), JsonWebKey::Type::Rsa);
    // Without kid: every key that fits, in document order.
    QCOMPARE(kids(set.candidates(Algorithm::RS256, std::nullopt)),
             (QStringList{QStringLiteral("r1"), QStringLiteral("<none>"), QStringLiteral("shared")}));
    QCOMPARE(kids(set.candidates(Algorithm::PS256, std::nullopt)),
             (QStringList{QStringLiteral("r1"), QStringLiteral("<none>"), QStringLiteral("ps"), QStringLiteral("shared")}));
    QCOMPARE(kids(set.candidates(Algorithm::ES256, std::nullopt)), (QStringList{QStringLiteral("e1"), QStringLiteral("shared")}));
    QCOMPARE(kids(set.candidates(Algorithm::EdDSA, std::nullopt)), QStringList{QStringLiteral("d1")});
    QVERIFY(set.candidates(Algorithm::Unsupported, std::nullopt).empty());
}

void tst_Jwks::copiesShareKeys()
{
    const JsonWebKeySet a = parseOk(doc({rfcEdJwk(), rfcEcJwk()}));
    const JsonWebKeySet b = a; // NOLINT(performance-unnecessary-copy-initialization)
    QCOMPARE(b.size(), 2);
    QCOMPARE(b.at(0).evpKey(), a.at(0).evpKey());
    QCOMPARE(b.at(1).evpKey(), a.at(1).evpKey());
}

void tst_Jwks::verifyRejectsWrongKeyType()
{
    const JsonWebKeySet set = parseOk(doc({rfcRsaJwk(), rfcEcJwk(), rfcEdJwk()}));
    const auto a2 = CompactJws::parse(kRfc7515A2Token);
    const auto a3 = CompactJws::parse(kRfc7515A3Token);
    const auto a4 = CompactJws::parse(kRfc8037A4Token);
    QVERIFY(a2.ok() && a3.ok() && a4.ok());
    EVP_PKEY *rsa = set.at(0).evpKey();
    EVP_PKEY *ec = set.at(1).evpKey();
    EVP_PKEY *ed = set.at(2).evpKey();
    // Each signature verifies only with its own key and algorithm.
    for (EVP_PKEY *key : {rsa, ec, ed}) {
        for (Algorithm alg : {Algorithm::RS256, Algorithm::PS256, Algorithm::ES256, Algorithm::EdDSA, Algorithm::Unsupported}) {
            QCOMPARE(verifySignature(alg, key, a2->signingInput(), a2->signature()), key == rsa && alg == Algorithm::RS256);
            QCOMPARE(verifySignature(alg, key, a3->signingInput(), a3->signature()), key == ec && alg == Algorithm::ES256);
            QCOMPARE(verifySignature(alg, key, a4->signingInput(), a4->signature()), key == ed && alg == Algorithm::EdDSA);
        }
    }
    QVERIFY(!set.at(0).verify(Algorithm::ES256, a3->signingInput(), a3->signature()));
    QVERIFY(!verifySignature(Algorithm::RS256, nullptr, a2->signingInput(), a2->signature()));

    // ES256: only the 64-byte R || S form; the DER form and truncations are refused.
    const QByteArray rs = a3->signature();
    QCOMPARE(rs.size(), 64);
    QVERIFY(!verifySignature(Algorithm::ES256, ec, a3->signingInput(), rs.left(63)));
    QVERIFY(!verifySignature(Algorithm::ES256, ec, a3->signingInput(), rs + '\0'));
    QVERIFY(!verifySignature(Algorithm::ES256, ec, a3->signingInput(), QByteArray(64, '\0')));
    QVERIFY(!verifySignature(Algorithm::ES256, ec, a3->signingInput(), QByteArray()));
    // RSA: exactly the modulus length.
    QVERIFY(!verifySignature(Algorithm::RS256, rsa, a2->signingInput(), a2->signature().mid(1)));
    QVERIFY(!verifySignature(Algorithm::RS256, rsa, a2->signingInput(), QByteArray(1, '\0') + a2->signature()));
    // EdDSA: exactly 64 bytes.
    QVERIFY(!verifySignature(Algorithm::EdDSA, ed, a4->signingInput(), a4->signature().left(63)));
}

void tst_Jwks::errorQueueLeftClean()
{
    ERR_clear_error();
    const JsonWebKeySet set = parseOk(doc({rfcRsaJwk(), rfcEcJwk()}));
    const auto a2 = CompactJws::parse(kRfc7515A2Token);
    QByteArray bad = a2->signature();
    bad[10] = char(bad.at(10) ^ 1);
    QVERIFY(!verifySignature(Algorithm::RS256, set.at(0).evpKey(), a2->signingInput(), bad));
    QVERIFY(!verifySignature(Algorithm::ES256, set.at(1).evpKey(), a2->signingInput(), QByteArray(64, '\x7f')));
    QByteArray y = *base64UrlDecode(QByteArray(kRfc7515EcY));
    y[31] = char(y.at(31) ^ 1);
    QVERIFY(parseOk(doc({with(rfcEcJwk(), QStringLiteral("y"), base64UrlString(y))})).isEmpty());
    QCOMPARE(ERR_peek_error(), 0ul);
}

void tst_Jwks::strictJson_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::newRow("object") << QByteArray(R"({"a":1,"b":[1,{"a":2}],"c":{"a":{"a":null}}})") << true;
    QTest::newRow("whitespace") << QByteArray(" \r\n\t{ \"a\" : 1 } \n") << true;
    QTest::newRow("same-name-other-objects") << QByteArray(R"({"a":{"x":1},"b":{"x":2}})") << true;
    QTest::newRow("escaped-names-differ") << QByteArray(R"({"a":1,"\u0062":2})") << true;
    QTest::newRow("depth-32") << QByteArray("{\"a\":") + QByteArray(31, '[') + QByteArray(31, ']') + '}' << true;
    QTest::newRow("depth-33") << QByteArray("{\"a\":") + QByteArray(32, '[') + QByteArray(32, ']') + '}' << false;
    QTest::newRow("duplicate") << QByteArray(R"({"a":1,"a":1})") << false;
    QTest::newRow("duplicate-escaped") << QByteArray(R"({"a":1,"\u0061":2})") << false;
    QTest::newRow("duplicate-nested") << QByteArray(R"({"x":{"a":1,"a":2}})") << false;
    QTest::newRow("duplicate-in-array") << QByteArray(R"({"x":[{"a":1,"a":2}]})") << false;
    QTest::newRow("array") << QByteArray("[1]") << false;
    QTest::newRow("number") << QByteArray("1") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("trailing") << QByteArray("{} {}") << false;
    QTest::newRow("trailing-comma") << QByteArray(R"({"a":1,})") << false;
    QTest::newRow("single-quotes") << QByteArray("{'a':1}") << false;
    QTest::newRow("nan") << QByteArray(R"({"a":NaN})") << false;
    QTest::newRow("overflow") << QByteArray(R"({"a":1e400})") << false;
    QTest::newRow("control-char") << QByteArray("{\"a\":\"\x01\"}") << false;
    QTest::newRow("overlong-utf8") << QByteArray("{\"a\":\"\xc0\xaf\"}") << false;
    QTest::newRow("bom-ignored") << QByteArray("\xef\xbb\xbf{}") << true; // RFC 8259 §8.1 allows ignoring it
    QTest::newRow("bom-twice") << QByteArray("\xef\xbb\xbf\xef\xbb\xbf{}") << false;
}

void tst_Jwks::strictJson()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QCOMPARE(parseStrictJsonObject(text).has_value(), ok);
    // The DOM-free reader applies exactly the same rules.
    static const char *const names[] = {"a", "b"};
    JsonMember members[2];
    QCOMPARE(readTopLevelMembers(text, names, members, 2), ok);
}

void tst_Jwks::topLevelMembers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("string");
    QTest::addColumn<double>("number");
    QTest::addColumn<QStringList>("strings");
    using T = JsonMember::Type;
    QTest::newRow("absent") << QByteArray(R"({"y":1})") << int(T::Absent) << QString() << 0.0 << QStringList();
    QTest::newRow("nested-not-top-level") << QByteArray(R"({"y":{"x":"s"},"z":[{"x":1}]})") << int(T::Absent) << QString() << 0.0 << QStringList();
    QTest::newRow("string") << QByteArray(R"({"y":1,"x":"s\u00e9"})") << int(T::String) << QStringLiteral("s\u00e9") << 0.0 << QStringList();
    QTest::newRow("empty-string") << QByteArray(R"({"x":""})") << int(T::String) << QString() << 0.0 << QStringList();
    QTest::newRow("integer") << QByteArray(R"({"x":1800000000})") << int(T::Number) << QString() << 1800000000.0 << QStringList();
    QTest::newRow("negative") << QByteArray(R"({"x":-5})") << int(T::Number) << QString() << -5.0 << QStringList();
    QTest::newRow("fraction") << QByteArray(R"({"x":1.5e3})") << int(T::Number) << QString() << 1500.0 << QStringList();
    QTest::newRow("huge-unsigned") << QByteArray(R"({"x":18446744073709551615})") << int(T::Number) << QString() << 18446744073709551615.0 << QStringList();
    QTest::newRow("true") << QByteArray(R"({"x":true})") << int(T::Other) << QString() << 0.0 << QStringList();
    QTest::newRow("null") << QByteArray(R"({"x":null})") << int(T::Other) << QString() << 0.0 << QStringList();
    QTest::newRow("object") << QByteArray(R"({"x":{"a":"b"}})") << int(T::Other) << QString() << 0.0 << QStringList();
    QTest::newRow("string-array") << QByteArray(R"({"x":["a","b"],"y":["c"]})") << int(T::StringArray) << QString() << 0.0 << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("empty-array") << QByteArray(R"({"x":[]})") << int(T::StringArray) << QString() << 0.0 << QStringList();
    QTest::newRow("array-with-number") << QByteArray(R"({"x":["a",1,"b"]})") << int(T::Other) << QString() << 0.0 << QStringList();
    QTest::newRow("array-with-null") << QByteArray(R"({"x":[null]})") << int(T::Other) << QString() << 0.0 << QStringList();
    QTest::newRow("array-with-array") << QByteArray(R"({"x":["a",["b"]]})") << int(T::Other) << QString() << 0.0 << QStringList();
    QTest::newRow("array-with-object") << QByteArray(R"({"x":[{"b":"c"},"d"]})") << int(T::Other) << QString() << 0.0 << QStringList();
}

void tst_Jwks::topLevelMembers()
{
    QFETCH(QByteArray, text);
    QFETCH(int, type);
    QFETCH(QString, string);
    QFETCH(double, number);
    QFETCH(QStringList, strings);
    static const char *const names[] = {"y", "x"};
    JsonMember members[2];
    QVERIFY(readTopLevelMembers(text, names, members, 2));
    const JsonMember &x = members[1];
    QCOMPARE(int(x.type), type);
    if (x.type == JsonMember::Type::String)
        QCOMPARE(QString::fromStdString(x.string), string);
    if (x.type == JsonMember::Type::Number)
        QCOMPARE(x.number, number);
    if (x.type == JsonMember::Type::StringArray) {
        QStringList got;
        for (const auto &item : x.strings)
            got.append(QString::fromStdString(item));
        QCOMPARE(got, strings);
    }
}

void tst_Jwks::compactParsing_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("code");
    const auto h = [](const char *json) { return Test::base64Url(QByteArray(json)); };
    const QByteArray p = Test::base64Url(QByteArray(R"({"sub":"x"})"));
    const QByteArray s = Test::base64Url(QByteArray(64, 'S'));
    const int malformed = int(Error::Code::IdTokenMalformed);
    QTest::newRow("ok") << h(R"({"alg":"ES256","kid":"k","typ":"JWT"})") + '.' + p + '.' + s << 0;
    QTest::newRow("empty") << QByteArray() << malformed;
    QTest::newRow("one-segment") << h(R"({"alg":"ES256"})") << malformed;
    QTest::newRow("two-segments") << h(R"({"alg":"ES256"})") + '.' + p << malformed;
    QTest::newRow("four-segments") << h(R"({"alg":"ES256"})") + '.' + p + '.' + s + '.' + s << malformed;
    QTest::newRow("five-segments-jwe") << h(R"({"alg":"RSA-OAEP","enc":"A256GCM"})") + ".a.b.c.d" << malformed;
    QTest::newRow("empty-header") << '.' + p + '.' + s << malformed;
    QTest::newRow("header-junk") << QByteArray("!!!.") + p + '.' + s << malformed;
    QTest::newRow("header-padded") << h(R"({"alg":"ES256"})") + "=." + p + '.' + s << malformed;
    QTest::newRow("header-not-json") << h("alg") + '.' + p + '.' + s << malformed;
    QTest::newRow("header-array") << h(R"(["alg"])") + '.' + p + '.' + s << malformed;
    QTest::newRow("header-duplicate-alg") << h(R"({"alg":"ES256","alg":"none"})") + '.' + p + '.' + s << malformed;
    QTest::newRow("header-no-alg") << h(R"({"kid":"k"})") + '.' + p + '.' + s << malformed;
    QTest::newRow("header-alg-number") << h(R"({"alg":256})") + '.' + p + '.' + s << malformed;
    QTest::newRow("alg-none") << h(R"({"alg":"none"})") + '.' + p + '.' << int(Error::Code::IdTokenAlgorithmRejected);
    QTest::newRow("alg-None") << h(R"({"alg":"None"})") + '.' + p + '.' + s << int(Error::Code::IdTokenAlgorithmRejected);
    QTest::newRow("alg-HS256") << h(R"({"alg":"HS256"})") + '.' + p + '.' + s << int(Error::Code::IdTokenAlgorithmRejected);
    QTest::newRow("alg-es256-lowercase") << h(R"({"alg":"es256"})") + '.' + p + '.' + s << int(Error::Code::IdTokenAlgorithmRejected);
    QTest::newRow("alg-ES512") << h(R"({"alg":"ES512"})") + '.' + p + '.' + s << int(Error::Code::IdTokenAlgorithmRejected);
    QTest::newRow("alg-Ed25519") << h(R"({"alg":"Ed25519"})") + '.' + p + '.' + s << int(Error::Code::IdTokenAlgorithmRejected);
    QTest::newRow("crit") << h(R"({"alg":"ES256","crit":["exp"],"exp":1})") + '.' + p + '.' + s << int(Error::Code::IdTokenCritUnsupported);
    QTest::newRow("crit-empty") << h(R"({"alg":"ES256","crit":[]})") + '.' + p + '.' + s << int(Error::Code::IdTokenCritUnsupported);
    QTest::newRow("crit-b64") << h(R"({"alg":"ES256","b64":false,"crit":["b64"]})") + '.' + p + '.' + s << int(Error::Code::IdTokenCritUnsupported);
    QTest::newRow("kid-number") << h(R"({"alg":"ES256","kid":1})") + '.' + p + '.' + s << malformed;
    QTest::newRow("kid-257") << h((R"({"alg":"ES256","kid":")" + std::string(257, 'k') + "\"}").c_str()) + '.' + p + '.' + s << malformed;
    QTest::newRow("kid-256") << h((R"({"alg":"ES256","kid":")" + std::string(256, 'k') + "\"}").c_str()) + '.' + p + '.' + s << 0;
    QTest::newRow("typ-object") << h(R"({"alg":"ES256","typ":{}})") + '.' + p + '.' + s << malformed;
    QTest::newRow("payload-junk") << h(R"({"alg":"ES256"})") + ".%%%." + s << malformed;
    QTest::newRow("payload-noncanonical") << h(R"({"alg":"ES256"})") + ".Zh." + s << malformed;
    QTest::newRow("signature-junk") << h(R"({"alg":"ES256"})") + '.' + p + ".a+b/" << malformed;
    QTest::newRow("signature-padded") << h(R"({"alg":"ES256"})") + '.' + p + '.' + s + "==" << malformed;
    QTest::newRow("whitespace") << h(R"({"alg":"ES256"})") + " ." + p + '.' + s << malformed;
}

void tst_Jwks::compactParsing()
{
    QFETCH(QByteArray, token);
    QFETCH(int, code);
    const auto jws = CompactJws::parse(token);
    QCOMPARE(int(jws.error().code()), code);
    if (code == 0) {
        QCOMPARE(jws->algorithm(), Algorithm::ES256);
        QCOMPARE(jws->signature().size(), 64);
        QCOMPARE(jws->signingInput().size(), token.lastIndexOf('.'));
    }
}

QTEST_GUILESS_MAIN(tst_Jwks)
#include "tst_jwks.moc"
