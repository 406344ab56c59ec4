// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Biometric unlock on Android: org.concierge.ConciergeBiometric (sdk/android/src, API 30+) wraps the
// data key with an AndroidKeyStore key that needs strong biometric authentication for every use and
// is invalidated by a new enrollment; the wrapped key (IV || ciphertext) is kept in the CredentialStore
// (Item::BiometricSlot). The Keystore releases the cipher only inside BiometricPrompt's CryptoObject
// callback. Not built or tested by CI (Linux only); written against the documented Android and Qt JNI APIs.
#include "platform/biometricunlock_p.h"

#include "platform/credentialstore_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QJniEnvironment>
#include <QtCore/QJniObject>
#include <QtCore/QMetaObject>

#include <atomic>

namespace Concierge::Internal {

namespace {

const char kClass[] = "org/concierge/ConciergeBiometric";
enum JavaCode { Ok = 0, Cancelled = 1, Failed = 2, Lockout = 3, Invalidated = 4, Unavailable = 5 };

// Pending callbacks by id; answered on the Qt main thread.
QHash<jlong, std::function<void(int, const QByteArray &)>> &pending()
{
    static QHash<jlong, std::function<void(int, const QByteArray &)>> calls;
    return calls;
}
std::atomic<jlong> nextId{1};

void onResult(JNIEnv *env, jclass, jlong id, jint code, jbyteArray data)
{
    QByteArray bytes;
    if (data) {
        const jsize n = env->GetArrayLength(data);
        bytes.resize(n);
        env->GetByteArrayRegion(data, 0, n, reinterpret_cast<jbyte *>(bytes.data()));
    }
    QMetaObject::invokeMethod(qApp, [id, code, bytes] {
        if (auto call = pending().take(id))
            call(code, bytes);
    }, Qt::QueuedConnection);
}

Error toError(int code)
{
    switch (code) {
    case Cancelled: return Error(Error::Code::BiometricCancelled);
    case Failed: return Error(Error::Code::BiometricFailed);
    case Lockout: return Error(Error::Code::BiometricLockout);
    case Invalidated: return Error(Error::Code::BiometricInvalidated, QStringLiteral("the biometric enrollment changed"));
    default: return Error(Error::Code::BiometricUnavailable);
    }
}

QJniObject activity() { return QNativeInterface::QAndroidApplication::context(); }
QString alias(const QString &account) { return QStringLiteral("concierge:") + account; }

jbyteArray toJava(QJniEnvironment &env, const QByteArray &bytes)
{
    jbyteArray array = env->NewByteArray(jsize(bytes.size()));
    env->SetByteArrayRegion(array, 0, jsize(bytes.size()), reinterpret_cast<const jbyte *>(bytes.constData()));
    return array;
}

class AndroidBiometricUnlock final : public BiometricUnlock
{
public:
    explicit AndroidBiometricUnlock(std::shared_ptr<CredentialStore> store) : m_store(std::move(store))
    {
        static const bool registered = [] {
            const JNINativeMethod methods[] = {{"onResult", "(JI[B)V", reinterpret_cast<void *>(onResult)}};
            QJniEnvironment env;
            return env.registerNativeMethods(kClass, methods, 1);
        }();
        Q_UNUSED(registered);
    }

    Availability availability() override
    {
        const jint a = QJniObject::callStaticMethod<jint>(kClass, "availability", "(Landroid/content/Context;)I",
                                                          activity().object());
        return a == 2 ? Availability::Available : a == 1 ? Availability::NotEnrolled : Availability::None;
    }

    void protect(const QString &account, const QByteArray &dataKey, const QString &reason, Done done) override
    {
        const jlong id = nextId++;
        auto store = m_store;
        pending().insert(id, [store, account, done](int code, const QByteArray &wrapped) {
            if (code != Ok)
                return done(toError(code));
            store->write(CredentialStore::itemKey(account, CredentialStore::Item::BiometricSlot), wrapped, done);
        });
        QJniEnvironment env;
        QJniObject::callStaticMethod<void>(kClass, "protect", "(Landroid/app/Activity;Ljava/lang/String;[BLjava/lang/String;J)V",
                                           activity().object(), QJniObject::fromString(alias(account)).object<jstring>(),
                                           toJava(env, dataKey), QJniObject::fromString(reason).object<jstring>(), id);
    }

    void release(const QString &account, const QString &reason, Waiting waiting, KeyDone done) override
    {
        // The wrapped key is not secret without the Keystore key: reading it first never prompts.
        m_store->read(CredentialStore::itemKey(account, CredentialStore::Item::BiometricSlot),
                      [account, reason, waiting, done](const Result<QByteArray> &wrapped) {
            if (!wrapped)
                return done(wrapped.error());
            const jlong id = nextId++;
            pending().insert(id, [done](int code, const QByteArray &key) {
                if (code != Ok)
                    return done(toError(code));
                done(key);
            });
            QJniEnvironment env;
            QJniObject::callStaticMethod<void>(kClass, "release", "(Landroid/app/Activity;Ljava/lang/String;[BLjava/lang/String;J)V",
                                               activity().object(), QJniObject::fromString(alias(account)).object<jstring>(),
                                               toJava(env, *wrapped), QJniObject::fromString(reason).object<jstring>(), id);
            if (waiting)
                waiting();
        });
    }

    void remove(const QString &account, Done done) override
    {
        QJniObject::callStaticMethod<void>(kClass, "remove", "(Ljava/lang/String;)V",
                                           QJniObject::fromString(alias(account)).object<jstring>());
        m_store->remove(CredentialStore::itemKey(account, CredentialStore::Item::BiometricSlot), std::move(done));
    }

    void cancel() override { QJniObject::callStaticMethod<void>(kClass, "cancel", "()V"); }

private:
    std::shared_ptr<CredentialStore> m_store;
};

} // namespace

std::unique_ptr<BiometricUnlock> createPlatformBiometricUnlock(std::shared_ptr<CredentialStore> store)
{
    return std::make_unique<AndroidBiometricUnlock>(std::move(store));
}

} // namespace Concierge::Internal
