// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QExplicitlySharedDataPointer>
#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

namespace Concierge {

class IdTokenPrivate;

class CONCIERGE_EXPORT IdToken
{
    Q_GADGET
    Q_PROPERTY(bool isNull READ isNull CONSTANT)
    Q_PROPERTY(QString subject READ subject CONSTANT)
    Q_PROPERTY(QString issuer READ issuer CONSTANT)
    Q_PROPERTY(QStringList audiences READ audiences CONSTANT)
    Q_PROPERTY(QString authorizedParty READ authorizedParty CONSTANT)
    Q_PROPERTY(QDateTime expiresAt READ expiresAt CONSTANT)
    Q_PROPERTY(QDateTime issuedAt READ issuedAt CONSTANT)
    Q_PROPERTY(QDateTime authTime READ authTime CONSTANT)
    Q_PROPERTY(QString nonce READ nonce CONSTANT)
    Q_PROPERTY(QString algorithm READ algorithm CONSTANT)
    Q_PROPERTY(QString keyId READ keyId CONSTANT)
    Q_PROPERTY(QVariantMap claims READ claims CONSTANT)
public:
    IdToken();
    IdToken(const IdToken &other);
    IdToken(IdToken &&other) noexcept;
    IdToken &operator=(const IdToken &other);
    IdToken &operator=(IdToken &&other) noexcept;
    ~IdToken();
    void swap(IdToken &other) noexcept { d.swap(other.d); }

    bool isNull() const;

    QString subject() const;
    QString issuer() const;
    QStringList audiences() const;
    QString authorizedParty() const;
    QDateTime expiresAt() const;
    QDateTime issuedAt() const;
    QDateTime authTime() const;
    QString nonce() const;
    QString algorithm() const;
    QString keyId() const;
    QVariantMap claims() const;
    QVariant claim(const QString &name) const;

    QByteArray raw() const;

    bool operator==(const IdToken &other) const;
    bool operator!=(const IdToken &other) const { return !(*this == other); }

private:
    friend class IdTokenPrivate;
    explicit IdToken(IdTokenPrivate *dd);
    QExplicitlySharedDataPointer<IdTokenPrivate> d;
};

#ifndef QT_NO_DEBUG_STREAM
CONCIERGE_EXPORT QDebug operator<<(QDebug debug, const IdToken &token);
#endif

} // namespace Concierge

Q_DECLARE_SHARED(Concierge::IdToken)
Q_DECLARE_METATYPE(Concierge::IdToken)
