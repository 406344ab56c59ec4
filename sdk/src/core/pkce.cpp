// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/pkce.h>

#include "core/random_p.h"

#include <QtCore/QCryptographicHash>

namespace Concierge {

/*!
  \class Concierge::Pkce
  \inmodule Concierge
  \since 0.1
  \brief An RFC 7636 code verifier and its S256 challenge.
*/

/*! Returns a new verifier/challenge pair from the OS CSPRNG. */
Pkce Pkce::generate()
{
    Pkce p;
    p.m_verifier = Internal::secureRandomToken(32);
    p.m_challenge = s256Challenge(p.m_verifier);
    return p;
}

/*! Returns a pair for the given \a verifier, or InvalidArgument when it breaks RFC 7636 §4.1. */
Result<Pkce> Pkce::fromVerifier(const QByteArray &verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return Error(Error::Code::InvalidArgument, QStringLiteral("code verifier must be 43 to 128 characters"));
    for (const char c : verifier) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~';
        if (!ok)
            return Error(Error::Code::InvalidArgument, QStringLiteral("code verifier has a reserved character"));
    }
    Pkce p;
    p.m_verifier = verifier;
    p.m_challenge = s256Challenge(verifier);
    return p;
}

/*! Returns the S256 challenge of \a verifier. */
QByteArray Pkce::s256Challenge(const QByteArray &verifier)
{
    return Internal::base64UrlEncode(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

} // namespace Concierge
