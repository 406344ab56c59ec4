// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/tokenset.h>

namespace Concierge {

/*!
  \class Concierge::TokenSet
  \inmodule Concierge
  \since 0.1
  \brief The tokens of a signed-in session.
*/

qint64 TokenSet::expiresIn(const QDateTime &now) const
{
    if (!m_expiresAt.isValid())
        return -1;
    return qMax<qint64>(0, now.secsTo(m_expiresAt));
}

bool TokenSet::isExpired(const QDateTime &now, int marginSeconds) const
{
    return m_expiresAt.isValid() && now.secsTo(m_expiresAt) < marginSeconds;
}

bool operator==(const TokenSet &a, const TokenSet &b)
{
    return a.m_accessToken == b.m_accessToken && a.m_refreshToken == b.m_refreshToken
        && a.m_tokenType == b.m_tokenType && a.m_scopes == b.m_scopes && a.m_expiresAt == b.m_expiresAt
        && a.m_issuedAt == b.m_issuedAt && a.m_idToken == b.m_idToken;
}

} // namespace Concierge
