// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// KioskPolicy: memory-only tokens, the idle warning and sign-out on a FAKE monotonic clock, "Done",
// and revocation of both tokens at a FAKE provider (FakeIdp records /revoke).
#include <concierge/kioskpolicy.h>
#include <concierge/session.h>
#include <concierge/tokenset.h>

#include "kioskpolicy_p.h"
#include "platform/credentialstore_p.h"
#include "session_p.h"
#include "testsupport.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Concierge;
using namespace Concierge::Test;

namespace {

//! A FAKE store that stands for one that keeps tokens (a keychain, a file): records what it holds.
class FakePersistentStore final : public Internal::CredentialStore
{
public:
    void read(const QString &account, ReadDone done) override { done(records.value(account)); }
    void write(const QString &account, const QByteArray &record, Done done) override
    {
        records.insert(account, record);
        done({});
    }
    void remove(const QString &account, Done done) override
    {
        records.remove(account);
        done({});
    }
    QHash<QString, QByteArray> records;
};

TokenSet visitTokens()
{
    TokenSet tokens;
    tokens.setAccessToken("kiosk-access-token");
    tokens.setRefreshToken("kiosk-refresh-token");
    tokens.setTokenType(QStringLiteral("Bearer"));
    tokens.setIssuedAt(QDateTime::currentDateTimeUtc());
    tokens.setExpiresAt(QDateTime::currentDateTimeUtc().addSecs(600));
    return tokens;
}

} // namespace

class tst_KioskPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void forcesMemoryStore();
    void refusesAPersistentStoreAtSignIn();
    void idleWarningThenSignOut();
    void activityEndsTheWarning();
    void activityIgnoredWhenNobodyIsSignedIn();
    void doneSignsOutAtOnceAndRevokes();
    void doneWhenSignedOutDoesNothing();
    void sessionSignedOutElsewhere();
    void settersClampAndApply();
    void realTickerSignsOut();

private:
    void signIn();
    std::unique_ptr<FakeIdp> idp;
    std::unique_ptr<Session> session;
    std::unique_ptr<KioskPolicy> policy;
    qint64 fakeMs = 0;
};

void tst_KioskPolicy::init()
{
    idp = std::make_unique<FakeIdp>();
    QVERIFY(idp->start());
    session = std::make_unique<Session>(ProviderConfig(idp->issuer(), QStringLiteral("storefront-kiosk")));
    policy = std::make_unique<KioskPolicy>(session.get());
    fakeMs = 1'000'000;
    KioskPolicyPrivate::get(policy.get())->clock = [this] { return fakeMs; };
}

void tst_KioskPolicy::cleanup()
{
    policy.reset();
    session.reset();
    idp.reset();
}

void tst_KioskPolicy::signIn()
{
    QSignalSpy signedIn(session.get(), &Session::signedIn);
    SessionPrivate::get(session.get())->completeSignIn(visitTokens());
    QVERIFY(signedIn.count() == 1 || signedIn.wait(2000));
    QCOMPARE(policy->state(), KioskPolicy::State::Active);
}

void tst_KioskPolicy::forcesMemoryStore()
{
    Session other(ProviderConfig(idp->issuer(), QStringLiteral("storefront-kiosk")));
    SessionPrivate::get(&other)->store = std::make_shared<FakePersistentStore>();
    KioskPolicy kiosk(&other);
    QVERIFY(dynamic_cast<Internal::MemoryCredentialStore *>(SessionPrivate::get(&other)->store.get()));
    QCOMPARE(kiosk.state(), KioskPolicy::State::Inactive);
    QCOMPARE(kiosk.secondsLeft(), 0);
}

