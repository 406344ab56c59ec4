// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Sealed storage and biometric unlock through Session, against the FAKE IdP, the memory store and a
// FAKE biometric (FakeBiometricUnlock: scripted match / no match / cancel / invalidated). The real
// fprintd backend is tested end to end by e2e.cli_biometric.
#include <concierge/session.h>

#include "session_p.h"
#include "testsigner.h"
#include "testsupport.h"

#include <QtTest/QtTest>

using namespace Concierge;
using namespace Concierge::Test;
using Concierge::Internal::BiometricUnlock;
using Concierge::Internal::CredentialStore;
using Concierge::Internal::MemoryCredentialStore;
namespace Seal = Concierge::Internal::Seal;

//! A FAKE biometric slot: keeps data keys in a map shared by every session of a test (the "device"),
//! and answers release() as scripted.
class FakeBiometricUnlock final : public BiometricUnlock
{
public:
    enum class Next { Match, NoMatch, Invalidated, Hold };
    struct Device
    {
        QHash<QString, QByteArray> slotKeys;
        Availability availability = Availability::Available;
        Next next = Next::Match;
        int prompts = 0;
        KeyDone pending;
        bool holdProtect = false; //!< protect() answers only through pendingProtect
        Done pendingProtect;
    };
    explicit FakeBiometricUnlock(std::shared_ptr<Device> device) : m_device(std::move(device)) {}

    Availability availability() override { return m_device->availability; }
    void protect(const QString &account, const QByteArray &key, const QString &, Done done) override
    {
        m_device->slotKeys.insert(account, key);
        if (m_device->holdProtect)
            m_device->pendingProtect = std::move(done);
        else
            QTimer::singleShot(0, [done] { done({}); });
    }
    void release(const QString &account, const QString &, Waiting waiting, KeyDone done) override
    {
        ++m_device->prompts;
        waiting();
        const Next next = m_device->next;
        const QByteArray key = m_device->slotKeys.value(account);
        if (next == Next::Hold) {
            m_device->pending = std::move(done);
            return;
        }
        QTimer::singleShot(0, [next, key, done] {
            if (next == Next::NoMatch)
                return done(Error(Error::Code::BiometricFailed));
            if (next == Next::Invalidated)
                return done(Error(Error::Code::BiometricInvalidated));
            done(key);
        });
    }
    void remove(const QString &account, Done done) override
    {
        m_device->slotKeys.remove(account);
        done({});
    }
    void cancel() override
    {
        if (auto done = std::exchange(m_device->pending, nullptr))
            done(Error(Error::Code::BiometricCancelled));
    }

private:
    std::shared_ptr<Device> m_device;
};

class tst_SessionLock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void recordIsSealedWithTheKeyApart();
    void sealedRecordTamperingIsStoreCorrupt();
    void enableMovesTheKeyIntoTheSlot();
    void enableNeedsAnEnrolledBiometric();
    void restoreOfABiometricRecordIsLockedWithoutAPrompt();
    void unlockWithAMatch();
    void noMatchAndCancelLoseNothing();
    void invalidatedEnrollmentWipesAndSignsOut();
    void damagedRecordWhileLockedWipesAndSignsOut();
    void lockForgetsTheTokensAndUnlockBringsThemBack();
    void lockWaitsForTheRefreshInFlight();
    void enableWaitsForTheRefreshInFlight();
    void signOutEndsAWaitingEnable();
    void signOutWhileLockedWipesEverything();
    void autoLockAfterIdleTime();
    void lockWithoutBiometricUnlockIsRefused();
    void disableBringsTheKeyBackToTheKeychain();
    void freshSignInDropsTheOldSlot();

private:
    Session *newSession(const QString &profile = {});
    Session *signedInSession(bool biometric = false);
    Session *restoredSession(Result<bool> *restored = nullptr);
    QString account() const { return CredentialStore::accountKey(idp->issuer(), QStringLiteral("storefront-mobile"), {}); }
    QString item(CredentialStore::Item i) const { return CredentialStore::itemKey(account(), i); }
    FakeIdp *idp = nullptr;
    TestKey key;
    std::shared_ptr<MemoryCredentialStore> store;
    std::shared_ptr<FakeBiometricUnlock::Device> device;
    QList<Session *> sessions;
};

