// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "output.h"

#include <QtCore/QJsonDocument>

#include <cstdio>

namespace Cli {

void printJson(const QJsonObject &object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int printError(const Concierge::Error &error, int exitCode)
{
    QJsonObject out{{QStringLiteral("status"), QStringLiteral("error")},
                    {QStringLiteral("code"), error.id()},
                    {QStringLiteral("kind"), error.isHard() ? QStringLiteral("hard") : QStringLiteral("transient")},
                    {QStringLiteral("message"), error.message()}};
    if (!error.oauthError().isEmpty())
        out.insert(QStringLiteral("oauth_error"), error.oauthError());
    if (error.httpStatus() > 0)
        out.insert(QStringLiteral("http_status"), error.httpStatus());
    if (error.retryAfter() > 0)
        out.insert(QStringLiteral("retry_after"), error.retryAfter());
    printJson(out);
    return exitCode;
}

int usageError(const QString &message)
{
    std::fprintf(stderr, "concierge: %s\nRun 'concierge help' for usage.\n", qPrintable(message));
    // The message is the usage problem itself, not the generic sentence for invalid_argument.
    printJson(QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                          {QStringLiteral("code"), QStringLiteral("invalid_argument")},
                          {QStringLiteral("kind"), QStringLiteral("hard")},
                          {QStringLiteral("message"), Concierge::Error::sanitize(message)}});
    return Usage;
}

} // namespace Cli
