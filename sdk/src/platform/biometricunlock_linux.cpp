// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Biometric unlock on Linux: fprintd over the system D-Bus, as a GATE before the data key is read.
//
// What this is, plainly: the data key sits in the keychain (Secret Service item "<account>|biometric")
// like any other secret of the user, and the SDK reads it only after fprintd reported
// verify-match. The fingerprint does not encrypt or bind anything: a process running as the user,
// or a debugger attached to the app, can read the item without a finger. What the gate gives is the
// app-level behaviour: a person at an unlocked desktop cannot use a locked session without the
// enrolled finger.
//
// Enrollment changes: at protect() time the slot records a SHA-256 of the reader's name and the
// sorted list of enrolled fingers (ListEnrolledFingers). A slot whose list differs (a finger added,
// removed, or every print deleted) gives biometric_invalidated. fprintd does not expose per-print
// identities, so deleting a print and re-enrolling the SAME finger name between two unlocks cannot
// be told apart from no change; docs/security.md says so.
//
// D-Bus flow (fprintd 1.94): Manager.GetDefaultDevice -> Device.ListEnrolledFingers("") ->
// Device.Claim("") -> Device.VerifyStart("any") -> VerifyStatus(result, done) signals ->
// Device.VerifyStop -> Device.Release. Calls are synchronous with a 5 s timeout (local IPC); the
// wait for a finger is asynchronous.
#include "platform/biometricunlock_p.h"

#include "core/json_p.h"
#include "core/logging_p.h"
#include "platform/credentialstore_p.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QPointer>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusInterface>
#include <QtDBus/QDBusObjectPath>
#include <QtDBus/QDBusReply>

#include <algorithm>

namespace Concierge::Internal {

namespace {

const QString kService = QStringLiteral("net.reactivated.Fprint");
const QString kManagerPath = QStringLiteral("/net/reactivated/Fprint/Manager");
const QString kManagerIface = QStringLiteral("net.reactivated.Fprint.Manager");
const QString kDeviceIface = QStringLiteral("net.reactivated.Fprint.Device");
constexpr int kCallTimeoutMs = 5000;

Error unavailable(const QString &why) { return Error(Error::Code::BiometricUnavailable, why); }

class FprintdUnlock final : public QObject, public BiometricUnlock
{
    Q_OBJECT
public:
    explicit FprintdUnlock(std::shared_ptr<CredentialStore> store)
        : m_store(std::move(store))
        , m_bus(QDBusConnection::systemBus())
    {
    }

    ~FprintdUnlock() override
    {
        if (m_attempt)
            stopAndRelease();
    }

    Availability availability() override
    {
        const auto device = defaultDevice();
        if (!device)
            return Availability::None;
        const auto enrolled = enrollment(*device);
        if (!enrolled)
            return Availability::None;
        return enrolled->isEmpty() ? Availability::NotEnrolled : Availability::Available;
    }

    void protect(const QString &account, const QByteArray &dataKey, const QString &, Done done) override
    {
        const auto device = defaultDevice();
        if (!device)
            return done(device.error());
        const auto enrolled = enrollment(*device);
        if (!enrolled)
            return done(enrolled.error());
        if (enrolled->isEmpty())
            return done(unavailable(QStringLiteral("no fingerprint is enrolled for this user")));
        nlohmann::json slot;
        slot["format"] = "concierge.biometric-slot";
        slot["v"] = 1;
        slot["gate"] = "fprintd";
        slot["enrollment"] = enrolled->toStdString();
        slot["key"] = dataKey.toBase64().toStdString();
        const std::string s = slot.dump();
        m_store->write(CredentialStore::itemKey(account, CredentialStore::Item::BiometricSlot),
                       QByteArray(s.data(), qsizetype(s.size())), std::move(done));
    }

