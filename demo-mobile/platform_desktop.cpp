// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Desktop (Linux, macOS, Windows): the redirect comes to a loopback listener (RFC 8252 §7.3).
#include "platform.h"

namespace Platform {

void configureRedirect(Concierge::ProviderConfig &config)
{
    config.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1/callback")));
    config.setPostLogoutRedirectUri(QUrl(QStringLiteral("http://127.0.0.1/logout")));
}

void installUrlHandler(QObject *, const char *)
{
}

} // namespace Platform
