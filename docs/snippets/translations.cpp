// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/quickstart.md and docs/guides/browser-sign-in.md: compiled by concierge_doc_snippets.
#include "snippets.h"

#include <concierge/translation.h>

#include <QtCore/QLocale>

void Snippets::translations()
{
//! [language]
// At start-up: the SDK's texts (error messages, device sign-in instructions) in the app's language.
Concierge::installTranslator(QLocale());
// A language toggle: switch at run time; every later Error::message() follows.
Concierge::installTranslator(QLocale(QLocale::Japanese, QLocale::Japan));
//! [language]
}