void tst_SessionLock::init()
{
    idp = new FakeIdp(this);
    QVERIFY(idp->start());
    key = TestKey::rsa("k1");
    idp->jwks = jwksDocument(QList<TestKey>{key});
    idp->sign = [this](const QJsonObject &claims) { return signJwt(key, claims); };
    store = std::make_shared<MemoryCredentialStore>();
    device = std::make_shared<FakeBiometricUnlock::Device>();
}

void tst_SessionLock::cleanup()
{
    qDeleteAll(sessions);
    sessions.clear();
    delete idp;
    idp = nullptr;
}

Session *tst_SessionLock::newSession(const QString &profile)
{
    auto *s = new Session(ProviderConfig(idp->issuer(), QStringLiteral("storefront-mobile")));
    sessions.append(s);
    s->setProfile(profile);
    auto *d = SessionPrivate::get(s);
    d->setUserAgent(std::make_unique<FakeUserAgent>());
    d->store = store;
    d->setBiometricUnlock(std::make_unique<FakeBiometricUnlock>(device));
    return s;
}

Session *tst_SessionLock::signedInSession(bool biometric)
{
    Session *s = newSession();
    QSignalSpy done(s, &Session::signedIn);
    s->signIn();
    if (!done.wait(10000))
        return nullptr;
    if (biometric) {
        int calls = 0;
        Result<void> enabled;
        s->enableBiometricUnlock(this, [&](const Result<void> &r) { ++calls; enabled = r; });
        if (!QTest::qWaitFor([&] { return calls == 1; }, 5000) || !enabled)
            return nullptr;
    }
    return s;
}

Session *tst_SessionLock::restoredSession(Result<bool> *out)
{
    Session *s = newSession();
    int calls = 0;
    Result<bool> restored = false;
    s->restore(this, [&](const Result<bool> &r) { ++calls; restored = r; });
    if (!QTest::qWaitFor([&] { return calls == 1; }, 5000))
        return nullptr;
    if (out)
        *out = restored;
    return s;
}

void tst_SessionLock::recordIsSealedWithTheKeyApart()
{
    Session *s = signedInSession();
    QVERIFY(s);
    const QByteArray record = store->peek(account());
    const QByteArray dataKey = store->peek(item(CredentialStore::Item::DataKey));
    QCOMPARE(dataKey.size(), 32);
    QCOMPARE(*Seal::protectionOf(record), Seal::Protection::Keychain);
    QVERIFY(!record.contains(s->tokens().accessToken()));
    QVERIFY(!record.contains(s->tokens().refreshToken()));
    const auto opened = Internal::openTokenRecord(dataKey, record, account(), idp->issuer(), QStringLiteral("storefront-mobile"));
    QVERIFY(opened.ok());
    QCOMPARE(opened->tokens.refreshToken(), s->tokens().refreshToken());
    QVERIFY(!s->isBiometricUnlockEnabled());

    // Restored in another process (session): signed in at once, no prompt.
    Result<bool> restored = false;
    Session *again = restoredSession(&restored);
    QVERIFY(again && restored.ok() && *restored);
    QCOMPARE(again->state(), Session::State::SignedIn);
    QCOMPARE(again->tokens().accessToken(), s->tokens().accessToken());
    QCOMPARE(device->prompts, 0);
}

