// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>
#include <QtCore/QUrl>

namespace Concierge::Internal {

using FormFields = QList<QPair<QString, QString>>;

//! 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString &host);

//! An endpoint the SDK may talk to: https, or http on a loopback host; no fragment, no user info.
//! \a what names the endpoint in the error ("token_endpoint").
Result<void> checkEndpoint(const QUrl &url, const char *what);

//! application/x-www-form-urlencoded per the WHATWG/RFC 6749 Appendix B rules (space → '+').
QByteArray formEncode(const FormFields &fields);
//! Decodes a query string or form body into ordered fields. Duplicate names are all kept.
FormFields formDecode(const QByteArray &encoded);

} // namespace Concierge::Internal
