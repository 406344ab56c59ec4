// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/base64url_p.h"
#include "core/dpop_p.h"
#include "core/jose_p.h"
#include "core/jwks_p.h"

#include "testsigner.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QJsonDocument>
#include <QtCore/QSet>
#include <QtCore/QUrl>
#include <QtTest/QTest>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace Concierge;
using namespace Concierge::Jose;
using Concierge::Test::TestKey;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

static_assert(sizeof(DpopKey) == sizeof(std::shared_ptr<int>), "DpopKey is one shared pointer: cheap to copy");

namespace {

// ---- Spec vectors -------------------------------------------------------------------------------

// RFC 7638 §3.1: an RSA public JWK (with alg and kid, which the thumbprint ignores) and its thumbprint.
const char kRfc7638N[] =
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP"
    "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2Qvzq"
    "Y368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0f"
    "M4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
const char kRfc7638Thumbprint[] = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

// RFC 9449 §4.2 / §6.1: the example proof key and its jkt; §7.1: the access token and its ath.
const char kRfc9449X[] = "l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs";
const char kRfc9449Y[] = "9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA";
const char kRfc9449Jkt[] = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I";
const char kRfc9449AccessToken[] = "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU";
const char kRfc9449Ath[] = "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo";
// RFC 9449 §8: an example server nonce.
const char kRfc9449Nonce[] = "eyJ7S_zG.eyJH0-Z.HX4w-7v";

// RFC 8037 Appendix A.3: the Ed25519 public JWK and its thumbprint.
const char kRfc8037X[] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
const char kRfc8037Thumbprint[] = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

const qint64 kIat = 1562262616; // RFC 9449 Figure 4

// ---- Independent helpers (Qt and OpenSSL directly, not the SDK code under test) ------------------

QByteArray sha256Url(const QByteArray &data)
{
    return Test::base64Url(QCryptographicHash::hash(data, QCryptographicHash::Sha256));
}

struct DecodedProof
{
    bool ok = false;
    QJsonObject header;
    QJsonObject payload;
    QByteArray signature;
};

QJsonObject jsonObject(const std::optional<QByteArray> &bytes, bool &ok)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.value_or(QByteArray()), &error);
    ok = ok && bytes && error.error == QJsonParseError::NoError && doc.isObject();
    return doc.object();
}

DecodedProof decode(const QByteArray &proof)
{
    DecodedProof out;
    const QList<QByteArray> parts = proof.split('.');
    if (parts.size() != 3)
        return out;
    out.ok = true;
    out.header = jsonObject(base64UrlDecode(parts[0]), out.ok);
    out.payload = jsonObject(base64UrlDecode(parts[1]), out.ok);
    const auto signature = base64UrlDecode(parts[2]);
    out.ok = out.ok && signature;
    out.signature = signature.value_or(QByteArray());
    return out;
}

QByteArray withPart(const QByteArray &proof, int index, const QByteArray &encoded)
{
    QList<QByteArray> parts = proof.split('.');
    parts[index] = encoded;
    return parts.join('.');
}

// Verifies \a proof the way a relying party would: the JWK goes through the SDK's JWKS import
// (strict: P-256 point on the curve, no private members), the token through CompactJws::parse(),
// the signature through both verification paths.
bool verifies(const QJsonObject &jwk, const QByteArray &proof)
{
    const auto jwks = JsonWebKeySet::fromJson(Test::jwksDocument(QList<QJsonObject>{jwk}));
    if (!jwks || jwks->size() != 1)
        return false;
    const auto jws = CompactJws::parse(proof);
    if (!jws || jws->algorithm() != Algorithm::ES256 || jws->header().typ != std::string("dpop+jwt"))
        return false;
    const auto candidates = jwks->candidates(Algorithm::ES256, std::nullopt);
    if (candidates.size() != 1)
        return false;
    const bool prepared = candidates.front()->verify(Algorithm::ES256, jws->signingInput(), jws->signature());
    const bool direct =
        verifySignature(Algorithm::ES256, candidates.front()->evpKey(), jws->signingInput(), jws->signature());
    return prepared && direct;
}

struct PkeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

QByteArray pkcs8Der(EVP_PKEY *key)
{
    PKCS8_PRIV_KEY_INFO *p8 = EVP_PKEY2PKCS8(key);
    if (!p8)
        return {};
    unsigned char *der = nullptr;
    const int size = i2d_PKCS8_PRIV_KEY_INFO(p8, &der);
    PKCS8_PRIV_KEY_INFO_free(p8);
    if (size <= 0)
        return {};
    const QByteArray out(reinterpret_cast<const char *>(der), size);
    OPENSSL_free(der);
    return out;
}

QByteArray pemToDer(const QByteArray &pem)
{
    QByteArray base64;
    for (const QByteArray &line : pem.split('\n')) {
        if (!line.startsWith("-----"))
            base64 += line.trimmed();
    }
    return QByteArray::fromBase64(base64);
}

bool isWholePkcs8(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    PKCS8_PRIV_KEY_INFO *p8 = d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, long(der.size()));
    const bool whole = p8 && p == reinterpret_cast<const unsigned char *>(der.constData()) + der.size();
    PKCS8_PRIV_KEY_INFO_free(p8);
    return whole;
}

// The private scalar d of a PKCS#8 EC key, base64url: what must never leak into a JWK or proof.
QByteArray privateScalar(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    Pkey key(d2i_AutoPrivateKey(nullptr, &p, long(der.size())));
    BIGNUM *d = nullptr;
    if (!key || EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, &d) != 1)
        return {};
    unsigned char bytes[32];
    const int n = BN_bn2binpad(d, bytes, sizeof bytes);
    BN_clear_free(d);
    return n == 32 ? Test::base64Url(QByteArrayView(reinterpret_cast<const char *>(bytes), 32)) : QByteArray();
}

QByteArray uncompressedPoint(const DpopKey &key)
{
    const QJsonObject jwk = key.publicJwk();
    return QByteArray(1, '\x04') + *base64UrlDecode(jwk.value(QStringLiteral("x")).toString().toLatin1())
        + *base64UrlDecode(jwk.value(QStringLiteral("y")).toString().toLatin1());
}

