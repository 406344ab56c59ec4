// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Linux: QtKeychain reaches the Secret Service through libsecret, which reports a missing session bus
// or a missing Secret Service as a generic error, and a locked collection (no prompter could unlock
// it) as "not found". This probe tells them apart, so the SDK says store_unavailable or store_locked
// instead of store_failed or "nothing stored".
#include "platform/credentialstore_p.h"

#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusConnectionInterface>
#include <QtDBus/QDBusInterface>
#include <QtDBus/QDBusObjectPath>
#include <QtDBus/QDBusReply>

namespace Concierge::Internal {

Error keychainUnreachable()
{
    constexpr int timeoutMs = 3000;
    const QString secrets = QStringLiteral("org.freedesktop.secrets");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return Error(Error::Code::StoreUnavailable, QStringLiteral("no D-Bus session bus: the Secret Service cannot be reached"));
    QDBusConnectionInterface *names = bus.interface();
    if (!names)
        return Error(Error::Code::StoreUnavailable, QStringLiteral("the D-Bus session bus does not answer"));
    if (!names->isServiceRegistered(secrets).value()) {
        const QDBusReply<QStringList> activatable = names->call(QStringLiteral("ListActivatableNames"));
        if (!activatable.isValid() || !activatable.value().contains(secrets))
            return Error(Error::Code::StoreUnavailable, QStringLiteral("no Secret Service on the D-Bus session bus"));
    }
    // The default collection (where QtKeychain writes) locked, e.g. its password was not given.
    QDBusInterface service(secrets, QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service"), bus);
    service.setTimeout(timeoutMs);
    const QDBusReply<QDBusObjectPath> alias = service.call(QStringLiteral("ReadAlias"), QStringLiteral("default"));
    if (!alias.isValid() || alias.value().path() == QLatin1String("/"))
        return {};
    QDBusInterface collection(secrets, alias.value().path(), QStringLiteral("org.freedesktop.Secret.Collection"), bus);
    collection.setTimeout(timeoutMs);
    if (collection.property("Locked").toBool())
        return Error(Error::Code::StoreLocked, QStringLiteral("the keyring is locked"));
    return {};
}

} // namespace Concierge::Internal
