// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/guides/privacy-centre.md: compiled and linked by the target concierge_doc_snippets.
#include "snippets.h"

#include <concierge/session.h>

#include <QtCore/QJsonDocument>

using namespace Concierge;

void Snippets::privacyWhatTheAppSees(Session &session, QObject *context)
{
//! [what-the-app-sees]
const TokenSet tokens = session.tokens();
const QStringList granted = tokens.scopes();           // e.g. openid profile email offline_access
const QVariantMap claims = tokens.idToken().claims();  // what the ID token says about the person
const bool staysSignedIn = tokens.hasRefreshToken();   // offline_access was granted
qInfo() << granted << claims.keys() << staysSignedIn;

// The provider's current view (UserInfo); its sub must equal the ID token's.
session.fetchUserInfo(context, [](const Result<QVariantMap> &userInfo) {
    if (userInfo)
        qInfo() << "the provider shares:" << userInfo->keys();
});
//! [what-the-app-sees]
}

void Snippets::privacyExport(Session &session, QObject *context)
{
//! [export]
// Your API collects what it holds about the signed-in person (sub from the access token).
QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/me/export")));
request.setRawHeader("Accept", "application/json");
session.sendRequest("GET", request, {}, context, [](const Result<HttpReply> &reply) {
    if (reply && reply->status == 200)
        qInfo() << "export of" << reply->body.size() << "bytes ready to save";
});
//! [export]
}

void Snippets::privacyDelete(Session &session, QObject *context)
{
//! [delete]
// Ask for a recent sign-in first (prompt=login with max_age) for something this serious; then
// your API deletes the account, and the app signs out everywhere.
QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/me")));
session.sendRequest("DELETE", request, {}, context, [&session](const Result<HttpReply> &reply) {
    if (!reply || (reply->status != 204 && reply->status != 200))
        return; // show the error; nothing was deleted
    SignOutOptions options;
    options.endSession = true; // also end the provider's browser session
    session.signOut(options);
});
//! [delete]
}