QSet<QString> memberNames(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QSet<QString> names(std::initializer_list<const char *> list)
{
    QSet<QString> out;
    for (const char *name : list)
        out.insert(QString::fromLatin1(name));
    return out;
}

QByteArray allNqchar()
{
    QByteArray out;
    for (int c = 0x21; c <= 0x7e; ++c) {
        if (c != '"' && c != '\\')
            out += char(c);
    }
    return out;
}

} // namespace

class tst_Dpop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // thumbprints (RFC 7638)
    void jwkThumbprintVectors_data();
    void jwkThumbprintVectors();
    void jwkThumbprintRejects_data();
    void jwkThumbprintRejects();
    void ecThumbprintIsCanonicalJson();

    // the key
    void publicJwkHasOnlyPublicMembers();
    void nullKey();
    void copiesShareTheKey();
    void derRoundTrip();
    void derAcceptsForeignP256Pkcs8();
    void derRejects_data();
    void derRejects();

    // the proof (RFC 9449 §4.2)
    void proofHeader();
    void proofPayload_data();
    void proofPayload();
    void htu_data();
    void htu();
    void accessTokenHash_data();
    void accessTokenHash();
    void signatureVerifies();
    void tamperedProofFails_data();
    void tamperedProofFails();
    void jtiUniqueAndSignaturesRaw();
    void concurrentProofs();
    void invalidArguments_data();
    void invalidArguments();

    // server nonces (RFC 9449 §8, §9)
    void nonceValue_data();
    void nonceValue();
    void nonceFromHeaders_data();
    void nonceFromHeaders();
    void useDpopNonceChallenge_data();
    void useDpopNonceChallenge();

private:
    DpopKey m_key;
    DpopKey m_otherKey;
};

void tst_Dpop::initTestCase()
{
    const auto key = DpopKey::generate();
    QVERIFY(key.ok());
    QVERIFY(!key->isNull());
    m_key = *key;
    const auto other = DpopKey::generate();
    QVERIFY(other.ok());
    m_otherKey = *other;
    QVERIFY(m_key.thumbprint() != m_otherKey.thumbprint());
}

// ---- thumbprints --------------------------------------------------------------------------------

void tst_Dpop::jwkThumbprintVectors_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QByteArray>("thumbprint");

    QTest::newRow("rfc7638-3.1-rsa")
        << QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                       {QStringLiteral("n"), QString::fromLatin1(kRfc7638N)},
                       {QStringLiteral("e"), QStringLiteral("AQAB")},
                       {QStringLiteral("alg"), QStringLiteral("RS256")},
                       {QStringLiteral("kid"), QStringLiteral("2011-04-29")}}
        << QByteArray(kRfc7638Thumbprint);
    QTest::newRow("rfc9449-6.1-ec-jkt")
        << QJsonObject{{QStringLiteral("kty"), QStringLiteral("EC")},
                       {QStringLiteral("x"), QString::fromLatin1(kRfc9449X)},
                       {QStringLiteral("y"), QString::fromLatin1(kRfc9449Y)},
                       {QStringLiteral("crv"), QStringLiteral("P-256")}}
        << QByteArray(kRfc9449Jkt);
    QTest::newRow("rfc9449-ec-with-extra-members")
        << QJsonObject{{QStringLiteral("kty"), QStringLiteral("EC")},
                       {QStringLiteral("x"), QString::fromLatin1(kRfc9449X)},
                       {QStringLiteral("y"), QString::fromLatin1(kRfc9449Y)},
                       {QStringLiteral("crv"), QStringLiteral("P-256")},
                       {QStringLiteral("use"), QStringLiteral("sig")},
                       {QStringLiteral("kid"), QStringLiteral("k1")}}
        << QByteArray(kRfc9449Jkt);
    QTest::newRow("rfc8037-a.3-okp")
        << QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")},
                       {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                       {QStringLiteral("x"), QString::fromLatin1(kRfc8037X)}}
        << QByteArray(kRfc8037Thumbprint);
}

void tst_Dpop::jwkThumbprintVectors()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(QByteArray, thumbprint);
    QCOMPARE(jwkThumbprint(jwk), thumbprint);
}

void tst_Dpop::jwkThumbprintRejects_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    const QJsonObject ec{{QStringLiteral("kty"), QStringLiteral("EC")},
                         {QStringLiteral("crv"), QStringLiteral("P-256")},
                         {QStringLiteral("x"), QString::fromLatin1(kRfc9449X)},
                         {QStringLiteral("y"), QString::fromLatin1(kRfc9449Y)}};
    QJsonObject missingY = ec;
    missingY.remove(QStringLiteral("y"));
    QJsonObject numericX = ec;
    numericX.insert(QStringLiteral("x"), 42);
    QJsonObject oct = ec;
    oct.insert(QStringLiteral("kty"), QStringLiteral("oct"));
    QJsonObject noKty = ec;
    noKty.remove(QStringLiteral("kty"));
    QJsonObject lowercaseKty = ec;
    lowercaseKty.insert(QStringLiteral("kty"), QStringLiteral("ec"));

    QTest::newRow("empty") << QJsonObject();
    QTest::newRow("ec-missing-y") << missingY;
    QTest::newRow("ec-numeric-x") << numericX;
    QTest::newRow("kty-oct") << oct;
    QTest::newRow("kty-missing") << noKty;
    QTest::newRow("kty-lowercase") << lowercaseKty;
    QTest::newRow("rsa-missing-e") << QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                                                  {QStringLiteral("n"), QString::fromLatin1(kRfc7638N)}};
}

void tst_Dpop::jwkThumbprintRejects()
{
    QFETCH(QJsonObject, jwk);
    QVERIFY(jwkThumbprint(jwk).isEmpty());
}

void tst_Dpop::ecThumbprintIsCanonicalJson()
{
    for (int i = 0; i < 20; ++i) {
        const auto key = i == 0 ? Result<DpopKey>(m_key) : DpopKey::generate();
        QVERIFY(key.ok());
        const QJsonObject jwk = key->publicJwk();
        // RFC 7638 §3.2/3.3: required members in lexicographic order, no whitespace.
        const QByteArray canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""
            + jwk.value(QStringLiteral("x")).toString().toLatin1() + "\",\"y\":\""
            + jwk.value(QStringLiteral("y")).toString().toLatin1() + "\"}";
        QCOMPARE(key->thumbprint(), sha256Url(canonical));
        QCOMPARE(key->thumbprint().size(), 43);
        QCOMPARE(jwkThumbprint(jwk), key->thumbprint());
    }
}