void tst_KioskPolicy::refusesAPersistentStoreAtSignIn()
{
    // The app switched to a keeping store after the policy was applied: the sign-in is ended at
    // once, its record wiped from that store, and later sign-ins go to memory again.
    auto persistent = std::make_shared<FakePersistentStore>();
    SessionPrivate::get(session.get())->store = persistent;
    QSignalSpy refused(policy.get(), &KioskPolicy::storageRefused);
    QSignalSpy ended(policy.get(), &KioskPolicy::ended);
    QSignalSpy signedOut(session.get(), &Session::signedOut);
    SessionPrivate::get(session.get())->completeSignIn(visitTokens());
    QTRY_COMPARE(signedOut.count(), 1);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.at(0).at(0).value<Error>().code(), Error::Code::InvalidConfiguration);
    QVERIFY(persistent->records.isEmpty());
    QVERIFY(dynamic_cast<Internal::MemoryCredentialStore *>(SessionPrivate::get(session.get())->store.get()));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).value<KioskPolicy::EndReason>(), KioskPolicy::EndReason::Session);
    QCOMPARE(policy->state(), KioskPolicy::State::Inactive);
    QVERIFY(!session->isSignedIn());
}

void tst_KioskPolicy::idleWarningThenSignOut()
{
    policy->setIdleTimeoutSeconds(60);
    policy->setWarningSeconds(15);
    signIn();
    auto *d = KioskPolicyPrivate::get(policy.get());
    QSignalSpy warning(policy.get(), &KioskPolicy::warningStarted);
    QSignalSpy ended(policy.get(), &KioskPolicy::ended);
    QCOMPARE(policy->secondsLeft(), 60);

    fakeMs += 44'000;
    d->evaluate();
    QCOMPARE(policy->state(), KioskPolicy::State::Active);
    QCOMPARE(policy->secondsLeft(), 16);
    QCOMPARE(warning.count(), 0);

    fakeMs += 1'000; // 45 s idle: 15 s left
    d->evaluate();
    QCOMPARE(policy->state(), KioskPolicy::State::Warning);
    QCOMPARE(warning.count(), 1);
    QCOMPARE(warning.at(0).at(0).toInt(), 15);

    fakeMs += 14'500; // 0.5 s left shows as 1 s
    d->evaluate();
    QCOMPARE(policy->secondsLeft(), 1);
    QCOMPARE(warning.count(), 1); // one warning per idle phase
    QVERIFY(session->isSignedIn());

    fakeMs += 500;
    d->evaluate();
    QCOMPARE(policy->state(), KioskPolicy::State::SigningOut);
    d->evaluate(); // nothing more while signing out
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).value<KioskPolicy::EndReason>(), KioskPolicy::EndReason::Idle);
    QCOMPARE(policy->state(), KioskPolicy::State::Inactive);
    QCOMPARE(policy->secondsLeft(), 0);
    QVERIFY(!session->isSignedIn());
    QVERIFY(idp->revoked.contains(QStringLiteral("kiosk-refresh-token")));
    QVERIFY(idp->revoked.contains(QStringLiteral("kiosk-access-token")));
    auto *memory = dynamic_cast<Internal::MemoryCredentialStore *>(SessionPrivate::get(session.get())->store.get());
    QVERIFY(memory);
    QVERIFY(memory->peek(SessionPrivate::get(session.get())->account()).isEmpty());
    QTest::qWait(50);
    QCOMPARE(ended.count(), 1);
}

void tst_KioskPolicy::activityEndsTheWarning()
{
    policy->setIdleTimeoutSeconds(30);
    policy->setWarningSeconds(10);
    signIn();
    auto *d = KioskPolicyPrivate::get(policy.get());
    QSignalSpy warning(policy.get(), &KioskPolicy::warningStarted);
    QSignalSpy ended(policy.get(), &KioskPolicy::ended);
    fakeMs += 25'000;
    d->evaluate();
    QCOMPARE(policy->state(), KioskPolicy::State::Warning);

    policy->noteActivity();
    QCOMPARE(policy->state(), KioskPolicy::State::Active);
    QCOMPARE(policy->secondsLeft(), 30);

    fakeMs += 19'999; // the idle time starts again from the activity
    d->evaluate();
    QCOMPARE(policy->state(), KioskPolicy::State::Active);
    fakeMs += 1;
    d->evaluate();
    QCOMPARE(policy->state(), KioskPolicy::State::Warning);
    QCOMPARE(warning.count(), 2);
    QVERIFY(session->isSignedIn());
    QCOMPARE(ended.count(), 0);
}

