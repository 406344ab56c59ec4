// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// QtQuickTest runner for the QML module Concierge (tst_*.qml in this folder). The setup starts a FAKE
// provider (FakeIdp, 127.0.0.1:0) with a device authorization endpoint and a FAKE resource server
// (/api/me), and hands its controls to the tests as `fakeIdp`. The module itself is loaded from
// ${CMAKE_BINARY_DIR}/qml like any app would (the test does not link it).
#include "testsigner.h"
#include "testsupport.h"

#include <QtCore/QDateTime>
#include <QtQml/QQmlContext>
#include <QtQml/QQmlEngine>
#include <QtQuickTest/quicktest.h>

#include <memory>

using namespace Concierge::Test;

namespace {
const QString kClientId = QStringLiteral("storefront-kiosk");
}

//! What the QML tests see of the FAKE provider.
class FakeIdpControl : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString issuer READ issuer CONSTANT)
    Q_PROPERTY(QString unreachableIssuer READ unreachableIssuer CONSTANT)
    Q_PROPERTY(QString clientId READ clientId CONSTANT)
    Q_PROPERTY(QString userCode READ userCode CONSTANT)
public:
    FakeIdpControl()
    {
        idp.start();
        key = TestKey::rsa("qml-1");
        idp.jwks = jwksDocument(QList<TestKey>{key});
        idp.sign = [this](const QJsonObject &claims) { return signJwt(key, claims); };
        idp.editDiscovery = [this](QJsonObject &d) {
            d.insert(QStringLiteral("device_authorization_endpoint"), idp.issuer() + QStringLiteral("/device"));
        };
        idp.route(QStringLiteral("/device"), [this](const FakeRequest &) {
            const QString base = idp.issuer();
            return FakeReply::json({{QStringLiteral("device_code"), QStringLiteral("dc-qml-%1").arg(++codes)},
                                    {QStringLiteral("user_code"), userCode()},
                                    {QStringLiteral("verification_uri"), base + QStringLiteral("/activate")},
                                    {QStringLiteral("verification_uri_complete"), base + QStringLiteral("/activate?user_code=") + userCode()},
                                    {QStringLiteral("expires_in"), 120},
                                    {QStringLiteral("interval"), 1}});
        });
        idp.tokenOverride = [this](const FakeRequest &r) {
            if (r.formValue(QStringLiteral("grant_type")) != QLatin1String("urn:ietf:params:oauth:grant-type:device_code"))
                return FakeReply::json({{QStringLiteral("error"), QStringLiteral("unsupported_grant_type")}}, 400);
            if (++polls < 2)
                return FakeReply::json({{QStringLiteral("error"), QStringLiteral("authorization_pending")}}, 400);
            if (deny)
                return FakeReply::json({{QStringLiteral("error"), QStringLiteral("access_denied")}}, 400);
            QJsonObject claims = idTokenClaims(idp.issuer(), kClientId, QDateTime::currentSecsSinceEpoch(), {},
                                               QStringLiteral("shopper-0001"), 600);
            claims.insert(QStringLiteral("name"), QStringLiteral("Aiko Tanaka"));
            claims.insert(QStringLiteral("email"), QStringLiteral("aiko@example.com"));
            return FakeReply::json({{QStringLiteral("access_token"), QStringLiteral("at-qml-1")},
                                    {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                    {QStringLiteral("expires_in"), 600},
                                    {QStringLiteral("refresh_token"), QStringLiteral("rt-qml-1")},
                                    {QStringLiteral("scope"), QStringLiteral("openid profile email")},
                                    {QStringLiteral("id_token"), QString::fromLatin1(signJwt(key, claims))}});
        };
        // A resource server that knows the one access token until it is revoked.
        idp.route(QStringLiteral("/api/me"), [this](const FakeRequest &r) {
            if (r.headers.value("authorization") != "Bearer at-qml-1" || idp.revoked.contains(QStringLiteral("at-qml-1"))) {
                FakeReply reply = FakeReply::json({{QStringLiteral("error"), QStringLiteral("invalid_token")}}, 401);
                reply.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer error=\"invalid_token\"")));
                return reply;
            }
            return FakeReply::json({{QStringLiteral("name"), QStringLiteral("Aiko Tanaka")},
                                    {QStringLiteral("loyalty"), QJsonObject{{QStringLiteral("tier"), QStringLiteral("gold")}}}});
        });
    }

    QString issuer() const { return idp.issuer(); }
    QString unreachableIssuer() const { return QStringLiteral("http://127.0.0.1:9"); } // discard port: refused
    QString clientId() const { return kClientId; }
    QString userCode() const { return QStringLiteral("WDJB-MJHT"); }

    Q_INVOKABLE void reset(bool denyNext)
    {
        deny = denyNext;
        polls = 0;
        idp.revoked.clear();
    }
    Q_INVOKABLE QStringList revoked() const { return idp.revoked; }
    Q_INVOKABLE int tokenRequests() const { return idp.count(QStringLiteral("/token")); }

private:
    FakeIdp idp;
    TestKey key;
    int codes = 0;
    int polls = 0;
    bool deny = false;
};

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral(CONCIERGE_QML_IMPORT_PATH));
        // Made here, once the application (and its event dispatcher) exists, not in the constructor.
        if (!control)
            control = std::make_unique<FakeIdpControl>();
        // Test harness only (the module itself registers declaratively): the fake's controls.
        engine->rootContext()->setContextProperty(QStringLiteral("fakeIdp"), control.get());
    }
    void cleanupTestCase() { control.reset(); }

private:
    std::unique_ptr<FakeIdpControl> control;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)
#include "tst_qml.moc"