void tst_SessionLock::sealedRecordTamperingIsStoreCorrupt()
{
    Session *s = signedInSession();
    QVERIFY(s);
    const QByteArray record = store->peek(account());
    const QByteArray dataKey = store->peek(item(CredentialStore::Item::DataKey));
    struct Case { const char *name; QByteArray record; QByteArray key; };
    QByteArray flipped = record;
    flipped[record.size() / 2] = char(flipped.at(record.size() / 2) ^ 1);
    const QByteArray otherAccount = Seal::seal(dataKey, Seal::Protection::Keychain,
                                               *Seal::open(dataKey, record, account().toUtf8()), "someone|else|default");
    const QList<Case> cases = {
        {"flipped ciphertext byte", flipped, dataKey},
        {"truncated", record.left(record.size() - 5), dataKey},
        {"data key item missing", record, QByteArray()},
        {"another data key", record, Seal::generateKey()},
        {"data key truncated", record, dataKey.left(16)},
        {"sealed for another account", otherAccount, dataKey},
        {"0.1.0 plaintext JSON", QByteArray(R"({"format":"concierge.tokens","v":1})"), dataKey},
    };
    for (const Case &c : cases) {
        store->write(account(), c.record, [](const Result<void> &) {});
        if (c.key.isEmpty())
            store->remove(item(CredentialStore::Item::DataKey), [](const Result<void> &) {});
        else
            store->write(item(CredentialStore::Item::DataKey), c.key, [](const Result<void> &) {});
        Result<bool> restored = false;
        Session *again = restoredSession(&restored);
        QVERIFY(again);
        QVERIFY2(!restored.ok() && restored.error().code() == Error::Code::StoreCorrupt, c.name);
        QCOMPARE(again->state(), Session::State::SignedOut);
        QVERIFY(!again->tokens().isValid());
        // Wiped: the next start is a clean signed-out state, not the same error again.
        QVERIFY2(store->peek(account()).isEmpty(), c.name);
        QVERIFY(store->peek(item(CredentialStore::Item::DataKey)).isEmpty());
        Session *third = restoredSession(&restored);
        QVERIFY(third && restored.ok() && !*restored);
    }
}

void tst_SessionLock::enableMovesTheKeyIntoTheSlot()
{
    Session *s = signedInSession();
    QVERIFY(s);
    const QByteArray oldKey = store->peek(item(CredentialStore::Item::DataKey));
    QSignalSpy changed(s, &Session::biometricUnlockEnabledChanged);
    Result<void> enabled = Error(Error::Code::Busy);
    int calls = 0;
    s->enableBiometricUnlock(this, [&](const Result<void> &r) { ++calls; enabled = r; });
    QTRY_COMPARE(calls, 1);
    QVERIFY(enabled.ok());
    QVERIFY(s->isBiometricUnlockEnabled());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(s->state(), Session::State::SignedIn); // enabling does not lock
    QVERIFY(store->peek(item(CredentialStore::Item::DataKey)).isEmpty()); // no keychain copy left
    const QByteArray slotKey = device->slotKeys.value(account());
    QCOMPARE(slotKey.size(), 32);
    QVERIFY(slotKey != oldKey); // a new data key: the old one opens nothing
    const QByteArray record = store->peek(account());
    QCOMPARE(*Seal::protectionOf(record), Seal::Protection::Biometric);
    QVERIFY(!Seal::open(oldKey, record, account().toUtf8()).ok());
    QVERIFY(Seal::open(slotKey, record, account().toUtf8()).ok());
    QCOMPARE(device->prompts, 0);
    QTest::qWait(20);
    QCOMPARE(calls, 1);
}

void tst_SessionLock::enableNeedsAnEnrolledBiometric()
{
    Session *s = signedInSession();
    QVERIFY(s);
    for (auto availability : {BiometricUnlock::Availability::None, BiometricUnlock::Availability::NotEnrolled}) {
        device->availability = availability;
        QCOMPARE(int(s->biometricAvailability()), int(availability));
        Result<void> enabled;
        int calls = 0;
        s->enableBiometricUnlock(this, [&](const Result<void> &r) { ++calls; enabled = r; });
        QTRY_COMPARE(calls, 1);
        QCOMPARE(enabled.error().code(), Error::Code::BiometricUnavailable);
        QVERIFY(!s->isBiometricUnlockEnabled());
        QCOMPARE(store->peek(item(CredentialStore::Item::DataKey)).size(), 32);
    }
    device->availability = BiometricUnlock::Availability::Available;
    QCOMPARE(s->biometricAvailability(), Session::BiometricAvailability::Available);

    Session *out = newSession(QStringLiteral("nobody"));
    Result<void> enabled;
    int calls = 0;
    out->enableBiometricUnlock(this, [&](const Result<void> &r) { ++calls; enabled = r; });
    QTRY_COMPARE(calls, 1);
    QCOMPARE(enabled.error().code(), Error::Code::NotSignedIn);
}