// ---- the key ------------------------------------------------------------------------------------

void tst_Dpop::publicJwkHasOnlyPublicMembers()
{
    const QByteArray der = m_key.toPrivateDer();
    const auto restored = DpopKey::fromPrivateDer(der);
    QVERIFY(restored.ok());
    const QByteArray d = privateScalar(der);
    QCOMPARE(d.size(), 43);

    for (const DpopKey &key : {m_key, *restored}) {
        const QJsonObject jwk = key.publicJwk();
        QCOMPARE(memberNames(jwk), names({"kty", "crv", "x", "y"}));
        QCOMPARE(jwk.value(QStringLiteral("kty")).toString(), QStringLiteral("EC"));
        QCOMPARE(jwk.value(QStringLiteral("crv")).toString(), QStringLiteral("P-256"));
        for (const char *member : {"x", "y"}) {
            const auto bytes = base64UrlDecode(jwk.value(QLatin1String(member)).toString().toLatin1());
            QVERIFY(bytes);
            QCOMPARE(bytes->size(), 32); // full-length coordinates (RFC 7518 §6.2.1.2)
        }
        const QByteArray jwkText = Test::compactJson(jwk);
        QVERIFY(!jwkText.contains(d));

        const QByteArray proof = createDpopProof(key, "GET", QUrl(QStringLiteral("https://rs.example/r")), kIat,
                                                 "token", "nonce");
        const DecodedProof decoded = decode(proof);
        QVERIFY(decoded.ok);
        const QJsonObject headerJwk = decoded.header.value(QStringLiteral("jwk")).toObject();
        QCOMPARE(headerJwk, jwk);
        for (const char *member : {"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
            QVERIFY2(!headerJwk.contains(QLatin1String(member)), member);
        QVERIFY(!proof.contains(d));
        QVERIFY(!Test::compactJson(decoded.header).contains(d));
        QVERIFY(!Test::compactJson(decoded.payload).contains(d));
    }
}

void tst_Dpop::nullKey()
{
    const DpopKey key;
    QVERIFY(key.isNull());
    QVERIFY(key.publicJwk().isEmpty());
    QVERIFY(key.thumbprint().isEmpty());
    QVERIFY(key.toPrivateDer().isEmpty());
    QVERIFY(createDpopProof(key, "POST", QUrl(QStringLiteral("https://as.example/token")), kIat).isEmpty());
}

void tst_Dpop::copiesShareTheKey()
{
    const DpopKey copy = m_key;
    DpopKey assigned;
    assigned = copy;
    QCOMPARE(copy.thumbprint(), m_key.thumbprint());
    QCOMPARE(assigned.publicJwk(), m_key.publicJwk());
    const QByteArray proof = createDpopProof(assigned, "POST", QUrl(QStringLiteral("https://as.example/token")), kIat);
    QVERIFY(verifies(m_key.publicJwk(), proof));
}

void tst_Dpop::derRoundTrip()
{
    const QByteArray der = m_key.toPrivateDer();
    QVERIFY(!der.isEmpty());
    QVERIFY(isWholePkcs8(der));
    QVERIFY(der.size() <= DpopKey::kMaxDerBytes);

    const auto restored = DpopKey::fromPrivateDer(der);
    QVERIFY2(restored.ok(), qPrintable(restored.error().description()));
    QCOMPARE(restored->thumbprint(), m_key.thumbprint());
    QCOMPARE(restored->publicJwk(), m_key.publicJwk());
    QCOMPARE(restored->toPrivateDer(), der);

    // The restored key signs proofs that verify under the original public key, and vice versa.
    const QUrl url(QStringLiteral("https://as.example/token"));
    QVERIFY(verifies(m_key.publicJwk(), createDpopProof(*restored, "POST", url, kIat)));
    QVERIFY(verifies(restored->publicJwk(), createDpopProof(m_key, "POST", url, kIat)));
    QVERIFY(!verifies(m_otherKey.publicJwk(), createDpopProof(*restored, "POST", url, kIat)));
}

void tst_Dpop::derAcceptsForeignP256Pkcs8()
{
    // A P-256 key written by someone else (the test signer, PEM_write_bio_PrivateKey).
    const TestKey foreign = TestKey::generateEc("foreign");
    const QByteArray der = pemToDer(foreign.privateKeyPem());
    QVERIFY(isWholePkcs8(der));
    const auto key = DpopKey::fromPrivateDer(der);
    QVERIFY2(key.ok(), qPrintable(key.error().description()));
    const QJsonObject expected = foreign.publicJwk();
    QCOMPARE(key->publicJwk().value(QStringLiteral("x")), expected.value(QStringLiteral("x")));
    QCOMPARE(key->publicJwk().value(QStringLiteral("y")), expected.value(QStringLiteral("y")));
}

void tst_Dpop::derRejects_data()
{
    QTest::addColumn<QByteArray>("der");

    const QByteArray good = m_key.toPrivateDer();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("not a key at all");
    QTest::newRow("truncated") << good.chopped(1);
    QTest::newRow("trailing-byte") << good + '\0';
    QTest::newRow("twice") << good + good;
    QTest::newRow("too-large") << QByteArray(DpopKey::kMaxDerBytes + 1, '\x30');

    // Another key's public point in place of this key's: parses, but the pair is inconsistent.
    QByteArray mismatched = good;
    const QByteArray point = uncompressedPoint(m_key);
    const qsizetype at = mismatched.indexOf(point);
    QVERIFY(at > 0);
    mismatched.replace(at, point.size(), uncompressedPoint(m_otherKey));
    QTest::newRow("mismatched-public-point") << mismatched;

    QByteArray offCurve = good;
    offCurve[at + point.size() - 1] = char(offCurve[at + point.size() - 1] ^ 0x01);
    QTest::newRow("public-point-off-curve") << offCurve;

    QTest::newRow("rsa-pkcs8") << pemToDer(TestKey::rsa().privateKeyPem());
    QTest::newRow("ed25519-pkcs8") << pemToDer(TestKey::ed25519().privateKeyPem());
    QTest::newRow("spki-public-key") << TestKey::ec().publicKeyDer();

    Pkey p384(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"));
    QVERIFY(p384);
    QTest::newRow("ec-p384-pkcs8") << pkcs8Der(p384.get());

    Pkey secp256k1(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "secp256k1"));
    QVERIFY(secp256k1);
    QTest::newRow("ec-secp256k1-pkcs8") << pkcs8Der(secp256k1.get());

    // P-256, but with the curve spelled out as explicit parameters instead of named.
    Pkey explicitCurve(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    QVERIFY(explicitCurve);
    QVERIFY(EVP_PKEY_set_utf8_string_param(explicitCurve.get(), OSSL_PKEY_PARAM_EC_ENCODING,
                                           OSSL_PKEY_EC_ENCODING_EXPLICIT)
            == 1);
    const QByteArray explicitDer = pkcs8Der(explicitCurve.get());
    QVERIFY(isWholePkcs8(explicitDer));
    QTest::newRow("ec-p256-explicit-parameters") << explicitDer;

    // The same P-256 key in SEC1 ("traditional") form, and as encrypted PKCS#8.
    const auto *p = reinterpret_cast<const unsigned char *>(good.constData());
    Pkey original(d2i_AutoPrivateKey(nullptr, &p, long(good.size())));
    QVERIFY(original);
    unsigned char *sec1 = nullptr;
    const int sec1Size = i2d_PrivateKey(original.get(), &sec1);
    QVERIFY(sec1Size > 0);
    QTest::newRow("ec-sec1") << QByteArray(reinterpret_cast<const char *>(sec1), sec1Size);
    OPENSSL_free(sec1);

    BIO *bio = BIO_new(BIO_s_mem());
    char passphrase[] = "passphrase";
    QVERIFY(i2d_PKCS8PrivateKey_bio(bio, original.get(), EVP_aes_256_cbc(), passphrase, int(sizeof passphrase - 1),
                                    nullptr, nullptr)
            == 1);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QTest::newRow("encrypted-pkcs8") << QByteArray(data, int(size));
    BIO_free(bio);
}

void tst_Dpop::derRejects()
{
    QFETCH(QByteArray, der);
    const auto key = DpopKey::fromPrivateDer(der);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), Error::Code::InvalidArgument);
    QVERIFY(!key.error().description().isEmpty());
}

// ---- the proof ----------------------------------------------------------------------------------

void tst_Dpop::proofHeader()
{
    const QByteArray proof = createDpopProof(m_key, "POST", QUrl(QStringLiteral("https://as.example/token")), kIat);
    const DecodedProof decoded = decode(proof);
    QVERIFY(decoded.ok);
    QCOMPARE(memberNames(decoded.header), names({"typ", "alg", "jwk"}));
    QCOMPARE(decoded.header.value(QStringLiteral("typ")).toString(), QStringLiteral("dpop+jwt"));
    QCOMPARE(decoded.header.value(QStringLiteral("alg")).toString(), QStringLiteral("ES256"));
    QCOMPARE(decoded.header.value(QStringLiteral("jwk")).toObject(), m_key.publicJwk());
    QCOMPARE(decoded.signature.size(), 64);
    // Base64url without padding everywhere.
    QVERIFY(!proof.contains('=') && !proof.contains('+') && !proof.contains('/'));

    // The SDK's own JWS reader accepts it as ES256 with typ dpop+jwt.
    const auto jws = CompactJws::parse(proof);
    QVERIFY(jws.ok());
    QCOMPARE(jws->algorithm(), Algorithm::ES256);
    QVERIFY(jws->header().typ == std::string("dpop+jwt"));
    QVERIFY(!jws->header().kid);
}

void tst_Dpop::proofPayload_data()
{
    QTest::addColumn<QByteArray>("htm");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<qint64>("iat");
    QTest::addColumn<QByteArray>("accessToken");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("jti");
    QTest::addColumn<QString>("expectedHtu");
    QTest::addColumn<QString>("expectedAth"); // empty: no ath member

    const QUrl token(QStringLiteral("https://server.example.com/token"));
    const QUrl resource(QStringLiteral("https://resource.example.org/protectedresource"));
    const QString tokenHtu = QStringLiteral("https://server.example.com/token");
    const QString resourceHtu = QStringLiteral("https://resource.example.org/protectedresource");

    QTest::newRow("rfc9449-token-request") << QByteArray("POST") << token << kIat << QByteArray() << QByteArray()
                                           << QByteArray("-BwC3ESc6acc2lTc") << tokenHtu << QString();
    QTest::newRow("token-request-random-jti")
        << QByteArray("POST") << token << kIat << QByteArray() << QByteArray() << QByteArray() << tokenHtu << QString();
    QTest::newRow("token-request-with-nonce") << QByteArray("POST") << token << kIat << QByteArray()
                                              << QByteArray(kRfc9449Nonce) << QByteArray() << tokenHtu << QString();
    QTest::newRow("rfc9449-resource-request")
        << QByteArray("GET") << resource << qint64(1562262618) << QByteArray(kRfc9449AccessToken) << QByteArray()
        << QByteArray("e1j3V_bKic8-LAEB") << resourceHtu << QString::fromLatin1(kRfc9449Ath);
    QTest::newRow("resource-request-nonce-and-query")
        << QByteArray("GET") << QUrl(QStringLiteral("https://resource.example.org/protectedresource?q=1#top"))
        << kIat << QByteArray(kRfc9449AccessToken) << QByteArray(kRfc9449Nonce) << QByteArray() << resourceHtu
        << QString::fromLatin1(kRfc9449Ath);
    QTest::newRow("other-method-and-late-iat")
        << QByteArray("PATCH") << resource << qint64(4102444800) << QByteArray("at") << QByteArray()
        << QByteArray() << resourceHtu << QString::fromLatin1(sha256Url("at"));
    QTest::newRow("jti-with-json-specials")
        << QByteArray("DELETE") << resource << qint64(0) << QByteArray() << QByteArray()
        << QByteArray("a \"quoted\" \\ jti") << resourceHtu << QString();
}

void tst_Dpop::proofPayload()
{
    QFETCH(QByteArray, htm);
    QFETCH(QUrl, url);
    QFETCH(qint64, iat);
    QFETCH(QByteArray, accessToken);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, jti);
    QFETCH(QString, expectedHtu);
    QFETCH(QString, expectedAth);

    const QByteArray proof = createDpopProof(m_key, htm, url, iat, accessToken, nonce, jti);
    QVERIFY(!proof.isEmpty());
    const DecodedProof decoded = decode(proof);
    QVERIFY(decoded.ok);
    const QJsonObject &payload = decoded.payload;

    QSet<QString> expectedMembers = names({"jti", "htm", "htu", "iat"});
    if (!expectedAth.isEmpty())
        expectedMembers.insert(QStringLiteral("ath"));
    if (!nonce.isEmpty())
        expectedMembers.insert(QStringLiteral("nonce"));
    QCOMPARE(memberNames(payload), expectedMembers);

    QCOMPARE(payload.value(QStringLiteral("htm")).toString(), QString::fromLatin1(htm));
    QCOMPARE(payload.value(QStringLiteral("htu")).toString(), expectedHtu);
    QVERIFY(payload.value(QStringLiteral("iat")).isDouble());
    QCOMPARE(payload.value(QStringLiteral("iat")).toInteger(-1), iat);
    if (!expectedAth.isEmpty())
        QCOMPARE(payload.value(QStringLiteral("ath")).toString(), expectedAth);
    if (!nonce.isEmpty())
        QCOMPARE(payload.value(QStringLiteral("nonce")).toString(), QString::fromLatin1(nonce));
    const QString jtiValue = payload.value(QStringLiteral("jti")).toString();
    if (!jti.isEmpty()) {
        QCOMPARE(jtiValue, QString::fromLatin1(jti));
    } else {
        const auto random = base64UrlDecode(jtiValue.toLatin1());
        QVERIFY(random);
        QVERIFY(random->size() >= 16); // at least 128 bits
    }
    QVERIFY(verifies(m_key.publicJwk(), proof));
}

