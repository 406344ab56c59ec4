// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>
#include <concierge/result.h>

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QString>
#include <QtCore/QUrl>

namespace Concierge {

/*!
  The device authorization endpoint's answer (RFC 8628 §3.2), parsed strictly: \c device_code,
  \c user_code and \c verification_uri are required non-empty strings, \c verification_uri_complete
  is an optional string, both URIs must be absolute http(s) URLs, \c expires_in is a required
  positive number and \c interval an optional positive number (default 5 s). Unknown members are
  ignored. An error answer becomes its typed Error (RFC 6749 §5.2); 5xx is transient; 429 is
  rate_limited with Retry-After.
*/
class CONCIERGE_EXPORT DeviceAuthorizationResponse
{
public:
    //! The polling interval when the server sends none (RFC 8628 §3.2), seconds.
    static constexpr int kDefaultIntervalSeconds = 5;

    //! Parses the device authorization endpoint's answer: \a httpStatus and \a body, with the
    //! Retry-After delay \a retryAfterSeconds (0 when none) for a 429 answer.
    static Result<DeviceAuthorizationResponse> fromReply(int httpStatus, const QByteArray &body,
                                                         int retryAfterSeconds = 0);

    //! The secret the client polls with: never shown, never logged.
    QByteArray deviceCode() const { return m_deviceCode; }
    //! The code the person types on the other device.
    QString userCode() const { return m_userCode; }
    //! Where the person enters userCode() (show it, or a QR code of verificationUriComplete()).
    QUrl verificationUri() const { return m_verificationUri; }
    //! The verification URI with the user code in it (for a QR code); empty when the server sent none.
    QUrl verificationUriComplete() const { return m_verificationUriComplete; }
    //! Lifetime of the codes, seconds (capped at one day).
    qint64 expiresIn() const { return m_expiresIn; }
    //! Minimum seconds between two token requests (capped at one hour).
    int interval() const { return m_interval; }

private:
    QByteArray m_deviceCode;
    QString m_userCode;
    QUrl m_verificationUri;
    QUrl m_verificationUriComplete;
    qint64 m_expiresIn = 0;
    int m_interval = kDefaultIntervalSeconds;
};

/*!
  When to poll the token endpoint next (RFC 8628 §3.4, §3.5), as a pure value: time is passed in,
  so tests drive it with a fake clock.

  Polls are interval() seconds apart, starting at the server's interval. Each \c slow_down adds
  5 s to it for this and every later request. Consecutive network failures (and 5xx) back off
  exponentially (interval × 2ⁿ, at most 60 s, never less than the interval); a server answer
  resets the back-off. Nothing is scheduled past expiry: the last wait ends at expiresAt(), and
  once expired nextDelayMs() is -1 (stop: the codes are dead, expired_token).
*/
class CONCIERGE_EXPORT DevicePollPolicy
{
public:
    //! How much each \c slow_down adds to the interval, seconds (RFC 8628 §3.5).
    static constexpr int kSlowDownStepSeconds = 5;
    //! The longest wait after consecutive network failures, seconds.
    static constexpr int kMaxBackoffSeconds = 60;

    //! An empty policy (expired).
    DevicePollPolicy() = default;
    //! A policy for codes received at \a startedAt that live \a expiresInSeconds, polled every
    //! \a intervalSeconds (the server's interval).
    DevicePollPolicy(const QDateTime &startedAt, qint64 expiresInSeconds, int intervalSeconds);

    //! When the codes expire.
    QDateTime expiresAt() const { return m_expiresAt; }
    //! The server-driven interval (after every slow_down), seconds.
    int interval() const { return m_interval; }
    //! Network failures (and 5xx) since the last server answer.
    int consecutiveNetworkFailures() const { return m_failures; }

    //! True when the codes have expired at \a now.
    bool isExpired(const QDateTime &now) const;
    //! Whole seconds until expiry, rounded up; 0 once expired.
    qint64 secondsLeft(const QDateTime &now) const;

    //! The wait before the next poll, milliseconds; -1 when expired (stop polling).
    qint64 nextDelayMs(const QDateTime &now) const;

    //! The server answered (authorization_pending or anything else): the network back-off ends.
    void onAnswered();
    //! slow_down (or HTTP 429): the interval grows by 5 s for good.
    void onSlowDown();
    //! No answer (connection refused, timeout) or a 5xx: back off.
    void onNetworkError();

    //! Equal when expiry, interval and failure count are.
    friend bool operator==(const DevicePollPolicy &a, const DevicePollPolicy &b)
    {
        return a.m_expiresAt == b.m_expiresAt && a.m_interval == b.m_interval && a.m_failures == b.m_failures;
    }
    //! Not equal: see operator==().
    friend bool operator!=(const DevicePollPolicy &a, const DevicePollPolicy &b) { return !(a == b); }

private:
    QDateTime m_expiresAt;
    int m_interval = DeviceAuthorizationResponse::kDefaultIntervalSeconds;
    int m_failures = 0;
};

} // namespace Concierge
