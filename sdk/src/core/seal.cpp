// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/seal_p.h"

#include "core/openssl_p.h"
#include "core/random_p.h"

#include <openssl/crypto.h>

namespace Concierge::Internal::Seal {

namespace {

struct CipherCtxDeleter { void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); } };
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const char kMagic[4] = {'C', 'N', 'C', 'S'};

const unsigned char *u(const QByteArray &b) { return reinterpret_cast<const unsigned char *>(b.constData()); }
unsigned char *u(QByteArray &b) { return reinterpret_cast<unsigned char *>(b.data()); }

Error corrupt(const char *why)
{
    return Error(Error::Code::StoreCorrupt, QStringLiteral("the stored sign-in record is damaged or foreign (%1)")
                                                .arg(QLatin1String(why)));
}

QByteArray header(Protection protection)
{
    QByteArray h(kMagic, 4);
    h.append(Version);
    h.append(char(protection));
    return h;
}

} // namespace

QByteArray generateKey()
{
    return secureRandomBytes(KeyBytes);
}

QByteArray aesGcmEncrypt(const QByteArray &key, const QByteArray &nonce, const QByteArray &plaintext, const QByteArray &aad)
{
    if (key.size() != KeyBytes || nonce.size() != NonceBytes)
        return {};
    Jose::ErrorQueueGuard guard;
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), u(key), u(nonce), nullptr) != 1)
        return {};
    int len = 0;
    if (!aad.isEmpty() && EVP_EncryptUpdate(ctx.get(), nullptr, &len, u(aad), int(aad.size())) != 1)
        return {};
    QByteArray out(plaintext.size() + TagBytes, Qt::Uninitialized);
    int written = 0;
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), u(out), &len, u(plaintext), int(plaintext.size())) != 1)
            return {};
        written = len;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), u(out) + written, &len) != 1)
        return {};
    written += len;
    if (written != plaintext.size()
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagBytes, u(out) + written) != 1)
        return {};
    return out;
}

std::optional<QByteArray> aesGcmDecrypt(const QByteArray &key, const QByteArray &nonce, const QByteArray &sealed,
                                        const QByteArray &aad)
{
    if (key.size() != KeyBytes || nonce.size() != NonceBytes || sealed.size() < TagBytes)
        return std::nullopt;
    Jose::ErrorQueueGuard guard;
    const qsizetype ctLen = sealed.size() - TagBytes;
    QByteArray tag = sealed.right(TagBytes);
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), u(key), u(nonce), nullptr) != 1)
        return std::nullopt;
    int len = 0;
    if (!aad.isEmpty() && EVP_DecryptUpdate(ctx.get(), nullptr, &len, u(aad), int(aad.size())) != 1)
        return std::nullopt;
    QByteArray out(ctLen, Qt::Uninitialized);
    int written = 0;
    if (ctLen > 0) {
        if (EVP_DecryptUpdate(ctx.get(), u(out), &len, u(sealed), int(ctLen)) != 1)
            return std::nullopt;
        written = len;
    }
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagBytes, u(tag)) != 1)
        return std::nullopt;
    // The tag is checked here; nothing decrypted is handed out unless it verifies.
    if (EVP_DecryptFinal_ex(ctx.get(), u(out) + written, &len) != 1) {
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return std::nullopt;
    }
    return out;
}

QByteArray seal(const QByteArray &key, Protection protection, const QByteArray &plaintext, const QByteArray &context,
                const QByteArray &nonce)
{
    const QByteArray n = nonce.isEmpty() ? secureRandomBytes(NonceBytes) : nonce;
    const QByteArray h = header(protection);
    const QByteArray sealed = aesGcmEncrypt(key, n, plaintext, h + context);
    if (sealed.isEmpty())
        return {};
    return h + n + sealed;
}

Result<Protection> protectionOf(const QByteArray &box)
{
    if (box.size() < HeaderBytes + NonceBytes + TagBytes)
        return corrupt("too short");
    if (!box.startsWith(QByteArray::fromRawData(kMagic, 4)))
        return corrupt("not a sealed record");
    if (box.at(4) != Version)
        return corrupt("unknown version");
    const auto p = quint8(box.at(5));
    if (p != quint8(Protection::Keychain) && p != quint8(Protection::Biometric))
        return corrupt("unknown protection");
    return Protection(p);
}

Result<QByteArray> open(const QByteArray &key, const QByteArray &box, const QByteArray &context)
{
    if (auto p = protectionOf(box); !p)
        return p.error();
    if (key.size() != KeyBytes)
        return corrupt("unusable data key");
    const QByteArray h = box.left(HeaderBytes);
    const QByteArray nonce = box.mid(HeaderBytes, NonceBytes);
    auto plain = aesGcmDecrypt(key, nonce, box.mid(HeaderBytes + NonceBytes), h + context);
    if (!plain)
        return corrupt("integrity check failed");
    return *plain;
}

} // namespace Concierge::Internal::Seal
