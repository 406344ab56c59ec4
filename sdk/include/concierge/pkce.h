// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>
#include <concierge/result.h>

#include <QtCore/QByteArray>

namespace Concierge {

/*!
  Proof Key for Code Exchange (RFC 7636). Always S256: "plain" is not offered.
*/
class CONCIERGE_EXPORT Pkce
{
public:
    //! A fresh verifier of 43 characters (32 bytes from the OS CSPRNG, base64url) and its challenge.
    static Pkce generate();
    //! Uses \a verifier (43..128 unreserved characters, RFC 7636 §4.1) or fails with InvalidArgument.
    static Result<Pkce> fromVerifier(const QByteArray &verifier);
    //! BASE64URL(SHA256(ASCII(verifier))).
    static QByteArray s256Challenge(const QByteArray &verifier);

    //! The code verifier: sent to the token endpoint only, never logged.
    QByteArray verifier() const { return m_verifier; }
    //! The S256 code challenge sent in the authorization request.
    QByteArray challenge() const { return m_challenge; }
    //! The \c code_challenge_method: always \c S256.
    static QByteArray method() { return QByteArrayLiteral("S256"); }

    //! Equal when the verifiers are (the challenge follows from it).
    friend bool operator==(const Pkce &a, const Pkce &b) { return a.m_verifier == b.m_verifier; }
    //! Not equal: see operator==().
    friend bool operator!=(const Pkce &a, const Pkce &b) { return !(a == b); }

private:
    QByteArray m_verifier;
    QByteArray m_challenge;
};

} // namespace Concierge
