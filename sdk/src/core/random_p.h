// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtCore/QByteArray>

namespace Concierge::Internal {

//! \a count bytes from the OS CSPRNG (OpenSSL RAND_bytes, seeded from getrandom()); aborts the
//! process if the generator fails, because no caller can continue safely without randomness.
QByteArray secureRandomBytes(int count);

//! base64url (no padding) of \a byteCount random bytes: state, nonce, PKCE verifier, DPoP jti.
QByteArray secureRandomToken(int byteCount = 32);

//! Unpadded base64url encoding (RFC 7515 §2).
QByteArray base64UrlEncode(const QByteArray &data);

//! Constant-time equality of two byte strings (length leaks, content does not).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace Concierge::Internal
