// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/guides/browser-sign-in.md: compiled and linked by the target concierge_doc_snippets.
#include "snippets.h"

#include <concierge/session.h>

#include <QtGui/QDesktopServices>

using namespace Concierge;

void Snippets::loopback()
{
//! [loopback]
ProviderConfig config(QStringLiteral("https://id.example.com"), QStringLiteral("shop-desktop"));
// The default redirect: http://127.0.0.1/callback on a port the OS picks for every sign-in
// (RFC 8252 §7.3). Register "http://127.0.0.1/callback" at the provider as a native app.
config.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1/callback")));
//! [loopback]
//! [loopback-fixed-port]
// Only for a provider that compares the port too: a fixed port, registered as is.
config.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:8765/callback")));
//! [loopback-fixed-port]
}

//! [custom-scheme-handler]
// Receives the redirect (com.example.shop:/callback?code=...&state=...) from the OS and hands it
// to the session.
class RedirectHandler : public QObject
{
    Q_OBJECT
public:
    RedirectHandler(Session *session, const QString &scheme)
        : QObject(session), m_session(session), m_scheme(scheme)
    {
        QDesktopServices::setUrlHandler(m_scheme, this, "handleUrl");
    }
    ~RedirectHandler() override { QDesktopServices::unsetUrlHandler(m_scheme); }

public Q_SLOTS:
    void handleUrl(const QUrl &url)
    {
        if (!m_session->handleRedirect(url))
            qInfo("a redirect arrived that no sign-in was waiting for; ignored");
    }

private:
    Session *m_session;
    QString m_scheme;
};
//! [custom-scheme-handler]

void Snippets::customScheme(QObject *parent)
{
//! [custom-scheme]
ProviderConfig config(QStringLiteral("https://id.example.com"), QStringLiteral("shop-mobile"));
// A private-use scheme: reverse DNS of a domain you own, one slash (RFC 8252 §7.1).
config.setRedirectUri(QUrl(QStringLiteral("com.example.shop:/callback")));
auto *session = new Session(config, parent);
new RedirectHandler(session, QStringLiteral("com.example.shop")); // goes with the session
session->signIn();            // ends with signedIn() once handleRedirect() got the answer
//! [custom-scheme]
}

void Snippets::claimedHttps(QObject *parent)
{
//! [claimed-https]
ProviderConfig config(QStringLiteral("https://id.example.com"), QStringLiteral("shop-mobile"));
// An https link the OS opens in the app (Android App Links, iOS Universal Links), proven by
// https://shop.example.com/.well-known/assetlinks.json or apple-app-site-association.
config.setRedirectUri(QUrl(QStringLiteral("https://shop.example.com/app/callback")));
auto *session = new Session(config, parent);
// The OS delivers the link like a custom scheme: the same handler, registered for "https".
new RedirectHandler(session, QStringLiteral("https"));
session->signIn();
//! [claimed-https]
}

void Snippets::signInOptions(Session &session)
{
//! [options]
SignInOptions options;
options.prompt = QStringLiteral("login");                // ask even if the browser has a session
options.loginHint = QStringLiteral("aiko@example.com");  // pre-fills the provider's form
options.uiLocales = QStringLiteral("ja en");             // the provider's pages in Japanese
session.signIn(options);
//! [options]
}

#include "browser_sign_in.moc"
