// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "platform/loopbacklistener_p.h"

#include <QtNetwork/QNetworkInterface>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

using Concierge::Internal::LoopbackListener;

namespace {
// Sends one raw HTTP request and returns the raw response ("" when the connection failed). The
// listener lives on this thread, so the exchange runs in a local event loop, not with blocking waits.
QByteArray rawRequest(const QHostAddress &host, quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    QByteArray response;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { response += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            loop.quit();
    });
    QTimer::singleShot(3000, &loop, &QEventLoop::quit);
    socket.connectToHost(host, port);
    loop.exec();
    response += socket.readAll();
    return response;
}

QByteArray get(quint16 port, const QByteArray &target, const QHostAddress &host = QHostAddress(QHostAddress::LocalHost))
{
    return rawRequest(host, port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}
} // namespace

class tst_LoopbackListener : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ephemeralPortAndRedirectUri();
    void ignoresWhatIsNotTheRedirect();
    void acceptsOnceThenCloses();
    void ipv6LoopbackWhenAvailable();
    void notReachableFromOtherInterfaces();
    void oversizedRequestIsRefused();
};

void tst_LoopbackListener::ephemeralPortAndRedirectUri()
{
    LoopbackListener l;
    const auto uri = l.listen(QUrl(QStringLiteral("http://127.0.0.1/callback")));
    QVERIFY(uri.ok());
    QVERIFY(l.port() > 0);
    QCOMPARE(uri->toString(), QStringLiteral("http://127.0.0.1:%1/callback").arg(l.port()));
    LoopbackListener fixed;
    const auto again = fixed.listen(QUrl(QStringLiteral("http://127.0.0.1:%1/callback").arg(l.port())));
    QVERIFY(!again.ok()); // port taken
    QCOMPARE(again.error().code(), Concierge::Error::Code::RedirectListenerFailed);
}

void tst_LoopbackListener::ignoresWhatIsNotTheRedirect()
{
    LoopbackListener l;
    QVERIFY(l.listen(QUrl(QStringLiteral("http://127.0.0.1/callback"))).ok());
    l.setAcceptor([](const QUrl &url) { return url.query().contains(QStringLiteral("state=good")); });
    QSignalSpy spy(&l, &LoopbackListener::redirectReceived);

    QVERIFY(get(l.port(), "/favicon.ico").startsWith("HTTP/1.1 404"));
    QVERIFY(get(l.port(), "/callback/extra?state=good").startsWith("HTTP/1.1 404"));
    QVERIFY(rawRequest(QHostAddress(QHostAddress::LocalHost), l.port(),
                       "POST /callback?state=good HTTP/1.1\r\nContent-Length: 0\r\n\r\n").startsWith("HTTP/1.1 405"));
    QVERIFY(get(l.port(), "/callback?state=evil&code=x").startsWith("HTTP/1.1 400"));
    QVERIFY(rawRequest(QHostAddress(QHostAddress::LocalHost), l.port(), "garbage\r\n\r\n").startsWith("HTTP/1.1 400"));
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 0);
    QVERIFY(l.isListening());
    QCOMPARE(l.rejectedRedirectCount(), 1);
    QCOMPARE(l.rejectedCount(), 5);
}

void tst_LoopbackListener::acceptsOnceThenCloses()
{
    LoopbackListener l;
    QVERIFY(l.listen(QUrl(QStringLiteral("http://127.0.0.1/callback"))).ok());
    l.setAcceptor([](const QUrl &url) { return url.query().contains(QStringLiteral("state=good")); });
    QSignalSpy spy(&l, &LoopbackListener::redirectReceived);
    const quint16 port = l.port();
    const QByteArray response = get(port, "/callback?code=abc&state=good");
    QVERIFY(response.startsWith("HTTP/1.1 200"));
    QVERIFY(response.contains("Cache-Control: no-store"));
    QVERIFY(response.contains("Referrer-Policy: no-referrer"));
    QVERIFY(!response.contains("abc")); // the page does not echo the code
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toUrl().toString(), QStringLiteral("http://127.0.0.1:%1/callback?code=abc&state=good").arg(port));
    QVERIFY(!l.isListening());
    QCOMPARE(get(port, "/callback?code=abc&state=good"), QByteArray()); // single-use: nobody listens now
    QCOMPARE(spy.count(), 1);
}

void tst_LoopbackListener::ipv6LoopbackWhenAvailable()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(QHostAddress::LocalHostIPv6), 0))
        QSKIP("this host has no IPv6 loopback");
    probe.close();
    LoopbackListener l;
    QVERIFY(l.listen(QUrl(QStringLiteral("http://127.0.0.1/callback"))).ok());
    QVERIFY(get(l.port(), "/nothing", QHostAddress(QHostAddress::LocalHostIPv6)).startsWith("HTTP/1.1 404"));
}

void tst_LoopbackListener::notReachableFromOtherInterfaces()
{
    LoopbackListener l;
    QVERIFY(l.listen(QUrl(QStringLiteral("http://127.0.0.1/callback"))).ok());
    int tried = 0;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.isLinkLocal())
            continue;
        ++tried;
        QCOMPARE(get(l.port(), "/callback", address), QByteArray());
    }
    if (tried == 0)
        QSKIP("no non-loopback address on this host");
}

void tst_LoopbackListener::oversizedRequestIsRefused()
{
    LoopbackListener l;
    QVERIFY(l.listen(QUrl(QStringLiteral("http://127.0.0.1/callback"))).ok());
    QSignalSpy spy(&l, &LoopbackListener::redirectReceived);
    const QByteArray big = "GET /callback?state=good&x=" + QByteArray(20000, 'a') + " HTTP/1.1\r\n\r\n";
    QVERIFY(rawRequest(QHostAddress(QHostAddress::LocalHost), l.port(), big).startsWith("HTTP/1.1 431"));
    QCOMPARE(spy.count(), 0);
}

QTEST_GUILESS_MAIN(tst_LoopbackListener)
#include "tst_loopbacklistener.moc"