void tst_SessionLock::restoreOfABiometricRecordIsLockedWithoutAPrompt()
{
    Session *s = signedInSession(true);
    QVERIFY(s);
    Result<bool> restored = false;
    Session *again = restoredSession(&restored);
    QVERIFY(again && restored.ok() && *restored);
    QCOMPARE(again->state(), Session::State::Locked);
    QVERIFY(!again->isSignedIn());
    QVERIFY(again->isBiometricUnlockEnabled());
    QVERIFY(!again->tokens().isValid());
    QCOMPARE(device->prompts, 0);
    Result<QByteArray> token = QByteArray();
    int calls = 0;
    again->withFreshToken(this, [&](const Result<QByteArray> &t) { ++calls; token = t; });
    QTRY_COMPARE(calls, 1);
    QCOMPARE(token.error().code(), Error::Code::SessionLocked);
    QVERIFY(token.error().isTransient());
}

void tst_SessionLock::unlockWithAMatch()
{
    Session *s = signedInSession(true);
    QVERIFY(s);
    const TokenSet tokens = s->tokens();
    Session *again = restoredSession();
    QVERIFY(again);
    QSignalSpy prompt(again, &Session::biometricPromptStarted);
    QSignalSpy unlocked(again, &Session::unlocked);
    QSignalSpy errors(again, &Session::errorOccurred);
    again->unlock();
    QTRY_COMPARE(unlocked.count(), 1);
    QCOMPARE(prompt.count(), 1);
    QCOMPARE(errors.count(), 0);
    QCOMPARE(again->state(), Session::State::SignedIn);
    QCOMPARE(again->tokens().accessToken(), tokens.accessToken());
    QCOMPARE(again->tokens().idToken().subject(), tokens.idToken().subject());
    QCOMPARE(idp->count(QStringLiteral("/authorize")), 1); // no browser
    QCOMPARE(device->prompts, 1);
    // Refreshes after an unlock are sealed under the same slot key.
    QSignalSpy refreshed(again, &Session::refreshed);
    again->refresh();
    QTRY_COMPARE(refreshed.count(), 1);
    const auto opened = Internal::openTokenRecord(device->slotKeys.value(account()), store->peek(account()), account(),
                                                  idp->issuer(), QStringLiteral("storefront-mobile"));
    QVERIFY(opened.ok());
    QCOMPARE(opened->tokens.refreshToken(), again->tokens().refreshToken());
}

void tst_SessionLock::noMatchAndCancelLoseNothing()
{
    QVERIFY(signedInSession(true));
    Session *again = restoredSession();
    QVERIFY(again);
    const QByteArray record = store->peek(account());
    QSignalSpy errors(again, &Session::errorOccurred);
    QSignalSpy out(again, &Session::signedOut);

    device->next = FakeBiometricUnlock::Next::NoMatch;
    again->unlock();
    QTRY_COMPARE(errors.count(), 1);
    const Error failed = errors.at(0).at(0).value<Error>();
    QCOMPARE(failed.code(), Error::Code::BiometricFailed);
    QVERIFY(failed.isTransient());
    QCOMPARE(again->state(), Session::State::Locked);

    device->next = FakeBiometricUnlock::Next::Hold;
    again->unlock();
    QTRY_VERIFY(device->pending != nullptr);
    again->unlock(); // a second unlock while one is waiting: busy, the first goes on
    QTRY_COMPARE(errors.count(), 2);
    QCOMPARE(errors.at(1).at(0).value<Error>().code(), Error::Code::Busy);
    again->cancel();
    QTRY_COMPARE(errors.count(), 3);
    const Error cancelled = errors.at(2).at(0).value<Error>();
    QCOMPARE(cancelled.code(), Error::Code::BiometricCancelled);
    QVERIFY(!cancelled.isHard() && !cancelled.isTransient());
    QCOMPARE(again->state(), Session::State::Locked);
    QCOMPARE(out.count(), 0);
    QCOMPARE(store->peek(account()), record); // nothing lost
    QVERIFY(device->slotKeys.contains(account()));

    device->next = FakeBiometricUnlock::Next::Match;
    QSignalSpy unlocked(again, &Session::unlocked);
    again->unlock();
    QTRY_COMPARE(unlocked.count(), 1);
    QCOMPARE(again->state(), Session::State::SignedIn);
}

