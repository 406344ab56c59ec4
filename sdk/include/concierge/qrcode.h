// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>

#include <QtCore/QString>
#include <QtGui/QImage>

namespace Concierge {

/*!
  QR codes for the device sign-in (the verification_uri_complete a phone scans). Error correction
  level M, byte mode (UTF-8), the smallest version that fits, and a quiet zone of 4 modules.
*/
class CONCIERGE_EXPORT QrCode
{
public:
    //! The blank border around the code, in modules (ISO/IEC 18004 asks for 4).
    static constexpr int kQuietZoneModules = 4;

    //! What the terminal renderer draws as a block character.
    enum class Terminal {
        LightOnDark, //!< the light modules are blocks: right for the usual dark terminal
        DarkOnLight  //!< the dark modules are blocks: for a light terminal (or paper)
    };

    /*!
      The code for \a text as a black-on-white Format_Grayscale8 image, each module \a moduleSize
      pixels square (at least 1), quiet zone included. A null image when \a text is empty or too
      long for a QR code.
    */
    static QImage encode(const QString &text, int moduleSize = 8);

    //! The number of modules per side (quiet zone excluded); 0 when \a text cannot be encoded.
    static int moduleCount(const QString &text);

    /*!
      The code as text for a terminal: two module rows per line with the half-block characters
      ▀ ▄ █ and spaces, quiet zone included, lines ending in '\n'. Empty when \a text cannot be
      encoded.
    */
    static QString toTerminalText(const QString &text, Terminal colors = Terminal::LightOnDark);
};

} // namespace Concierge
