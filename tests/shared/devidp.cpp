// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "devidp.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkReply>

#if defined(__linux__)
#include <csignal>
#include <sys/prctl.h>
#endif

namespace Concierge::Test {

HttpReply httpCall(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QByteArray &body,
                   const QByteArray &authorization)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpReply out;
    if (reply->isFinished()) {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
    }
    reply->abort();
    reply->deleteLater();
    return out;
}

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

DevIdp::DevIdp() = default;

DevIdp::~DevIdp()
{
    stop();
}

bool DevIdp::start(const QString &sourceDir, const QMap<QString, QString> &env, int timeoutMs)
{
    if (!QFile::exists(sourceDir + QStringLiteral("/dev-idp/node_modules/oidc-provider/package.json"))) {
        m_error = QStringLiteral("dev-idp dependencies are missing: run ./scripts/bootstrap");
        return false;
    }
    if (!m_dataDir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DEV_IDP_LOG_REQUESTS"));
    environment.insert(QStringLiteral("DEV_IDP_PORT"), QStringLiteral("0"));
    environment.insert(QStringLiteral("DEV_IDP_DATA_DIR"), m_dataDir.path());
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_process.setProcessEnvironment(environment);
    m_process.setProgram(sourceDir + QStringLiteral("/dev-idp/start"));
    m_process.setReadChannel(QProcess::StandardOutput);
#if defined(__linux__)
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); }); // dies with us
#endif
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    static const QRegularExpression ready(QStringLiteral("^dev-idp ready issuer=(http://127\\.0\\.0\\.1:\\d+)$"));
    QElapsedTimer waited;
    waited.start();
    while (m_issuer.isEmpty() && waited.elapsed() < timeoutMs && m_process.state() != QProcess::NotRunning) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(500))
            continue;
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
            const auto match = ready.match(line);
            if (!match.hasMatch()) {
                m_error = QStringLiteral("unexpected dev-idp output: ") + line.left(80);
                stop();
                return false;
            }
            m_issuer = match.captured(1);
        }
    }
    if (m_issuer.isEmpty()) {
        m_error = QStringLiteral("dev-idp did not get ready: ") + log();
        stop();
        return false;
    }
    return true;
}

QString DevIdp::log()
{
    m_stderr += m_process.readAllStandardError();
    m_stderr = m_stderr.right(64 * 1024);
    return QString::fromUtf8(m_stderr.right(2000));
}

void DevIdp::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QJsonObject DevIdp::stats()
{
    const HttpReply reply = httpCall(m_nam, "GET", QUrl(m_issuer + QStringLiteral("/__dev/stats")));
    return reply.status == 200 ? QJsonDocument::fromJson(reply.body).object() : QJsonObject();
}

bool DevIdp::resetStats()
{
    return httpCall(m_nam, "POST", QUrl(m_issuer + QStringLiteral("/__dev/stats/reset"))).status == 204;
}

int DevIdp::tokenCount(const QJsonObject &stats, const QString &grant)
{
    return stats.value(QLatin1String("token")).toObject().value(grant).toInt();
}

} // namespace Concierge::Test