void tst_SessionLock::invalidatedEnrollmentWipesAndSignsOut()
{
    QVERIFY(signedInSession(true));
    Session *again = restoredSession();
    QVERIFY(again);
    device->next = FakeBiometricUnlock::Next::Invalidated;
    QList<QString> events;
    connect(again, &Session::signedOut, this, [&] { events.append(QStringLiteral("signedOut")); });
    connect(again, &Session::errorOccurred, this, [&](const Error &e) { events.append(e.id()); });
    again->unlock();
    QTRY_COMPARE(events.size(), 2);
    QCOMPARE(events, QList<QString>({QStringLiteral("signedOut"), QStringLiteral("biometric_invalidated")}));
    QCOMPARE(again->state(), Session::State::SignedOut);
    QVERIFY(!again->isBiometricUnlockEnabled());
    QVERIFY(store->peek(account()).isEmpty());
    QVERIFY(store->peek(item(CredentialStore::Item::DataKey)).isEmpty());
    QVERIFY(!device->slotKeys.contains(account()));
    Result<bool> restored = true;
    QVERIFY(restoredSession(&restored));
    QVERIFY(restored.ok() && !*restored); // clean: nothing to restore, the app asks for a sign-in
}

void tst_SessionLock::damagedRecordWhileLockedWipesAndSignsOut()
{
    QVERIFY(signedInSession(true));
    Session *again = restoredSession();
    QVERIFY(again);
    QByteArray record = store->peek(account());
    record[record.size() - 1] = char(record.at(record.size() - 1) ^ 0x80); // the tag
    store->write(account(), record, [](const Result<void> &) {});
    QSignalSpy errors(again, &Session::errorOccurred);
    QSignalSpy out(again, &Session::signedOut);
    again->unlock();
    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), Error::Code::StoreCorrupt);
    QCOMPARE(out.count(), 1);
    QCOMPARE(again->state(), Session::State::SignedOut);
    QVERIFY(store->peek(account()).isEmpty());
    QVERIFY(!device->slotKeys.contains(account()));
}

void tst_SessionLock::lockForgetsTheTokensAndUnlockBringsThemBack()
{
    Session *s = signedInSession(true);
    QVERIFY(s);
    const TokenSet tokens = s->tokens();
    QSignalSpy locked(s, &Session::locked);
    s->lock();
    QTRY_COMPARE(locked.count(), 1);
    QCOMPARE(s->state(), Session::State::Locked);
    QVERIFY(!s->tokens().isValid());
    QVERIFY(SessionPrivate::get(s)->dataKey.isEmpty());
    QVERIFY(SessionPrivate::get(s)->dpopKey.isNull());
    QVERIFY(!SessionPrivate::get(s)->proactiveTimer.isActive());
    QSignalSpy unlocked(s, &Session::unlocked);
    s->unlock();
    QTRY_COMPARE(unlocked.count(), 1);
    QCOMPARE(s->tokens().accessToken(), tokens.accessToken());
    QVERIFY(SessionPrivate::get(s)->proactiveTimer.isActive());
}

