// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>
#include <QtCore/QSocketNotifier>
#include <QtCore/QVariantMap>

#include <QtQuick/QQuickWindow>

/*
  Test automation for the phone app (--automation): one JSON object per line on stdout for what
  happens ({"event":"screen","name":"home"}, {"event":"signed_in",...}, {"event":"error",...}), and
  commands read from stdin, one JSON object per line (the kiosk's format), that act through the
  real UI; each is answered by {"event":"command","command":...,"ok":...}:
    {"command":"click","object":"objectName"}          a press/release in the middle of that item
    {"command":"set","object":"objectName","text":".."} types into a text field
    {"command":"open_url","url":"..."}                  a link handed over by the OS (deep link)
    {"command":"screenshot","name":"..."}               saves <screenshot-dir>/<name>.png
    {"command":"quit"}
  Never prints a token, code or link: events carry ids and names only.
*/
class Automation : public QObject
{
    Q_OBJECT
public:
    Automation(bool enabled, const QString &screenshotDir, QObject *parent = nullptr);

    void setWindow(QQuickWindow *window) { m_window = window; }
    bool isEnabled() const { return m_enabled; }

    //! Called by the UI when the visible screen changes; photographs each screen's first visit
    //! when --screenshot-dir is given.
    Q_INVOKABLE void screen(const QString &name);
    //! Saves the window to <screenshot-dir>/<name>.png after the screen has settled.
    Q_INVOKABLE void screenshot(const QString &name);

public Q_SLOTS:
    void emitEvent(const QString &name, const QVariantMap &details = {});

Q_SIGNALS:
    void openUrlRequested(const QUrl &url);

private:
    void onStdin();
    void command(const QVariantMap &command);
    bool click(const QString &objectName, QString *why);
    QObject *find(const QString &objectName) const;

    bool m_enabled = false;
    QString m_screenshotDir;
    QString m_currentScreen;
    QSet<QString> m_photographed;
    QPointer<QQuickWindow> m_window;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_buffer;
};
