// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/providermetadata.h>

#include "core/json_p.h"
#include "core/urls_p.h"

namespace Concierge {

using namespace Internal;

/*!
  \class Concierge::ProviderMetadata
  \inmodule Concierge
  \since 0.1
  \brief A checked OpenID Provider discovery document.
*/

namespace {

constexpr qsizetype kMaxDiscoveryBytes = 256 * 1024;

// Reads an optional endpoint: absent is fine, present must be a string and a safe URL.
Result<QUrl> endpoint(const nlohmann::json &doc, const char *key, bool required)
{
    const auto it = doc.find(key);
    if (it == doc.end()) {
        if (required)
            return Error(Error::Code::InvalidResponse,
                         QStringLiteral("discovery document has no ") + QLatin1String(key));
        return QUrl();
    }
    if (!it->is_string())
        return Error(Error::Code::InvalidResponse, QLatin1String(key) + QStringLiteral(" is not a string"));
    const QUrl url(Json::qs(it->get_ref<const std::string &>()), QUrl::StrictMode);
    if (auto ok = checkEndpoint(url, key); !ok)
        return ok.error();
    return url;
}

QStringList optionalList(const nlohmann::json &doc, const char *key)
{
    return Json::stringArray(doc, key).value_or(QStringList());
}

} // namespace

Result<ProviderMetadata> ProviderMetadata::fromJson(const QByteArray &json, const QString &expectedIssuer)
{
    const auto doc = Json::parseObject(json, kMaxDiscoveryBytes);
    if (!doc)
        return Error(Error::Code::InvalidResponse, QStringLiteral("discovery document is not a JSON object"));
    const auto issuer = Json::string(*doc, "issuer");
    if (!issuer)
        return Error(Error::Code::InvalidResponse, QStringLiteral("discovery document has no issuer"));
    if (*issuer != expectedIssuer)
        return Error(Error::Code::IssuerMismatch,
                     QStringLiteral("discovery issuer differs from the configured issuer"));

    ProviderMetadata m;
    m.m_issuer = *issuer;
    struct Field { const char *key; QUrl ProviderMetadata::*member; bool required; };
    const Field fields[] = {
        {"authorization_endpoint", &ProviderMetadata::m_authorizationEndpoint, true},
        {"token_endpoint", &ProviderMetadata::m_tokenEndpoint, true},
        {"jwks_uri", &ProviderMetadata::m_jwksUri, true},
        {"userinfo_endpoint", &ProviderMetadata::m_userinfoEndpoint, false},
        {"end_session_endpoint", &ProviderMetadata::m_endSessionEndpoint, false},
        {"revocation_endpoint", &ProviderMetadata::m_revocationEndpoint, false},
        {"introspection_endpoint", &ProviderMetadata::m_introspectionEndpoint, false},
        {"device_authorization_endpoint", &ProviderMetadata::m_deviceAuthorizationEndpoint, false},
        {"pushed_authorization_request_endpoint", &ProviderMetadata::m_parEndpoint, false},
    };
    for (const auto &f : fields) {
        auto url = endpoint(*doc, f.key, f.required);
        if (!url)
            return url.error();
        m.*(f.member) = *url;
    }
    m.m_requirePar = Json::boolean(*doc, "require_pushed_authorization_requests");
    m.m_issParameterSupported = Json::boolean(*doc, "authorization_response_iss_parameter_supported");
    m.m_idTokenAlgs = optionalList(*doc, "id_token_signing_alg_values_supported");
    m.m_codeChallengeMethods = optionalList(*doc, "code_challenge_methods_supported");
    m.m_dpopAlgs = optionalList(*doc, "dpop_signing_alg_values_supported");
    m.m_scopes = optionalList(*doc, "scopes_supported");
    m.m_grantTypes = optionalList(*doc, "grant_types_supported");
    if (m.m_requirePar && m.m_parEndpoint.isEmpty())
        return Error(Error::Code::InvalidResponse, QStringLiteral("PAR required but no PAR endpoint"));
    m.m_document = Json::toVariantMap(*doc);
    return m;
}

bool operator==(const ProviderMetadata &a, const ProviderMetadata &b)
{
    return a.m_document == b.m_document && a.m_issuer == b.m_issuer;
}

} // namespace Concierge
