// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Android and iOS: the IdP redirects to the app's private-use scheme (RFC 8252 §7.1); the OS
// delivers it (and magic links) through QDesktopServices' URL handler. The Android manifest and the
// iOS Info.plist must declare the scheme com.example.storefront.
#include "platform.h"

#include <QtGui/QDesktopServices>

namespace Platform {

void configureRedirect(Concierge::ProviderConfig &config)
{
    config.setRedirectUri(QUrl(QStringLiteral("com.example.storefront:/callback")));
    config.setPostLogoutRedirectUri(QUrl(QStringLiteral("com.example.storefront:/logout")));
}

void installUrlHandler(QObject *receiver, const char *slot)
{
    QDesktopServices::setUrlHandler(QString::fromLatin1(appScheme), receiver, slot);
}

} // namespace Platform
