// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "platform/loopbacklistener_p.h"

#include "core/logging_p.h"
#include "i18n/translation_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

namespace Concierge::Internal {

namespace {
constexpr qsizetype kMaxRequestBytes = 16 * 1024;
constexpr int kMaxConnections = 16;
constexpr int kConnectionTimeoutMs = 10000;

// The page is written in the first of \a languages the SDK has (ui_locales, then the app's locale),
// independently of the translators the application installed.
QByteArray htmlPage(const QStringList &languages, const char *title, const char *text)
{
    static const struct { const char *source, *comment; } langTag =
        QT_TRANSLATE_NOOP3("Concierge::LoopbackListener", "en", "BCP 47 language tag of this translation");
    const QString lang = translate(languages, "Concierge::LoopbackListener", langTag.source, langTag.comment);
    const QString heading = translate(languages, "Concierge::LoopbackListener", title);
    const QString body = translate(languages, "Concierge::LoopbackListener", text);
    const QString page = QStringLiteral(
        "<!DOCTYPE html><html lang=\"%1\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%2</title>"
        "<style>body{font-family:system-ui,sans-serif;background:#f6f4f0;color:#222;display:flex;"
        "align-items:center;justify-content:center;min-height:90vh;margin:0}main{background:#fff;"
        "padding:2.5em 3em;border-radius:16px;box-shadow:0 4px 24px #0001;max-width:32em;text-align:center}"
        "h1{font-size:1.4em;margin:0 0 .5em}p{color:#555;line-height:1.5}</style></head>"
        "<body><main><h1>%2</h1><p>%3</p></main></body></html>")
                             .arg(lang.toHtmlEscaped(), heading.toHtmlEscaped(), body.toHtmlEscaped());
    return page.toUtf8();
}
} // namespace

LoopbackListener::LoopbackListener(QObject *parent)
    : QObject(parent)
{
}

LoopbackListener::~LoopbackListener()
{
    close();
}

QByteArray LoopbackListener::successPage(const QStringList &languages, Purpose purpose)
{
    if (purpose == Purpose::SignOut)
        return htmlPage(languages, QT_TRANSLATE_NOOP("Concierge::LoopbackListener", "You are signed out"),
                        QT_TRANSLATE_NOOP("Concierge::LoopbackListener",
                                          "You can close this tab and return to the app."));
    return htmlPage(languages, QT_TRANSLATE_NOOP("Concierge::LoopbackListener", "You are signed in"),
                    QT_TRANSLATE_NOOP("Concierge::LoopbackListener",
                                      "You can close this tab and return to the app."));
}

QByteArray LoopbackListener::errorPage(const QStringList &languages)
{
    return htmlPage(languages, QT_TRANSLATE_NOOP("Concierge::LoopbackListener", "This link is not for this sign-in"),
                    QT_TRANSLATE_NOOP("Concierge::LoopbackListener",
                                      "Return to the app and start the sign-in again if needed."));
}

Result<QUrl> LoopbackListener::listen(const QUrl &redirectTemplate)
{
    close();
    m_done = false;
    m_rejected = m_rejectedRedirects = 0;
    const quint16 requested = quint16(qMax(0, redirectTemplate.port(0)));
    const bool wantV6 = redirectTemplate.host() == QLatin1String("::1");

    m_v4 = new QTcpServer(this);
    m_v4->setMaxPendingConnections(kMaxConnections);
    QTcpServer *primary = m_v4;
    QHostAddress primaryAddress = QHostAddress(QHostAddress::LocalHost);
    if (wantV6) {
        primaryAddress = QHostAddress(QHostAddress::LocalHostIPv6);
    }
    if (!primary->listen(primaryAddress, requested)) {
        const QString why = primary->errorString();
        close();
        return Error(Error::Code::RedirectListenerFailed, QStringLiteral("cannot listen on loopback: ") + why);
    }
    m_port = primary->serverPort();
    connect(primary, &QTcpServer::newConnection, this, [this, primary] { onNewConnection(primary); });

    // The other loopback family on the same port, best effort (a host may lack IPv6 loopback).
    m_v6 = new QTcpServer(this);
    m_v6->setMaxPendingConnections(kMaxConnections);
    const QHostAddress other = wantV6 ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(QHostAddress::LocalHostIPv6);
    if (m_v6->listen(other, m_port)) {
        QTcpServer *second = m_v6;
        connect(second, &QTcpServer::newConnection, this, [this, second] { onNewConnection(second); });
    } else {
        delete m_v6;
        m_v6 = nullptr;
    }

    m_redirect = redirectTemplate;
    m_redirect.setPort(m_port);
    if (m_redirect.path().isEmpty())
        m_redirect.setPath(QStringLiteral("/"));
    m_redirect.setQuery(QString());
    qCDebug(lcFlow) << "loopback listener on port" << m_port << (m_v6 ? "(IPv4 and IPv6)" : "(IPv4)");
    return m_redirect;
}

bool LoopbackListener::isListening() const
{
    return m_v4 && m_v4->isListening();
}

void LoopbackListener::close()
{
    for (QTcpServer **server : {&m_v4, &m_v6}) {
        if (*server) {
            (*server)->close();
            (*server)->deleteLater();
            *server = nullptr;
        }
    }
}

void LoopbackListener::onNewConnection(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        // Accept only connections from loopback peers (the server is bound to loopback anyway).
        if (!socket->peerAddress().isLoopback() || m_openConnections >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_openConnections;
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this] { --m_openConnections; });
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, socket, [socket] { socket->abort(); socket->deleteLater(); });
        timer->start(kConnectionTimeoutMs);
    }
}

