// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "platform/useragent_p.h"

namespace Concierge::Internal {

QStringList platformOpenCommand()
{
    return {QStringLiteral("xdg-open")};
}

} // namespace Concierge::Internal
