// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Sealed storage, pure code: AES-256-GCM against the GCM specification's vectors, the sealed-box
// format (round trip, every part tampered, wrong key, wrong account, truncation, foreign version),
// the store key format, and the token record inside a box.
#include "core/idtokenvalidator_p.h"
#include "core/seal_p.h"
#include "platform/credentialstore_p.h"
#include "testsigner.h"

#include <QtTest/QtTest>

using namespace Concierge;
using namespace Concierge::Internal;

class tst_Seal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aesGcmVectors_data();
    void aesGcmVectors();
    void roundTrip();
    void freshNonceEverySeal();
    void tamperedByteNeverOpens();
    void wrongKeyOrAccount();
    void truncatedAndForeign_data();
    void truncatedAndForeign();
    void protectionIsAuthenticated();
    void accountKeyFormat();
    void itemKeysNeverCollide();
    void tokenRecordRoundTrip();
    void tokenRecordForeignOrDamaged();
};

static QByteArray hex(const char *h) { return QByteArray::fromHex(h); }

void tst_Seal::aesGcmVectors_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("iv");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::addColumn<QByteArray>("tag");
    // McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 13, 14 and 16 (AES-256).
    QTest::newRow("gcm-spec-13") << QByteArray(32, 0) << QByteArray(12, 0) << QByteArray() << QByteArray() << QByteArray()
                                 << hex("530f8afbc74536b9a963b4f1c4cb738b");
    QTest::newRow("gcm-spec-14") << QByteArray(32, 0) << QByteArray(12, 0) << QByteArray(16, 0) << QByteArray()
                                 << hex("cea7403d4d606b6e074ec5d3baf39d18") << hex("d0d1c8a799996bf0265b98b5d48ab919");
    QTest::newRow("gcm-spec-16")
        << hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308") << hex("cafebabefacedbaddecaf888")
        << hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525"
               "b16aedf5aa0de657ba637b39")
        << hex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
        << hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
               "c5f61e6393ba7a0abcc9f662")
        << hex("76fc6ece0f4e1768cddf8853bb2d551b");
}

void tst_Seal::aesGcmVectors()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, iv);
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, ciphertext);
    QFETCH(QByteArray, tag);
    QCOMPARE(Seal::aesGcmEncrypt(key, iv, plaintext, aad).toHex(), (ciphertext + tag).toHex());
    const auto opened = Seal::aesGcmDecrypt(key, iv, ciphertext + tag, aad);
    QVERIFY(opened.has_value());
    QCOMPARE(*opened, plaintext);
    QByteArray badTag = ciphertext + tag;
    badTag[badTag.size() - 1] = char(badTag.at(badTag.size() - 1) ^ 0x01);
    QVERIFY(!Seal::aesGcmDecrypt(key, iv, badTag, aad).has_value());
    QVERIFY(!Seal::aesGcmDecrypt(key, iv, ciphertext + tag, aad + "x").has_value());
    // Wrong sizes are refused, not padded or truncated.
    QVERIFY(Seal::aesGcmEncrypt(key.left(16), iv, plaintext, aad).isEmpty());
    QVERIFY(Seal::aesGcmEncrypt(key, iv.left(8), plaintext, aad).isEmpty());
}

void tst_Seal::roundTrip()
{
    const QByteArray key = Seal::generateKey();
    QCOMPARE(key.size(), 32);
    for (const QByteArray &plain : {QByteArray(), QByteArray("x"), QByteArray(100000, 'a')}) {
        const QByteArray box = Seal::seal(key, Seal::Protection::Keychain, plain, "acct");
        QCOMPARE(box.size(), Seal::HeaderBytes + Seal::NonceBytes + plain.size() + Seal::TagBytes);
        QVERIFY(box.startsWith("CNCS\x02\x01"));
        QVERIFY(plain.size() < 8 || !box.contains(plain.left(8))); // no plaintext in the box
        const auto opened = Seal::open(key, box, "acct");
        QVERIFY(opened.ok());
        QCOMPARE(*opened, plain);
        QCOMPARE(*Seal::protectionOf(box), Seal::Protection::Keychain);
    }
    // A fixed nonce gives a fixed box (what the format is made of, byte by byte).
    const QByteArray fixed = Seal::seal(QByteArray(32, 0), Seal::Protection::Biometric, QByteArray(16, 0), QByteArray(),
                                        QByteArray(12, 0));
    QCOMPARE(fixed.left(6), QByteArray("CNCS\x02\x02"));
    QCOMPARE(fixed.mid(6, 12), QByteArray(12, 0));
    QCOMPARE(fixed.size(), 6 + 12 + 16 + 16);
    QCOMPARE(fixed.mid(18), Seal::aesGcmEncrypt(QByteArray(32, 0), QByteArray(12, 0), QByteArray(16, 0), fixed.left(6)));
}

