// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/result.h>

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <memory>

class QProcess;

namespace Concierge::Internal {

/*!
  Shows the authorization URL to the person: the only place a browser is started. open() starts
  the browser and returns at once; the redirect comes back through the loopback listener or
  Session::handleRedirect(). A user agent that can tell it failed later (an external command that
  exits with an error) emits failed().
*/
class UserAgent : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~UserAgent() override;
    virtual Result<void> open(const QUrl &url) = 0;
    //! The flow ended: stop whatever is still running.
    virtual void close() {}

Q_SIGNALS:
    void failed(const Concierge::Error &error);
};

//! The system browser: QDesktopServices with a QGuiApplication, else the platform's opener command.
std::unique_ptr<UserAgent> createSystemBrowserUserAgent();
//! Runs \a command (program and arguments) with the URL appended as the last argument.
std::unique_ptr<UserAgent> createCommandUserAgent(const QStringList &command);
//! Splits a command line on spaces, honouring double quotes ("my browser" --flag).
QStringList splitCommand(const QString &command);

//! One per OS (useragent_<os>.cpp): the program that opens a URL without a GUI application object.
QStringList platformOpenCommand();

} // namespace Concierge::Internal
