// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// Apple, Windows, Android: QtKeychain reports a missing or locked keychain itself
// (NoBackendAvailable, AccessDenied).
#include "platform/credentialstore_p.h"

namespace Concierge::Internal {

Error keychainUnreachable()
{
    return {};
}

} // namespace Concierge::Internal
