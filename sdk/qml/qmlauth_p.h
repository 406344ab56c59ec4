// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/error.h>
#include <concierge/session.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtCore/QVariantMap>
#include <QtQml/QJSValue>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace Concierge {

/*!
  \qmltype Auth
  \inqmlmodule Concierge
  \brief The app's sign-in: a Concierge::Session configured from QML.

  \qml
  import Concierge 1.0
  Auth {
      id: auth
      issuer: "https://id.example.com"
      clientId: "storefront-kiosk"
      scopes: ["openid", "profile", "email", "offline_access"]
      storage: Session.Memory
  }
  \endqml

  The Session is created when the component is complete (and again when issuer, clientId, scopes
  or dpop change while signed out). \c claims are the ID token's claims; \c error is the last
  Concierge::Error (a value type: \c error.id, \c error.message, \c error.isError).
  get()/post()/request() send an authorized request through Session::sendRequest() and call back
  with \c {ok, status, json, text, error}.
*/
class QmlAuth : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(Auth)
    Q_PROPERTY(QString issuer READ issuer WRITE setIssuer NOTIFY configChanged)
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY configChanged)
    Q_PROPERTY(QStringList scopes READ scopes WRITE setScopes NOTIFY configChanged)
    Q_PROPERTY(bool dpop READ dpop WRITE setDpop NOTIFY configChanged)
    Q_PROPERTY(QString profile READ profile WRITE setProfile NOTIFY profileChanged)
    Q_PROPERTY(Concierge::Session::Storage storage READ storage WRITE setStorage NOTIFY storageChanged)
    Q_PROPERTY(Concierge::Session *session READ session NOTIFY sessionChanged)
    Q_PROPERTY(Concierge::Session::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap claims READ claims NOTIFY claimsChanged)
    Q_PROPERTY(QString subject READ subject NOTIFY claimsChanged)
    Q_PROPERTY(QString name READ name NOTIFY claimsChanged)
    Q_PROPERTY(QString email READ email NOTIFY claimsChanged)
    Q_PROPERTY(Concierge::Error error READ error NOTIFY errorChanged)
public:
    explicit QmlAuth(QObject *parent = nullptr);
    ~QmlAuth() override;

    QString issuer() const { return m_issuer; }
    void setIssuer(const QString &issuer);
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &clientId);
    QStringList scopes() const { return m_scopes; }
    void setScopes(const QStringList &scopes);
    bool dpop() const { return m_dpop; }
    void setDpop(bool dpop);
    QString profile() const { return m_profile; }
    void setProfile(const QString &profile);
    Session::Storage storage() const { return m_storage; }
    void setStorage(Session::Storage storage);

    //! The Session (null until issuer and clientId are set and the component is complete).
    Session *session() const { return m_session.data(); }
    Session::State state() const;
    bool isSignedIn() const;
    bool isBusy() const;
    QVariantMap claims() const;
    QString subject() const;
    QString name() const;
    QString email() const;
    Error error() const { return m_error; }

    void classBegin() override {}
    void componentComplete() override;

    //! Creates the Session from the configuration when there is none (or the config changed);
    //! false (and error set) when issuer or clientId is missing. For the module's other adapters.
    bool ensureSession();

    //! Starts a browser sign-in.
    Q_INVOKABLE void signIn();
    //! Ends a browser sign-in in progress.
    Q_INVOKABLE void cancel();
    //! Signs out (revoking the tokens); \a endSession also ends the provider's browser session.
    Q_INVOKABLE void signOut(bool endSession = false);
    Q_INVOKABLE void refresh();
    //! Loads the stored sign-in; \a callback (optional) gets true when one was restored.
    Q_INVOKABLE void restore(const QJSValue &callback = QJSValue());
    Q_INVOKABLE void clearError();
    //! GET \a url with the access token; \a callback gets {ok, status, json, text, error}.
    Q_INVOKABLE void get(const QUrl &url, const QJSValue &callback);
    //! POST \a body (an object or array is sent as JSON, a string as is) to \a url with the access token.
    Q_INVOKABLE void post(const QUrl &url, const QVariant &body, const QJSValue &callback);
    //! Any verb; see get() and post().
    Q_INVOKABLE void request(const QString &verb, const QUrl &url, const QVariant &body, const QJSValue &callback);

Q_SIGNALS:
    void configChanged();
    void profileChanged();
    void storageChanged();
    void sessionChanged();
    void stateChanged();
    void claimsChanged();
    void errorChanged();
    void signedIn();
    void signedOut();
    void refreshed();
    void errorOccurred(const Concierge::Error &error);

private:
    void configure();
    void setError(const Error &error);
    void answer(QJSValue callback, const QVariantMap &result);

    QString m_issuer;
    QString m_clientId;
    QStringList m_scopes;
    bool m_dpop = false;
    QString m_profile;
    Session::Storage m_storage = Session::Storage::Memory;
    bool m_complete = false;
    bool m_configDirty = true;
    QPointer<Session> m_session;
    Error m_error;
};

} // namespace Concierge
