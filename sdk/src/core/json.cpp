// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/json_p.h"

#include <cmath>

namespace Concierge::Internal::Json {

namespace {

bool nestingWithin(const QByteArray &bytes, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

} // namespace

std::optional<nlohmann::json> parseObject(const QByteArray &bytes, qsizetype maxBytes)
{
    // A raw NUL is never valid JSON text, and nlohmann/json's lexer stops at it, which would let
    // "{...}\0junk" through as "{...}" (found by fuzz_jose).
    if (bytes.size() > maxBytes || bytes.contains('\0') || !nestingWithin(bytes, kMaxDepth))
        return std::nullopt;
    auto parsed = nlohmann::json::parse(bytes.constBegin(), bytes.constEnd(), nullptr,
                                        /*allow_exceptions=*/false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    return parsed;
}

std::optional<QString> string(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return std::nullopt;
    return qs(it->get_ref<const std::string &>());
}

QString stringOr(const nlohmann::json &object, const char *key, const QString &fallback)
{
    return string(object, key).value_or(fallback);
}

std::optional<qint64> integer(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    if (it->is_number_integer())
        return it->get<qint64>();
    if (it->is_number_unsigned()) {
        const auto v = it->get<std::uint64_t>();
        return v > std::uint64_t(std::numeric_limits<qint64>::max()) ? std::numeric_limits<qint64>::max()
                                                                    : qint64(v);
    }
    if (it->is_number_float()) {
        const double d = it->get<double>();
        if (!std::isfinite(d) || d > 9.2e18 || d < -9.2e18)
            return std::nullopt;
        return qint64(d);
    }
    return std::nullopt;
}

std::optional<QStringList> stringArray(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array())
        return std::nullopt;
    QStringList out;
    out.reserve(qsizetype(it->size()));
    for (const auto &v : *it) {
        if (!v.is_string())
            return std::nullopt;
        out.append(qs(v.get_ref<const std::string &>()));
    }
    return out;
}

bool boolean(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

Error oauthErrorResponse(int httpStatus, const std::optional<nlohmann::json> &doc, int retryAfterSeconds,
                         const char *endpoint)
{
    if (httpStatus == 429)
        return Error(Error::Code::RateLimited, {}, httpStatus).withRetryAfter(retryAfterSeconds);
    const QString oauthError = doc ? stringOr(*doc, "error") : QString();
    const QString description = doc ? stringOr(*doc, "error_description") : QString();
    if (httpStatus >= 500)
        return Error(Error::Code::ServerError, description, httpStatus, oauthError).withRetryAfter(retryAfterSeconds);
    if (!oauthError.isEmpty())
        return Error::fromOAuth(oauthError, description, httpStatus).withRetryAfter(retryAfterSeconds);
    return Error(Error::Code::HttpError, QLatin1String(endpoint) + QStringLiteral(" answered HTTP %1").arg(httpStatus),
                 httpStatus)
        .withRetryAfter(retryAfterSeconds);
}

QVariant toVariant(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null: return QVariant::fromValue(nullptr);
    case nlohmann::json::value_t::boolean: return value.get<bool>();
    case nlohmann::json::value_t::number_integer: return qint64(value.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return quint64(value.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: return value.get<double>();
    case nlohmann::json::value_t::string: return qs(value.get_ref<const std::string &>());
    case nlohmann::json::value_t::array: {
        QVariantList list;
        list.reserve(qsizetype(value.size()));
        for (const auto &v : value)
            list.append(toVariant(v));
        return list;
    }
    case nlohmann::json::value_t::object: return toVariantMap(value);
    default: return {};
    }
}

QVariantMap toVariantMap(const nlohmann::json &object)
{
    QVariantMap map;
    if (!object.is_object())
        return map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(qs(it.key()), toVariant(it.value()));
    return map;
}

} // namespace Concierge::Internal::Json