void tst_KioskPolicy::activityIgnoredWhenNobodyIsSignedIn()
{
    QSignalSpy states(policy.get(), &KioskPolicy::stateChanged);
    policy->noteActivity();
    KioskPolicyPrivate::get(policy.get())->evaluate();
    QCOMPARE(policy->state(), KioskPolicy::State::Inactive);
    QCOMPARE(states.count(), 0);
}

void tst_KioskPolicy::doneSignsOutAtOnceAndRevokes()
{
    signIn();
    QSignalSpy ended(policy.get(), &KioskPolicy::ended);
    QSignalSpy signedOut(session.get(), &Session::signedOut);
    policy->done();
    QCOMPARE(policy->state(), KioskPolicy::State::SigningOut);
    policy->done(); // a second tap changes nothing
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).value<KioskPolicy::EndReason>(), KioskPolicy::EndReason::Done);
    QCOMPARE(signedOut.count(), 1);
    QCOMPARE(idp->revoked.count(QStringLiteral("kiosk-refresh-token")), 1);
    QCOMPARE(idp->revoked.count(QStringLiteral("kiosk-access-token")), 1);
    QCOMPARE(idp->count(QStringLiteral("/end-session")), 0); // no browser session to end on a kiosk
    QVERIFY(session->tokens().accessToken().isEmpty());
}

void tst_KioskPolicy::doneWhenSignedOutDoesNothing()
{
    QSignalSpy ended(policy.get(), &KioskPolicy::ended);
    QSignalSpy signedOut(session.get(), &Session::signedOut);
    policy->done();
    QTest::qWait(50);
    QCOMPARE(ended.count(), 0);
    QCOMPARE(signedOut.count(), 0);
}

void tst_KioskPolicy::sessionSignedOutElsewhere()
{
    signIn();
    QSignalSpy ended(policy.get(), &KioskPolicy::ended);
    session->signOut();
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).value<KioskPolicy::EndReason>(), KioskPolicy::EndReason::Session);
    QCOMPARE(policy->state(), KioskPolicy::State::Inactive);
}

void tst_KioskPolicy::settersClampAndApply()
{
    QSignalSpy idleChanged(policy.get(), &KioskPolicy::idleTimeoutSecondsChanged);
    policy->setIdleTimeoutSeconds(0);
    QCOMPARE(policy->idleTimeoutSeconds(), 1);
    policy->setWarningSeconds(-4);
    QCOMPARE(policy->warningSeconds(), 0);
    policy->setIdleTimeoutSeconds(1);
    QCOMPARE(idleChanged.count(), 1);

    // Shortening the timeout of a running visit applies at once.
    policy->setIdleTimeoutSeconds(100);
    policy->setWarningSeconds(10);
    signIn();
    fakeMs += 50'000;
    KioskPolicyPrivate::get(policy.get())->evaluate();
    QCOMPARE(policy->state(), KioskPolicy::State::Active);
    policy->setIdleTimeoutSeconds(55);
    QCOMPARE(policy->state(), KioskPolicy::State::Warning);
    QCOMPARE(policy->secondsLeft(), 5);
}

void tst_KioskPolicy::realTickerSignsOut()
{
    // The real monotonic clock and ticker, end to end (a short timeout; not a timing assertion).
    KioskPolicyPrivate::get(policy.get())->clock = nullptr;
    policy->setIdleTimeoutSeconds(1);
    policy->setWarningSeconds(0);
    signIn();
    QSignalSpy ended(policy.get(), &KioskPolicy::ended);
    QVERIFY(ended.wait(5000));
    QCOMPARE(ended.at(0).at(0).value<KioskPolicy::EndReason>(), KioskPolicy::EndReason::Idle);
}

QTEST_GUILESS_MAIN(tst_KioskPolicy)
#include "tst_kioskpolicy.moc"
