// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "qmlqrcode_p.h"

#include <concierge/qrcode.h>

#include <QtGui/QPainter>
#include <QtQuick/QQuickWindow>

namespace Concierge {

QmlQrCode::QmlQrCode(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
    setImplicitSize(200, 200);
}

void QmlQrCode::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    m_modules = text.isEmpty() ? QImage() : QrCode::encode(text, 1);
    if (!m_modules.isNull())
        setImplicitSize(m_modules.width() * 6, m_modules.height() * 6);
    Q_EMIT textChanged();
    update();
}

void QmlQrCode::setDarkColor(const QColor &color)
{
    if (m_dark == color)
        return;
    m_dark = color;
    Q_EMIT colorsChanged();
    update();
}

void QmlQrCode::setLightColor(const QColor &color)
{
    if (m_light == color)
        return;
    m_light = color;
    Q_EMIT colorsChanged();
    update();
}

void QmlQrCode::paint(QPainter *painter)
{
    const QRectF area = boundingRect();
    painter->fillRect(area, m_light);
    if (m_modules.isNull())
        return;
    const int count = m_modules.width();
    const qreal dpr = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    // Whole device pixels per module: no blurred or uneven modules.
    const int devicePixels = int(qMin(area.width(), area.height()) * dpr) / count;
    const qreal module = devicePixels > 0 ? devicePixels / dpr : qMin(area.width(), area.height()) / count;
    const qreal side = module * count;
    const QPointF origin(area.x() + qRound((area.width() - side) / 2 * dpr) / dpr,
                         area.y() + qRound((area.height() - side) / 2 * dpr) / dpr);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_dark);
    for (int y = 0; y < count; ++y) {
        const uchar *row = m_modules.constScanLine(y);
        for (int x = 0; x < count; ++x) {
            if (row[x] < 128) // dark module
                painter->drawRect(QRectF(origin.x() + x * module, origin.y() + y * module, module, module));
        }
    }
}

} // namespace Concierge
