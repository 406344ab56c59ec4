// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/pkce.h>

#include <QtCore/QSet>
#include <QtTest/QtTest>

using Concierge::Pkce;

class tst_Pkce : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void s256_data();
    void s256();
    void generatedVerifierIsValidAndUnique();
    void rejectsBadVerifiers_data();
    void rejectsBadVerifiers();
};

void tst_Pkce::s256_data()
{
    QTest::addColumn<QByteArray>("verifier");
    QTest::addColumn<QByteArray>("challenge");
    // RFC 7636 Appendix B
    QTest::newRow("rfc7636-appendix-b") << QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
                                        << QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

void tst_Pkce::s256()
{
    QFETCH(QByteArray, verifier);
    QFETCH(QByteArray, challenge);
    QCOMPARE(Pkce::s256Challenge(verifier), challenge);
    const auto pkce = Pkce::fromVerifier(verifier);
    QVERIFY(pkce.ok());
    QCOMPARE(pkce->challenge(), challenge);
    QCOMPARE(Pkce::method(), QByteArray("S256"));
}

void tst_Pkce::generatedVerifierIsValidAndUnique()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        const Pkce p = Pkce::generate();
        QCOMPARE(p.verifier().size(), 43); // 32 random bytes = 256 bits
        QVERIFY(Pkce::fromVerifier(p.verifier()).ok());
        QCOMPARE(p.challenge(), Pkce::s256Challenge(p.verifier()));
        QVERIFY(!seen.contains(p.verifier()));
        seen.insert(p.verifier());
    }
}

void tst_Pkce::rejectsBadVerifiers_data()
{
    QTest::addColumn<QByteArray>("verifier");
    QTest::newRow("too short") << QByteArray(42, 'a');
    QTest::newRow("too long") << QByteArray(129, 'a');
    QTest::newRow("reserved char") << QByteArray(43, 'a').replace(5, 1, "+");
    QTest::newRow("space") << QByteArray(43, 'a').replace(5, 1, " ");
}

void tst_Pkce::rejectsBadVerifiers()
{
    QFETCH(QByteArray, verifier);
    const auto p = Pkce::fromVerifier(verifier);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code(), Concierge::Error::Code::InvalidArgument);
}

QTEST_GUILESS_MAIN(tst_Pkce)
#include "tst_pkce.moc"
