// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "kioskapp.h"

#include <concierge/session.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>
#include <QtCore/QTimer>
#include <QtGui/QImage>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtQml/QQmlEngine>
#include <QtQuick/QQuickWindow>

#include <QtCore/QSocketNotifier>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>
#include <QtQuick/QQuickItem>

#include <cstdio>
#include <unistd.h>

namespace {
KioskApp *g_instance = nullptr;
}

KioskApp *KioskApp::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

void KioskApp::setInstance(KioskApp *app)
{
    g_instance = app;
}

KioskApp::KioskApp(const KioskOptions &options, QQmlEngine *engine)
    : m_options(options)
    , m_engine(engine)
{
    m_clock.start();
    setLanguage(options.lang);
    if (options.automation) {
        auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(notifier, &QSocketNotifier::activated, this, [this, notifier] {
            char buffer[4096];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n <= 0) { // stdin closed: no more commands
                notifier->setEnabled(false);
                return;
            }
            m_stdin.append(buffer, int(n));
            readCommands();
        });
    }
}

void KioskApp::readCommands()
{
    qsizetype newline;
    while ((newline = m_stdin.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdin.left(newline).trimmed();
        m_stdin.remove(0, newline + 1);
        if (!line.isEmpty())
            runCommand(line);
    }
}

void KioskApp::runCommand(const QByteArray &line)
{
    const QJsonObject command = QJsonDocument::fromJson(line).object();
    const QString name = command.value(QStringLiteral("command")).toString();
    const auto answer = [this, &name](bool ok, const QString &detail = {}) {
        QVariantMap result{{QStringLiteral("event"), QStringLiteral("command")},
                           {QStringLiteral("command"), name}, {QStringLiteral("ok"), ok}};
        if (!detail.isEmpty())
            result.insert(QStringLiteral("detail"), detail);
        event(result);
    };
    if (name == QLatin1String("quit")) {
        answer(true);
        QCoreApplication::quit();
        return;
    }
    if (!m_window)
        return answer(false, QStringLiteral("no window"));
    if (name == QLatin1String("click")) {
        // A press and release at the centre of the visible item with that objectName, through the
        // window like a touch or mouse click (so the kiosk policy sees it as activity too).
        const QString objectName = command.value(QStringLiteral("object")).toString();
        QQuickItem *target = nullptr;
        QList<QQuickItem *> items = m_window->findChildren<QQuickItem *>(objectName);
        items += m_window->contentItem()->findChildren<QQuickItem *>(objectName);
        for (QQuickItem *item : items) {
            if (item->isVisible() && item->isEnabled() && item->opacity() > 0.99) {
                target = item;
                break;
            }
        }
        if (!target)
            return answer(false, QStringLiteral("no visible item ") + objectName);
        const QPointF local(target->width() / 2, target->height() / 2);
        const QPointF scene = target->mapToScene(local);
        const QPointF global = m_window->mapToGlobal(scene.toPoint());
        QMouseEvent press(QEvent::MouseButtonPress, scene, scene, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QGuiApplication::sendEvent(m_window, &press);
        QMouseEvent release(QEvent::MouseButtonRelease, scene, scene, global, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
        QGuiApplication::sendEvent(m_window, &release);
        return answer(true);
    }
    if (name == QLatin1String("key")) {
        const QString keyName = command.value(QStringLiteral("key")).toString();
        const int key = keyName == QLatin1String("Return") ? Qt::Key_Return
                      : keyName == QLatin1String("Escape") ? Qt::Key_Escape
                      : keyName == QLatin1String("Tab")    ? Qt::Key_Tab
                      : keyName == QLatin1String("Space")  ? Qt::Key_Space : 0;
        if (!key)
            return answer(false, QStringLiteral("unknown key"));
        const QString text = key == Qt::Key_Return ? QStringLiteral("\r") : key == Qt::Key_Space ? QStringLiteral(" ") : QString();
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
        QGuiApplication::sendEvent(m_window, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
        QGuiApplication::sendEvent(m_window, &release);
        return answer(true);
    }
    answer(false, QStringLiteral("unknown command"));
}

KioskApp::~KioskApp()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

void KioskApp::setLanguage(const QString &language)
{
    const QString lang = language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("ja");
    if (lang == m_language)
        return;
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/kiosk_%1.qm").arg(lang)))
        qWarning("kiosk: no compiled translation for %s", qPrintable(lang));
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(translator);
    QCoreApplication::installTranslator(m_translator.get());
    m_language = lang;
    QLocale::setDefault(QLocale(lang == QLatin1String("ja") ? QLocale::Japanese : QLocale::English,
                                lang == QLatin1String("ja") ? QLocale::Japan : QLocale::UnitedStates));
    if (m_engine)
        m_engine->retranslate();
    Q_EMIT languageChanged();
}

QString KioskApp::yen(double amount, const QString &language) const
{
    const QString lang = language.isEmpty() ? m_language : language;
    // Digit grouping with commas in both languages; the sign goes before (¥) or after (円).
    const QString digits = QLocale(QLocale::English, QLocale::UnitedStates).toString(qint64(qRound64(amount)));
    return lang == QLatin1String("ja") ? digits + QStringLiteral("円") : QStringLiteral("¥") + digits;
}

void KioskApp::event(const QVariantMap &event)
{
    if (!m_options.automation)
        return;
    const QByteArray line = QJsonDocument(QJsonObject::fromVariantMap(event)).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void KioskApp::setWindow(QQuickWindow *window)
{
    m_window = window;
    if (!window)
        return;
    if (!m_screen.isEmpty() && !m_options.screenshotDir.isEmpty()) { // announced before the window was known
        const int generation = ++m_shotGeneration;
        const QString name = m_screen;
        QTimer::singleShot(700, this, [this, name, generation] {
            if (generation == m_shotGeneration)
                takeScreenshot(name);
        });
    }
    connect(window, &QQuickWindow::frameSwapped, this, [this] {
        if (m_firstFrame)
            return;
        m_firstFrame = true;
        const qint64 ms = m_options.processStartMsSinceEpoch > 0
            ? QDateTime::currentMSecsSinceEpoch() - m_options.processStartMsSinceEpoch
            : m_clock.elapsed();
        event({{QStringLiteral("event"), QStringLiteral("first_frame")}, {QStringLiteral("ms"), ms}});
    }, Qt::DirectConnection);
}

void KioskApp::screenShown(const QString &name)
{
    m_screen = name;
    event({{QStringLiteral("event"), QStringLiteral("screen")}, {QStringLiteral("name"), name},
           {QStringLiteral("lang"), m_language}});
    if (m_options.screenshotDir.isEmpty() || !m_window)
        return;
    // After the screen's entry transition (300 ms) has settled.
    const int generation = ++m_shotGeneration;
    QTimer::singleShot(700, this, [this, name, generation] {
        if (generation == m_shotGeneration)
            takeScreenshot(name);
    });
}

void KioskApp::takeScreenshot(const QString &name, int attempt)
{
    if (!m_window)
        return;
    // Transitions advance per frame: on a slow renderer (llvmpipe at 4K) they take longer than their
    // nominal time. Wait (up to 10 s) until no screen is half faded.
    if (!m_window->property("settled").toBool() && attempt < 100) {
        const int generation = m_shotGeneration;
        QTimer::singleShot(100, this, [this, name, generation, attempt] {
            if (generation == m_shotGeneration)
                takeScreenshot(name, attempt + 1);
        });
        return;
    }
    QDir().mkpath(m_options.screenshotDir);
    const QString path = QDir(m_options.screenshotDir).absoluteFilePath(QStringLiteral("kiosk-%1.png").arg(name));
    const QImage image = m_window->grabWindow();
    const bool saved = !image.isNull() && image.save(path);
    event({{QStringLiteral("event"), QStringLiteral("screenshot")}, {QStringLiteral("name"), name},
           {QStringLiteral("path"), path}, {QStringLiteral("ok"), saved}});
}

void KioskApp::rememberVisitToken(const QString &storefront, QObject *auth)
{
    if (!m_options.checkRevoked || !auth)
        return;
    auto *session = auth->property("session").value<Concierge::Session *>();
    if (!session)
        return;
    m_storefront = storefront;
    session->withFreshToken(this, [this](const Concierge::Result<QByteArray> &token) {
        if (token)
            m_visitToken = *token;
    });
}

void KioskApp::probeRevokedToken()
{
    if (!m_options.checkRevoked || m_visitToken.isEmpty())
        return;
    auto *nam = new QNetworkAccessManager(this);
    QNetworkRequest request(QUrl(m_storefront + QStringLiteral("/me")));
    request.setRawHeader("Authorization", "Bearer " + m_visitToken);
    m_visitToken.clear();
    QNetworkReply *reply = nam->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, nam] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString challenge = QString::fromLatin1(reply->rawHeader("WWW-Authenticate"));
        event({{QStringLiteral("event"), QStringLiteral("revoked_token_check")}, {QStringLiteral("status"), status},
               {QStringLiteral("www_authenticate"), challenge.section(QLatin1Char(','), 0, 0)}});
        reply->deleteLater();
        nam->deleteLater();
    });
}
