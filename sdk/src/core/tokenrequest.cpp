// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/tokenrequest.h>

#include "core/urls_p.h"

namespace Concierge {

/*!
  \class Concierge::TokenRequest
  \inmodule Concierge
  \since 0.1
  \brief A token endpoint request that serializes itself.
*/

TokenRequest TokenRequest::grant(const ProviderConfig &config, const QUrl &endpoint, const Fields &fields)
{
    TokenRequest r;
    r.m_endpoint = endpoint;
    r.m_fields = fields;
    bool hasClientId = false;
    for (const auto &field : fields)
        hasClientId |= field.first == QLatin1String("client_id");
    const auto addClientId = [&r, &config, hasClientId] {
        if (!hasClientId)
            r.m_fields.append({QStringLiteral("client_id"), config.clientId()});
    };
    switch (config.clientAuthentication()) {
    case ProviderConfig::ClientAuthentication::None:
        addClientId();
        break;
    case ProviderConfig::ClientAuthentication::ClientSecretPost:
        addClientId();
        r.m_fields.append({QStringLiteral("client_secret"), config.clientSecret()});
        break;
    case ProviderConfig::ClientAuthentication::ClientSecretBasic: {
        // RFC 6749 §2.3.1: both parts form-encoded before base64.
        const QByteArray user = Internal::formEncode({{QStringLiteral("x"), config.clientId()}}).mid(2);
        const QByteArray pass = Internal::formEncode({{QStringLiteral("x"), config.clientSecret()}}).mid(2);
        r.m_authorization = "Basic " + (user + ':' + pass).toBase64();
        break;
    }
    }
    return r;
}

TokenRequest TokenRequest::authorizationCode(const ProviderConfig &config, const ProviderMetadata &metadata,
                                             const AuthorizationRequest &request,
                                             const AuthorizationResponse &response)
{
    return grant(config, metadata.tokenEndpoint(),
                 {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                  {QStringLiteral("code"), QString::fromUtf8(response.code())},
                  {QStringLiteral("redirect_uri"), request.redirectUri().toString(QUrl::FullyEncoded)},
                  {QStringLiteral("code_verifier"), QString::fromLatin1(request.pkce().verifier())}});
}

TokenRequest TokenRequest::refresh(const ProviderConfig &config, const ProviderMetadata &metadata,
                                   const QByteArray &refreshToken, const QStringList &scopes)
{
    Fields fields{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                  {QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken)}};
    if (!scopes.isEmpty())
        fields.append({QStringLiteral("scope"), scopes.join(QLatin1Char(' '))});
    return grant(config, metadata.tokenEndpoint(), fields);
}

QString TokenRequest::grantType() const
{
    for (const auto &[name, value] : m_fields) {
        if (name == QLatin1String("grant_type"))
            return value;
    }
    return {};
}

QByteArray TokenRequest::body() const
{
    return Internal::formEncode(m_fields);
}

QNetworkRequest TokenRequest::toNetworkRequest() const
{
    QNetworkRequest request(m_endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    return request;
}

} // namespace Concierge
