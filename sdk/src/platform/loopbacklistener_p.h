// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/result.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace Concierge::Internal {

/*!
  The loopback redirect receiver of RFC 8252 §7.3. Listens on 127.0.0.1 (and on [::1] with the same
  port when the host has IPv6 loopback), never on another interface. A request is taken only when it
  is a GET of the redirect path and the acceptor says it belongs to this flow (its state matches);
  anything else is answered with an error page and ignored, so a stray or hostile request cannot end
  the flow. The first accepted redirect closes the listener: it is single-use.
*/
class LoopbackListener : public QObject
{
    Q_OBJECT
public:
    using Acceptor = std::function<bool(const QUrl &redirect)>;
    //! What the redirect ends: the page the browser shows says so.
    enum class Purpose { SignIn, SignOut };

    explicit LoopbackListener(QObject *parent = nullptr);
    ~LoopbackListener() override;

    //! Binds. \a redirectTemplate's port (0 or none = ephemeral) and path are used; returns the
    //! redirect URI to register in the request, e.g. http://127.0.0.1:53121/callback.
    Result<QUrl> listen(const QUrl &redirectTemplate);
    void setAcceptor(Acceptor acceptor) { m_acceptor = std::move(acceptor); }
    void close();
    bool isListening() const;
    quint16 port() const { return m_port; }
    //! How many requests were refused (wrong path, method or state).
    int rejectedCount() const { return m_rejected; }
    //! How many refused requests did look like redirects (right path) but had a wrong state.
    int rejectedRedirectCount() const { return m_rejectedRedirects; }

    //! The languages of the pages, most preferred first (Internal::preferredLanguages()); English
    //! when none has a translation.
    void setLanguages(const QStringList &languages) { m_languages = languages; }
    void setPurpose(Purpose purpose) { m_purpose = purpose; }

    //! The page shown in the browser after the redirect (translated, no secrets).
    static QByteArray successPage(const QStringList &languages = {}, Purpose purpose = Purpose::SignIn);
    static QByteArray errorPage(const QStringList &languages = {});

Q_SIGNALS:
    //! The redirect for this flow, with its query. Emitted at most once.
    void redirectReceived(const QUrl &redirect);

private:
    void onNewConnection(QTcpServer *server);
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body);

    QTcpServer *m_v4 = nullptr;
    QTcpServer *m_v6 = nullptr;
    QUrl m_redirect;
    Acceptor m_acceptor;
    QStringList m_languages;
    Purpose m_purpose = Purpose::SignIn;
    quint16 m_port = 0;
    int m_rejected = 0;
    int m_rejectedRedirects = 0;
    int m_openConnections = 0;
    bool m_done = false;
};

} // namespace Concierge::Internal
