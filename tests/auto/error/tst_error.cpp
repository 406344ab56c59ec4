// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/error.h>

#include <QtCore/QFile>
#include <QtCore/QMetaEnum>
#include <QtCore/QSet>
#include <QtTest/QtTest>

using Concierge::Error;

class tst_Error : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyCodeHasAUniqueId();
    void idsRoundTrip();
    void idsAreDocumented();
    void kinds_data();
    void kinds();
    void fromOAuth_data();
    void fromOAuth();
    void sanitizeStripsControlCharacters();
    void defaultIsNotAnError();
};

void tst_Error::everyCodeHasAUniqueId()
{
    const QMetaEnum e = QMetaEnum::fromType<Error::Code>();
    QSet<QString> seen;
    for (int i = 0; i < e.keyCount(); ++i) {
        const QString id = Error::idForCode(Error::Code(e.value(i)));
        QVERIFY2(id != QLatin1String("unknown"), e.key(i));
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
    }
}

void tst_Error::idsRoundTrip()
{
    const QMetaEnum e = QMetaEnum::fromType<Error::Code>();
    for (int i = 0; i < e.keyCount(); ++i) {
        const auto code = Error::Code(e.value(i));
        QCOMPARE(Error::codeForId(Error::idForCode(code)), code);
    }
    QCOMPARE(Error::codeForId(QStringLiteral("no_such_code")), Error::Code::None);
}

void tst_Error::idsAreDocumented()
{
    QFile doc(QStringLiteral(CONCIERGE_SOURCE_DIR "/docs/errors.md"));
    QVERIFY2(doc.open(QIODevice::ReadOnly), "docs/errors.md is missing");
    const QString text = QString::fromUtf8(doc.readAll());
    const QMetaEnum e = QMetaEnum::fromType<Error::Code>();
    for (int i = 0; i < e.keyCount(); ++i) {
        const auto code = Error::Code(e.value(i));
        if (code == Error::Code::None)
            continue;
        const QString row = QStringLiteral("| `%1` | %2 |").arg(Error::idForCode(code)).arg(int(code));
        QVERIFY2(text.contains(row), qPrintable(QStringLiteral("docs/errors.md lacks the row ") + row));
    }
}

void tst_Error::kinds_data()
{
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<Error::Kind>("kind");
    QTest::newRow("network") << Error::Code::NetworkError << Error::Kind::Transient;
    QTest::newRow("5xx") << Error::Code::ServerError << Error::Kind::Transient;
    QTest::newRow("invalid_grant") << Error::Code::InvalidGrant << Error::Kind::Hard;
    QTest::newRow("state") << Error::Code::StateMismatch << Error::Kind::Hard;
    QTest::newRow("id token") << Error::Code::IdTokenSignatureInvalid << Error::Kind::Hard;
    QTest::newRow("cancelled") << Error::Code::Cancelled << Error::Kind::None;
    QTest::newRow("locked store") << Error::Code::StoreLocked << Error::Kind::Transient;
}

void tst_Error::kinds()
{
    QFETCH(Error::Code, code);
    QFETCH(Error::Kind, kind);
    QCOMPARE(Error(code).kind(), kind);
}

void tst_Error::fromOAuth_data()
{
    QTest::addColumn<QString>("oauth");
    QTest::addColumn<Error::Code>("code");
    QTest::newRow("access_denied") << "access_denied" << Error::Code::AccessDenied;
    QTest::newRow("invalid_grant") << "invalid_grant" << Error::Code::InvalidGrant;
    QTest::newRow("temporarily_unavailable") << "temporarily_unavailable" << Error::Code::ServerError;
    QTest::newRow("unknown") << "made_up_error" << Error::Code::OAuthError;
}

void tst_Error::fromOAuth()
{
    QFETCH(QString, oauth);
    QFETCH(Error::Code, code);
    const Error e = Error::fromOAuth(oauth, QStringLiteral("why"), 400);
    QCOMPARE(e.code(), code);
    QCOMPARE(e.oauthError(), oauth);
    QCOMPARE(e.description(), QStringLiteral("why"));
    QCOMPARE(e.httpStatus(), 400);
}

void tst_Error::sanitizeStripsControlCharacters()
{
    const Error e(Error::Code::AccessDenied, QStringLiteral("line1\nFAKE LOG LINE\r\x1b[31mred\u2028"));
    QVERIFY(!e.description().contains(QLatin1Char('\n')));
    QVERIFY(!e.description().contains(QLatin1Char('\r')));
    QVERIFY(!e.description().contains(QChar(0x1b)));
    QVERIFY(!e.description().contains(QChar(0x2028)));
    QCOMPARE(Error::sanitize(QString(1000, QLatin1Char('x'))).size(), 300);
    QVERIFY(e.message().contains(QStringLiteral("FAKE LOG LINE")));
}

void tst_Error::defaultIsNotAnError()
{
    const Error e;
    QVERIFY(!e.isError());
    QCOMPARE(e.kind(), Error::Kind::None);
    QVERIFY(e.message().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Error)
#include "tst_error.moc"
