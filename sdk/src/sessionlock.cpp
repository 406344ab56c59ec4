// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Session: sealed storage, lock/unlock and biometric unlock. Kept apart from session.cpp (the
// sign-in and token lifecycle); both share SessionPrivate.
//
// Items of one sign-in (CredentialStore::itemKey): the sealed record; the data key, in the keychain
// (Item::DataKey) or, with biometric unlock, in the platform's biometric slot. The record's header
// says which (Seal::Protection), so restore() knows without a prompt.
#include <concierge/session.h>

#include "core/logging_p.h"
#include "session_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaObject>

#include <openssl/crypto.h>

namespace Concierge {

using namespace Internal;

namespace {

void cleanse(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret.clear();
}

} // namespace

void SessionPrivate::setBiometricUnlock(std::unique_ptr<BiometricUnlock> unlock)
{
    biometricUnlock = std::move(unlock);
}

BiometricUnlock *SessionPrivate::biometric()
{
    if (!biometricUnlock)
        biometricUnlock = createPlatformBiometricUnlock(store);
    return biometricUnlock.get();
}

void SessionPrivate::startNewDataKey()
{
    if (protection == Seal::Protection::Biometric) {
        // A fresh sign-in starts without biometric unlock: the old slot goes.
        biometric()->remove(account(), [](const Result<void> &) {});
        setBiometricEnabled(false);
    }
    cleanse(dataKey);
    dataKey = Seal::generateKey();
    protection = Seal::Protection::Keychain;
    dataKeyStored = false;
}

void SessionPrivate::storeTokens(const TokenSet &t, std::function<void(const Result<void> &)> done)
{
    if (dataKey.isEmpty())
        startNewDataKey();
    const QString acc = account();
    const QByteArray record = sealTokenRecord(dataKey, protection, acc, t, config.issuer(), config.clientId(), dpopKeyDer());
    auto writeRecord = [s = store, acc, record, done] { s->write(acc, record, done); };
    if (protection == Seal::Protection::Biometric || dataKeyStored)
        return writeRecord();
    // A new data key: its item first, so that a stored record always has its key.
    dataKeyStored = true;
    store->write(itemKey(CredentialStore::Item::DataKey), dataKey,
                 [this, guard = QPointer<Session>(q_ptr), writeRecord, done](const Result<void> &written) {
        if (!written) {
            if (guard)
                dataKeyStored = false;
            return done(written);
        }
        writeRecord();
    });
}

void SessionPrivate::wipeStored(std::function<void(const Result<void> &)> done)
{
    const bool hadSlot = protection == Seal::Protection::Biometric || biometricUnlock;
    if (unlocking && biometricUnlock)
        biometricUnlock->cancel();
    runAfterRefresh(); // steps waiting for a refresh end now: they find no tokens and answer so
    cleanse(dataKey);
    dataKeyStored = false;
    protection = Seal::Protection::Keychain;
    setBiometricEnabled(false);
    autoLockTimer.stop();
    const QString acc = account();
    auto s = store;
    BiometricUnlock *slot = hadSlot ? biometric() : nullptr;
    // The record first: without it nothing can be restored, whatever happens to the rest. Then the
    // data key and the slot; done() once all are gone (the process may exit on it).
    s->remove(acc, [s, acc, slot, guard = QPointer<Session>(q_ptr), done](const Result<void> &wiped) {
        s->remove(CredentialStore::itemKey(acc, CredentialStore::Item::DataKey), [acc, slot, guard, done, wiped](const Result<void> &r) {
            if (!r)
                qCInfo(lcStore).noquote() << "could not delete the data key item:" << r.error().id();
            if (!slot || !guard)
                return done(wiped);
            slot->remove(acc, [done, wiped](const Result<void> &removed) {
                if (!removed)
                    qCInfo(lcStore).noquote() << "could not delete the biometric slot:" << removed.error().id();
                done(wiped);
            });
        });
    });
}

void SessionPrivate::restoreStored(QPointer<QObject> context, Session::RestoreCallback callback)
{
    Q_Q(Session);
    const auto answer = [context, callback](const Result<bool> &r) {
        if (context)
            QMetaObject::invokeMethod(context, [callback, r] { callback(r); }, Qt::QueuedConnection);
    };
    // Never silently use a damaged record: wipe it, and report once it is gone (a process may exit
    // on the answer), so the next start is a clean signed-out state.
    const auto corrupt = [this, answer](const Error &error) {
        wipeStored([answer, error](const Result<void> &) { answer(error); });
    };
    store->read(account(), [this, self = QPointer<Session>(q), answer, corrupt](const Result<QByteArray> &record) {
        if (!self)
            return; // the session went away while the keychain was answering
        if (!record)
            return answer(record.error());
        if (record->isEmpty())
            return answer(false);
        const auto sealedWith = Seal::protectionOf(*record);
        if (!sealedWith)
            return corrupt(sealedWith.error());
        if (*sealedWith == Seal::Protection::Biometric) {
            // Locked until unlock(): no prompt here. A data key item left by an interrupted
            // enableBiometricUnlock() is not needed and goes.
            store->remove(itemKey(CredentialStore::Item::DataKey), [](const Result<void> &) {});
            protection = Seal::Protection::Biometric;
            setBiometricEnabled(true);
            setState(Session::State::Locked);
            return answer(true);
        }
        store->read(itemKey(CredentialStore::Item::DataKey), [this, self, box = *record, answer, corrupt](const Result<QByteArray> &key) {
            if (!self)
                return;
            if (!key)
                return answer(key.error());
            auto restored = openTokenRecord(*key, box, account(), config.issuer(), config.clientId());
            if (!restored)
                return corrupt(restored.error());
            Jose::DpopKey dpop;
            if (!restored->dpopKey.isEmpty()) {
                auto loaded = Jose::DpopKey::fromPrivateDer(restored->dpopKey);
                if (!loaded)
                    return corrupt(Error(Error::Code::StoreCorrupt, QStringLiteral("the stored DPoP key is unusable")));
                dpop = *loaded;
            }
            Q_Q(Session);
            dataKey = *key;
            dataKeyStored = true;
            protection = Seal::Protection::Keychain;
            dpopKey = dpop;
            tokens = restored->tokens;
            setState(Session::State::SignedIn);
            scheduleProactiveRefresh();
            Q_EMIT q->tokensChanged();
            Q_EMIT q->signedIn();
            answer(true);
        });
    });
}

void SessionPrivate::setBiometricEnabled(bool enabled)
{
    Q_Q(Session);
    const bool was = protection == Seal::Protection::Biometric;
    protection = enabled ? Seal::Protection::Biometric : Seal::Protection::Keychain;
    if (was != enabled)
        Q_EMIT q->biometricUnlockEnabledChanged(enabled);
}

// ---- unlock ----------------------------------------------------------------------------------

void SessionPrivate::startUnlock()
{
    Q_Q(Session);
    if (state != Session::State::Locked) {
        if (q->isSignedIn())
            Q_EMIT q->unlocked(); // nothing to do: already unlocked
        else
            Q_EMIT q->errorOccurred(Error(Error::Code::NotSignedIn));
        return;
    }
    if (unlocking) {
        Q_EMIT q->errorOccurred(Error(Error::Code::Busy, QStringLiteral("an unlock is already in progress")));
        return;
    }
    unlocking = true;
    QPointer<Session> guard(q);
    const QString reason = QCoreApplication::translate("Concierge::Session", "Unlock your sign-in");
    biometric()->release(account(), reason, [guard] {
        if (guard)
            Q_EMIT guard->biometricPromptStarted();
    }, [this, guard](const Result<QByteArray> &key) {
        if (guard)
            onUnlockKey(key);
    });
}

void SessionPrivate::onUnlockKey(const Result<QByteArray> &key)
{
    if (!key)
        return failUnlock(key.error());
    store->read(account(), [this, guard = QPointer<Session>(q_ptr), key = *key](const Result<QByteArray> &record) {
        if (!guard)
            return;
        Q_Q(Session);
        if (!record)
            return failUnlock(record.error()); // store_locked and the like: still Locked, retry later
        const Error corrupt(Error::Code::StoreCorrupt, QStringLiteral("the stored sign-in record is damaged or foreign"));
        const auto sealedWith = Seal::protectionOf(*record);
        if (record->isEmpty() || !sealedWith || *sealedWith != Seal::Protection::Biometric)
            return failUnlock(record->isEmpty() || sealedWith ? corrupt : sealedWith.error());
        auto restored = openTokenRecord(key, *record, account(), config.issuer(), config.clientId());
        if (!restored)
            return failUnlock(restored.error());
        Jose::DpopKey dpop;
        if (!restored->dpopKey.isEmpty()) {
            auto loaded = Jose::DpopKey::fromPrivateDer(restored->dpopKey);
            if (!loaded)
                return failUnlock(Error(Error::Code::StoreCorrupt, QStringLiteral("the stored DPoP key is unusable")));
            dpop = *loaded;
        }
        unlocking = false;
        dataKey = key;
        dpopKey = dpop;
        tokens = restored->tokens;
        qCInfo(lcSession) << "unlocked";
        setState(Session::State::SignedIn);
        scheduleProactiveRefresh();
        armAutoLock();
        Q_EMIT q->tokensChanged();
        Q_EMIT q->unlocked();
    });
}

void SessionPrivate::failUnlock(const Error &error)
{
    Q_Q(Session);
    unlocking = false;
    qCInfo(lcSession).noquote() << "unlock failed:" << error.id();
    if (error.code() == Error::Code::BiometricInvalidated || error.code() == Error::Code::StoreCorrupt) {
        // The slot or the record can never be opened again: wipe everything, sign out, and let
        // the app ask for a fresh sign-in (signedOut(), then errorOccurred()).
        becomeSignedOut(error);
        return;
    }
    // Cancelled, no match, lockout, sensor or keychain trouble: nothing is lost, still Locked.
    Q_EMIT q->errorOccurred(error);
}

// ---- lock ------------------------------------------------------------------------------------

void SessionPrivate::whenNoRefresh(std::function<void()> step)
{
    if (!refreshInFlight)
        return step();
    afterRefresh.push_back(std::move(step));
}

void SessionPrivate::runAfterRefresh()
{
    auto steps = std::move(afterRefresh);
    afterRefresh.clear();
    for (auto &step : steps)
        step();
}

void SessionPrivate::lockNow()
{
    Q_Q(Session);
    if (state != Session::State::SignedIn || protection != Seal::Protection::Biometric || !tokens.isValid() || signingOut)
        return;
    autoLockTimer.stop();
    proactiveTimer.stop();
    retryTimer.stop();
    ++refreshGeneration;
    answerWaiters(Error(Error::Code::SessionLocked));
    tokens = TokenSet();
    dpopKey = Jose::DpopKey();
    cleanse(dataKey);
    qCInfo(lcSession) << "locked";
    setState(Session::State::Locked);
    Q_EMIT q->tokensChanged();
    Q_EMIT q->locked();
}

void SessionPrivate::armAutoLock()
{
    if (autoLockSeconds > 0 && protection == Seal::Protection::Biometric && state == Session::State::SignedIn)
        autoLockTimer.start(autoLockSeconds * 1000);
    else
        autoLockTimer.stop();
}

// ---- public API ------------------------------------------------------------------------------

Session::BiometricAvailability Session::biometricAvailability()
{
    Q_D(Session);
    switch (d->biometric()->availability()) {
    case BiometricUnlock::Availability::Available:
        return BiometricAvailability::Available;
    case BiometricUnlock::Availability::NotEnrolled:
        return BiometricAvailability::NotEnrolled;
    case BiometricUnlock::Availability::None:
        break;
    }
    return BiometricAvailability::None;
}

bool Session::isBiometricUnlockEnabled() const
{
    Q_D(const Session);
    return d->protection == Seal::Protection::Biometric;
}

namespace {
void answerLater(QPointer<QObject> context, Session::CompletionCallback callback, const Result<void> &result)
{
    if (context)
        QMetaObject::invokeMethod(context, [callback, result] { callback(result); }, Qt::QueuedConnection);
}
} // namespace

void Session::enableBiometricUnlock(QObject *context, CompletionCallback callback)
{
    Q_D(Session);
    QPointer<QObject> target(context ? context : this);
    if (d->protection == Seal::Protection::Biometric) // already on (also while Locked)
        return answerLater(target, callback, {});
    if (!isSignedIn() || !d->tokens.isValid())
        return answerLater(target, callback, Error(Error::Code::NotSignedIn));
    const auto available = d->biometric()->availability();
    if (available != BiometricUnlock::Availability::Available)
        return answerLater(target, callback, Error(Error::Code::BiometricUnavailable,
            available == BiometricUnlock::Availability::NotEnrolled ? QStringLiteral("no biometric is enrolled")
                                                                    : QStringLiteral("no biometric sensor or service")));
    // A new data key: whatever copies of the old one exist (the keychain item) open nothing new.
    const QByteArray key = Seal::generateKey();
    const QString reason = QCoreApplication::translate("Concierge::Session", "Turn on biometric unlock");
    d->biometric()->protect(d->account(), key, reason, [d, self = QPointer<Session>(this), target, callback, key](const Result<void> &slot) {
        if (!self)
            return;
        if (!slot)
            return answerLater(target, callback, slot);
        // The record is sealed again under the new key once no refresh is writing the old one.
        d->whenNoRefresh([d, self, target, callback, key] {
            if (!self || !self->isSignedIn() || !d->tokens.isValid()) {
                if (!self)
                    return;
                d->biometric()->remove(d->account(), [](const Result<void> &) {});
                return answerLater(target, callback, Error(Error::Code::NotSignedIn));
            }
            const QByteArray record = sealTokenRecord(key, Seal::Protection::Biometric, d->account(), d->tokens,
                                                      d->config.issuer(), d->config.clientId(), d->dpopKeyDer());
            d->store->write(d->account(), record, [d, self, target, callback, key](const Result<void> &written) {
                if (!self)
                    return;
                if (!written) { // the old record and key stay valid; the new slot is useless
                    d->biometric()->remove(d->account(), [](const Result<void> &) {});
                    return answerLater(target, callback, written);
                }
                cleanse(d->dataKey);
                d->dataKey = key;
                d->dataKeyStored = false;
                d->setBiometricEnabled(true);
                d->armAutoLock();
                qCInfo(lcSession) << "biometric unlock enabled";
                // The old key opens nothing any more (the record is sealed under the new one); its
                // item goes before the answer, so an app exiting on it leaves nothing behind.
                d->store->remove(d->itemKey(CredentialStore::Item::DataKey), [target, callback](const Result<void> &r) {
                    if (!r)
                        qCWarning(lcStore).noquote() << "could not delete the keychain copy of the data key:" << r.error().id();
                    answerLater(target, callback, {});
                });
            });
        });
    });
}

void Session::disableBiometricUnlock(QObject *context, CompletionCallback callback)
{
    Q_D(Session);
    QPointer<QObject> target(context ? context : this);
    if (d->protection != Seal::Protection::Biometric)
        return answerLater(target, callback, {});
    if (!isSignedIn() || !d->tokens.isValid()) // Locked: unlock() first, the tokens must be sealed again
        return answerLater(target, callback, Error(state() == State::Locked ? Error::Code::SessionLocked : Error::Code::NotSignedIn));
    d->whenNoRefresh([d, self = QPointer<Session>(this), target, callback] {
        if (!self || !self->isSignedIn() || !d->tokens.isValid())
            return answerLater(target, callback, Error(Error::Code::NotSignedIn));
        const QByteArray key = Seal::generateKey();
        d->store->write(d->itemKey(CredentialStore::Item::DataKey), key, [d, self, target, callback, key](const Result<void> &keyWritten) {
            if (!self)
                return;
            if (!keyWritten)
                return answerLater(target, callback, keyWritten);
            const QByteArray record = sealTokenRecord(key, Seal::Protection::Keychain, d->account(), d->tokens,
                                                      d->config.issuer(), d->config.clientId(), d->dpopKeyDer());
            d->store->write(d->account(), record, [d, self, target, callback, key](const Result<void> &written) {
                if (!self)
                    return;
                if (!written)
                    return answerLater(target, callback, written);
                cleanse(d->dataKey);
                d->dataKey = key;
                d->dataKeyStored = true;
                d->setBiometricEnabled(false);
                d->armAutoLock();
                d->biometric()->remove(d->account(), [target, callback](const Result<void> &r) {
                    if (!r)
                        qCWarning(lcStore).noquote() << "could not delete the biometric slot:" << r.error().id();
                    answerLater(target, callback, {});
                });
            });
        });
    });
}

void Session::setAutoLockSeconds(int seconds)
{
    Q_D(Session);
    d->autoLockSeconds = qMax(0, seconds);
    d->armAutoLock();
}

int Session::autoLockSeconds() const
{
    Q_D(const Session);
    return d->autoLockSeconds;
}

void Session::unlock()
{
    Q_D(Session);
    d->startUnlock();
}

void Session::lock()
{
    Q_D(Session);
    if (d->state == State::Locked)
        return Q_EMIT locked();
    if (d->protection != Seal::Protection::Biometric || !isSignedIn()) {
        Q_EMIT errorOccurred(Error(isSignedIn() ? Error::Code::BiometricUnavailable : Error::Code::NotSignedIn,
                                   QStringLiteral("only a session with biometric unlock can be locked")));
        return;
    }
    d->whenNoRefresh([d, self = QPointer<Session>(this)] {
        if (self)
            d->lockNow();
    });
}

void Session::noteActivity()
{
    Q_D(Session);
    if (d->state == State::SignedIn)
        d->armAutoLock();
}

} // namespace Concierge
