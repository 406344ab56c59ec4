// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/error.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

#include <functional>

class QNetworkAccessManager;

namespace Concierge::Internal {

//! One HTTP exchange as the pure steps see it: a status and a body, or a transport error.
struct HttpResponse
{
    int status = 0;                       //!< 0 when no HTTP response arrived
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    Error error;                          //!< transport failure (network, TLS, timeout, too large)
    qint64 elapsedNs = 0;                 //!< from send to the last byte

    QByteArray header(const QByteArray &name) const;
    //! Retry-After in seconds (delta-seconds or HTTP date), 0 when absent or unparsable.
    int retryAfterSeconds() const;
    //! Cache lifetime from Cache-Control/Expires: -1 when the server gave none, 0 for no-store/no-cache.
    qint64 maxAgeSeconds() const;
};

/*!
  The only code that touches QNetworkAccessManager. Each call ends exactly once, on the caller's
  thread, through \c done, unless \c context is destroyed first. Redirects are never followed (a 3xx
  is returned as is), bodies are capped, and every request has a timeout.
*/
class Transport : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const HttpResponse &)>;

    explicit Transport(QObject *parent = nullptr);
    ~Transport() override;

    void get(const QNetworkRequest &request, QObject *context, Done done);
    void post(const QNetworkRequest &request, const QByteArray &body, QObject *context, Done done);
    void send(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body, QObject *context,
              Done done);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    void setMaxResponseBytes(qint64 bytes) { m_maxBytes = bytes; }
    //! Requests sent so far (for benchmarks and tests).
    int requestCount() const { return m_requestCount; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    static QByteArray userAgent();

private:
    QNetworkAccessManager *m_nam;
    int m_timeoutMs = 30000;
    qint64 m_maxBytes = 1024 * 1024;
    int m_requestCount = 0;
};

} // namespace Concierge::Internal
