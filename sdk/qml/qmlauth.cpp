// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "qmlauth_p.h"

#include <concierge/idtoken.h>
#include <concierge/providerconfig.h>
#include <concierge/tokenset.h>

#include <QtCore/QJsonDocument>
#include <QtNetwork/QNetworkRequest>
#include <QtQml/QJSEngine>
#include <QtQml/QQmlEngine>

namespace Concierge {

QmlAuth::QmlAuth(QObject *parent)
    : QObject(parent)
{
}

QmlAuth::~QmlAuth() = default;

#define CONCIERGE_SET_CONFIG(member, value) \
    if (member == value)                    \
        return;                             \
    member = value;                         \
    m_configDirty = true;                   \
    Q_EMIT configChanged();                 \
    configure();

void QmlAuth::setIssuer(const QString &issuer) { CONCIERGE_SET_CONFIG(m_issuer, issuer) }
void QmlAuth::setClientId(const QString &clientId) { CONCIERGE_SET_CONFIG(m_clientId, clientId) }
void QmlAuth::setScopes(const QStringList &scopes) { CONCIERGE_SET_CONFIG(m_scopes, scopes) }
void QmlAuth::setDpop(bool dpop) { CONCIERGE_SET_CONFIG(m_dpop, dpop) }
#undef CONCIERGE_SET_CONFIG

void QmlAuth::setProfile(const QString &profile)
{
    if (m_profile == profile)
        return;
    m_profile = profile;
    if (m_session)
        m_session->setProfile(profile.isEmpty() ? QStringLiteral("default") : profile);
    Q_EMIT profileChanged();
}

void QmlAuth::setStorage(Session::Storage storage)
{
    if (m_storage == storage)
        return;
    m_storage = storage;
    if (m_session)
        m_session->setStorage(storage);
    Q_EMIT storageChanged();
}

void QmlAuth::componentComplete()
{
    m_complete = true;
    configure();
}

void QmlAuth::configure()
{
    // A signed-in (or signing-in) session keeps its provider: the new one applies after sign-out.
    if (!m_complete || m_issuer.isEmpty() || m_clientId.isEmpty())
        return;
    if (m_session && m_session->state() != Session::State::SignedOut)
        return;
    ensureSession();
}

bool QmlAuth::ensureSession()
{
    if (m_session && !m_configDirty)
        return true;
    if (m_issuer.isEmpty() || m_clientId.isEmpty()) {
        setError(Error(Error::Code::InvalidConfiguration, QStringLiteral("Auth needs an issuer and a clientId")));
        return false;
    }
    if (m_session && m_session->state() != Session::State::SignedOut)
        return true; // keeps the current provider until signed out
    ProviderConfig config(m_issuer, m_clientId);
    if (!m_scopes.isEmpty())
        config.setScopes(m_scopes);
    config.setDpopEnabled(m_dpop);
    if (m_session)
        m_session->deleteLater();
    auto *session = new Session(config, this);
    if (!m_profile.isEmpty())
        session->setProfile(m_profile);
    session->setStorage(m_storage);
    connect(session, &Session::stateChanged, this, &QmlAuth::stateChanged);
    connect(session, &Session::tokensChanged, this, &QmlAuth::claimsChanged);
    connect(session, &Session::signedIn, this, [this] {
        setError(Error());
        Q_EMIT signedIn();
    });
    connect(session, &Session::signedOut, this, [this] {
        Q_EMIT signedOut();
        if (m_configDirty)
            QMetaObject::invokeMethod(this, [this] { configure(); }, Qt::QueuedConnection);
    });
    connect(session, &Session::refreshed, this, &QmlAuth::refreshed);
    connect(session, &Session::errorOccurred, this, [this](const Error &error) {
        setError(error);
        Q_EMIT errorOccurred(error);
    });
    m_session = session;
    m_configDirty = false;
    Q_EMIT sessionChanged();
    Q_EMIT stateChanged();
    Q_EMIT claimsChanged();
    return true;
}

Session::State QmlAuth::state() const
{
    return m_session ? m_session->state() : Session::State::SignedOut;
}

bool QmlAuth::isSignedIn() const
{
    return m_session && m_session->isSignedIn();
}

bool QmlAuth::isBusy() const
{
    const auto s = state();
    return s == Session::State::Authorizing || s == Session::State::Refreshing;
}

QVariantMap QmlAuth::claims() const
{
    return m_session ? m_session->tokens().idToken().claims() : QVariantMap();
}

QString QmlAuth::subject() const
{
    return m_session ? m_session->tokens().idToken().subject() : QString();
}

QString QmlAuth::name() const
{
    return claims().value(QStringLiteral("name")).toString();
}

QString QmlAuth::email() const
{
    return claims().value(QStringLiteral("email")).toString();
}

void QmlAuth::setError(const Error &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void QmlAuth::clearError()
{
    setError(Error());
}

void QmlAuth::signIn()
{
    if (!ensureSession())
        return;
    setError(Error());
    m_session->signIn();
}

void QmlAuth::cancel()
{
    if (m_session)
        m_session->cancel();
}

void QmlAuth::signOut(bool endSession)
{
    if (!m_session)
        return;
    SignOutOptions options;
    options.endSession = endSession;
    m_session->signOut(options);
}

void QmlAuth::refresh()
{
    if (ensureSession())
        m_session->refresh();
}

void QmlAuth::answer(QJSValue callback, const QVariantMap &result)
{
    if (!callback.isCallable())
        return;
    QJSEngine *engine = qjsEngine(this);
    if (!engine)
        return;
    QJSValue value = engine->toScriptValue(result);
    // JSON bodies arrive as JS values (objects, arrays), not as QVariant wrappers.
    if (result.contains(QStringLiteral("json")))
        value.setProperty(QStringLiteral("json"), engine->toScriptValue(result.value(QStringLiteral("json"))));
    const QJSValue thrown = callback.call({value});
    if (thrown.isError())
        qWarning("Concierge.Auth: callback threw: %s", qPrintable(thrown.toString()));
}

void QmlAuth::restore(const QJSValue &callback)
{
    if (!ensureSession())
        return answer(callback, {{QStringLiteral("ok"), false}, {QStringLiteral("restored"), false},
                                 {QStringLiteral("error"), QVariant::fromValue(m_error)}});
    m_session->restore(this, [this, callback](const Result<bool> &restored) {
        if (!restored) {
            setError(restored.error());
            return answer(callback, {{QStringLiteral("ok"), false}, {QStringLiteral("restored"), false},
                                     {QStringLiteral("error"), QVariant::fromValue(restored.error())}});
        }
        answer(callback, {{QStringLiteral("ok"), true}, {QStringLiteral("restored"), *restored}});
    });
}

void QmlAuth::get(const QUrl &url, const QJSValue &callback)
{
    request(QStringLiteral("GET"), url, QVariant(), callback);
}

void QmlAuth::post(const QUrl &url, const QVariant &body, const QJSValue &callback)
{
    request(QStringLiteral("POST"), url, body, callback);
}

void QmlAuth::request(const QString &verb, const QUrl &url, const QVariant &body, const QJSValue &callback)
{
    if (!ensureSession())
        return answer(callback, {{QStringLiteral("ok"), false}, {QStringLiteral("status"), 0},
                                 {QStringLiteral("error"), QVariant::fromValue(m_error)}});
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    QByteArray payload;
    QVariant plain = body;
    if (plain.canConvert<QJSValue>())
        plain = plain.value<QJSValue>().toVariant();
    if (plain.typeId() == QMetaType::QString) {
        payload = plain.toString().toUtf8();
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/plain; charset=utf-8"));
    } else if (plain.isValid() && !plain.isNull()) {
        payload = QJsonDocument::fromVariant(plain).toJson(QJsonDocument::Compact);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    }
    m_session->sendRequest(verb.toUtf8(), request, payload, this, [this, callback](const Result<HttpReply> &reply) {
        QVariantMap result;
        if (!reply) {
            result.insert(QStringLiteral("ok"), false);
            result.insert(QStringLiteral("status"), reply.error().httpStatus());
            result.insert(QStringLiteral("error"), QVariant::fromValue(reply.error()));
            return answer(callback, result);
        }
        result.insert(QStringLiteral("ok"), reply->status >= 200 && reply->status < 300);
        result.insert(QStringLiteral("status"), reply->status);
        result.insert(QStringLiteral("text"), QString::fromUtf8(reply->body));
        QJsonParseError parseError{};
        const QJsonDocument json = QJsonDocument::fromJson(reply->body, &parseError);
        if (parseError.error == QJsonParseError::NoError)
            result.insert(QStringLiteral("json"), json.toVariant());
        answer(callback, result);
    });
}

} // namespace Concierge
