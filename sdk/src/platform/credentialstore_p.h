// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/result.h>
#include <concierge/tokenset.h>

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QString>

#include <functional>
#include <memory>

namespace Concierge::Internal {

/*!
  Where a session's tokens live between runs: one small internal interface, one implementation per
  backend (memory, and the platform keychain through QtKeychain in credentialstore_keychain.cpp). Every call ends exactly
  once through \c done, on the caller's thread. The key format is defined once in accountKey().
*/
class CredentialStore
{
public:
    using ReadDone = std::function<void(const Result<QByteArray> &record)>; // empty record: nothing stored
    using Done = std::function<void(const Result<void> &)>;
    virtual ~CredentialStore() = default;
    virtual void read(const QString &account, ReadDone done) = 0;
    virtual void write(const QString &account, const QByteArray &record, Done done) = 0;
    virtual void remove(const QString &account, Done done) = 0;

    //! "<issuer>|<client id>|<profile>": one record per person-facing sign-in.
    static QString accountKey(const QString &issuer, const QString &clientId, const QString &profile);
};

//! Keeps records in memory only: kiosks (nothing on disk) and tests. Answers synchronously.
class MemoryCredentialStore final : public CredentialStore
{
public:
    void read(const QString &account, ReadDone done) override { done(m_records.value(account)); }
    void write(const QString &account, const QByteArray &record, Done done) override
    {
        ++writes;
        m_records.insert(account, record);
        done({});
    }
    void remove(const QString &account, Done done) override
    {
        m_records.remove(account);
        done({});
    }
    QByteArray peek(const QString &account) const { return m_records.value(account); }
    int writes = 0;

private:
    QHash<QString, QByteArray> m_records;
};

//! The platform keychain (QtKeychain), items under \a service; never falls back to plaintext.
std::shared_ptr<CredentialStore> createKeychainCredentialStore(const QString &service);

//! The versioned record of a TokenSet (v1: JSON). Parsing rejects foreign or damaged records with
//! Error::Code::StoreCorrupt; the ID token is rebuilt without re-verifying its signature (it was
//! verified before it was stored) but its structure, issuer and audience are checked again.
struct StoredSession
{
    TokenSet tokens;
    QByteArray dpopKey; //!< PKCS#8 DER of the session's DPoP key, empty without DPoP
};
QByteArray encodeTokenRecord(const TokenSet &tokens, const QString &issuer, const QString &clientId,
                             const QByteArray &dpopKey = {});
Result<StoredSession> decodeTokenRecord(const QByteArray &record, const QString &issuer, const QString &clientId);

} // namespace Concierge::Internal
