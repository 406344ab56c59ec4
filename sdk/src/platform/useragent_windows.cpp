// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "platform/useragent_p.h"

namespace Concierge::Internal {

// The URL handler registered for http(s), without going through a shell that would interpret '&'.
QStringList platformOpenCommand()
{
    return {QStringLiteral("rundll32"), QStringLiteral("url.dll,FileProtocolHandler")};
}

} // namespace Concierge::Internal
