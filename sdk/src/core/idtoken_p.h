// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/idtoken.h>

#include <QtCore/QSharedData>

#include <mutex>

namespace Concierge {

// Immutable once wrapped in an IdToken. Filled by the validator (idtokenvalidator.cpp).
class IdTokenPrivate : public QSharedData
{
public:
    QByteArray raw;
    QString subject;
    QString issuer;
    QStringList audiences;
    QString authorizedParty;
    QDateTime expiresAt;
    QDateTime issuedAt;
    QDateTime authTime;
    QString nonce;
    QString algorithm;
    QString keyId;
    QByteArray payload; // the validated JSON claims, converted to a QVariantMap on first use

    QVariantMap claims() const;

    static IdToken wrap(IdTokenPrivate *d) { return IdToken(d); }

private:
    mutable std::once_flag m_claimsOnce;
    mutable QVariantMap m_claims;
};

} // namespace Concierge
