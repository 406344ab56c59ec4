// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

#include <cstddef>
#include <optional>

namespace Concierge::Jose {

// Strict base64url (RFC 4648 §5, as profiled by RFC 7515 §2 and Appendix C):
//  - alphabet A-Z a-z 0-9 '-' '_' only; no padding ('='), no whitespace, no '+' or '/';
//  - a length of 1 (mod 4) is impossible and rejected;
//  - the unused low bits of the last character must be zero (canonical form), so every byte string
//    has exactly one accepted encoding.
// The empty string encodes the empty byte string.

//! Unpadded base64url of \a data.
QByteArray base64UrlEncode(QByteArrayView data);

//! The number of bytes \a encodedLength characters decode to, or -1 when no canonical encoding has
//! that length (length % 4 == 1, or negative).
qsizetype base64UrlDecodedLength(qsizetype encodedLength);

//! Decodes \a text into \a out, which must hold base64UrlDecodedLength(text.size()) bytes. Returns
//! false (leaving \a out in an unspecified state) unless \a text is canonical base64url.
bool base64UrlDecodeInto(QByteArrayView text, unsigned char *out, std::size_t outSize);

//! Decodes \a text, or nullopt unless it is canonical base64url.
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

//! True when \a text is canonical base64url (same rules as base64UrlDecode, without decoding).
bool isBase64Url(QByteArrayView text);

} // namespace Concierge::Jose
