// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Fuzzes the loopback redirect listener's HTTP request handling (Internal::LoopbackListener):
// each input is sent, as raw bytes, over a real TCP connection to a listener on 127.0.0.1 that
// lives in this process and this thread; a local event loop runs both ends. The acceptor is the
// one Session installs (state from the query, compared with the request's), and an accepted
// redirect goes through AuthorizationResponse::fromRedirect, as Session does.
//
// A complete request (CRLF CRLF within 16 KiB) is sent as is and must be answered; an incomplete
// one is followed by a half-close (the client has nothing more), and the listener must close.
// The client resets its end (SO_LINGER 0) so that hundreds of thousands of runs do not fill the
// port range with TIME_WAIT sockets.
// Invariants: every complete request gets exactly one HTTP/1.1 answer with a known status; the
// listener never accepts two redirects; it keeps serving (no connection slots leak).

#include "fuzzsupport.h"

#include "core/random_p.h"
#include "platform/loopbacklistener_p.h"

#include <concierge/authorizationresponse.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QEventLoop>
#include <QtCore/QTimer>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QTcpSocket>

#include <sys/socket.h>

#include <cstdint>
#include <memory>

using namespace Concierge;
using Concierge::Fuzz::require;
using Concierge::Internal::LoopbackListener;

namespace {

constexpr qsizetype kMaxRequestBytes = 16 * 1024; // the listener's limit (loopbacklistener.cpp)

struct World
{
    ProviderMetadata metadata = Fuzz::fixedMetadata(true);
    AuthorizationRequest request = Fuzz::fixedRequest(metadata);
    std::unique_ptr<LoopbackListener> listener;
    int accepted = 0;  // redirects the listener emitted for the current listener
    int responses = 0; // fromRedirect results seen (ok or not)
};

World &world()
{
    static World *w = new World; // lives as long as the process (like the QCoreApplication)
    return *w;
}

void startListener()
{
    World &w = world();
    w.listener = std::make_unique<LoopbackListener>();
    w.accepted = 0;
    const auto uri = w.listener->listen(QUrl(QStringLiteral("http://127.0.0.1/callback")));
    require(uri.ok(), "the loopback listener can listen");
    const QByteArray state = w.request.state();
    w.listener->setAcceptor([state](const QUrl &url) { // the acceptor Session installs
        const QString got = QUrlQuery(url).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
        return Internal::constantTimeEquals(got.toUtf8(), state);
    });
    QObject::connect(w.listener.get(), &LoopbackListener::redirectReceived, w.listener.get(), [](const QUrl &url) {
        World &w = world();
        ++w.accepted;
        require(w.accepted == 1, "the listener emits at most one redirect");
        require(url.path() == QLatin1String("/callback") && url.host() == QLatin1String("127.0.0.1"),
                "the redirect is on the registered redirect URI");
        const auto response = AuthorizationResponse::fromRedirect(url, w.request, w.metadata);
        if (!response)
            (void)response.error().message();
        ++w.responses;
    });
}

// Sends \a request; returns what the listener answered ("" when it closed without answering).
QByteArray exchange(const QByteArray &request, bool complete, bool &timedOut)
{
    QTcpSocket socket;
    QByteArray answer;
    bool closed = false;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] {
        socket.write(request);
        if (!complete) {
            while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(1000)) { }
            ::shutdown(int(socket.socketDescriptor()), SHUT_WR);
        }
    });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { answer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        closed = true;
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError) {
            closed = true;
            loop.quit();
        }
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] { loop.quit(); });
    timeout.start(5000);
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), world().listener->port());
    loop.exec();
    timedOut = !closed;
    answer += socket.readAll();
    if (socket.socketDescriptor() >= 0) {
        const linger reset{1, 0}; // close with RST: no TIME_WAIT on either end
        ::setsockopt(int(socket.socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    }
    socket.abort();
    return answer;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::quietLogging();
    new QCoreApplication(*argc, *argv); // lives as long as the process
    Fuzz::quietLogging();
    startListener();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype headerEnd = input.indexOf("\r\n\r\n");
    const bool complete = (headerEnd >= 0 && headerEnd + 4 <= kMaxRequestBytes) || input.size() > kMaxRequestBytes;
    bool timedOut = false;
    const QByteArray answer = exchange(input, complete, timedOut);
    // Let the listener's sockets finish closing (deleteLater) before the next run.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();

    require(!timedOut, "the listener answers or closes every connection in time");
    if (complete) {
        require(answer.startsWith("HTTP/1.1 "), "a complete request gets an HTTP/1.1 answer");
        const QByteArray status = answer.mid(9, 3);
        require(status == "200" || status == "400" || status == "404" || status == "405" || status == "431",
                "the answer has a known status");
        require(answer.count("HTTP/1.1 ") == 1, "exactly one answer");
        if (status == "200")
            require(world().accepted == 1, "200 only for the accepted redirect");
    } else {
        require(answer.isEmpty(), "an incomplete request is not answered");
    }
    // Single use: after a redirect was accepted the listener closes; start a fresh one.
    if (world().accepted > 0) {
        world().listener.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        startListener();
    }
    require(world().listener->isListening(), "the listener keeps listening until a redirect is accepted");
    return 0;
}
