// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "net/transport_p.h"

#include "core/logging_p.h"

#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>

namespace Concierge::Internal {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

int HttpResponse::retryAfterSeconds() const
{
    const QByteArray value = header("Retry-After").trimmed();
    if (value.isEmpty())
        return 0;
    bool ok = false;
    const long long seconds = value.toLongLong(&ok);
    if (ok)
        return int(qBound<long long>(0LL, seconds, 24LL * 3600));
    const QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(value).left(29),
                                                 QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return 0;
    QDateTime utc = at;
    utc.setTimeSpec(Qt::UTC);
    return int(qBound<qint64>(qint64(0), QDateTime::currentDateTimeUtc().secsTo(utc), qint64(24 * 3600)));
}

qint64 HttpResponse::maxAgeSeconds() const
{
    const QByteArray cc = header("Cache-Control").toLower();
    if (!cc.isEmpty()) {
        qint64 maxAge = -1;
        for (QByteArray directive : cc.split(',')) {
            directive = directive.trimmed();
            if (directive == "no-store" || directive == "no-cache")
                return 0;
            if (directive.startsWith("max-age=")) {
                bool ok = false;
                const qint64 v = directive.mid(8).trimmed().toLongLong(&ok);
                if (ok)
                    maxAge = qMax<qint64>(0, v);
            }
        }
        if (maxAge >= 0)
            return maxAge;
    }
    return -1;
}

Transport::Transport(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam->setCookieJar(nullptr);
}

Transport::~Transport() = default;

QByteArray Transport::userAgent()
{
    return QByteArrayLiteral("Concierge/0.1 (Qt " QT_VERSION_STR ")");
}

void Transport::get(const QNetworkRequest &request, QObject *context, Done done)
{
    send(QByteArrayLiteral("GET"), request, {}, context, std::move(done));
}

void Transport::post(const QNetworkRequest &request, const QByteArray &body, QObject *context, Done done)
{
    send(QByteArrayLiteral("POST"), request, body, context, std::move(done));
}

void Transport::send(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body,
                     QObject *context, Done done)
{
    QNetworkRequest r(request);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    r.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    r.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    r.setTransferTimeout(m_timeoutMs);
    if (r.rawHeader("Accept").isEmpty())
        r.setRawHeader("Accept", "application/json");

    ++m_requestCount;
    qCDebug(lcNet).noquote() << verb << redactUrl(r.url());
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = verb == "GET" ? m_nam->get(r)
        : verb == "POST"                 ? m_nam->post(r, body)
                                         : m_nam->sendCustomRequest(r, verb, body);
    auto tooLarge = std::make_shared<bool>(false);
    const qint64 maxBytes = m_maxBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes, tooLarge](qint64 received, qint64) {
        if (received > maxBytes && !*tooLarge) {
            *tooLarge = true;
            reply->abort();
        }
    });
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done), guard, hasContext, timer, tooLarge, maxBytes]() {
        reply->deleteLater();
        if (hasContext && !guard)
            return; // the caller is gone: nobody to tell
        HttpResponse response;
        response.elapsedNs = timer.nsecsElapsed();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (*tooLarge) {
            response.error = Error(Error::Code::ResponseTooLarge, QStringLiteral("response larger than allowed"));
        } else if (status.isValid() && status.toInt() > 0) {
            response.status = status.toInt();
            response.body = reply->read(maxBytes + 1);
            response.headers = reply->rawHeaderPairs();
            if (response.body.size() > maxBytes) {
                response.body.clear();
                response.error = Error(Error::Code::ResponseTooLarge, QStringLiteral("response larger than allowed"));
            }
        } else {
            switch (reply->error()) {
            case QNetworkReply::SslHandshakeFailedError:
                response.error = Error(Error::Code::TlsError, QStringLiteral("TLS handshake failed"));
                break;
            case QNetworkReply::TimeoutError:
            case QNetworkReply::OperationCanceledError:
                response.error = Error(Error::Code::Timeout, QStringLiteral("request timed out"));
                break;
            default:
                response.error = Error(Error::Code::NetworkError,
                                       QStringLiteral("network error %1 reaching %2")
                                           .arg(int(reply->error()))
                                           .arg(reply->url().host()));
                break;
            }
        }
        qCDebug(lcNet).noquote() << "->" << redactUrl(reply->url()) << response.status
                                 << (response.error.isError() ? response.error.id() : QString());
        done(response);
    });
}

} // namespace Concierge::Internal