void tst_Dpop::htu_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QByteArray>("expected"); // empty: refused

    auto row = [](const char *name, const QString &url, const char *expected) {
        QTest::newRow(name) << QUrl(url) << QByteArray(expected);
    };
    row("plain", QStringLiteral("https://server.example.com/token"), "https://server.example.com/token");
    row("query", QStringLiteral("https://server.example.com/token?a=b&c"), "https://server.example.com/token");
    row("empty-query", QStringLiteral("https://server.example.com/token?"), "https://server.example.com/token");
    row("fragment", QStringLiteral("https://server.example.com/token#frag"), "https://server.example.com/token");
    row("query-and-fragment", QStringLiteral("https://rs.example/a/b/?x=1&y=%20#z"), "https://rs.example/a/b/");
    row("userinfo", QStringLiteral("https://user:secret@server.example.com/token"),
        "https://server.example.com/token");
    row("default-https-port", QStringLiteral("https://server.example.com:443/token"),
        "https://server.example.com/token");
    row("default-http-port", QStringLiteral("http://127.0.0.1:80/cb"), "http://127.0.0.1/cb");
    row("other-port", QStringLiteral("https://server.example.com:8443/token"),
        "https://server.example.com:8443/token");
    row("https-on-port-80", QStringLiteral("https://server.example.com:80/token"),
        "https://server.example.com:80/token");
    row("loopback-port", QStringLiteral("http://localhost:53123/token"), "http://localhost:53123/token");
    row("empty-path", QStringLiteral("https://server.example.com"), "https://server.example.com/");
    row("empty-path-with-query", QStringLiteral("https://server.example.com?x=1"), "https://server.example.com/");
    row("case-normalised", QStringLiteral("HTTPS://Server.EXAMPLE.com/Token"), "https://server.example.com/Token");
    row("percent-encoded-path", QStringLiteral("https://rs.example/a%20b/%C3%A9"), "https://rs.example/a%20b/%C3%A9");
    row("unicode-path", QStringLiteral("https://rs.example/\u00e9"), "https://rs.example/%C3%A9");
    row("idn-host", QStringLiteral("https://b\u00fccher.example/x"), "https://xn--bcher-kva.example/x");
    row("ipv6-host", QStringLiteral("https://[::1]:8443/t?q"), "https://[::1]:8443/t");

    row("relative", QStringLiteral("/token"), "");
    row("no-scheme", QStringLiteral("server.example.com/token"), "");
    row("ftp", QStringLiteral("ftp://server.example.com/token"), "");
    row("file", QStringLiteral("file:///etc/passwd"), "");
    row("mailto", QStringLiteral("mailto:a@example.com"), "");
    row("no-host", QStringLiteral("https:///token"), "");
    row("empty", QString(), "");
}