void tst_SessionLock::lockWaitsForTheRefreshInFlight()
{
    idp->expiresIn = 0; // the next withFreshToken refreshes
    Session *s = signedInSession(true);
    QVERIFY(s);
    const QByteArray oldRefresh = s->tokens().refreshToken();
    Result<QByteArray> token = Error(Error::Code::Busy);
    int calls = 0;
    s->withFreshToken(this, [&](const Result<QByteArray> &t) { ++calls; token = t; });
    QCOMPARE(s->state(), Session::State::Refreshing);
    QSignalSpy locked(s, &Session::locked);
    s->lock(); // must not drop the rotated refresh token on the floor
    QTRY_COMPARE(locked.count(), 1);
    QCOMPARE(calls, 1);
    QVERIFY(token.ok()); // the caller waiting for the refresh got its token before the lock
    QCOMPARE(idp->refreshGrants, 1);
    QCOMPARE(s->state(), Session::State::Locked);
    QSignalSpy unlocked(s, &Session::unlocked);
    s->unlock();
    QTRY_COMPARE(unlocked.count(), 1);
    QVERIFY(s->tokens().refreshToken() != oldRefresh);
    QVERIFY(idp->liveRefreshTokens.contains(QString::fromUtf8(s->tokens().refreshToken())));
}

void tst_SessionLock::enableWaitsForTheRefreshInFlight()
{
    idp->expiresIn = 0;
    Session *s = signedInSession();
    QVERIFY(s);
    device->holdProtect = true;
    Result<void> enabled = Error(Error::Code::Busy);
    int calls = 0;
    s->enableBiometricUnlock(this, [&](const Result<void> &r) { ++calls; enabled = r; });
    QVERIFY(device->pendingProtect != nullptr);
    int tokens = 0;
    s->withFreshToken(this, [&](const Result<QByteArray> &t) { tokens += t.ok(); });
    QCOMPARE(s->state(), Session::State::Refreshing);
    std::exchange(device->pendingProtect, nullptr)({}); // the slot is written while the refresh is in flight
    QCOMPARE(SessionPrivate::get(s)->afterRefresh.size(), size_t(1)); // the switch waits for it
    QTRY_COMPARE(calls, 1);
    QVERIFY(enabled.ok());
    QCOMPARE(tokens, 1);
    // The record holds the REFRESHED tokens, sealed under the slot key: nothing written under the
    // old key after the switch.
    const auto opened = Internal::openTokenRecord(device->slotKeys.value(account()), store->peek(account()), account(),
                                                  idp->issuer(), QStringLiteral("storefront-mobile"));
    QVERIFY(opened.ok());
    QCOMPARE(opened->tokens.refreshToken(), s->tokens().refreshToken());
    QVERIFY(store->peek(item(CredentialStore::Item::DataKey)).isEmpty());
}

void tst_SessionLock::signOutEndsAWaitingEnable()
{
    idp->expiresIn = 0;
    Session *s = signedInSession();
    QVERIFY(s);
    device->holdProtect = true;
    Result<void> enabled;
    int calls = 0;
    s->enableBiometricUnlock(this, [&](const Result<void> &r) { ++calls; enabled = r; });
    s->withFreshToken(this, [](const Result<QByteArray> &) {});
    std::exchange(device->pendingProtect, nullptr)({});
    QCOMPARE(SessionPrivate::get(s)->afterRefresh.size(), size_t(1));
    QSignalSpy out(s, &Session::signedOut);
    s->signOut(); // the waiting switch ends now, with nothing to seal
    QVERIFY(SessionPrivate::get(s)->afterRefresh.empty());
    QTRY_COMPARE(calls, 1);
    QCOMPARE(enabled.error().code(), Error::Code::NotSignedIn);
    QTRY_COMPARE(out.count(), 1);
    QVERIFY(store->peek(account()).isEmpty());
    QVERIFY(!device->slotKeys.contains(account()));
    QVERIFY(!s->isBiometricUnlockEnabled());
    QTest::qWait(20);
    QCOMPARE(calls, 1);
}

