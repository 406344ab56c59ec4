// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/error.h>

#include <QtCore/QJsonObject>

// The CLI's contract: exactly one JSON object on stdout; exit 0 on success, 1 on an operation error,
// 2 on a usage error. Documented in docs/cli.md; extend, never break.
namespace Cli {

enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

void printJson(const QJsonObject &object);
int printError(const Concierge::Error &error, int exitCode = Failure);
int usageError(const QString &message);

} // namespace Cli
