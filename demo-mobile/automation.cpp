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
    // The first visit of each screen is photographed (later visits may carry other state).
    if (!m_screenshotDir.isEmpty() && !m_photographed.contains(name)) {
        m_photographed.insert(name);
        screenshot(name);
    }
}

void Automation::screenshot(const QString &name)
{
    if (m_screenshotDir.isEmpty() || !m_window)
        return;
    // Let transitions and the first frame of the new screen finish.
    QTimer::singleShot(450, this, [this, name] {
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
            emitEvent(QStringLiteral("command"), {{QStringLiteral("ok"), false}, {QStringLiteral("detail"), QStringLiteral("not a JSON object")}});
            continue;
        }
        command(doc.object().toVariantMap());
    }
}

namespace {
// The visual tree, depth first: covers Repeater delegates and popups (in the window's overlay), which
// are not QObject children of the screens.
void collect(QQuickItem *item, const QString &objectName, QList<QQuickItem *> *out)
{
    if (item->objectName() == objectName)
        out->append(item);
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        collect(child, objectName, out);
}
} // namespace

QObject *Automation::find(const QString &objectName) const
{
    if (!m_window)
        return nullptr;
    QQuickItem *root = m_window->contentItem();
    while (root->parentItem())
        root = root->parentItem();
    QList<QQuickItem *> all;
    collect(root, objectName, &all);
    // The visible one wins: every screen stays instantiated.
    for (QQuickItem *item : std::as_const(all))
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
    const QString name = command.value(QStringLiteral("command")).toString();
    const QString object = command.value(QStringLiteral("object")).toString();
    const auto answer = [this, &name, &object](bool ok, const QString &detail = {}) {
        QVariantMap result{{QStringLiteral("command"), name}, {QStringLiteral("ok"), ok}};
        if (!object.isEmpty())
            result.insert(QStringLiteral("object"), object);
        if (!detail.isEmpty())
            result.insert(QStringLiteral("detail"), detail);
        emitEvent(QStringLiteral("command"), result);
    };
    QString why;
    if (name == QLatin1String("click")) {
        const bool ok = click(object, &why);
        answer(ok, why);
    } else if (name == QLatin1String("set")) {
        QObject *item = find(object);
        answer(item && item->setProperty("text", command.value(QStringLiteral("text"))),
               item ? QString() : QStringLiteral("no such item"));
    } else if (name == QLatin1String("open_url")) {
        answer(true);
        Q_EMIT openUrlRequested(QUrl(command.value(QStringLiteral("url")).toString()));
    } else if (name == QLatin1String("screenshot")) {
        answer(!m_screenshotDir.isEmpty() && m_window);
        screenshot(command.value(QStringLiteral("name")).toString());
    } else if (name == QLatin1String("quit")) {
        answer(true);
        QCoreApplication::quit();
    } else {
        answer(false, QStringLiteral("unknown command"));
    }
}
