// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Session::signInWith(): social sign-in, a browser sign-in shaped by a SocialProvider.
#include <concierge/session.h>

#include "core/logging_p.h"
#include "session_p.h"

namespace Concierge {

using namespace Internal;

/*!
  Signs in through \a provider, with \a options as the base of the sign-in options. A broker hint
  becomes an authorization parameter; a direct provider must match this Session's issuer.
*/
void Session::signInWith(const SocialProvider &provider, const SignInOptions &options)
{
    Q_D(Session);
    const auto applied = provider.signInOptions(d->config, options);
    if (!applied) {
        qCInfo(lcSession).noquote() << "social sign-in refused:" << applied.error().id();
        Q_EMIT errorOccurred(applied.error());
        return;
    }
    d->startSignIn(*applied);
}

} // namespace Concierge
