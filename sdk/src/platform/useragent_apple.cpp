// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "platform/useragent_p.h"

namespace Concierge::Internal {

// macOS: LaunchServices through open(1). iOS apps always have a QGuiApplication and never get here.
QStringList platformOpenCommand()
{
    return {QStringLiteral("/usr/bin/open")};
}

} // namespace Concierge::Internal
