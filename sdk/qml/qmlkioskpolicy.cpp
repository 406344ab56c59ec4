// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "qmlkioskpolicy_p.h"

#include "qmlauth_p.h"

#include <concierge/session.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QEvent>

namespace Concierge {

QmlKioskPolicy::QmlKioskPolicy(QObject *parent)
    : QObject(parent)
{
}

QmlKioskPolicy::~QmlKioskPolicy()
{
    if (m_watchInput && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void QmlKioskPolicy::componentComplete()
{
    m_complete = true;
    if (m_watchInput && QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    attach();
}

void QmlKioskPolicy::setAuth(QmlAuth *auth)
{
    if (m_auth == auth)
        return;
    if (m_auth)
        disconnect(m_auth, nullptr, this, nullptr);
    m_auth = auth;
    if (auth)
        connect(auth, &QmlAuth::sessionChanged, this, &QmlKioskPolicy::attach);
    Q_EMIT authChanged();
    attach();
}

void QmlKioskPolicy::attach()
{
    if (!m_complete)
        return;
    Session *session = m_auth ? (m_auth->ensureSession(), m_auth->session()) : nullptr;
    if (m_policy && m_policy->session() == session)
        return;
    delete m_policy.data();
    m_policy = nullptr;
    if (session) {
        auto *policy = new KioskPolicy(session, this);
        // The Auth object follows: it reports Storage.Memory like the session now is.
        m_auth->setStorage(Session::Storage::Memory);
        policy->setIdleTimeoutSeconds(m_idle);
        policy->setWarningSeconds(m_warning);
        connect(policy, &KioskPolicy::stateChanged, this, &QmlKioskPolicy::stateChanged);
        connect(policy, &KioskPolicy::secondsLeftChanged, this, &QmlKioskPolicy::secondsLeftChanged);
        connect(policy, &KioskPolicy::warningStarted, this, &QmlKioskPolicy::warningStarted);
        connect(policy, &KioskPolicy::ended, this, &QmlKioskPolicy::ended);
        connect(policy, &KioskPolicy::storageRefused, this, &QmlKioskPolicy::storageRefused);
        m_policy = policy;
    }
    Q_EMIT stateChanged();
    Q_EMIT secondsLeftChanged();
}

void QmlKioskPolicy::setIdleTimeoutSeconds(int seconds)
{
    if (m_idle == seconds)
        return;
    m_idle = seconds;
    if (m_policy)
        m_policy->setIdleTimeoutSeconds(seconds);
    Q_EMIT idleTimeoutSecondsChanged();
}

void QmlKioskPolicy::setWarningSeconds(int seconds)
{
    if (m_warning == seconds)
        return;
    m_warning = seconds;
    if (m_policy)
        m_policy->setWarningSeconds(seconds);
    Q_EMIT warningSecondsChanged();
}

void QmlKioskPolicy::setWatchInput(bool watch)
{
    if (m_watchInput == watch)
        return;
    m_watchInput = watch;
    if (m_complete && QCoreApplication::instance()) {
        if (watch)
            QCoreApplication::instance()->installEventFilter(this);
        else
            QCoreApplication::instance()->removeEventFilter(this);
    }
    Q_EMIT watchInputChanged();
}

KioskPolicy::State QmlKioskPolicy::state() const
{
    return m_policy ? m_policy->state() : KioskPolicy::State::Inactive;
}

int QmlKioskPolicy::secondsLeft() const
{
    return m_policy ? m_policy->secondsLeft() : 0;
}

void QmlKioskPolicy::noteActivity()
{
    if (m_policy)
        m_policy->noteActivity();
}

void QmlKioskPolicy::done()
{
    if (m_policy)
        m_policy->done();
}

bool QmlKioskPolicy::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Concierge
