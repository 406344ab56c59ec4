// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/result.h>
#include <concierge/tokenset.h>

#include "core/seal_p.h"

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QString>

#include <functional>
#include <memory>

namespace Concierge::Internal {

/*!
  Where a session's tokens live between runs: one small internal interface, one implementation per
  backend (memory, and the platform keychain through QtKeychain in credentialstore_keychain.cpp). Every call ends exactly
  once through \c done, on the caller's thread. The key format is defined once, here: accountKey()
  names a sign-in, itemKey() the items it is kept in.
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

    /*!
      "<issuer>|<client id>|<profile>": one sign-in per person-facing profile (empty profile:
      "default"). '%' and '|' inside a part are written as %25 and %7C, so no two different triples
      give the same key, and the key of an item (itemKey()) never equals the key of a sign-in.
    */
    static QString accountKey(const QString &issuer, const QString &clientId, const QString &profile);

    //! The items a sign-in is kept in.
    enum class Item {
        Record,        //!< the sealed token record: "<account>"
        DataKey,       //!< the data key, when it lives in the keychain: "<account>|data-key"
        BiometricSlot, //!< the data key, when biometric unlock is on (per OS): "<account>|biometric"
    };
    //! The store key of \a item of the sign-in \a account (an accountKey()).
    static QString itemKey(const QString &account, Item item);
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

//! Per OS (credentialstore_keychain_<os>.cpp): why the keychain cannot be used at all: unreachable
//! (no D-Bus session bus, no Secret Service: Error::Code::StoreUnavailable) or locked
//! (Error::Code::StoreLocked); no error when it can be used. Asked only after QtKeychain failed with a
//! generic error or found nothing (a locked Secret Service collection hides its items).
Error keychainUnreachable();

//! The plaintext of a TokenSet record (JSON, "concierge.tokens" v1), the inside of a sealed record.
//! Parsing rejects foreign or damaged records with Error::Code::StoreCorrupt; the ID token is
//! rebuilt without re-verifying its signature (it was verified before it was stored) but its
//! structure, issuer and audience are checked again.
struct StoredSession
{
    TokenSet tokens;
    QByteArray dpopKey; //!< PKCS#8 DER of the session's DPoP key, empty without DPoP
};
QByteArray encodeTokenRecord(const TokenSet &tokens, const QString &issuer, const QString &clientId,
                             const QByteArray &dpopKey = {});
Result<StoredSession> decodeTokenRecord(const QByteArray &record, const QString &issuer, const QString &clientId);

//! The stored record: the JSON above sealed (Seal::seal) under \a dataKey, bound to \a account.
QByteArray sealTokenRecord(const QByteArray &dataKey, Seal::Protection protection, const QString &account,
                           const TokenSet &tokens, const QString &issuer, const QString &clientId,
                           const QByteArray &dpopKey = {});
//! Opens and parses a stored record; Error::Code::StoreCorrupt for anything damaged, foreign
//! (another account, issuer or client, another version) or sealed under another key.
Result<StoredSession> openTokenRecord(const QByteArray &dataKey, const QByteArray &box, const QString &account,
                                      const QString &issuer, const QString &clientId);

} // namespace Concierge::Internal
