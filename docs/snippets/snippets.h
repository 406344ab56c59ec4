// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// The documentation snippets, one function per example, so that every one compiles and links
// against the public API (Concierge::Core, exported symbols only). They are never run.
#pragma once

#include <QtCore/QObject>

namespace Concierge {
class Session;
}

namespace Snippets {
void loopback();
void customScheme(QObject *parent);
void claimedHttps(QObject *parent);
void signInOptions(Concierge::Session &session);
void withFreshToken(Concierge::Session &session, QObject *context);
void freshTokenFuture(Concierge::Session &session, QObject *context);
void sendRequest(Concierge::Session &session, QObject *context);
void refreshSettings(Concierge::Session &session);
void dpop(QObject *parent);
void signOut(Concierge::Session &session);
void signOutEverywhere(QObject *parent);
void kiosk(QObject *parent);
void privacyWhatTheAppSees(Concierge::Session &session, QObject *context);
void privacyExport(Concierge::Session &session, QObject *context);
void privacyDelete(Concierge::Session &session, QObject *context);
void providers();
void translations();
} // namespace Snippets
