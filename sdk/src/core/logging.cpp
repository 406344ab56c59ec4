// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/logging_p.h"

namespace Concierge::Internal {

Q_LOGGING_CATEGORY(lcSession, "concierge.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "concierge.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "concierge.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFlow, "concierge.flow", QtInfoMsg)

QString redactUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded);
}

} // namespace Concierge::Internal
