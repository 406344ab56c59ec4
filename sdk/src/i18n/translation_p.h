// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Concierge::Internal {

/*!
  The languages to write a page in, most preferred first: those of \a uiLocales (the space-separated
  BCP 47 tags of SignInOptions::uiLocales), then those of the application's locale (QLocale()).
  Each entry is an ISO 639 code (\c ja, \c en); duplicates are dropped. The C locale adds nothing.
*/
QStringList preferredLanguages(const QString &uiLocales = {});

/*!
  \a source (in \a context, with \a disambiguation) in the first of \a languages the SDK has a
  translation for, read straight from the compiled-in translations: it does not depend on the
  translators installed in the application. The source text (English) when none of \a languages
  has one.
*/
QString translate(const QStringList &languages, const char *context, const char *source,
                  const char *disambiguation = nullptr);

//! The value of SignInOptions::uiLocales when the app gave none: the application's locale as BCP 47
//! tags ("ja-JP ja"), or empty for the C locale.
QString defaultUiLocales();

} // namespace Concierge::Internal
