// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// Declarative registration of Concierge::Core types the QML module exposes as they are (no
// adapter): values as value types, the Session and the kiosk policy for their enums and properties.

#include <concierge/error.h>
#include <concierge/idtoken.h>
#include <concierge/kioskpolicy.h>
#include <concierge/session.h>
#include <concierge/tokenset.h>

#include <QtQml/qqmlregistration.h>

namespace Concierge {

//! Concierge::Error in QML: `error.id`, `error.code`, `error.message`, `error.kind`, `error.isError`.
struct ErrorForeign
{
    Q_GADGET
    QML_FOREIGN(Concierge::Error)
    QML_VALUE_TYPE(error)
};

//! Concierge::TokenSet in QML (read only; never print its tokens).
struct TokenSetForeign
{
    Q_GADGET
    QML_FOREIGN(Concierge::TokenSet)
    QML_VALUE_TYPE(tokenSet)
};

//! Concierge::IdToken in QML: `idToken.subject`, `idToken.claims`, ...
struct IdTokenForeign
{
    Q_GADGET
    QML_FOREIGN(Concierge::IdToken)
    QML_VALUE_TYPE(idToken)
};

//! The Session an Auth object owns, for its enums (Session.SignedIn, Session.Keychain, ...).
struct SessionForeign
{
    Q_GADGET
    QML_FOREIGN(Concierge::Session)
    QML_NAMED_ELEMENT(Session)
    QML_UNCREATABLE("a Session belongs to an Auth object: use Auth { issuer: ...; clientId: ... }")
};

} // namespace Concierge
