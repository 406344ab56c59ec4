// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Biometric unlock on Windows, two modes, chosen at protect() time and kept in the slot:
//  - "hello": a Windows Hello key (KeyCredentialManager, TPM-backed where there is a TPM) signs a fixed
//    per-account challenge after Hello verified the user; SHA-256 of the (deterministic, RSA PKCS#1)
//    signature is the key that wraps the data key (AES-256-GCM). Without Hello's private key, which
//    never leaves the TPM/Hello container, the wrapped key does not open. Hello is bound to the user's
//    Hello container, not to individual fingers: adding a finger does not invalidate it; resetting
//    Hello (a new key) does (biometric_invalidated).
//  - "consent": no Hello keys (e.g. no TPM): UserConsentVerifier is a GATE, like fprintd on Linux;
//    the data key is kept in the Credential Manager and read after a successful verification.
// Not built or tested by CI (Linux only); written against the documented WinRT APIs (C++/WinRT).
#include "platform/biometricunlock_p.h"

#include "core/json_p.h"
#include "core/seal_p.h"
#include "platform/credentialstore_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QCryptographicHash>
#include <QtCore/QMetaObject>
#include <QtCore/QPointer>

#include <winrt/Windows.Foundation.h>
#include <winrt/Windows.Security.Credentials.UI.h>
#include <winrt/Windows.Security.Credentials.h>
#include <winrt/Windows.Security.Cryptography.h>
#include <winrt/Windows.Storage.Streams.h>

#include <future>
#include <thread>

namespace Concierge::Internal {

namespace {

using namespace winrt::Windows::Security::Credentials;
using namespace winrt::Windows::Security::Credentials::UI;
using winrt::Windows::Security::Cryptography::CryptographicBuffer;

winrt::hstring credentialName(const QString &account)
{
    const QByteArray h = QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return winrt::to_hstring(("concierge-" + h).toStdString());
}

QByteArray challengeFor(const QString &account)
{
    return QCryptographicHash::hash("concierge.hello.v1|" + account.toUtf8(), QCryptographicHash::Sha256);
}

QByteArray bytes(const winrt::Windows::Storage::Streams::IBuffer &buffer)
{
    winrt::com_array<uint8_t> out;
    CryptographicBuffer::CopyToByteArray(buffer, out);
    return QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(out.size()));
}

// Signs the account's challenge with the Hello key (prompts); the wrapping key, or an error.
Result<QByteArray> helloWrapKey(const KeyCredential &credential, const QString &account)
{
    const QByteArray challenge = challengeFor(account);
    const auto signed_ = credential
                             .RequestSignAsync(CryptographicBuffer::CreateFromByteArray(
                                 {reinterpret_cast<const uint8_t *>(challenge.constData()),
                                  reinterpret_cast<const uint8_t *>(challenge.constData()) + challenge.size()}))
                             .get();
    switch (signed_.Status()) {
    case KeyCredentialStatus::Success:
        return QCryptographicHash::hash(bytes(signed_.Result()), QCryptographicHash::Sha256);
    case KeyCredentialStatus::UserCanceled:
        return Error(Error::Code::BiometricCancelled);
    case KeyCredentialStatus::NotFound:
        return Error(Error::Code::BiometricInvalidated, QStringLiteral("the Windows Hello key is gone"));
    case KeyCredentialStatus::SecurityDeviceLocked:
        return Error(Error::Code::BiometricLockout);
    default:
        return Error(Error::Code::BiometricFailed);
    }
}

Error consentError(UserConsentVerificationResult result)
{
    switch (result) {
    case UserConsentVerificationResult::Canceled: return Error(Error::Code::BiometricCancelled);
    case UserConsentVerificationResult::RetriesExhausted: return Error(Error::Code::BiometricLockout);
    case UserConsentVerificationResult::DeviceBusy: return Error(Error::Code::Busy);
    case UserConsentVerificationResult::NotConfiguredForUser:
    case UserConsentVerificationResult::DisabledByPolicy:
    case UserConsentVerificationResult::DeviceNotPresent: return Error(Error::Code::BiometricUnavailable);
    default: return Error(Error::Code::BiometricFailed);
    }
}

class WindowsBiometricUnlock final : public BiometricUnlock
{
public:
    explicit WindowsBiometricUnlock(std::shared_ptr<CredentialStore> store) : m_store(std::move(store)) {}

    Availability availability() override
    {
        // WinRT async calls must not block an STA thread: ask from a worker.
        return std::async(std::launch::async, [] {
            winrt::init_apartment();
            if (KeyCredentialManager::IsSupportedAsync().get())
                return Availability::Available;
            switch (UserConsentVerifier::CheckAvailabilityAsync().get()) {
            case UserConsentVerifierAvailability::Available: return Availability::Available;
            case UserConsentVerifierAvailability::NotConfiguredForUser: return Availability::NotEnrolled;
            default: return Availability::None;
            }
        }).get();
    }

