// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/devicesignin.h>
#include <concierge/error.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>
#include <QtQml/qqmlregistration.h>

namespace Concierge {

class QmlAuth;

/*!
  \qmltype DeviceSignIn
  \inqmlmodule Concierge
  \brief A device sign-in (RFC 8628) of an Auth object: a code to show, a QR code to scan.

  \qml
  DeviceSignIn {
      id: device
      auth: auth
      onSignedIn: console.log("welcome", auth.name)
  }
  QrCode { text: device.qr }
  Label { text: device.userCode }
  \endqml

  A thin adapter of Concierge::DeviceSignIn: every property and the end of every run come from it.
*/
class QmlDeviceSignIn : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(DeviceSignIn)
    Q_PROPERTY(Concierge::QmlAuth *auth READ auth WRITE setAuth NOTIFY authChanged)
    Q_PROPERTY(QStringList scopes READ scopes WRITE setScopes NOTIFY scopesChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY stateChanged)
    Q_PROPERTY(QString userCode READ userCode NOTIFY verificationChanged)
    Q_PROPERTY(QUrl verificationUri READ verificationUri NOTIFY verificationChanged)
    Q_PROPERTY(QUrl verificationUriComplete READ verificationUriComplete NOTIFY verificationChanged)
    //! What a phone scans: verificationUriComplete, or verificationUri when there is none.
    Q_PROPERTY(QString qr READ qr NOTIFY verificationChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    //! The codes' lifetime as the provider gave it (for a countdown ring), seconds.
    Q_PROPERTY(int lifetimeSeconds READ lifetimeSeconds NOTIFY verificationChanged)
    Q_PROPERTY(int pollInterval READ pollInterval NOTIFY pollIntervalChanged)
    Q_PROPERTY(Concierge::Error error READ error NOTIFY finished)
public:
    //! The same values as Concierge::DeviceSignIn::State.
    enum State { Idle, WaitingForUser, Polling, SignedIn, Failed, Cancelled };
    Q_ENUM(State)

    explicit QmlDeviceSignIn(QObject *parent = nullptr);
    ~QmlDeviceSignIn() override;

    QmlAuth *auth() const { return m_auth.data(); }
    void setAuth(QmlAuth *auth);
    QStringList scopes() const { return m_scopes; }
    void setScopes(const QStringList &scopes);

    State state() const;
    bool isRunning() const;
    QString userCode() const;
    QUrl verificationUri() const;
    QUrl verificationUriComplete() const;
    QString qr() const;
    int secondsLeft() const;
    int lifetimeSeconds() const { return m_lifetime; }
    int pollInterval() const;
    Error error() const;

    //! Starts a run (a running one is cancelled first). Ends with finished().
    Q_INVOKABLE void start();
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void authChanged();
    void scopesChanged();
    void stateChanged();
    void verificationChanged();
    void secondsLeftChanged();
    void pollIntervalChanged();
    //! The run ended; \a error is not an error (error.isError false) after a sign-in.
    void finished(const Concierge::Error &error);
    void signedIn();
    //! The run failed (access_denied, expired_token, network, ...); not emitted for cancel().
    void failed(const Concierge::Error &error);
    void cancelled();

private:
    DeviceSignIn *ensureDevice();

    QPointer<QmlAuth> m_auth;
    QStringList m_scopes;
    QPointer<DeviceSignIn> m_device;
    int m_lifetime = 0;
    Error m_startError;
};

} // namespace Concierge