void LoopbackListener::respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
        "Cache-Control: no-store\r\n"
        "Referrer-Policy: no-referrer\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
        "Connection: close\r\n\r\n" + body;
    socket->write(response);
    socket->flush();
    // The answer must reach the browser even when the listener is deleted right after the redirect
    // (a sign-out ends at once): the socket moves to the application object and deletes itself once
    // it is done (or goes with the application, so nothing leaks at exit).
    socket->setParent(QCoreApplication::instance());
    socket->disconnectFromHost();
}

void LoopbackListener::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("concierge_answered").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray buffer = socket->property("concierge_buffer").toByteArray() + socket->readAll();
    if (buffer.size() > kMaxRequestBytes) {
        socket->setProperty("concierge_answered", true);
        respond(socket, 431, "Request Header Fields Too Large", {});
        ++m_rejected;
        return;
    }
    const auto headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        socket->setProperty("concierge_buffer", buffer);
        return;
    }
    socket->setProperty("concierge_answered", true);
    const QByteArray requestLine = buffer.left(buffer.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/1.")) {
        ++m_rejected;
        respond(socket, 400, "Bad Request", {});
        return;
    }
    const QByteArray method = parts[0];
    const QByteArray target = parts[1];
    const QUrl relative = QUrl::fromEncoded(target, QUrl::StrictMode);
    const bool rightPath = relative.isValid() && relative.path() == m_redirect.path() && target.startsWith('/');
    if (m_done || method != "GET" || !rightPath) {
        ++m_rejected;
        qCDebug(lcFlow) << "loopback listener ignored a request (method or path)";
        respond(socket, method == "GET" ? 404 : 405, method == "GET" ? "Not Found" : "Method Not Allowed", errorPage(m_languages));
        return;
    }
    QUrl redirect = m_redirect;
    redirect.setQuery(relative.query(QUrl::FullyEncoded), QUrl::StrictMode);
    if (m_acceptor && !m_acceptor(redirect)) {
        ++m_rejected;
        ++m_rejectedRedirects;
        qCInfo(lcFlow) << "loopback listener ignored a redirect that is not for this flow";
        respond(socket, 400, "Bad Request", errorPage(m_languages));
        return;
    }
    m_done = true;
    respond(socket, 200, "OK", successPage(m_languages, m_purpose));
    qCDebug(lcFlow) << "loopback listener received the redirect";
    close();
    Q_EMIT redirectReceived(redirect);
}

} // namespace Concierge::Internal
