// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Biometric unlock on iOS and macOS: the data key is a keychain item with SecAccessControl
// biometryCurrentSet and kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly. The Secure Enclave-backed
// keychain releases it only after Touch ID / Face ID succeeds in the LAContext that reads it; the OS
// makes the item unreadable when fingers or faces are added or removed (biometryCurrentSet), and it
// never leaves the device (no backup, no iCloud sync). Not built or tested by CI (Linux only); written
// against Apple's documented Security and LocalAuthentication APIs.
#include "platform/biometricunlock_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QMetaObject>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#import <Foundation/Foundation.h>
#import <LocalAuthentication/LocalAuthentication.h>
#import <Security/Security.h>

namespace Concierge::Internal {

namespace {

NSString *const kService = @"concierge.biometric";

NSMutableDictionary *itemQuery(const QString &account)
{
    return [@{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
              (__bridge id)kSecAttrService: kService,
              (__bridge id)kSecAttrAccount: account.toNSString(),
              (__bridge id)kSecUseDataProtectionKeychain: @YES} mutableCopy];
}

Error fromStatus(OSStatus status)
{
    switch (status) {
    case errSecUserCanceled:
        return Error(Error::Code::BiometricCancelled);
    case errSecAuthFailed:
        return Error(Error::Code::BiometricFailed);
    case errSecItemNotFound: // biometryCurrentSet: the enrollment changed, the item is gone for good
        return Error(Error::Code::BiometricInvalidated, QStringLiteral("the biometric enrollment changed"));
    case errSecInteractionNotAllowed:
        return Error(Error::Code::StoreLocked, QStringLiteral("the device is locked"));
    default:
        return Error(Error::Code::StoreFailed, QStringLiteral("keychain error %1").arg(int(status)));
    }
}

class AppleBiometricUnlock final : public BiometricUnlock
{
public:
    Availability availability() override
    {
        LAContext *context = [[LAContext alloc] init];
        NSError *error = nil;
        if ([context canEvaluatePolicy:LAPolicyDeviceOwnerAuthenticationWithBiometrics error:&error])
            return Availability::Available;
        return error.code == LAErrorBiometryNotEnrolled ? Availability::NotEnrolled : Availability::None;
    }

    void protect(const QString &account, const QByteArray &dataKey, const QString &, Done done) override
    {
        CFErrorRef acError = nullptr;
        SecAccessControlRef access = SecAccessControlCreateWithFlags(
            kCFAllocatorDefault, kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly, kSecAccessControlBiometryCurrentSet, &acError);
        if (!access) {
            if (acError)
                CFRelease(acError);
            return done(Error(Error::Code::BiometricUnavailable, QStringLiteral("no passcode or no biometry")));
        }
        SecItemDelete((__bridge CFDictionaryRef)itemQuery(account));
        NSMutableDictionary *add = itemQuery(account);
        add[(__bridge id)kSecAttrAccessControl] = (__bridge_transfer id)access;
        add[(__bridge id)kSecValueData] = dataKey.toNSData();
        const OSStatus status = SecItemAdd((__bridge CFDictionaryRef)add, nullptr); // adding never prompts
        done(status == errSecSuccess ? Result<void>() : Result<void>(fromStatus(status)));
    }

    void release(const QString &account, const QString &reason, Waiting waiting, KeyDone done) override
    {
        if (m_context)
            return done(Error(Error::Code::Busy, QStringLiteral("a biometric prompt is already showing")));
        LAContext *context = [[LAContext alloc] init];
        context.localizedReason = reason.toNSString();
        m_context = context;
        NSMutableDictionary *query = itemQuery(account);
        query[(__bridge id)kSecReturnData] = @YES;
        query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne;
        query[(__bridge id)kSecUseAuthenticationContext] = context;
        if (waiting)
            waiting(); // the system sheet shows from here on
        QPointer<QObject> alive(&m_alive);
        // SecItemCopyMatching blocks while the sheet is up: off the caller's thread, back through Qt.
        dispatch_async(dispatch_get_global_queue(QOS_CLASS_USER_INITIATED, 0), ^{
            CFTypeRef data = nullptr;
            const OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &data);
            const QByteArray key = status == errSecSuccess ? QByteArray::fromNSData((__bridge_transfer NSData *)data) : QByteArray();
            QMetaObject::invokeMethod(qApp, [this, alive, status, key, done] {
                if (!alive)
                    return;
                m_context = nil;
                done(status == errSecSuccess ? Result<QByteArray>(key) : Result<QByteArray>(fromStatus(status)));
            }, Qt::QueuedConnection);
        });
    }

    void remove(const QString &account, Done done) override
    {
        const OSStatus status = SecItemDelete((__bridge CFDictionaryRef)itemQuery(account));
        done(status == errSecSuccess || status == errSecItemNotFound ? Result<void>() : Result<void>(fromStatus(status)));
    }

    void cancel() override
    {
        [m_context invalidate]; // the read ends with errSecUserCanceled
    }

private:
    QObject m_alive; // answers are dropped once this object is gone
    LAContext *m_context = nil;
};

} // namespace

std::unique_ptr<BiometricUnlock> createPlatformBiometricUnlock(std::shared_ptr<CredentialStore>)
{
    return std::make_unique<AppleBiometricUnlock>();
}

} // namespace Concierge::Internal
