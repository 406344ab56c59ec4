// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Linux: QtKeychain reaches the Secret Service through libsecret, which reports a missing session bus
// or a missing Secret Service as a generic error. This probe tells them apart, so the SDK can say
// store_unavailable instead of store_failed.
#include "platform/credentialstore_p.h"

#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusConnectionInterface>

namespace Concierge::Internal {

Error keychainUnreachable()
{
    const QString secrets = QStringLiteral("org.freedesktop.secrets");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return Error(Error::Code::StoreUnavailable, QStringLiteral("no D-Bus session bus: the Secret Service cannot be reached"));
    QDBusConnectionInterface *names = bus.interface();
    if (!names)
        return Error(Error::Code::StoreUnavailable, QStringLiteral("the D-Bus session bus does not answer"));
    if (names->isServiceRegistered(secrets).value())
        return {};
    const QDBusReply<QStringList> activatable = names->call(QStringLiteral("ListActivatableNames"));
    if (activatable.isValid() && activatable.value().contains(secrets))
        return {};
    return Error(Error::Code::StoreUnavailable, QStringLiteral("no Secret Service on the D-Bus session bus"));
}

} // namespace Concierge::Internal
