// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/error.h>

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

#include <nlohmann/json.hpp>

#include <optional>

namespace Concierge::Internal::Json {

constexpr qsizetype kDefaultMaxBytes = 1024 * 1024;
constexpr int kMaxDepth = 32;

//! Parses \a bytes as a JSON object. Returns nullopt for anything else: invalid JSON, another JSON
//! type, more than \a maxBytes, or nesting deeper than kMaxDepth (checked before parsing, so hostile
//! input cannot exhaust the stack).
std::optional<nlohmann::json> parseObject(const QByteArray &bytes, qsizetype maxBytes = kDefaultMaxBytes);

//! The string member \a key, or nullopt when absent or of another type.
std::optional<QString> string(const nlohmann::json &object, const char *key);
//! The string member \a key, or an empty string.
QString stringOr(const nlohmann::json &object, const char *key, const QString &fallback = {});
//! A JSON number member as integer (floats truncated), or nullopt when absent or not a number.
std::optional<qint64> integer(const nlohmann::json &object, const char *key);
//! An array of strings, or nullopt when absent, not an array, or holding a non-string.
std::optional<QStringList> stringArray(const nlohmann::json &object, const char *key);
//! true only for the JSON literal true.
bool boolean(const nlohmann::json &object, const char *key);

QVariant toVariant(const nlohmann::json &value);
QVariantMap toVariantMap(const nlohmann::json &object);

/*!
  The Error for a non-2xx answer of an OAuth endpoint (RFC 6749 §5.2): 429 is rate_limited, 5xx is
  transient server_error, an OAuth "error" member becomes its typed Error, anything else http_error.
  \a endpoint names the endpoint in the description. Retry-After is carried along.
*/
Error oauthErrorResponse(int httpStatus, const std::optional<nlohmann::json> &doc, int retryAfterSeconds,
                         const char *endpoint);

inline QString qs(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

} // namespace Concierge::Internal::Json
