// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "automation.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtGui/QGuiApplication>
#include <QtGui/QImage>
#include <QtGui/QMouseEvent>
#include <QtQuick/QQuickItem>
#include <QtQuick/QQuickWindow>

#include <cstdio>
#include <unistd.h>

Automation::Automation(bool enabled, const QString &screenshotDir, QObject *parent)
    : QObject(parent)
    , m_enabled(enabled)
    , m_screenshotDir(screenshotDir)
{
    if (!m_screenshotDir.isEmpty())
        QDir().mkpath(m_screenshotDir);
    if (m_enabled) {
        m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_stdin, &QSocketNotifier::activated, this, &Automation::onStdin);
    }
}

void Automation::emitEvent(const QString &name, const QVariantMap &details)
{
    if (!m_enabled)
        return;
    QVariantMap line = details;
    line.insert(QStringLiteral("event"), name);
    const QByteArray json = QJsonDocument(QJsonObject::fromVariantMap(line)).toJson(QJsonDocument::Compact);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Automation::screen(const QString &name)
{
    if (name == m_currentScreen)
        return;
    m_currentScreen = name;
    emitEvent(QStringLiteral("screen"), {{QStringLiteral("name"), name}});
    if (!m_screenshotDir.isEmpty())
        screenshot(name);
}

void Automation::screenshot(const QString &name)
{
    if (m_screenshotDir.isEmpty() || !m_window)
        return;
    // Let transitions and the first frame of the new screen finish.
    QTimer::singleShot(700, this, [this, name] {
        if (!m_window)
            return;
        const QImage image = m_window->grabWindow();
        const QString path = QDir(m_screenshotDir).filePath(name + QStringLiteral(".png"));
        const bool saved = !image.isNull() && image.save(path);
        emitEvent(QStringLiteral("screenshot"), {{QStringLiteral("name"), name},
                                                 {QStringLiteral("path"), saved ? path : QString()},
                                                 {QStringLiteral("ok"), saved}});
    });
}

void Automation::onStdin()
{
    char chunk[4096];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        m_stdin->setEnabled(false); // the driver went away; the app carries on
        return;
    }
    m_buffer.append(chunk, int(n));
    int newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline).trimmed();
        m_buffer.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            emitEvent(QStringLiteral("automation_error"), {{QStringLiteral("reason"), QStringLiteral("not a JSON object")}});
            continue;
        }
        command(doc.object().toVariantMap());
    }
}

QObject *Automation::find(const QString &objectName) const
{
    if (!m_window)
        return nullptr;
    // The visible one wins: several screens may stay instantiated in a StackView.
    const auto all = m_window->contentItem()->findChildren<QQuickItem *>(objectName);
    for (QQuickItem *item : all)
        if (item->isVisible())
            return item;
    return all.isEmpty() ? nullptr : all.first();
}

bool Automation::click(const QString &objectName, QString *why)
{
    auto *item = qobject_cast<QQuickItem *>(find(objectName));
    if (!item) {
        *why = QStringLiteral("no such item");
        return false;
    }
    if (!item->isVisible() || !item->isEnabled()) {
        *why = item->isVisible() ? QStringLiteral("disabled") : QStringLiteral("not visible");
        return false;
    }
    // Scroll it into view when it sits in a Flickable below or above the window's edge.
    QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    for (QQuickItem *p = item->parentItem(); p && (centre.y() < 0 || centre.y() > m_window->height()); p = p->parentItem()) {
        if (p->inherits("QQuickFlickable")) {
            const qreal contentY = p->property("contentY").toReal();
            const qreal local = p->mapFromScene(centre).y();
            p->setProperty("contentY", qMax<qreal>(0, contentY + local - p->height() / 2));
            centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        }
    }
    if (centre.y() < 0 || centre.y() > m_window->height() || centre.x() < 0 || centre.x() > m_window->width()) {
        *why = QStringLiteral("off screen");
        return false;
    }
    const QPointF global = m_window->mapToGlobal(centre);
    QMouseEvent press(QEvent::MouseButtonPress, centre, centre, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QGuiApplication::sendEvent(m_window, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, centre, centre, global, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QGuiApplication::sendEvent(m_window, &release);
    return true;
}

void Automation::command(const QVariantMap &command)
{
    QString why;
    if (command.contains(QStringLiteral("click"))) {
        const QString name = command.value(QStringLiteral("click")).toString();
        if (click(name, &why))
            emitEvent(QStringLiteral("clicked"), {{QStringLiteral("target"), name}});
        else
            emitEvent(QStringLiteral("automation_error"), {{QStringLiteral("target"), name}, {QStringLiteral("reason"), why}});
    } else if (command.contains(QStringLiteral("set"))) {
        const QString name = command.value(QStringLiteral("set")).toString();
        QObject *item = find(name);
        if (item && item->setProperty("text", command.value(QStringLiteral("text"))))
            emitEvent(QStringLiteral("typed"), {{QStringLiteral("target"), name}});
        else
            emitEvent(QStringLiteral("automation_error"), {{QStringLiteral("target"), name}, {QStringLiteral("reason"), QStringLiteral("no text field")}});
    } else if (command.contains(QStringLiteral("open_url"))) {
        Q_EMIT openUrlRequested(QUrl(command.value(QStringLiteral("open_url")).toString()));
    } else if (command.contains(QStringLiteral("screenshot"))) {
        screenshot(command.value(QStringLiteral("screenshot")).toString());
    } else if (command.contains(QStringLiteral("quit"))) {
        QCoreApplication::quit();
    } else {
        emitEvent(QStringLiteral("automation_error"), {{QStringLiteral("reason"), QStringLiteral("unknown command")}});
    }
}