    void release(const QString &account, const QString &, Waiting waiting, KeyDone done) override
    {
        if (m_attempt)
            return done(Error(Error::Code::Busy, QStringLiteral("a fingerprint check is already running")));
        const auto device = defaultDevice();
        if (!device)
            return done(device.error());
        const auto enrolled = enrollment(*device);
        if (!enrolled)
            return done(enrolled.error());
        if (enrolled->isEmpty()) // the prints the slot was made for are gone
            return done(Error(Error::Code::BiometricInvalidated, QStringLiteral("no fingerprint is enrolled any more")));

        m_attempt = std::make_unique<Attempt>();
        m_attempt->device = *device;
        m_attempt->account = account;
        m_attempt->done = std::move(done);
        QDBusInterface dev(kService, *device, kDeviceIface, m_bus);
        dev.setTimeout(kCallTimeoutMs);
        const QDBusMessage claimed = dev.call(QStringLiteral("Claim"), QString());
        if (claimed.type() == QDBusMessage::ErrorMessage) {
            const bool busy = claimed.errorName().endsWith(QLatin1String("AlreadyInUse"));
            return fail(busy ? Error(Error::Code::Busy, QStringLiteral("the fingerprint reader is in use"))
                             : unavailable(QStringLiteral("the fingerprint reader cannot be claimed")));
        }
        m_attempt->claimed = true;
        m_bus.connect(kService, *device, kDeviceIface, QStringLiteral("VerifyStatus"), this,
                      SLOT(onVerifyStatus(QString, bool)));
        const QDBusMessage started = dev.call(QStringLiteral("VerifyStart"), QStringLiteral("any"));
        if (started.type() == QDBusMessage::ErrorMessage) {
            qCInfo(lcStore).noquote() << "fprintd VerifyStart failed:" << started.errorName();
            return fail(started.errorName().endsWith(QLatin1String("NoEnrolledPrints"))
                            ? Error(Error::Code::BiometricInvalidated, QStringLiteral("no fingerprint is enrolled any more"))
                            : unavailable(QStringLiteral("fingerprint verification could not start")));
        }
        m_attempt->verifying = true;
        qCInfo(lcStore) << "waiting for a finger on the reader";
        if (waiting)
            waiting();
    }

    void remove(const QString &account, Done done) override
    {
        m_store->remove(CredentialStore::itemKey(account, CredentialStore::Item::BiometricSlot), std::move(done));
    }

    void cancel() override
    {
        if (m_attempt)
            fail(Error(Error::Code::BiometricCancelled));
    }

private Q_SLOTS:
    void onVerifyStatus(const QString &result, bool done)
    {
        if (!m_attempt || !m_attempt->verifying)
            return;
        qCInfo(lcStore).noquote() << "fprintd:" << result << (done ? "(done)" : "");
        if (result == QLatin1String("verify-match"))
            return matched();
        if (result == QLatin1String("verify-no-match"))
            return fail(Error(Error::Code::BiometricFailed, QStringLiteral("the finger did not match")));
        if (result == QLatin1String("verify-disconnected"))
            return fail(unavailable(QStringLiteral("the fingerprint reader was disconnected")));
        // verify-retry-scan, -swipe-too-short, -finger-not-centered, -remove-and-retry: keep waiting
        // unless fprintd says the verification is over.
        if (done || result == QLatin1String("verify-unknown-error"))
            return fail(Error(Error::Code::BiometricFailed, QStringLiteral("the fingerprint could not be read")));
    }

private:
    struct Attempt
    {
        QString device;
        QString account;
        KeyDone done;
        bool claimed = false;
        bool verifying = false;
    };

    Result<QString> defaultDevice()
    {
        if (!m_bus.isConnected())
            return unavailable(QStringLiteral("no system D-Bus"));
        QDBusInterface manager(kService, kManagerPath, kManagerIface, m_bus);
        manager.setTimeout(kCallTimeoutMs);
        const QDBusReply<QDBusObjectPath> reply = manager.call(QStringLiteral("GetDefaultDevice"));
        if (!reply.isValid())
            return unavailable(QStringLiteral("no fingerprint reader (fprintd: %1)").arg(reply.error().name()));
        return reply.value().path();
    }

