// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "qmldevicesignin_p.h"

#include "qmlauth_p.h"

#include <concierge/session.h>

#include <QtCore/QDateTime>

namespace Concierge {

static_assert(int(QmlDeviceSignIn::Idle) == int(DeviceSignIn::State::Idle)
              && int(QmlDeviceSignIn::WaitingForUser) == int(DeviceSignIn::State::WaitingForUser)
              && int(QmlDeviceSignIn::Polling) == int(DeviceSignIn::State::Polling)
              && int(QmlDeviceSignIn::SignedIn) == int(DeviceSignIn::State::SignedIn)
              && int(QmlDeviceSignIn::Failed) == int(DeviceSignIn::State::Failed)
              && int(QmlDeviceSignIn::Cancelled) == int(DeviceSignIn::State::Cancelled),
              "QmlDeviceSignIn::State mirrors DeviceSignIn::State");

QmlDeviceSignIn::QmlDeviceSignIn(QObject *parent)
    : QObject(parent)
{
}

QmlDeviceSignIn::~QmlDeviceSignIn() = default;

void QmlDeviceSignIn::setAuth(QmlAuth *auth)
{
    if (m_auth == auth)
        return;
    if (m_auth)
        disconnect(m_auth, nullptr, this, nullptr);
    m_auth = auth;
    if (m_device) {
        m_device->cancel();
        m_device->deleteLater();
        m_device = nullptr;
    }
    if (auth) {
        connect(auth, &QmlAuth::sessionChanged, this, [this] {
            if (m_device && m_device->session() != m_auth->session()) {
                m_device->cancel();
                m_device->deleteLater();
                m_device = nullptr;
                Q_EMIT stateChanged();
                Q_EMIT verificationChanged();
            }
        });
    }
    Q_EMIT authChanged();
    Q_EMIT stateChanged();
    Q_EMIT verificationChanged();
}

void QmlDeviceSignIn::setScopes(const QStringList &scopes)
{
    if (m_scopes == scopes)
        return;
    m_scopes = scopes;
    if (m_device)
        m_device->setScopes(scopes);
    Q_EMIT scopesChanged();
}

DeviceSignIn *QmlDeviceSignIn::ensureDevice()
{
    if (m_device)
        return m_device;
    if (!m_auth || !m_auth->ensureSession())
        return nullptr;
    auto *device = new DeviceSignIn(m_auth->session(), this);
    device->setScopes(m_scopes);
    connect(device, &DeviceSignIn::stateChanged, this, &QmlDeviceSignIn::stateChanged);
    connect(device, &DeviceSignIn::verificationChanged, this, [this, device] {
        const QDateTime expires = device->expiresAt();
        m_lifetime = expires.isValid() ? int(qMax<qint64>(0, device->secondsLeft())) : 0;
        Q_EMIT verificationChanged();
    });
    connect(device, &DeviceSignIn::secondsLeftChanged, this, &QmlDeviceSignIn::secondsLeftChanged);
    connect(device, &DeviceSignIn::pollIntervalChanged, this, &QmlDeviceSignIn::pollIntervalChanged);
    connect(device, &DeviceSignIn::finished, this, [this](const Error &error) {
        Q_EMIT finished(error);
        if (!error.isError())
            Q_EMIT signedIn();
        else if (error.code() == Error::Code::Cancelled)
            Q_EMIT cancelled();
        else
            Q_EMIT failed(error);
    });
    m_device = device;
    return device;
}

QmlDeviceSignIn::State QmlDeviceSignIn::state() const
{
    if (!m_device)
        return m_startError.isError() ? Failed : Idle;
    return State(int(m_device->state()));
}

bool QmlDeviceSignIn::isRunning() const
{
    return m_device && m_device->isRunning();
}

QString QmlDeviceSignIn::userCode() const
{
    return m_device ? m_device->userCode() : QString();
}

QUrl QmlDeviceSignIn::verificationUri() const
{
    return m_device ? m_device->verificationUri() : QUrl();
}

QUrl QmlDeviceSignIn::verificationUriComplete() const
{
    return m_device ? m_device->verificationUriComplete() : QUrl();
}

QString QmlDeviceSignIn::qr() const
{
    const QUrl complete = verificationUriComplete();
    return (complete.isEmpty() ? verificationUri() : complete).toString(QUrl::FullyEncoded);
}

int QmlDeviceSignIn::secondsLeft() const
{
    return m_device ? m_device->secondsLeft() : 0;
}

int QmlDeviceSignIn::pollInterval() const
{
    return m_device ? m_device->pollInterval() : 0;
}

Error QmlDeviceSignIn::error() const
{
    return m_device ? m_device->error() : m_startError;
}

void QmlDeviceSignIn::start()
{
    DeviceSignIn *device = ensureDevice();
    if (!device) {
        // Every start() ends with finished(), from the event loop, like DeviceSignIn::start().
        m_startError = Error(Error::Code::InvalidConfiguration,
                             QStringLiteral("DeviceSignIn needs an Auth with an issuer and a clientId"));
        QMetaObject::invokeMethod(this, [this] {
            Q_EMIT stateChanged();
            Q_EMIT finished(m_startError);
            Q_EMIT failed(m_startError);
        }, Qt::QueuedConnection);
        return;
    }
    m_startError = Error();
    if (device->isRunning())
        device->cancel();
    device->start();
}

void QmlDeviceSignIn::cancel()
{
    if (m_device)
        m_device->cancel();
}

} // namespace Concierge
