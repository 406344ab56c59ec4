// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/deviceauthorization.h>

#include "core/json_p.h"

#include <cmath>

namespace Concierge {

using namespace Internal;

/*!
  \class Concierge::DeviceAuthorizationResponse
  \inmodule Concierge
  \since 0.2
  \brief A strictly parsed device authorization response (RFC 8628 §3.2).
*/

/*!
  \class Concierge::DevicePollPolicy
  \inmodule Concierge
  \since 0.2
  \brief The polling rules of the device authorization grant (RFC 8628 §3.4, §3.5), without a clock.
*/

namespace {

constexpr qsizetype kMaxDeviceResponseBytes = 64 * 1024;
constexpr qint64 kMaxExpiresIn = 24 * 3600;
constexpr qint64 kMaxInterval = 3600;
constexpr qsizetype kMaxUserCodeChars = 64;

Error invalid(const char *what, int httpStatus)
{
    return Error(Error::Code::InvalidResponse, QString::fromLatin1(what), httpStatus);
}

// A required (or optional) string member: absent → nullopt; present with another type → typeError.
std::optional<QString> member(const nlohmann::json &doc, const char *key, bool &typeError)
{
    const auto it = doc.find(key);
    if (it == doc.end())
        return std::nullopt;
    if (!it->is_string()) {
        typeError = true;
        return std::nullopt;
    }
    return Json::qs(it->get_ref<const std::string &>());
}

// A positive JSON number (integer, or a fraction rounded up); nullopt with typeError otherwise.
std::optional<qint64> positiveNumber(const nlohmann::json &doc, const char *key, bool &typeError)
{
    const auto it = doc.find(key);
    if (it == doc.end())
        return std::nullopt;
    if (it->is_number_unsigned()) {
        const auto v = it->get<std::uint64_t>();
        if (v == 0)
            typeError = true;
        return typeError ? std::nullopt : std::optional<qint64>(qint64(qMin<std::uint64_t>(v, 1u << 30)));
    }
    if (it->is_number_integer()) { // negative (unsigned caught the rest)
        typeError = true;
        return std::nullopt;
    }
    if (it->is_number_float()) {
        const double v = it->get<double>();
        if (!std::isfinite(v) || v <= 0) {
            typeError = true;
            return std::nullopt;
        }
        return qint64(std::ceil(qMin(v, double(1 << 30))));
    }
    typeError = true;
    return std::nullopt;
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && !url.isRelative() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

} // namespace

Result<DeviceAuthorizationResponse> DeviceAuthorizationResponse::fromReply(int httpStatus, const QByteArray &body,
                                                                           int retryAfterSeconds)
{
    const auto doc = Json::parseObject(body, kMaxDeviceResponseBytes);
    if (httpStatus < 200 || httpStatus > 299)
        return Json::oauthErrorResponse(httpStatus, doc, retryAfterSeconds, "device authorization endpoint");
    if (!doc)
        return invalid("device authorization response is not a JSON object", httpStatus);

    bool typeError = false;
    const auto deviceCode = member(*doc, "device_code", typeError);
    const auto userCode = member(*doc, "user_code", typeError);
    const auto uri = member(*doc, "verification_uri", typeError);
    const auto complete = member(*doc, "verification_uri_complete", typeError);
    if (typeError)
        return invalid("a device authorization response member is not a string", httpStatus);
    const auto expiresIn = positiveNumber(*doc, "expires_in", typeError);
    const auto interval = positiveNumber(*doc, "interval", typeError);
    if (typeError)
        return invalid("expires_in or interval is not a positive number", httpStatus);

    if (!deviceCode || deviceCode->isEmpty())
        return invalid("device authorization response has no device_code", httpStatus);
    if (!userCode || userCode->isEmpty())
        return invalid("device authorization response has no user_code", httpStatus);
    if (userCode->size() > kMaxUserCodeChars || Error::sanitize(*userCode) != *userCode)
        return invalid("user_code is too long or has control characters", httpStatus);
    if (!uri || uri->isEmpty())
        return invalid("device authorization response has no verification_uri", httpStatus);
    if (!expiresIn)
        return invalid("device authorization response has no expires_in", httpStatus);

    DeviceAuthorizationResponse r;
    r.m_verificationUri = QUrl(*uri, QUrl::StrictMode);
    if (!isWebUrl(r.m_verificationUri))
        return invalid("verification_uri is not an absolute http(s) URL", httpStatus);
    if (complete && !complete->isEmpty()) {
        r.m_verificationUriComplete = QUrl(*complete, QUrl::StrictMode);
        if (!isWebUrl(r.m_verificationUriComplete))
            return invalid("verification_uri_complete is not an absolute http(s) URL", httpStatus);
    }
    r.m_deviceCode = deviceCode->toUtf8();
    r.m_userCode = *userCode;
    r.m_expiresIn = qMin(*expiresIn, kMaxExpiresIn);
    r.m_interval = int(qMin(interval.value_or(kDefaultIntervalSeconds), kMaxInterval));
    return r;
}

DevicePollPolicy::DevicePollPolicy(const QDateTime &startedAt, qint64 expiresInSeconds, int intervalSeconds)
    : m_expiresAt(startedAt.addSecs(qMax<qint64>(0, expiresInSeconds)))
    , m_interval(qMax(1, intervalSeconds))
{
}

bool DevicePollPolicy::isExpired(const QDateTime &now) const
{
    return !m_expiresAt.isValid() || now >= m_expiresAt;
}

qint64 DevicePollPolicy::secondsLeft(const QDateTime &now) const
{
    if (isExpired(now))
        return 0;
    const qint64 ms = now.msecsTo(m_expiresAt);
    return (ms + 999) / 1000;
}

qint64 DevicePollPolicy::nextDelayMs(const QDateTime &now) const
{
    if (isExpired(now))
        return -1;
    qint64 seconds = m_interval;
    if (m_failures > 0) {
        // interval × 2ⁿ, capped (the shift is bounded so it cannot overflow).
        const qint64 backoff = qint64(m_interval) << qMin(m_failures, 16);
        seconds = qMax<qint64>(m_interval, qMin<qint64>(backoff, kMaxBackoffSeconds));
    }
    return qMin(seconds * 1000, now.msecsTo(m_expiresAt));
}

void DevicePollPolicy::onAnswered()
{
    m_failures = 0;
}

void DevicePollPolicy::onSlowDown()
{
    m_failures = 0;
    m_interval = int(qMin<qint64>(qint64(m_interval) + kSlowDownStepSeconds, kMaxInterval));
}

void DevicePollPolicy::onNetworkError()
{
    if (m_failures < 16)
        ++m_failures;
}

} // namespace Concierge