    //! A fingerprint of the enrollment: SHA-256 over the reader's name and the sorted finger names;
    //! empty when nothing is enrolled.
    Result<QString> enrollment(const QString &device)
    {
        QDBusInterface dev(kService, device, kDeviceIface, m_bus);
        dev.setTimeout(kCallTimeoutMs);
        const QDBusReply<QStringList> fingers = dev.call(QStringLiteral("ListEnrolledFingers"), QString());
        if (!fingers.isValid()) {
            if (fingers.error().name().endsWith(QLatin1String("NoEnrolledPrints")))
                return QString();
            return unavailable(QStringLiteral("fprintd refused to list the fingers (%1)").arg(fingers.error().name()));
        }
        QStringList sorted = fingers.value();
        if (sorted.isEmpty())
            return QString();
        std::sort(sorted.begin(), sorted.end());
        const QString name = dev.property("name").toString();
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(QByteArrayLiteral("concierge.fprintd.v1\n"));
        h.addData(name.toUtf8() + '\n');
        h.addData(sorted.join(QLatin1Char('\n')).toUtf8());
        return QString::fromLatin1(h.result().toHex());
    }

    void stopAndRelease()
    {
        QDBusInterface dev(kService, m_attempt->device, kDeviceIface, m_bus);
        dev.setTimeout(kCallTimeoutMs);
        if (m_attempt->verifying) {
            m_bus.disconnect(kService, m_attempt->device, kDeviceIface, QStringLiteral("VerifyStatus"), this,
                             SLOT(onVerifyStatus(QString, bool)));
            dev.call(QStringLiteral("VerifyStop"));
        }
        if (m_attempt->claimed)
            dev.call(QStringLiteral("Release"));
        m_attempt->verifying = false;
        m_attempt->claimed = false;
    }

    void fail(const Error &error)
    {
        stopAndRelease();
        KeyDone done = std::move(m_attempt->done);
        m_attempt.reset();
        done(error);
    }

    // The gate opened: only now is the slot (with the data key) read.
    void matched()
    {
        stopAndRelease();
        auto attempt = std::move(m_attempt);
        const auto enrolled = enrollment(attempt->device);
        QPointer<FprintdUnlock> self(this);
        m_store->read(CredentialStore::itemKey(attempt->account, CredentialStore::Item::BiometricSlot),
                      [self, enrolled, done = std::move(attempt->done)](const Result<QByteArray> &item) {
            if (!item)
                return done(item.error());
            const Error corrupt(Error::Code::StoreCorrupt, QStringLiteral("the biometric slot is damaged or foreign"));
            if (item->isEmpty())
                return done(corrupt);
            const auto slot = Json::parseObject(*item, 4096);
            if (!slot || Json::stringOr(*slot, "format") != QLatin1String("concierge.biometric-slot")
                || Json::integer(*slot, "v") != 1)
                return done(corrupt);
            if (!enrolled || Json::stringOr(*slot, "enrollment") != *enrolled)
                return done(Error(Error::Code::BiometricInvalidated, QStringLiteral("the enrolled fingers changed")));
            const QByteArray key = QByteArray::fromBase64(Json::stringOr(*slot, "key").toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
            if (key.size() != Seal::KeyBytes)
                return done(corrupt);
            done(key);
        });
    }

    std::shared_ptr<CredentialStore> m_store;
    QDBusConnection m_bus;
    std::unique_ptr<Attempt> m_attempt;
};

} // namespace

std::unique_ptr<BiometricUnlock> createPlatformBiometricUnlock(std::shared_ptr<CredentialStore> store)
{
    return std::make_unique<FprintdUnlock>(std::move(store));
}

} // namespace Concierge::Internal

#include "biometricunlock_linux.moc"
