// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/base64url_p.h"

#include <array>
#include <cstdint>

namespace Concierge::Jose {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::uint8_t kInvalid = 0xFF;

constexpr std::array<std::uint8_t, 256> makeDecodeTable()
{
    std::array<std::uint8_t, 256> table{};
    for (auto &v : table)
        v = kInvalid;
    for (std::uint8_t i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = i;
    return table;
}

constexpr std::array<std::uint8_t, 256> kDecode = makeDecodeTable();

inline std::uint8_t sextet(char c)
{
    return kDecode[static_cast<unsigned char>(c)];
}

} // namespace

QByteArray base64UrlEncode(QByteArrayView data)
{
    const auto *in = reinterpret_cast<const unsigned char *>(data.data());
    const qsizetype n = data.size();
    const qsizetype full = n / 3;
    const qsizetype rest = n % 3;
    QByteArray out(full * 4 + (rest ? rest + 1 : 0), Qt::Uninitialized);
    char *o = out.data();
    qsizetype i = 0;
    for (qsizetype g = 0; g < full; ++g, i += 3) {
        const std::uint32_t v = (std::uint32_t(in[i]) << 16) | (std::uint32_t(in[i + 1]) << 8) | in[i + 2];
        *o++ = kAlphabet[(v >> 18) & 63];
        *o++ = kAlphabet[(v >> 12) & 63];
        *o++ = kAlphabet[(v >> 6) & 63];
        *o++ = kAlphabet[v & 63];
    }
    if (rest == 1) {
        const std::uint32_t v = std::uint32_t(in[i]) << 16;
        *o++ = kAlphabet[(v >> 18) & 63];
        *o++ = kAlphabet[(v >> 12) & 63];
    } else if (rest == 2) {
        const std::uint32_t v = (std::uint32_t(in[i]) << 16) | (std::uint32_t(in[i + 1]) << 8);
        *o++ = kAlphabet[(v >> 18) & 63];
        *o++ = kAlphabet[(v >> 12) & 63];
        *o++ = kAlphabet[(v >> 6) & 63];
    }
    return out;
}

qsizetype base64UrlDecodedLength(qsizetype encodedLength)
{
    if (encodedLength < 0 || encodedLength % 4 == 1)
        return -1;
    const qsizetype rest = encodedLength % 4;
    return (encodedLength / 4) * 3 + (rest ? rest - 1 : 0);
}

bool base64UrlDecodeInto(QByteArrayView text, unsigned char *out, std::size_t outSize)
{
    const qsizetype expected = base64UrlDecodedLength(text.size());
    if (expected < 0 || std::size_t(expected) != outSize)
        return false;
    const char *in = text.data();
    const qsizetype full = text.size() / 4;
    const qsizetype rest = text.size() % 4;
    qsizetype i = 0;
    // Validity is accumulated with OR so the loop has no data-dependent branch.
    std::uint32_t bad = 0;
    for (qsizetype g = 0; g < full; ++g, i += 4) {
        const std::uint32_t a = sextet(in[i]), b = sextet(in[i + 1]), c = sextet(in[i + 2]),
                            d = sextet(in[i + 3]);
        bad |= (a | b | c | d) & 0x80;
        const std::uint32_t v = (a << 18) | (b << 12) | (c << 6) | d;
        *out++ = static_cast<unsigned char>(v >> 16);
        *out++ = static_cast<unsigned char>(v >> 8);
        *out++ = static_cast<unsigned char>(v);
    }
    if (rest == 2) {
        const std::uint32_t a = sextet(in[i]), b = sextet(in[i + 1]);
        bad |= (a | b) & 0x80;
        bad |= b & 0x0F; // the 4 unused bits must be zero
        *out++ = static_cast<unsigned char>((a << 2) | (b >> 4));
    } else if (rest == 3) {
        const std::uint32_t a = sextet(in[i]), b = sextet(in[i + 1]), c = sextet(in[i + 2]);
        bad |= (a | b | c) & 0x80;
        bad |= c & 0x03; // the 2 unused bits must be zero
        *out++ = static_cast<unsigned char>((a << 2) | (b >> 4));
        *out++ = static_cast<unsigned char>((b << 4) | (c >> 2));
    }
    return bad == 0;
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    const qsizetype length = base64UrlDecodedLength(text.size());
    if (length < 0)
        return std::nullopt;
    QByteArray out(length, Qt::Uninitialized);
    if (!base64UrlDecodeInto(text, reinterpret_cast<unsigned char *>(out.data()), std::size_t(length)))
        return std::nullopt;
    return out;
}

bool isBase64Url(QByteArrayView text)
{
    const qsizetype rest = text.size() % 4;
    if (rest == 1)
        return false;
    std::uint32_t bad = 0;
    for (const char c : text)
        bad |= sextet(c) & 0x80;
    if (bad)
        return false;
    if (rest == 2)
        return (sextet(text.back()) & 0x0F) == 0;
    if (rest == 3)
        return (sextet(text.back()) & 0x03) == 0;
    return true;
}

} // namespace Concierge::Jose
