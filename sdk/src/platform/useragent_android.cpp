// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "platform/useragent_p.h"

namespace Concierge::Internal {

// Android apps always run a QGuiApplication; QDesktopServices opens a Custom Tab / browser intent.
QStringList platformOpenCommand()
{
    return {};
}

} // namespace Concierge::Internal