void tst_Seal::freshNonceEverySeal()
{
    const QByteArray key = Seal::generateKey();
    QSet<QByteArray> nonces;
    for (int i = 0; i < 200; ++i)
        nonces.insert(Seal::seal(key, Seal::Protection::Keychain, "same", "acct").mid(6, 12));
    QCOMPARE(nonces.size(), 200);
    QVERIFY(Seal::generateKey() != Seal::generateKey());
}

void tst_Seal::tamperedByteNeverOpens()
{
    const QByteArray key = Seal::generateKey();
    const QByteArray box = Seal::seal(key, Seal::Protection::Keychain, "the tokens", "acct");
    // Every byte of every part: magic, version, protection, nonce, ciphertext, tag.
    for (int i = 0; i < box.size(); ++i) {
        QByteArray bad = box;
        bad[i] = char(bad.at(i) ^ 0x40);
        const auto opened = Seal::open(key, bad, "acct");
        QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("byte %1").arg(i)));
        QCOMPARE(opened.error().code(), Error::Code::StoreCorrupt);
    }
}

void tst_Seal::wrongKeyOrAccount()
{
    const QByteArray key = Seal::generateKey();
    const QByteArray box = Seal::seal(key, Seal::Protection::Keychain, "the tokens", "issuer|client|default");
    QCOMPARE(Seal::open(Seal::generateKey(), box, "issuer|client|default").error().code(), Error::Code::StoreCorrupt);
    QCOMPARE(Seal::open(key, box, "issuer|client|other").error().code(), Error::Code::StoreCorrupt);
    QCOMPARE(Seal::open(key.left(31), box, "issuer|client|default").error().code(), Error::Code::StoreCorrupt);
    QCOMPARE(Seal::open(QByteArray(), box, "issuer|client|default").error().code(), Error::Code::StoreCorrupt);
    QVERIFY(Seal::seal(key.left(16), Seal::Protection::Keychain, "x", "a").isEmpty());
}

void tst_Seal::truncatedAndForeign_data()
{
    QTest::addColumn<QByteArray>("box");
    const QByteArray key(32, 7);
    const QByteArray good = Seal::seal(key, Seal::Protection::Keychain, "the tokens", "acct");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("header only") << good.left(6);
    QTest::newRow("no tag") << good.left(good.size() - 16);
    QTest::newRow("one byte short") << good.left(good.size() - 1);
    QTest::newRow("one byte more") << good + "x";
    QTest::newRow("v1 plaintext json") << QByteArray(R"({"format":"concierge.tokens","v":1,"access_token":"a"})");
    QByteArray v3 = good;
    v3[4] = 3;
    QTest::newRow("version 3") << v3;
    QByteArray v1 = good;
    v1[4] = 1;
    QTest::newRow("version 1") << v1;
    QByteArray protection = good;
    protection[5] = 9;
    QTest::newRow("unknown protection") << protection;
    QTest::newRow("other magic") << QByteArray("XXXX") + good.mid(4);
    QTest::newRow("garbage") << QByteArray(200, '\xff');
}

void tst_Seal::truncatedAndForeign()
{
    QFETCH(QByteArray, box);
    const auto opened = Seal::open(QByteArray(32, 7), box, "acct");
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code(), Error::Code::StoreCorrupt);
}

void tst_Seal::protectionIsAuthenticated()
{
    const QByteArray key = Seal::generateKey();
    QByteArray box = Seal::seal(key, Seal::Protection::Biometric, "the tokens", "acct");
    QCOMPARE(*Seal::protectionOf(box), Seal::Protection::Biometric);
    box[5] = char(Seal::Protection::Keychain); // an attacker "downgrades" the record
    QCOMPARE(*Seal::protectionOf(box), Seal::Protection::Keychain); // readable header...
    QCOMPARE(Seal::open(key, box, "acct").error().code(), Error::Code::StoreCorrupt); // ...but it never opens
}

void tst_Seal::accountKeyFormat()
{
    using CS = CredentialStore;
    QCOMPARE(CS::accountKey(QStringLiteral("https://idp.example.com"), QStringLiteral("shop"), QStringLiteral("aiko")),
             QStringLiteral("https://idp.example.com|shop|aiko"));
    QCOMPARE(CS::accountKey(QStringLiteral("https://idp.example.com"), QStringLiteral("shop"), QString()),
             QStringLiteral("https://idp.example.com|shop|default"));
    QCOMPARE(CS::accountKey(QStringLiteral("https://i/a|b"), QStringLiteral("c%d"), QStringLiteral("e|f")),
             QStringLiteral("https://i/a%7Cb|c%25d|e%7Cf"));
    QCOMPARE(CS::itemKey(QStringLiteral("i|c|p"), CS::Item::Record), QStringLiteral("i|c|p"));
    QCOMPARE(CS::itemKey(QStringLiteral("i|c|p"), CS::Item::DataKey), QStringLiteral("i|c|p|data-key"));
    QCOMPARE(CS::itemKey(QStringLiteral("i|c|p"), CS::Item::BiometricSlot), QStringLiteral("i|c|p|biometric"));
}

