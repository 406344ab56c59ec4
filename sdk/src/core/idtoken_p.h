// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/idtoken.h>

#include <QtCore/QSharedData>

#include <nlohmann/json.hpp>

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
    nlohmann::json payload; // the claims, converted to a QVariantMap on first use

    QVariantMap claims() const;

    static IdToken wrap(IdTokenPrivate *d) { return IdToken(d); }

private:
    mutable std::once_flag m_claimsOnce;
    mutable QVariantMap m_claims;
};

} // namespace Concierge
