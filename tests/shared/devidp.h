// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// The REAL dev IdP (dev-idp/start, oidc-provider) on a free loopback port with a throw-away data
// directory, for end-to-end tests and benchmarks, plus blocking helpers for its /__dev/stats counters.
// Not a fake: the same server the demos use. One copy of the start-up and ready-line handling.

#include <QtCore/QJsonObject>
#include <QtCore/QMap>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QNetworkAccessManager>

namespace Concierge::Test {

//! What a blocking test call got: status 0 when there was no answer within 15 s.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const;
};

//! A blocking HTTP call for checks made beside the SDK (stats, replays): never through the SDK.
//! Redirects are not followed; a non-empty \a body is sent as a form.
HttpReply httpCall(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                   const QByteArray &authorization = {});

class DevIdp
{
public:
    DevIdp();
    ~DevIdp();
    DevIdp(const DevIdp &) = delete;
    DevIdp &operator=(const DevIdp &) = delete;

    //! Starts dev-idp/start from \a sourceDir with DEV_IDP_PORT=0, a fresh DEV_IDP_DATA_DIR and \a env
    //! on top; waits for the ready line `dev-idp ready issuer=...`. The IdP dies with this process
    //! (Linux). False (and errorString()) when it does not get ready within \a timeoutMs.
    bool start(const QString &sourceDir, const QMap<QString, QString> &env = {}, int timeoutMs = 30000);
    //! Uses an IdP somebody else started (e.g. ./scripts/bench shares one between programs).
    void attach(const QString &issuer) { m_issuer = issuer; }
    //! Stops the IdP if this object started it (SIGTERM, then SIGKILL after 10 s).
    void stop();

    QString issuer() const { return m_issuer; }
    QString errorString() const { return m_error; }
    //! The last lines the IdP wrote to stderr (for failure messages).
    QString log();

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

} // namespace Concierge::Test
