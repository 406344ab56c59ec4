// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/kioskpolicy.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtQml/QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace Concierge {

class QmlAuth;

/*!
  \qmltype KioskPolicy
  \inqmlmodule Concierge
  \brief Concierge::KioskPolicy for an Auth object: memory-only tokens, idle and "Done" sign-out.

  \qml
  KioskPolicy {
      id: kiosk
      auth: auth
      idleTimeoutSeconds: 60
      warningSeconds: 15
      onEnded: (reason) => stack.showAttract()
  }
  \endqml

  With \c watchInput (the default) every key, mouse, touch and wheel event the application receives
  counts as activity; noteActivity() reports other activity (a scanner, a card reader).
*/
class QmlKioskPolicy : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(KioskPolicy)
    QML_EXTENDED_NAMESPACE(Concierge::KioskPolicy)
    Q_PROPERTY(Concierge::QmlAuth *auth READ auth WRITE setAuth NOTIFY authChanged)
    Q_PROPERTY(int idleTimeoutSeconds READ idleTimeoutSeconds WRITE setIdleTimeoutSeconds NOTIFY idleTimeoutSecondsChanged)
    Q_PROPERTY(int warningSeconds READ warningSeconds WRITE setWarningSeconds NOTIFY warningSecondsChanged)
    Q_PROPERTY(bool watchInput READ watchInput WRITE setWatchInput NOTIFY watchInputChanged)
    Q_PROPERTY(Concierge::KioskPolicy::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool warning READ isWarning NOTIFY stateChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
public:
    explicit QmlKioskPolicy(QObject *parent = nullptr);
    ~QmlKioskPolicy() override;

    QmlAuth *auth() const { return m_auth.data(); }
    void setAuth(QmlAuth *auth);
    int idleTimeoutSeconds() const { return m_idle; }
    void setIdleTimeoutSeconds(int seconds);
    int warningSeconds() const { return m_warning; }
    void setWarningSeconds(int seconds);
    bool watchInput() const { return m_watchInput; }
    void setWatchInput(bool watch);
    KioskPolicy::State state() const;
    bool isWarning() const { return state() == KioskPolicy::State::Warning; }
    int secondsLeft() const;

    void classBegin() override {}
    void componentComplete() override;

    Q_INVOKABLE void noteActivity();
    //! The shopper is done: sign out now (revoking the tokens).
    Q_INVOKABLE void done();

Q_SIGNALS:
    void authChanged();
    void idleTimeoutSecondsChanged();
    void warningSecondsChanged();
    void watchInputChanged();
    void stateChanged();
    void secondsLeftChanged();
    void warningStarted(int secondsLeft);
    void ended(Concierge::KioskPolicy::EndReason reason);
    void storageRefused(const Concierge::Error &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void attach();

    QPointer<QmlAuth> m_auth;
    QPointer<KioskPolicy> m_policy;
    int m_idle = 60;
    int m_warning = 15;
    bool m_watchInput = true;
    bool m_complete = false;
};

} // namespace Concierge
