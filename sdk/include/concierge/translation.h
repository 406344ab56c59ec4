// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>

#include <QtCore/QLocale>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

namespace Concierge {

/*!
  \file translation.h
  The SDK's own texts in the app's language. Concierge ships Japanese and English translations of
  every text a person can see (Error::message(), the page the browser shows after a loopback
  redirect, the device sign-in instructions), compiled into the library. Error codes and ids are
  never translated.

  Error::message() and the device sign-in texts follow the translators installed in the
  application: call installTranslator() once at start-up, and again to switch the language at run
  time. The loopback page needs no call: it is written in the first language of
  SignInOptions::uiLocales the SDK has, else in the app's locale (QLocale()), else in English.
*/

//! The languages the SDK's texts come in, as ISO 639 codes: \c en and \c ja.
CONCIERGE_EXPORT QStringList translationLanguages();

/*!
  Installs the SDK's translation for \a locale (its QLocale::uiLanguages(), in order) into the
  application, replacing the one installed by an earlier call. Returns true when the SDK's texts are
  now in one of those languages: a translation was found, or the language is English (the source
  text). Returns false, and leaves the texts in English, when the SDK has no translation for
  \a locale or no QCoreApplication exists. Call it from the thread that runs the application; it
  emits QEvent::LanguageChange to the application's objects like any QCoreApplication::installTranslator().
*/
CONCIERGE_EXPORT bool installTranslator(const QLocale &locale = QLocale());

//! Removes the translation installed by installTranslator(): the SDK's texts are in English again.
CONCIERGE_EXPORT void removeTranslator();

/*!
  What a device sign-in screen says next to the code: where to go (\a verificationUri, shown
  without its scheme noise) and which code to enter (\a userCode). Translated like Error::message().
*/
CONCIERGE_EXPORT QString deviceSignInInstructions(const QUrl &verificationUri, const QString &userCode);

//! What a device sign-in screen says next to the QR code. Translated like Error::message().
CONCIERGE_EXPORT QString deviceSignInScanPrompt();

} // namespace Concierge