    void protect(const QString &account, const QByteArray &dataKey, const QString &reason, Done done) override
    {
        run([account, dataKey, reason]() -> Result<QByteArray> {
            nlohmann::json slot{{"format", "concierge.biometric-slot"}, {"v", 1}};
            if (KeyCredentialManager::IsSupportedAsync().get()) {
                const auto created = KeyCredentialManager::RequestCreateAsync(
                                         credentialName(account), KeyCredentialCreationOption::ReplaceExisting).get();
                if (created.Status() != KeyCredentialStatus::Success)
                    return Error(created.Status() == KeyCredentialStatus::UserCanceled ? Error::Code::BiometricCancelled
                                                                                       : Error::Code::BiometricUnavailable);
                const auto wrapKey = helloWrapKey(created.Credential(), account);
                if (!wrapKey)
                    return wrapKey.error();
                slot["mode"] = "hello";
                slot["wrapped"] = Seal::seal(*wrapKey, Seal::Protection::Biometric, dataKey, account.toUtf8()).toBase64().toStdString();
            } else {
                const auto verified = UserConsentVerifier::RequestVerificationAsync(winrt::to_hstring(reason.toStdString())).get();
                if (verified != UserConsentVerificationResult::Verified)
                    return consentError(verified);
                slot["mode"] = "consent"; // a gate: the key is as safe as the Credential Manager
                slot["key"] = dataKey.toBase64().toStdString();
            }
            const std::string s = slot.dump();
            return QByteArray(s.data(), qsizetype(s.size()));
        }, [store = m_store, account, done](const Result<QByteArray> &slot) {
            if (!slot)
                return done(slot.error());
            store->write(CredentialStore::itemKey(account, CredentialStore::Item::BiometricSlot), *slot, done);
        });
    }

    void release(const QString &account, const QString &reason, Waiting waiting, KeyDone done) override
    {
        m_store->read(CredentialStore::itemKey(account, CredentialStore::Item::BiometricSlot),
                      [this, account, reason, waiting, done](const Result<QByteArray> &item) {
            if (!item)
                return done(item.error());
            const auto slot = Json::parseObject(*item, 4096);
            const QString mode = slot ? Json::stringOr(*slot, "mode") : QString();
            if (mode != QLatin1String("hello") && mode != QLatin1String("consent"))
                return done(Error(Error::Code::StoreCorrupt, QStringLiteral("the biometric slot is damaged or foreign")));
            const QByteArray wrapped = QByteArray::fromBase64(Json::stringOr(*slot, "wrapped").toLatin1());
            const QByteArray gated = QByteArray::fromBase64(Json::stringOr(*slot, "key").toLatin1());
            if (waiting)
                waiting();
            run([account, reason, mode, wrapped, gated]() -> Result<QByteArray> {
                if (mode == QLatin1String("consent")) {
                    const auto verified = UserConsentVerifier::RequestVerificationAsync(winrt::to_hstring(reason.toStdString())).get();
                    if (verified != UserConsentVerificationResult::Verified)
                        return consentError(verified);
                    return gated;
                }
                const auto opened = KeyCredentialManager::OpenAsync(credentialName(account)).get();
                if (opened.Status() == KeyCredentialStatus::NotFound)
                    return Error(Error::Code::BiometricInvalidated, QStringLiteral("the Windows Hello key is gone"));
                if (opened.Status() != KeyCredentialStatus::Success)
                    return Error(Error::Code::BiometricUnavailable);
                const auto wrapKey = helloWrapKey(opened.Credential(), account);
                if (!wrapKey)
                    return wrapKey.error();
                const auto key = Seal::open(*wrapKey, wrapped, account.toUtf8());
                if (!key) // another Hello key (Hello was reset): the old wrapping never opens again
                    return Error(Error::Code::BiometricInvalidated, QStringLiteral("Windows Hello was reset"));
                return *key;
            }, done);
        });
    }

    void remove(const QString &account, Done done) override
    {
        std::thread([name = credentialName(account)] {
            winrt::init_apartment();
            KeyCredentialManager::DeleteAsync(name).get();
        }).detach();
        m_store->remove(CredentialStore::itemKey(account, CredentialStore::Item::BiometricSlot), std::move(done));
    }

    void cancel() override {} // Windows Hello's dialog has its own Cancel button; it cannot be closed from here

private:
    // Runs blocking WinRT calls on a worker (MTA) thread; answers on the Qt main thread.
    void run(std::function<Result<QByteArray>()> work, KeyDone done)
    {
        std::thread([work = std::move(work), done = std::move(done)] {
            winrt::init_apartment();
            Result<QByteArray> result = Error(Error::Code::BiometricUnavailable);
            try {
                result = work();
            } catch (const winrt::hresult_error &) {
                result = Error(Error::Code::BiometricUnavailable, QStringLiteral("Windows Hello failed"));
            }
            QMetaObject::invokeMethod(qApp, [done, result] { done(result); }, Qt::QueuedConnection);
        }).detach();
    }

    std::shared_ptr<CredentialStore> m_store;
};

} // namespace

std::unique_ptr<BiometricUnlock> createPlatformBiometricUnlock(std::shared_ptr<CredentialStore> store)
{
    return std::make_unique<WindowsBiometricUnlock>(std::move(store));
}

} // namespace Concierge::Internal
