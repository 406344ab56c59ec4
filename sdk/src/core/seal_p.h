// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/result.h>

#include <QtCore/QByteArray>

#include <optional>

/*!
  \internal
  Sealing of stored records: AES-256-GCM (OpenSSL 3 EVP) under a random 256-bit data key. Pure code,
  no I/O: the keys come from the caller, the nonce from the OS CSPRNG (or from a test).

  A sealed box is
  \code
    offset  0  "CNCS"          magic (4 bytes)
            4  version         2 (the plaintext JSON record of 0.1.0 was version 1)
            5  protection      where the data key lives: 1 keychain item, 2 biometric slot
            6  nonce           12 random bytes, fresh for every seal
           18  ciphertext      as long as the plaintext
       end-16  tag             16 bytes
  \endcode
  The header (bytes 0–5) and a caller-supplied context (the store account of the record) are the
  additional authenticated data: a box moved to another account, or with its protection byte
  flipped, does not open.
*/
namespace Concierge::Internal::Seal {

inline constexpr int KeyBytes = 32;
inline constexpr int NonceBytes = 12;
inline constexpr int TagBytes = 16;
inline constexpr int HeaderBytes = 6;
inline constexpr char Version = 2;

//! Where the data key of a sealed box lives; authenticated as part of the header.
enum class Protection : quint8 {
    Keychain = 1,  //!< a separate keychain item, readable without a prompt
    Biometric = 2, //!< the biometric-protected slot: released only after a biometric check
};

//! A fresh random 256-bit data key from the OS CSPRNG.
QByteArray generateKey();

//! Raw AES-256-GCM: ciphertext followed by the 16-byte tag. Empty when the key is not 32 bytes or
//! the nonce not 12 bytes.
QByteArray aesGcmEncrypt(const QByteArray &key, const QByteArray &nonce, const QByteArray &plaintext,
                         const QByteArray &aad);
//! Raw AES-256-GCM: the plaintext, or nothing when the tag does not verify (or a size is wrong).
std::optional<QByteArray> aesGcmDecrypt(const QByteArray &key, const QByteArray &nonce,
                                        const QByteArray &ciphertextAndTag, const QByteArray &aad);

//! Seals \a plaintext under \a key for \a context. \a nonce is for tests only: empty means a fresh
//! random one (never reuse a nonce with the same key). Empty on a wrong key or nonce size.
QByteArray seal(const QByteArray &key, Protection protection, const QByteArray &plaintext,
                const QByteArray &context, const QByteArray &nonce = {});

//! Reads the header only (no key needed): the protection of a well-formed box, or
//! Error::Code::StoreCorrupt for anything that is not a version-2 box of plausible length.
Result<Protection> protectionOf(const QByteArray &box);

//! Opens a box sealed for \a context: the plaintext, or Error::Code::StoreCorrupt when the header,
//! the key, the context or any byte of the box is wrong.
Result<QByteArray> open(const QByteArray &key, const QByteArray &box, const QByteArray &context);

} // namespace Concierge::Internal::Seal
