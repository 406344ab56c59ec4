// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/providerconfig.h>

#include <QtCore/QUrl>

class QObject;

// What differs between a phone build (Android, iOS) and the desktop build of the app: one file per
// kind of OS (platform_mobile.cpp, platform_desktop.cpp), chosen by CMake.
namespace Platform {

//! Mobile: the custom scheme com.example.storefront:/callback. Desktop: a loopback listener.
void configureRedirect(Concierge::ProviderConfig &config);

/*!
  Mobile: the OS hands links for the app's scheme (sign-in redirects, magic links) to
  \a receiver's slot \a slot (signature \c bool(const QUrl &)). Desktop: nothing to install; the
  loopback listener receives the redirect and links arrive as command-line arguments.
*/
void installUrlHandler(QObject *receiver, const char *slot);

//! The app's own scheme, for deep links.
inline constexpr const char *appScheme = "com.example.storefront";

} // namespace Platform