void tst_Dpop::htu()
{
    QFETCH(QUrl, url);
    QFETCH(QByteArray, expected);
    QCOMPARE(dpopHtu(url), expected);
    const QByteArray proof = createDpopProof(m_key, "GET", url, kIat);
    if (expected.isEmpty()) {
        QVERIFY(proof.isEmpty());
        return;
    }
    const DecodedProof decoded = decode(proof);
    QVERIFY(decoded.ok);
    QCOMPARE(decoded.payload.value(QStringLiteral("htu")).toString().toLatin1(), expected);
    QVERIFY(!expected.contains('?') && !expected.contains('#'));
}

void tst_Dpop::accessTokenHash_data()
{
    QTest::addColumn<QByteArray>("accessToken");
    QTest::addColumn<QByteArray>("ath");

    QTest::newRow("rfc9449-7.1") << QByteArray(kRfc9449AccessToken) << QByteArray(kRfc9449Ath);
    for (const QByteArray &token : {QByteArray("a"), QByteArray("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"),
                                    QByteArray(4096, 'z')}) {
        QTest::addRow("qt-hash-%d-bytes", int(token.size())) << token << sha256Url(token);
    }
}

void tst_Dpop::accessTokenHash()
{
    QFETCH(QByteArray, accessToken);
    QFETCH(QByteArray, ath);
    QCOMPARE(dpopAccessTokenHash(accessToken), ath);
    const DecodedProof decoded =
        decode(createDpopProof(m_key, "GET", QUrl(QStringLiteral("https://rs.example/")), kIat, accessToken));
    QVERIFY(decoded.ok);
    QCOMPARE(decoded.payload.value(QStringLiteral("ath")).toString().toLatin1(), ath);
}

void tst_Dpop::signatureVerifies()
{
    const QByteArray proof = createDpopProof(m_key, "POST", QUrl(QStringLiteral("https://as.example/token")), kIat,
                                             {}, kRfc9449Nonce);
    QVERIFY(verifies(m_key.publicJwk(), proof));
    // The proof's own header JWK is the key it verifies with (what the server does).
    QVERIFY(verifies(decode(proof).header.value(QStringLiteral("jwk")).toObject(), proof));
    // And not with another key.
    QVERIFY(!verifies(m_otherKey.publicJwk(), proof));
}

