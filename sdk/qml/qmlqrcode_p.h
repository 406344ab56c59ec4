// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGui/QColor>
#include <QtGui/QImage>
#include <QtQml/qqmlregistration.h>
#include <QtQuick/QQuickPaintedItem>

namespace Concierge {

/*!
  \qmltype QrCode
  \inqmlmodule Concierge
  \brief A QR code of \c text (Concierge::QrCode: level M, quiet zone of 4 modules included).

  Drawn with whole pixels per module, centred in the item, so phone cameras read it at any size.
  \c valid is false (and nothing but the light colour is drawn) when \c text is empty or too long.
*/
class QmlQrCode : public QQuickPaintedItem
{
    Q_OBJECT
    QML_NAMED_ELEMENT(QrCode)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(QColor darkColor READ darkColor WRITE setDarkColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor lightColor READ lightColor WRITE setLightColor NOTIFY colorsChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY textChanged)
    //! Modules per side, quiet zone included (0 when not valid).
    Q_PROPERTY(int moduleCount READ moduleCount NOTIFY textChanged)
public:
    explicit QmlQrCode(QQuickItem *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    QColor darkColor() const { return m_dark; }
    void setDarkColor(const QColor &color);
    QColor lightColor() const { return m_light; }
    void setLightColor(const QColor &color);
    bool isValid() const { return !m_modules.isNull(); }
    int moduleCount() const { return m_modules.isNull() ? 0 : m_modules.width(); }

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void textChanged();
    void colorsChanged();

private:
    QString m_text;
    QColor m_dark = Qt::black;
    QColor m_light = Qt::white;
    QImage m_modules; //!< one pixel per module
};

} // namespace Concierge
