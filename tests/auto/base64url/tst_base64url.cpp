// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/base64url_p.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

using namespace Concierge::Jose;

class tst_Base64Url : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectors_data();
    void vectors();
    void rejects_data();
    void rejects();
    void decodedLength_data();
    void decodedLength();
    void allByteValues();
    void randomRoundTrip();
    void decodeIntoChecksSize();
};

void tst_Base64Url::vectors_data()
{
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<QByteArray>("encoded");

    // RFC 4648 §10 test vectors, without the padding RFC 7515 §2 removes.
    QTest::newRow("rfc4648-empty") << QByteArray() << QByteArray();
    QTest::newRow("rfc4648-f") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("rfc4648-fo") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("rfc4648-foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("rfc4648-foob") << QByteArray("foob") << QByteArray("Zm9vYg");
    QTest::newRow("rfc4648-fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
    QTest::newRow("rfc4648-foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    // RFC 7515 Appendix C: octets [3, 236, 255, 224, 193].
    QTest::newRow("rfc7515-appendix-c") << QByteArray("\x03\xec\xff\xe0\xc1", 5) << QByteArray("A-z_4ME");
    // The two characters that differ from standard base64 ('+' '/' → '-' '_').
    QTest::newRow("url-alphabet") << QByteArray("\xfb\xff", 2) << QByteArray("-_8");
    QTest::newRow("all-62-63") << QByteArray("\xff\xff\xff", 3) << QByteArray("____");
    QTest::newRow("zeros") << QByteArray(4, '\0') << QByteArray("AAAAAA");
    // RFC 7515 A.3 protected header {"alg":"ES256"}.
    QTest::newRow("rfc7515-a3-header") << QByteArray(R"({"alg":"ES256"})") << QByteArray("eyJhbGciOiJFUzI1NiJ9");
}

void tst_Base64Url::vectors()
{
    QFETCH(QByteArray, decoded);
    QFETCH(QByteArray, encoded);
    QCOMPARE(base64UrlEncode(decoded), encoded);
    const auto back = base64UrlDecode(encoded);
    QVERIFY(back.has_value());
    QCOMPARE(*back, decoded);
    QVERIFY(isBase64Url(encoded));
}

void tst_Base64Url::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("padding-2") << QByteArray("Zg==");
    QTest::newRow("padding-1") << QByteArray("Zm8=");
    QTest::newRow("padding-only") << QByteArray("====");
    QTest::newRow("standard-plus") << QByteArray("+_8A");
    QTest::newRow("standard-slash") << QByteArray("-/8A");
    QTest::newRow("length-1-mod-4") << QByteArray("Zm9vY");
    QTest::newRow("single-char") << QByteArray("Z");
    QTest::newRow("space") << QByteArray("Zm9 v");
    QTest::newRow("leading-space") << QByteArray(" Zm9v");
    QTest::newRow("newline") << QByteArray("Zm9v\nYmFy");
    QTest::newRow("crlf-tail") << QByteArray("Zm9v\r\n");
    QTest::newRow("dot") << QByteArray("Zm9v.mFy");
    QTest::newRow("nul") << QByteArray("Zm\0v", 4);
    QTest::newRow("non-ascii") << QByteArray("Zm\xc3\xa9");
    QTest::newRow("high-byte") << QByteArray("Zm9\xff");
    // Non-canonical: the unused low bits of the last character are not zero.
    QTest::newRow("noncanonical-2chars") << QByteArray("Zh");   // 'h' = 33: low 4 bits 0001
    QTest::newRow("noncanonical-2chars-b") << QByteArray("Zn");   // 'n' = 39
    QTest::newRow("noncanonical-3chars") << QByteArray("Zm9");  // '9' = 61: low 2 bits 01
    QTest::newRow("noncanonical-rfc7515-c") << QByteArray("A-z_4MF");
    QTest::newRow("noncanonical-3chars-last") << QByteArray("Zm_");
}

void tst_Base64Url::rejects()
{
    QFETCH(QByteArray, text);
    QVERIFY(!base64UrlDecode(text).has_value());
    QVERIFY(!isBase64Url(text));
}

void tst_Base64Url::decodedLength_data()
{
    QTest::addColumn<qsizetype>("encoded");
    QTest::addColumn<qsizetype>("decoded");
    QTest::newRow("0") << qsizetype(0) << qsizetype(0);
    QTest::newRow("1") << qsizetype(1) << qsizetype(-1);
    QTest::newRow("2") << qsizetype(2) << qsizetype(1);
    QTest::newRow("3") << qsizetype(3) << qsizetype(2);
    QTest::newRow("4") << qsizetype(4) << qsizetype(3);
    QTest::newRow("5") << qsizetype(5) << qsizetype(-1);
    QTest::newRow("86 (ES256 signature)") << qsizetype(86) << qsizetype(64);
    QTest::newRow("342 (RSA-2048 signature)") << qsizetype(342) << qsizetype(256);
    QTest::newRow("negative") << qsizetype(-4) << qsizetype(-1);
}

void tst_Base64Url::decodedLength()
{
    QFETCH(qsizetype, encoded);
    QFETCH(qsizetype, decoded);
    QCOMPARE(base64UrlDecodedLength(encoded), decoded);
}

void tst_Base64Url::allByteValues()
{
    QByteArray all(256, '\0');
    for (int i = 0; i < 256; ++i)
        all[i] = char(i);
    // Every rotation so each byte value lands in each of the three positions of a group.
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray data = all.mid(shift) + all.left(shift);
        const QByteArray encoded = base64UrlEncode(data);
        QCOMPARE(encoded, data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QCOMPARE(base64UrlDecode(encoded).value_or(QByteArray("?")), data);
    }
}

void tst_Base64Url::randomRoundTrip()
{
    auto *rng = QRandomGenerator::global();
    for (int round = 0; round < 2000; ++round) {
        QByteArray data(int(rng->bounded(200)), Qt::Uninitialized);
        for (char &c : data)
            c = char(rng->bounded(256));
        const QByteArray encoded = base64UrlEncode(data);
        QCOMPARE(encoded, data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const auto decoded = base64UrlDecode(encoded);
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, data);
        // Any single-character change yields either a rejection or a different decoding, and
        // decode(x) succeeding always implies encode(decode(x)) == x (canonical form).
        if (!encoded.isEmpty()) {
            QByteArray mutated = encoded;
            mutated[int(rng->bounded(encoded.size()))] = char(rng->bounded(256));
            const auto other = base64UrlDecode(mutated);
            if (other)
                QCOMPARE(base64UrlEncode(*other), mutated);
            QCOMPARE(isBase64Url(mutated), other.has_value());
        }
    }
}

void tst_Base64Url::decodeIntoChecksSize()
{
    unsigned char out[8];
    QVERIFY(base64UrlDecodeInto("Zm9v", out, 3));
    QCOMPARE(QByteArray(reinterpret_cast<char *>(out), 3), QByteArray("foo"));
    QVERIFY(!base64UrlDecodeInto("Zm9v", out, 4)); // wrong output size
    QVERIFY(!base64UrlDecodeInto("Zm9v", out, 2));
}

QTEST_GUILESS_MAIN(tst_Base64Url)
#include "tst_base64url.moc"