void tst_Dpop::tamperedProofFails_data()
{
    QTest::addColumn<QByteArray>("proof");

    const QUrl url(QStringLiteral("https://as.example/token"));
    const QByteArray proof = createDpopProof(m_key, "POST", url, kIat, "access", kRfc9449Nonce);
    QVERIFY(verifies(m_key.publicJwk(), proof));
    const DecodedProof decoded = decode(proof);
    QVERIFY(decoded.ok);

    auto withPayload = [&](const char *member, const QJsonValue &value) {
        QJsonObject payload = decoded.payload;
        payload.insert(QLatin1String(member), value);
        return withPart(proof, 1, Test::base64Url(Test::compactJson(payload)));
    };
    auto withSignature = [&](const QByteArray &signature) { return withPart(proof, 2, Test::base64Url(signature)); };
    auto flipped = [&](int index) {
        QByteArray signature = decoded.signature;
        signature[index] = char(signature[index] ^ 0x01);
        return withSignature(signature);
    };

    QTest::newRow("htm-changed") << withPayload("htm", QStringLiteral("GET"));
    QTest::newRow("htu-changed") << withPayload("htu", QStringLiteral("https://as.example/other"));
    QTest::newRow("iat-changed") << withPayload("iat", kIat + 1);
    QTest::newRow("ath-changed") << withPayload("ath", QString::fromLatin1(sha256Url("stolen")));
    QTest::newRow("nonce-changed") << withPayload("nonce", QStringLiteral("other-nonce"));
    QJsonObject header = decoded.header;
    header.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
    QTest::newRow("header-changed") << withPart(proof, 0, Test::base64Url(Test::compactJson(header)));
    QTest::newRow("r-bit-flipped") << flipped(5);
    QTest::newRow("s-bit-flipped") << flipped(40);
    QTest::newRow("signature-truncated") << withSignature(decoded.signature.chopped(1));
    QTest::newRow("signature-zero") << withSignature(QByteArray(64, '\0'));
    QTest::newRow("signature-empty") << withSignature(QByteArray());
    const QByteArray other = createDpopProof(m_key, "POST", url, kIat + 1, "access", kRfc9449Nonce);
    QTest::newRow("signature-of-another-proof") << withPart(proof, 2, other.split('.').at(2));
    const QByteArray foreign = createDpopProof(m_otherKey, "POST", url, kIat, "access", kRfc9449Nonce);
    QTest::newRow("signed-by-another-key-header-kept")
        << withPart(foreign, 0, proof.split('.').at(0)); // claims m_key, signed by m_otherKey
}

void tst_Dpop::tamperedProofFails()
{
    QFETCH(QByteArray, proof);
    QVERIFY(!verifies(m_key.publicJwk(), proof));
}

void tst_Dpop::jtiUniqueAndSignaturesRaw()
{
    const auto jwks = JsonWebKeySet::fromJson(Test::jwksDocument(QList<QJsonObject>{m_key.publicJwk()}));
    QVERIFY(jwks.ok());
    QCOMPARE(jwks->size(), 1);
    const JsonWebKey &jwk = jwks->at(0);

    constexpr int kProofs = 1000;
    QSet<QByteArray> jtis;
    QSet<QByteArray> proofs;
    for (int i = 0; i < kProofs; ++i) {
        const QByteArray proof = createDpopProof(m_key, "POST", QUrl(QStringLiteral("https://as.example/token")), kIat);
        const DecodedProof decoded = decode(proof);
        QVERIFY(decoded.ok);
        const QByteArray jti = decoded.payload.value(QStringLiteral("jti")).toString().toLatin1();
        QCOMPARE(base64UrlDecode(jti).value_or(QByteArray()).size(), 16);
        jtis.insert(jti);
        proofs.insert(proof);
        // R || S, each left-padded to 32 bytes even when its top byte is zero (~1 in 128 proofs).
        QCOMPARE(decoded.signature.size(), 64);
        const qsizetype lastDot = proof.lastIndexOf('.');
        QVERIFY(jwk.verify(Algorithm::ES256, QByteArrayView(proof.constData(), lastDot), decoded.signature));
    }
    QCOMPARE(jtis.size(), kProofs);
    QCOMPARE(proofs.size(), kProofs);
}

