// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/qrcode.h>

#include <qrencode.h>

#include <memory>
#include <vector>

namespace Concierge {

/*!
  \class Concierge::QrCode
  \inmodule Concierge
  \since 0.2
  \brief QR codes (libqrencode, ECC level M) as images and as terminal text.
*/

namespace {

// The code as a square grid of modules, quiet zone included (true = dark).
struct Matrix
{
    int size = 0; // modules per side, quiet zone included
    int core = 0; // modules per side without the quiet zone
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[size_t(y) * size_t(size) + size_t(x)]; }
};

Matrix encodeMatrix(const QString &text)
{
    Matrix m;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.isEmpty())
        return m;
    const std::unique_ptr<QRcode, void (*)(QRcode *)> code(
        QRcode_encodeData(int(utf8.size()), reinterpret_cast<const unsigned char *>(utf8.constData()), 0, QR_ECLEVEL_M),
        QRcode_free);
    if (!code || code->width <= 0)
        return m;
    const int q = QrCode::kQuietZoneModules;
    m.core = code->width;
    m.size = code->width + 2 * q;
    m.dark.assign(size_t(m.size) * size_t(m.size), false);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) // bit 0 of each byte: 1 = dark module
            m.dark[size_t(y + q) * size_t(m.size) + size_t(x + q)] = code->data[y * code->width + x] & 1;
    }
    return m;
}

} // namespace

QImage QrCode::encode(const QString &text, int moduleSize)
{
    const Matrix m = encodeMatrix(text);
    if (m.size == 0)
        return {};
    const int scale = qBound(1, moduleSize, 64);
    QImage image(m.size * scale, m.size * scale, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < m.size; ++y) {
        for (int x = 0; x < m.size; ++x) {
            if (!m.at(x, y))
                continue;
            for (int dy = 0; dy < scale; ++dy) {
                uchar *line = image.scanLine(y * scale + dy);
                std::fill(line + x * scale, line + (x + 1) * scale, uchar(0));
            }
        }
    }
    return image;
}

int QrCode::moduleCount(const QString &text)
{
    return encodeMatrix(text).core;
}

QString QrCode::toTerminalText(const QString &text, Terminal colors)
{
    const Matrix m = encodeMatrix(text);
    if (m.size == 0)
        return {};
    const bool blockIsDark = colors == Terminal::DarkOnLight;
    const auto block = [&m, blockIsDark](int x, int y) { return m.at(x, y) == blockIsDark; };
    QString out;
    out.reserve((m.size + 1) * (m.size / 2 + 1));
    for (int y = 0; y < m.size; y += 2) {
        for (int x = 0; x < m.size; ++x) {
            const bool top = block(x, y);
            // Past the last row (the size is odd) the terminal's own background shows.
            const bool bottom = y + 1 < m.size && block(x, y + 1);
            if (top && bottom)
                out += QChar(0x2588); // █
            else if (top)
                out += QChar(0x2580); // ▀
            else if (bottom)
                out += QChar(0x2584); // ▄
            else
                out += QLatin1Char(' ');
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace Concierge
