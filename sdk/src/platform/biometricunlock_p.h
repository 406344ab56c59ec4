// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <functional>
#include <memory>

namespace Concierge::Internal {

class CredentialStore;

/*!
  \internal
  The biometric-protected slot that holds a sign-in's data key when biometric unlock is on. One
  small interface, one implementation per OS, chosen by CMake:

  - biometricunlock_linux.cpp: fprintd over D-Bus. A GATE: the data key is kept in the keychain
    (CredentialStore::Item::BiometricSlot) and read only after fprintd reports a match. Nothing binds
    the key to the finger; code running as the user can read the item without a finger.
  - biometricunlock_apple.mm: a keychain item with SecAccessControl biometryCurrentSet, readable
    only through an LAContext evaluation; the OS invalidates it when the enrollment changes.
  - biometricunlock_android.cpp (+ ConciergeBiometric.java): an AndroidKeyStore AES key that needs
    user authentication and is invalidated by a new enrollment wraps the data key; it is used only
    inside BiometricPrompt's CryptoObject callback.
  - biometricunlock_windows.cpp: a Windows Hello (KeyCredentialManager) key signs a fixed challenge;
    the signature derives the key that wraps the data key. Without Hello keys: a UserConsentVerifier
    gate, like Linux.

  Every call ends exactly once through its callback, on the caller's thread. Errors are typed:
  biometric_unavailable (no sensor, no enrollment), biometric_cancelled, biometric_failed (no match;
  try again), biometric_lockout, biometric_invalidated (the enrollment changed: the slot is
  useless), busy (another prompt is running), store_* (the slot's storage failed).
*/
class BiometricUnlock
{
public:
    enum class Availability { None, NotEnrolled, Available };
    using Done = std::function<void(const Result<void> &)>;
    using KeyDone = std::function<void(const Result<QByteArray> &dataKey)>;
    //! Called once when the sensor or the OS prompt is ready for the person (Linux: "touch the reader").
    using Waiting = std::function<void()>;

    virtual ~BiometricUnlock() = default;

    //! Whether a sensor exists and the current user has enrolled biometrics. Never prompts.
    virtual Availability availability() = 0;
    //! Puts \a dataKey into the slot for \a account, replacing what was there. May prompt.
    virtual void protect(const QString &account, const QByteArray &dataKey, const QString &reason, Done done) = 0;
    //! Prompts; only after a match is the data key of \a account read and handed to \a done.
    virtual void release(const QString &account, const QString &reason, Waiting waiting, KeyDone done) = 0;
    //! Deletes the slot of \a account. Never prompts; an absent slot is not an error.
    virtual void remove(const QString &account, Done done) = 0;
    //! Ends a protect() or release() in progress with biometric_cancelled; otherwise does nothing.
    virtual void cancel() = 0;
};

//! The platform's BiometricUnlock (one definition per biometricunlock_<os> file). \a store is the
//! session's CredentialStore, for backends that keep their slot (or a wrapped key) in the keychain.
std::unique_ptr<BiometricUnlock> createPlatformBiometricUnlock(std::shared_ptr<CredentialStore> store);

} // namespace Concierge::Internal