void tst_Dpop::concurrentProofs()
{
    // One key shared by several threads (copies and the original), as the Session may do.
    const QJsonObject jwk = m_key.publicJwk();
    std::atomic<int> good{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([key = m_key, &jwk, &good] {
            for (int i = 0; i < 50; ++i) {
                if (verifies(jwk, createDpopProof(key, "GET", QUrl(QStringLiteral("https://rs.example/x")), kIat,
                                                  "token")))
                    ++good;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(good.load(), 200);
}

void tst_Dpop::invalidArguments_data()
{
    QTest::addColumn<QByteArray>("htm");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<qint64>("iat");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("jti");

    const QUrl url(QStringLiteral("https://as.example/token"));
    QTest::newRow("method-empty") << QByteArray() << url << kIat << QByteArray() << QByteArray();
    QTest::newRow("method-with-space") << QByteArray("GET POST") << url << kIat << QByteArray() << QByteArray();
    QTest::newRow("method-with-crlf") << QByteArray("GET\r\nX: y") << url << kIat << QByteArray() << QByteArray();
    QTest::newRow("method-with-colon") << QByteArray("GE:T") << url << kIat << QByteArray() << QByteArray();
    QTest::newRow("method-with-quote") << QByteArray("G\"T") << url << kIat << QByteArray() << QByteArray();
    QTest::newRow("method-non-ascii") << QByteArray("G\xc3\x89T") << url << kIat << QByteArray() << QByteArray();
    QTest::newRow("url-relative") << QByteArray("POST") << QUrl(QStringLiteral("/token")) << kIat << QByteArray()
                                  << QByteArray();
    QTest::newRow("url-ftp") << QByteArray("POST") << QUrl(QStringLiteral("ftp://as.example/token")) << kIat
                             << QByteArray() << QByteArray();
    QTest::newRow("url-empty") << QByteArray("POST") << QUrl() << kIat << QByteArray() << QByteArray();
    QTest::newRow("iat-negative") << QByteArray("POST") << url << qint64(-1) << QByteArray() << QByteArray();
    QTest::newRow("nonce-with-space") << QByteArray("POST") << url << kIat << QByteArray("a b") << QByteArray();
    QTest::newRow("nonce-with-quote") << QByteArray("POST") << url << kIat << QByteArray("a\"b") << QByteArray();
    QTest::newRow("nonce-with-backslash") << QByteArray("POST") << url << kIat << QByteArray("a\\b") << QByteArray();
    QTest::newRow("nonce-non-ascii") << QByteArray("POST") << url << kIat << QByteArray("n\xc3\xa9") << QByteArray();
    QTest::newRow("nonce-control") << QByteArray("POST") << url << kIat << QByteArray("a\x01") << QByteArray();
    QTest::newRow("nonce-too-long") << QByteArray("POST") << url << kIat << QByteArray(kMaxDpopNonceBytes + 1, 'n')
                                    << QByteArray();
    QTest::newRow("jti-with-newline") << QByteArray("POST") << url << kIat << QByteArray() << QByteArray("a\nb");
    QTest::newRow("jti-non-ascii") << QByteArray("POST") << url << kIat << QByteArray() << QByteArray("\xff\xfe");
}

void tst_Dpop::invalidArguments()
{
    QFETCH(QByteArray, htm);
    QFETCH(QUrl, url);
    QFETCH(qint64, iat);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, jti);
    QVERIFY(createDpopProof(m_key, htm, url, iat, "token", nonce, jti).isEmpty());
}

// ---- server nonces ------------------------------------------------------------------------------

void tst_Dpop::nonceValue_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("nonce"); // empty: refused

    QTest::newRow("rfc9449-8") << QByteArray(kRfc9449Nonce) << QByteArray(kRfc9449Nonce);
    QTest::newRow("every-nqchar") << allNqchar() << allNqchar();
    QTest::newRow("single-char") << QByteArray("!") << QByteArray("!");
    QTest::newRow("ows-trimmed") << QByteArray(" \tabc-123 \t") << QByteArray("abc-123");
    QTest::newRow("max-length") << QByteArray(kMaxDpopNonceBytes, 'x') << QByteArray(kMaxDpopNonceBytes, 'x');
    QTest::newRow("too-long") << QByteArray(kMaxDpopNonceBytes + 1, 'x') << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("only-ows") << QByteArray(" \t ") << QByteArray();
    QTest::newRow("inner-space") << QByteArray("a b") << QByteArray();
    QTest::newRow("inner-tab") << QByteArray("a\tb") << QByteArray();
    QTest::newRow("dquote") << QByteArray("a\"b") << QByteArray();
    QTest::newRow("quoted") << QByteArray("\"abc\"") << QByteArray();
    QTest::newRow("backslash") << QByteArray("a\\b") << QByteArray();
    QTest::newRow("del") << QByteArray("a\x7f") << QByteArray();
    QTest::newRow("nul") << QByteArray("a\0b", 3) << QByteArray();
    QTest::newRow("crlf") << QByteArray("a\r\nb") << QByteArray();
    QTest::newRow("non-ascii") << QByteArray("n\xc3\xa9") << QByteArray();
    QTest::newRow("latin1-high") << QByteArray("n\xe9") << QByteArray();
    QTest::newRow("joined-duplicate-fields") << QByteArray("abc, def") << QByteArray();
}

void tst_Dpop::nonceValue()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, nonce);
    QCOMPARE(dpopNonceFromHeaderValue(value), nonce);
    QCOMPARE(isValidDpopNonce(value.trimmed()), !nonce.isEmpty());
    const QByteArray proof =
        createDpopProof(m_key, "POST", QUrl(QStringLiteral("https://as.example/token")), kIat, {}, value);
    if (value.isEmpty() || value == nonce)
        QVERIFY(!proof.isEmpty());
    else if (nonce.isEmpty())
        QVERIFY(proof.isEmpty());
}

void tst_Dpop::nonceFromHeaders_data()
{
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("nonce");

    const QByteArray ct("Content-Type");
    const QByteArray json("application/json");
    QTest::newRow("empty-list") << HeaderList() << QByteArray();
    QTest::newRow("absent") << HeaderList{{ct, json}, {"Cache-Control", "no-store"}} << QByteArray();
    QTest::newRow("present") << HeaderList{{"DPoP-Nonce", kRfc9449Nonce}} << QByteArray(kRfc9449Nonce);
    QTest::newRow("lowercase-name") << HeaderList{{"dpop-nonce", "abc"}} << QByteArray("abc");
    QTest::newRow("uppercase-name") << HeaderList{{"DPOP-NONCE", "abc"}} << QByteArray("abc");
    QTest::newRow("among-others") << HeaderList{{ct, json}, {"DPoP-Nonce", " abc "}, {"Cache-Control", "no-store"}}
                                  << QByteArray("abc");
    QTest::newRow("similar-names-ignored")
        << HeaderList{{"DPoP-Nonce2", "x"}, {"X-DPoP-Nonce", "y"}, {"DPoP", "z"}, {"DPoP-Nonce", "abc"}}
        << QByteArray("abc");
    QTest::newRow("only-similar-names") << HeaderList{{"DPoP-Nonces", "x"}, {"DPoP Nonce", "y"}} << QByteArray();
    QTest::newRow("invalid-value") << HeaderList{{"DPoP-Nonce", "a b"}} << QByteArray();
    QTest::newRow("empty-value") << HeaderList{{"DPoP-Nonce", ""}} << QByteArray();
    QTest::newRow("twice-same") << HeaderList{{"DPoP-Nonce", "abc"}, {"dpop-nonce", "abc"}} << QByteArray("abc");
    QTest::newRow("twice-different") << HeaderList{{"DPoP-Nonce", "abc"}, {"DPoP-Nonce", "def"}} << QByteArray();
    QTest::newRow("valid-then-invalid") << HeaderList{{"DPoP-Nonce", "abc"}, {"DPoP-Nonce", "a\"c"}} << QByteArray();
    QTest::newRow("invalid-then-valid") << HeaderList{{"DPoP-Nonce", "a\\c"}, {"DPoP-Nonce", "abc"}} << QByteArray();
}

