// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/random_p.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cstdlib>

namespace Concierge::Internal {

QByteArray secureRandomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        std::abort(); // no randomness: continuing would produce guessable state/nonce/verifier
    return out;
}

QByteArray secureRandomToken(int byteCount)
{
    return base64UrlEncode(secureRandomBytes(byteCount));
}

QByteArray base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return a.isEmpty() || CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace Concierge::Internal
