// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// The platform keychain through QtKeychain: Secret Service on Linux, Keychain on Apple, Credential
// Manager on Windows, the Android keystore. QtKeychain's plaintext fallback stays off: without a
// keychain the SDK fails with store_unavailable instead of writing secrets to a file.
#include "platform/credentialstore_p.h"

#include "core/logging_p.h"

#include <qt6keychain/keychain.h>

namespace Concierge::Internal {

namespace {

Error keychainError(QKeychain::Error error, const QString &what)
{
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error(Error::Code::StoreLocked, what + QStringLiteral(": the keychain is locked or refused access"));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error(Error::Code::StoreUnavailable, what + QStringLiteral(": no keychain is available"));
    default:
        // A generic failure may just mean that there is no keychain to talk to (Linux: no D-Bus
        // session bus or no Secret Service): that is store_unavailable, not store_failed.
        if (const Error unreachable = keychainUnreachable(); unreachable.isError())
            return Error(unreachable.code(), what + QStringLiteral(": ") + unreachable.description());
        return Error(Error::Code::StoreFailed, what + QStringLiteral(": the keychain failed"));
    }
}

class KeychainCredentialStore final : public CredentialStore
{
public:
    explicit KeychainCredentialStore(QString service)
        : m_service(std::move(service))
    {
    }

    void read(const QString &account, ReadDone done) override
    {
        auto *job = new QKeychain::ReadPasswordJob(m_service);
        prepare(job, account);
        QObject::connect(job, &QKeychain::Job::finished, job, [job, done](QKeychain::Job *) {
            if (job->error() == QKeychain::EntryNotFound) {
                // Nothing stored, or hidden in a locked collection: the latter is store_locked.
                if (const Error problem = keychainUnreachable(); problem.isError())
                    return done(Error(problem.code(), QStringLiteral("reading: ") + problem.description()));
                return done(QByteArray());
            }
            if (job->error() != QKeychain::NoError) {
                qCInfo(lcStore) << "keychain read failed:" << int(job->error());
                return done(keychainError(job->error(), QStringLiteral("reading")));
            }
            done(job->binaryData());
        });
        job->start();
    }

    void write(const QString &account, const QByteArray &record, Done done) override
    {
        auto *job = new QKeychain::WritePasswordJob(m_service);
        prepare(job, account);
        job->setBinaryData(record);
        QObject::connect(job, &QKeychain::Job::finished, job, [job, done](QKeychain::Job *) {
            if (job->error() != QKeychain::NoError) {
                qCInfo(lcStore) << "keychain write failed:" << int(job->error());
                return done(keychainError(job->error(), QStringLiteral("writing")));
            }
            done({});
        });
        job->start();
    }

    void remove(const QString &account, Done done) override
    {
        auto *job = new QKeychain::DeletePasswordJob(m_service);
        prepare(job, account);
        QObject::connect(job, &QKeychain::Job::finished, job, [job, done](QKeychain::Job *) {
            if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
                return done(keychainError(job->error(), QStringLiteral("deleting")));
            done({});
        });
        job->start();
    }

private:
    void prepare(QKeychain::Job *job, const QString &account) const
    {
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // never plaintext
        job->setKey(account);
    }

    QString m_service;
};

} // namespace

std::shared_ptr<CredentialStore> createKeychainCredentialStore(const QString &service)
{
    return std::make_shared<KeychainCredentialStore>(service);
}

} // namespace Concierge::Internal
