// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/tokenresponse.h>

#include "core/json_p.h"

namespace Concierge {

using namespace Internal;

/*!
  \class Concierge::TokenResponse
  \inmodule Concierge
  \since 0.1
  \brief A strictly parsed token endpoint response.
*/

namespace {

constexpr qsizetype kMaxTokenResponseBytes = 256 * 1024;

std::optional<QByteArray> optionalString(const nlohmann::json &doc, const char *key, bool &typeError)
{
    const auto it = doc.find(key);
    if (it == doc.end() || it->is_null())
        return std::nullopt;
    if (!it->is_string()) {
        typeError = true;
        return std::nullopt;
    }
    const auto &s = it->get_ref<const std::string &>();
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

Result<TokenResponse> TokenResponse::fromReply(int httpStatus, const QByteArray &body, int retryAfterSeconds)
{
    const auto doc = Json::parseObject(body, kMaxTokenResponseBytes);
    if (httpStatus < 200 || httpStatus > 299)
        return Json::oauthErrorResponse(httpStatus, doc, retryAfterSeconds, "token endpoint");
    if (!doc)
        return Error(Error::Code::InvalidResponse, QStringLiteral("token response is not a JSON object"), httpStatus);

    bool typeError = false;
    TokenResponse r;
    const auto access = optionalString(*doc, "access_token", typeError);
    const auto type = optionalString(*doc, "token_type", typeError);
    const auto refresh = optionalString(*doc, "refresh_token", typeError);
    const auto id = optionalString(*doc, "id_token", typeError);
    const auto scope = optionalString(*doc, "scope", typeError);
    if (typeError)
        return Error(Error::Code::InvalidResponse, QStringLiteral("a token response member has the wrong type"), httpStatus);
    if (!access || access->isEmpty())
        return Error(Error::Code::InvalidResponse, QStringLiteral("token response has no access_token"), httpStatus);
    if (!type)
        return Error(Error::Code::InvalidResponse, QStringLiteral("token response has no token_type"), httpStatus);
    const QByteArray lowered = type->toLower();
    if (lowered == "bearer")
        r.m_tokenType = QStringLiteral("Bearer");
    else if (lowered == "dpop")
        r.m_tokenType = QStringLiteral("DPoP");
    else
        return Error(Error::Code::UnsupportedTokenType, QStringLiteral("token_type is not Bearer or DPoP"), httpStatus);

    if (doc->contains("expires_in") && !(*doc)["expires_in"].is_null()) {
        const auto expires = Json::integer(*doc, "expires_in");
        if (!expires || *expires < 0)
            return Error(Error::Code::InvalidResponse, QStringLiteral("expires_in is not a non-negative number"), httpStatus);
        r.m_expiresIn = qMin<qint64>(*expires, qint64(10) * 365 * 24 * 3600);
    }
    r.m_accessToken = *access;
    r.m_refreshToken = refresh.value_or(QByteArray());
    r.m_idToken = id.value_or(QByteArray());
    if (scope) {
        r.m_hasScope = true;
        r.m_scopes = QString::fromUtf8(*scope).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return r;
}

} // namespace Concierge