void tst_Dpop::nonceFromHeaders()
{
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, nonce);
    QCOMPARE(dpopNonceFromHeaders(headers), nonce);
}

void tst_Dpop::useDpopNonceChallenge_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("challenge");

    // RFC 9449 §9 (line folding removed, as QNetworkReply delivers it).
    QTest::newRow("rfc9449-9") << QByteArray("DPoP error=\"use_dpop_nonce\", error_description=\"Resource server "
                                             "requires nonce in DPoP proof\"")
                               << true;
    QTest::newRow("minimal") << QByteArray("DPoP error=\"use_dpop_nonce\"") << true;
    QTest::newRow("scheme-lowercase") << QByteArray("dpop error=\"use_dpop_nonce\"") << true;
    QTest::newRow("scheme-and-name-uppercase") << QByteArray("DPOP ERROR=\"use_dpop_nonce\"") << true;
    QTest::newRow("token-value") << QByteArray("DPoP error=use_dpop_nonce") << true;
    QTest::newRow("bws-around-equals") << QByteArray("DPoP error = \"use_dpop_nonce\"") << true;
    QTest::newRow("tab-after-scheme") << QByteArray("DPoP\terror=\"use_dpop_nonce\"") << true;
    QTest::newRow("surrounding-ows") << QByteArray("  DPoP  error=\"use_dpop_nonce\"  ") << true;
    QTest::newRow("quoted-pairs") << QByteArray("DPoP error=\"use\\_dpop\\_nonce\"") << true;
    QTest::newRow("params-before") << QByteArray("DPoP algs=\"ES256 PS256\", realm=\"api\", error=\"use_dpop_nonce\"")
                                   << true;
    QTest::newRow("params-after") << QByteArray("DPoP error=\"use_dpop_nonce\", algs=\"ES256\", x=y") << true;
    QTest::newRow("description-with-comma-and-quote")
        << QByteArray("DPoP error_description=\"a, b=\\\"c\\\"\", error=\"use_dpop_nonce\"") << true;
    QTest::newRow("bearer-then-dpop")
        << QByteArray("Bearer realm=\"api\", DPoP algs=\"ES256\", error=\"use_dpop_nonce\"") << true;
    QTest::newRow("dpop-then-bearer") << QByteArray("DPoP error=\"use_dpop_nonce\", Bearer realm=\"api\"") << true;
    QTest::newRow("bare-scheme-then-dpop") << QByteArray("Negotiate, DPoP error=\"use_dpop_nonce\"") << true;
    QTest::newRow("token68-then-dpop") << QByteArray("Basic YWxhZGRpbjpvcGVuc2VzYW1l==, DPoP error=use_dpop_nonce")
                                       << true;
    QTest::newRow("empty-list-elements") << QByteArray(" , ,DPoP error=\"use_dpop_nonce\" , ,") << true;
    QTest::newRow("empty-elements-between-params")
        << QByteArray("DPoP algs=\"ES256\", , error=\"use_dpop_nonce\"") << true;

    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("bare-dpop") << QByteArray("DPoP") << false;
    QTest::newRow("dpop-other-error") << QByteArray("DPoP error=\"invalid_token\"") << false;
    QTest::newRow("dpop-algs-only") << QByteArray("DPoP algs=\"ES256\"") << false;
    QTest::newRow("value-uppercase") << QByteArray("DPoP error=\"USE_DPOP_NONCE\"") << false;
    QTest::newRow("value-with-suffix") << QByteArray("DPoP error=\"use_dpop_nonce2\"") << false;
    QTest::newRow("value-with-space") << QByteArray("DPoP error=\"use_dpop_nonce \"") << false;
    QTest::newRow("other-param-name") << QByteArray("DPoP xerror=\"use_dpop_nonce\"") << false;
    QTest::newRow("error-description-only")
        << QByteArray("DPoP error_description=\"use_dpop_nonce\"") << false;
    QTest::newRow("inside-quoted-string")
        << QByteArray("DPoP error=\"invalid_token\", error_description=\"error=\\\"use_dpop_nonce\\\"\"") << false;
    QTest::newRow("inside-quoted-string-with-comma")
        << QByteArray("DPoP realm=\"x, DPoP error=use_dpop_nonce\"") << false;
    QTest::newRow("bearer-scheme") << QByteArray("Bearer error=\"use_dpop_nonce\"") << false;
    QTest::newRow("bearer-error-then-dpop") << QByteArray("Bearer error=\"use_dpop_nonce\", DPoP algs=\"ES256\"")
                                            << false;
    QTest::newRow("scheme-prefix") << QByteArray("XDPoP error=\"use_dpop_nonce\"") << false;
    QTest::newRow("scheme-suffix") << QByteArray("DPoPx error=\"use_dpop_nonce\"") << false;
    QTest::newRow("no-space-after-scheme") << QByteArray("DPoPerror=\"use_dpop_nonce\"") << false;
    QTest::newRow("token68") << QByteArray("DPoP dXNlX2Rwb3Bfbm9uY2U=") << false;
    QTest::newRow("unterminated-quote") << QByteArray("DPoP error=\"use_dpop_nonce") << false;
    QTest::newRow("missing-value") << QByteArray("DPoP error=, x=\"use_dpop_nonce\"") << false;
    QTest::newRow("two-bare-words") << QByteArray("Basic DPoP error=\"use_dpop_nonce\"") << false;
    QTest::newRow("malformed-after-match") << QByteArray("DPoP error=\"use_dpop_nonce\", realm=\"unterminated")
                                           << false;
    QTest::newRow("garbage-after-value") << QByteArray("DPoP error=\"use_dpop_nonce\"x") << false;
    QTest::newRow("control-in-quoted") << QByteArray("DPoP error=\"use_dpop\nnonce\"") << false;
    QTest::newRow("json-body-not-header") << QByteArray("{\"error\":\"use_dpop_nonce\"}") << false;
    QTest::newRow("too-long") << QByteArray("DPoP error=\"use_dpop_nonce\", x=\"" + QByteArray(16 * 1024, 'a') + "\"")
                              << false;
}

void tst_Dpop::useDpopNonceChallenge()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, challenge);
    QCOMPARE(isUseDpopNonceChallenge(header), challenge);
}

QTEST_GUILESS_MAIN(tst_Dpop)
#include "tst_dpop.moc"
