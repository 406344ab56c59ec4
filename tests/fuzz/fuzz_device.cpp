// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// Fuzzes the device authorization endpoint's answer (RFC 8628 §3.2):
// DeviceAuthorizationResponse::fromReply under several HTTP statuses. An accepted answer then
// drives a DevicePollPolicy for a while (slow_down, network errors, answers) and has its
// verification_uri_complete rendered as a QR code, as the device sign-in does.
// Invariants (documented on the classes): only 2xx succeeds, with non-empty codes, absolute
// http(s) URIs, expires_in > 0 and interval > 0; 429 is RateLimited, 5xx a transient ServerError;
// the poll policy never schedules past expiry and stops (-1) once expired; a QR code image has
// the announced size.

#include "fuzzsupport.h"

#include <concierge/deviceauthorization.h>
#include <concierge/qrcode.h>

#include <QtCore/QDateTime>

#include <cstdint>

using namespace Concierge;
using Concierge::Fuzz::require;

namespace {

bool isAbsoluteHttp(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

void poll(const DeviceAuthorizationResponse &device, std::uint8_t script)
{
    const QDateTime start = QDateTime::fromSecsSinceEpoch(Fuzz::kNow, Qt::UTC);
    DevicePollPolicy policy(start, device.expiresIn(), device.interval());
    require(policy.expiresAt() == start.addSecs(device.expiresIn()), "expiry is start + expires_in");
    QDateTime now = start;
    for (int step = 0; step < 24; ++step) {
        const qint64 delay = policy.nextDelayMs(now);
        if (policy.isExpired(now)) {
            require(delay == -1, "nothing is scheduled once expired");
            break;
        }
        require(delay >= 0, "a delay before expiry is not negative");
        require(now.addMSecs(delay) <= policy.expiresAt(), "no poll is scheduled past expiry");
        require(policy.secondsLeft(now) >= 0, "seconds left before expiry are not negative");
        now = now.addMSecs(qMax<qint64>(delay, 1));
        switch ((script >> (step % 4 * 2)) & 3) { // the input's first byte picks the server's answers
        case 0: policy.onAnswered(); break;
        case 1: policy.onSlowDown(); break;
        default: policy.onNetworkError(); break;
        }
        require(policy.interval() >= 1, "the interval stays positive");
    }
}

void renderQr(const QUrl &uri)
{
    const QString text = uri.toString(QUrl::FullyEncoded);
    const int modules = QrCode::moduleCount(text);
    const QImage image = QrCode::encode(text, 2);
    if (modules <= 0) {
        require(image.isNull(), "no image when the text cannot be encoded");
        return;
    }
    require(modules >= 21 && modules <= 177 && (modules - 17) % 4 == 0, "a QR code has 21..177 modules per side");
    const int side = (modules + 2 * QrCode::kQuietZoneModules) * 2;
    require(image.width() == side && image.height() == side, "the image is modules + quiet zone, scaled");
    require(!QrCode::toTerminalText(text).isEmpty(), "terminal text for an encodable text");
}

// One input: every invariant below holds for any bytes.
void fuzzOne(const QByteArray &body)
{
    static constexpr int kStatuses[] = {200, 201, 400, 401, 429, 500, 503, 0};
    for (const int status : kStatuses) {
        const int retryAfter = status == 429 || status == 503 ? 17 : 0;
        const auto reply = DeviceAuthorizationResponse::fromReply(status, body, retryAfter);
        if (!reply) {
            Fuzz::checkRefusedReply(reply.error(), status, retryAfter);
            continue;
        }
        require(status >= 200 && status <= 299, "only a 2xx reply can succeed");
        require(!reply->deviceCode().isEmpty() && !reply->userCode().isEmpty(), "device and user codes are present");
        require(isAbsoluteHttp(reply->verificationUri()), "verification_uri is an absolute http(s) URL");
        require(reply->verificationUriComplete().isEmpty() || isAbsoluteHttp(reply->verificationUriComplete()),
                "verification_uri_complete is an absolute http(s) URL when present");
        require(reply->expiresIn() > 0 && reply->interval() > 0, "expires_in and interval are positive");
        if (status == 200) { // once is enough for what follows
            poll(*reply, body.isEmpty() ? 0 : std::uint8_t(body.front()));
            renderQr(reply->verificationUriComplete().isEmpty() ? reply->verificationUri()
                                                                : reply->verificationUriComplete());
        }
    }
}

} // namespace

CONCIERGE_FUZZ_TARGET([] {}, fuzzOne)