void tst_Seal::itemKeysNeverCollide()
{
    using CS = CredentialStore;
    // Triples that a naive join would confuse, and profiles named like item suffixes.
    const QList<QStringList> triples = {
        {"https://a", "b|c", "d"}, {"https://a|b", "c", "d"}, {"https://a", "b", "c|d"},
        {"https://a", "b", "c"}, {"https://a", "b", "c|data-key"}, {"https://a", "b", "c|biometric"},
        {"https://a", "b%7Cc", "d"}, {"https://a", "b", "default"}, {"https://a", "b", ""},
    };
    QSet<QString> keys;
    int expected = 0;
    for (const QStringList &t : triples) {
        const QString account = CS::accountKey(t[0], t[1], t[2]);
        for (auto item : {CS::Item::Record, CS::Item::DataKey, CS::Item::BiometricSlot}) {
            keys.insert(CS::itemKey(account, item));
            ++expected;
        }
    }
    // "" and "default" name the same profile on purpose: 3 keys fewer.
    QCOMPARE(keys.size(), expected - 3);
}

static TokenSet sampleTokens(const QString &issuer, const QString &clientId)
{
    const auto key = Test::TestKey::rsa("k1");
    QJsonObject claims{{"iss", issuer}, {"aud", clientId}, {"sub", "shopper-1"},
                       {"iat", QDateTime::currentSecsSinceEpoch()}, {"exp", QDateTime::currentSecsSinceEpoch() + 600}};
    TokenSet t;
    t.setAccessToken("access-1");
    t.setRefreshToken("refresh-1");
    t.setTokenType(QStringLiteral("Bearer"));
    t.setScopes({QStringLiteral("openid"), QStringLiteral("offline_access")});
    t.setExpiresAt(QDateTime::currentDateTimeUtc().addSecs(600));
    t.setIssuedAt(QDateTime::currentDateTimeUtc());
    auto id = idTokenFromTrustedStorage(Test::signJwt(key, claims));
    if (id)
        t.setIdToken(*id);
    return t;
}

void tst_Seal::tokenRecordRoundTrip()
{
    const QString iss = QStringLiteral("https://idp.example.com"), client = QStringLiteral("shop");
    const QString account = CredentialStore::accountKey(iss, client, {});
    const TokenSet t = sampleTokens(iss, client);
    QVERIFY(!t.idToken().raw().isEmpty());
    const QByteArray key = Seal::generateKey();
    const QByteArray box = sealTokenRecord(key, Seal::Protection::Keychain, account, t, iss, client, "dpop-der");
    QVERIFY(!box.contains("access-1") && !box.contains("refresh-1") && !box.contains("dpop_key"));
    const auto opened = openTokenRecord(key, box, account, iss, client);
    QVERIFY(opened.ok());
    QCOMPARE(opened->tokens.accessToken(), QByteArray("access-1"));
    QCOMPARE(opened->tokens.refreshToken(), QByteArray("refresh-1"));
    QCOMPARE(opened->tokens.idToken().subject(), QStringLiteral("shopper-1"));
    QCOMPARE(opened->dpopKey, QByteArray("dpop-der"));
}

void tst_Seal::tokenRecordForeignOrDamaged()
{
    const QString iss = QStringLiteral("https://idp.example.com"), client = QStringLiteral("shop");
    const QString account = CredentialStore::accountKey(iss, client, {});
    const QByteArray key = Seal::generateKey();
    // A well-sealed box whose content is for another issuer or client, or is not a token record.
    const QByteArray other = sealTokenRecord(key, Seal::Protection::Keychain, account,
                                             sampleTokens(QStringLiteral("https://evil.example"), client),
                                             QStringLiteral("https://evil.example"), client);
    QCOMPARE(openTokenRecord(key, other, account, iss, client).error().code(), Error::Code::StoreCorrupt);
    const QByteArray notTokens = Seal::seal(key, Seal::Protection::Keychain, R"({"format":"x","v":1})", account.toUtf8());
    QCOMPARE(openTokenRecord(key, notTokens, account, iss, client).error().code(), Error::Code::StoreCorrupt);
    const QByteArray notJson = Seal::seal(key, Seal::Protection::Keychain, "\x00\x01\x02", account.toUtf8());
    QCOMPARE(openTokenRecord(key, notJson, account, iss, client).error().code(), Error::Code::StoreCorrupt);
    // Truncated at every length: always store_corrupt, never a crash.
    const QByteArray good = sealTokenRecord(key, Seal::Protection::Keychain, account, sampleTokens(iss, client), iss, client);
    for (int n = 0; n < good.size(); n += 7)
        QCOMPARE(openTokenRecord(key, good.left(n), account, iss, client).error().code(), Error::Code::StoreCorrupt);
}

QTEST_GUILESS_MAIN(tst_Seal)
#include "tst_seal.moc"