void tst_SessionLock::signOutWhileLockedWipesEverything()
{
    QVERIFY(signedInSession(true));
    Session *again = restoredSession();
    QVERIFY(again);
    QCOMPARE(again->state(), Session::State::Locked);
    QSignalSpy out(again, &Session::signedOut);
    again->signOut(); // no tokens in memory: nothing to revoke, everything stored goes
    QTRY_COMPARE(out.count(), 1);
    QCOMPARE(again->state(), Session::State::SignedOut);
    QVERIFY(idp->revoked.isEmpty());
    QVERIFY(store->peek(account()).isEmpty());
    QVERIFY(!device->slotKeys.contains(account()));
    QCOMPARE(device->prompts, 0);
}

void tst_SessionLock::autoLockAfterIdleTime()
{
    Session *s = signedInSession(true);
    QVERIFY(s);
    auto *d = SessionPrivate::get(s);
    QSignalSpy locked(s, &Session::locked);
    s->setAutoLockSeconds(1);
    QCOMPARE(s->autoLockSeconds(), 1);
    QVERIFY(d->autoLockTimer.isActive());
    QCOMPARE(d->autoLockTimer.interval(), 1000);
    d->autoLockTimer.stop();
    s->noteActivity(); // activity (re)starts the countdown
    QVERIFY(d->autoLockTimer.isActive());
    QCOMPARE(locked.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(locked.count(), 1, 5000);
    QCOMPARE(s->state(), Session::State::Locked);
    s->noteActivity(); // no effect while locked
    QVERIFY(!d->autoLockTimer.isActive());
    s->setAutoLockSeconds(0);
    QVERIFY(!d->autoLockTimer.isActive());

    // Without biometric unlock, nothing is auto-locked.
    Session *plain = signedInSession();
    QVERIFY(plain);
    plain->setAutoLockSeconds(1);
    QVERIFY(!SessionPrivate::get(plain)->autoLockTimer.isActive());
}

void tst_SessionLock::lockWithoutBiometricUnlockIsRefused()
{
    Session *s = signedInSession();
    QVERIFY(s);
    QSignalSpy errors(s, &Session::errorOccurred);
    s->lock();
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), Error::Code::BiometricUnavailable);
    QCOMPARE(s->state(), Session::State::SignedIn);
    QVERIFY(s->tokens().isValid());
}

void tst_SessionLock::disableBringsTheKeyBackToTheKeychain()
{
    Session *s = signedInSession(true);
    QVERIFY(s);
    Result<void> disabled = Error(Error::Code::Busy);
    int calls = 0;
    s->disableBiometricUnlock(this, [&](const Result<void> &r) { ++calls; disabled = r; });
    QTRY_COMPARE(calls, 1);
    QVERIFY(disabled.ok());
    QVERIFY(!s->isBiometricUnlockEnabled());
    QVERIFY(!device->slotKeys.contains(account()));
    QCOMPARE(store->peek(item(CredentialStore::Item::DataKey)).size(), 32);
    QCOMPARE(*Seal::protectionOf(store->peek(account())), Seal::Protection::Keychain);
    Result<bool> restored = false;
    Session *again = restoredSession(&restored);
    QVERIFY(again && restored.ok() && *restored);
    QCOMPARE(again->state(), Session::State::SignedIn);
    QCOMPARE(device->prompts, 0);
}

void tst_SessionLock::freshSignInDropsTheOldSlot()
{
    Session *s = signedInSession(true);
    QVERIFY(s);
    QVERIFY(device->slotKeys.contains(account()));
    QSignalSpy signedIn(s, &Session::signedIn);
    s->signIn(); // signing in again (e.g. after biometric_invalidated elsewhere): keychain key, no slot
    QTRY_COMPARE(signedIn.count(), 1);
    QVERIFY(!s->isBiometricUnlockEnabled());
    QVERIFY(!device->slotKeys.contains(account()));
    QCOMPARE(*Seal::protectionOf(store->peek(account())), Seal::Protection::Keychain);
    Result<bool> restored = false;
    QVERIFY(restoredSession(&restored));
    QVERIFY(restored.ok() && *restored);
}

QTEST_GUILESS_MAIN(tst_SessionLock)
#include "tst_sessionlock.moc"
