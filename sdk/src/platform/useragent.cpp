// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "platform/useragent_p.h"

#include "core/logging_p.h"

#include <utility>

#include <QtCore/QProcess>
#include <QtCore/QTimer>
#include <QtGui/QDesktopServices>
#include <QtGui/QGuiApplication>

namespace Concierge::Internal {

UserAgent::~UserAgent() = default;

namespace {

class CommandUserAgent final : public UserAgent
{
public:
    explicit CommandUserAgent(QStringList command)
        : m_command(std::move(command))
    {
    }
    ~CommandUserAgent() override
    {
        close();
        // Commands still running are children of this object. Give them a moment to finish on their
        // own (a browser driver saving a screenshot), then end them: nothing outlives the app.
        for (QProcess *process : findChildren<QProcess *>()) {
            if (process->state() != QProcess::NotRunning && !process->waitForFinished(5000)) {
                process->terminate();
                if (!process->waitForFinished(500))
                    process->kill();
                process->waitForFinished(500);
            }
        }
    }

    Result<void> open(const QUrl &url) override
    {
        if (m_command.isEmpty())
            return Error(Error::Code::UserAgentFailed, QStringLiteral("no browser command"));
        close();
        m_process = new QProcess(this);
        // The command's output never reaches our stdout (the CLI's JSON lives there).
        m_process->setStandardOutputFile(QProcess::nullDevice());
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args = m_command.mid(1);
        args.append(url.toString(QUrl::FullyEncoded));
        connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
            if (status != QProcess::NormalExit || code != 0) {
                qCInfo(lcFlow) << "browser command ended with" << code;
                Q_EMIT failed(Error(Error::Code::UserAgentFailed,
                                    QStringLiteral("the browser command exited with status %1").arg(code)));
            }
        });
        qCDebug(lcFlow).noquote() << "starting browser command" << m_command.first();
        m_process->start(m_command.first(), args, QIODevice::ReadOnly);
        if (!m_process->waitForStarted(10000)) {
            const QString program = m_command.first();
            delete std::exchange(m_process, nullptr);
            return Error(Error::Code::UserAgentFailed, QStringLiteral("could not start ") + program);
        }
        return {};
    }

    void close() override
    {
        if (!m_process)
            return;
        // The flow is over: its outcome no longer depends on the command. It is a browser (or drives
        // one): let it finish on its own, without blocking the caller; it is deleted when it exits.
        QProcess *process = std::exchange(m_process, nullptr);
        process->disconnect(this);
        if (process->state() == QProcess::NotRunning)
            process->deleteLater();
        else
            connect(process, &QProcess::finished, process, &QObject::deleteLater);
    }

private:
    QStringList m_command;
    QProcess *m_process = nullptr;
};

class SystemBrowserUserAgent final : public UserAgent
{
public:
    Result<void> open(const QUrl &url) override
    {
        if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
            if (QDesktopServices::openUrl(url))
                return {};
            return Error(Error::Code::UserAgentFailed, QStringLiteral("the system browser could not be opened"));
        }
        // Without a GUI application (a command-line tool): the platform's opener, detached.
        const QStringList command = platformOpenCommand();
        if (command.isEmpty())
            return Error(Error::Code::UserAgentFailed, QStringLiteral("no way to open a browser here"));
        QStringList args = command.mid(1);
        args.append(url.toString(QUrl::FullyEncoded));
        QProcess process;
        process.setProgram(command.first());
        process.setArguments(args);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        if (!process.startDetached())
            return Error(Error::Code::UserAgentFailed, QStringLiteral("could not start ") + command.first());
        return {};
    }
};

} // namespace

std::unique_ptr<UserAgent> createSystemBrowserUserAgent()
{
    return std::make_unique<SystemBrowserUserAgent>();
}

std::unique_ptr<UserAgent> createCommandUserAgent(const QStringList &command)
{
    return std::make_unique<CommandUserAgent>(command);
}

QStringList splitCommand(const QString &command)
{
    QStringList out;
    QString current;
    bool quoted = false;
    bool has = false;
    for (const QChar c : command) {
        if (c == u'"') {
            quoted = !quoted;
            has = true;
        } else if (c == u' ' && !quoted) {
            if (has)
                out.append(current);
            current.clear();
            has = false;
        } else {
            current.append(c);
            has = true;
        }
    }
    if (has)
        out.append(current);
    return out;
}

} // namespace Concierge::Internal
