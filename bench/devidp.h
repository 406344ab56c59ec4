// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// The real dev IdP (dev-idp/start) on a free loopback port with a throw-away data directory, for
// benchmarks, plus blocking helpers for its /__dev/stats counters.

#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QNetworkAccessManager>

namespace Concierge::Bench {

class DevIdp
{
public:
    DevIdp();
    ~DevIdp();

    //! Starts dev-idp/start from \a sourceDir with DEV_IDP_PORT=0 and \a env on top; waits for the
    //! ready line. False (and errorString()) when it does not get ready in time.
    bool start(const QString &sourceDir, const QMap<QString, QString> &env = {}, int timeoutMs = 30000);
    void stop();

    QString issuer() const { return m_issuer; }
    QString errorString() const { return m_error; }

    //! GET /__dev/stats (an empty object on failure).
    QJsonObject stats();
    //! POST /__dev/stats/reset.
    bool resetStats();
    //! token.<grant> from the stats.
    static int tokenCount(const QJsonObject &stats, const QString &grant);

private:
    QTemporaryDir m_dataDir;
    QProcess m_process;
    QByteArray m_stderr;
    QString m_issuer;
    QString m_error;
    QNetworkAccessManager m_nam;
};

} // namespace Concierge::Bench
