// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtCore/QLoggingCategory>
#include <QtCore/QUrl>

namespace Concierge::Internal {

Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcFlow)

//! scheme://host[:port]/path: never the query or fragment (they carry codes, state, tokens).
QString redactUrl(const QUrl &url);

} // namespace Concierge::Internal
