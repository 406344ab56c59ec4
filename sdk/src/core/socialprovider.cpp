// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/socialprovider.h>

namespace Concierge {

/*!
  \class Concierge::SocialProvider
  \inmodule Concierge
  \since 0.1
  \brief A social sign-in target: a hint for a broker, or a direct OpenID Provider preset.
*/

namespace {

// Authorization parameters the SDK owns (AuthorizationRequest refuses them as extra parameters too).
bool isProtocolParameter(const QString &name)
{
    static const char *const owned[] = {"response_type", "client_id", "redirect_uri", "state", "nonce",
                                        "code_challenge", "code_challenge_method", "scope", "request_uri",
                                        "request", "response_mode"};
    for (const char *o : owned) {
        if (name == QLatin1String(o))
            return true;
    }
    return false;
}

} // namespace

SocialProvider SocialProvider::broker(const QString &name, const QString &parameter, const QString &value)
{
    SocialProvider p;
    p.m_kind = Kind::BrokerHint;
    p.m_name = name;
    p.m_hintParameter = parameter;
    p.m_hintValue = value;
    return p;
}

SocialProvider SocialProvider::auth0(const QString &connection)
{
    return broker(QStringLiteral("Auth0: ") + connection, QStringLiteral("connection"), connection);
}

SocialProvider SocialProvider::keycloak(const QString &alias)
{
    return broker(QStringLiteral("Keycloak: ") + alias, QStringLiteral("kc_idp_hint"), alias);
}

SocialProvider SocialProvider::cognito(const QString &identityProvider)
{
    return broker(QStringLiteral("Cognito: ") + identityProvider, QStringLiteral("identity_provider"), identityProvider);
}

SocialProvider SocialProvider::okta(const QString &idpId)
{
    return broker(QStringLiteral("Okta: ") + idpId, QStringLiteral("idp"), idpId);
}

SocialProvider SocialProvider::custom(const QString &parameter, const QString &value)
{
    return broker(value, parameter, value);
}

SocialProvider SocialProvider::google(const QString &clientId, const QString &clientSecret)
{
    SocialProvider p;
    p.m_kind = Kind::DirectOidc;
    p.m_name = QStringLiteral("Google");
    ProviderConfig config(QStringLiteral("https://accounts.google.com"), clientId);
    config.setClientSecret(clientSecret);
    config.setScopes({QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile")});
    // Google's way to a refresh token (it does not know offline_access).
    config.setAdditionalParameters({{QStringLiteral("access_type"), QStringLiteral("offline")}});
    p.m_config = config;
    return p;
}

SocialProvider SocialProvider::apple(const QString &servicesId, const QString &clientSecret)
{
    SocialProvider p;
    p.m_kind = Kind::DirectOidc;
    p.m_name = QStringLiteral("Apple");
    ProviderConfig config(QStringLiteral("https://appleid.apple.com"), servicesId);
    config.setClientSecret(clientSecret);
    config.setClientAuthentication(clientSecret.isEmpty() ? ProviderConfig::ClientAuthentication::None
                                                          : ProviderConfig::ClientAuthentication::ClientSecretPost);
    // name and email need response_mode=form_post, which a loopback or custom-scheme redirect cannot take.
    config.setScopes({QStringLiteral("openid")});
    p.m_config = config;
    return p;
}

SocialProvider SocialProvider::microsoft(const QString &clientId, const QString &tenant)
{
    SocialProvider p;
    p.m_kind = Kind::DirectOidc;
    p.m_name = QStringLiteral("Microsoft");
    const QString t = tenant.trimmed().toLower();
    QString issuerTenant = tenant;
    if (t == QLatin1String("consumers")) {
        // Personal Microsoft accounts: one tenant with a fixed id, hence a fixed issuer.
        issuerTenant = QStringLiteral("9188040d-6c67-4c5b-b112-36a304b66dad");
    } else if (t == QLatin1String("common") || t == QLatin1String("organizations") || t.isEmpty()) {
        issuerTenant = QStringLiteral("{tenantid}");
        p.m_refusal = QStringLiteral("Microsoft's \"%1\" endpoint publishes the issuer as a {tenantid} template, which "
                                     "cannot be validated as an exact issuer: use the tenant's id or domain, or a broker")
                          .arg(t.isEmpty() ? QStringLiteral("common") : t);
    }
    ProviderConfig config(QStringLiteral("https://login.microsoftonline.com/") + issuerTenant + QStringLiteral("/v2.0"),
                          clientId);
    config.setScopes({QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile"),
                      QStringLiteral("offline_access")});
    p.m_config = config;
    return p;
}

Result<SignInOptions> SocialProvider::signInOptions(const ProviderConfig &sessionConfig, const SignInOptions &base) const
{
    SignInOptions options = base;
    switch (m_kind) {
    case Kind::Invalid:
        return Error(Error::Code::InvalidArgument, QStringLiteral("the social provider is not set"));
    case Kind::BrokerHint: {
        if (m_hintParameter.isEmpty() || isProtocolParameter(m_hintParameter))
            return Error(Error::Code::InvalidArgument,
                         QStringLiteral("the hint parameter is empty or owned by the protocol: ") + m_hintParameter);
        if (m_hintValue.isEmpty())
            return Error(Error::Code::InvalidArgument, QStringLiteral("the social provider's hint is empty"));
        // The provider says where to go: a generic idpHint would be a second, conflicting hint.
        options.idpHint.clear();
        options.extraParameters.insert(m_hintParameter, m_hintValue);
        return options;
    }
    case Kind::DirectOidc:
        if (!m_refusal.isEmpty())
            return Error(Error::Code::InvalidConfiguration, m_refusal);
        if (sessionConfig.issuer() != m_config.issuer())
            return Error(Error::Code::InvalidConfiguration,
                         QStringLiteral("%1 is a direct provider: make the Session from its config() (issuer %2)")
                             .arg(m_name, m_config.issuer()));
        if (options.scopes.isEmpty())
            options.scopes = m_config.scopes();
        return options;
    }
    return Error(Error::Code::InvalidArgument);
}

bool operator==(const SocialProvider &a, const SocialProvider &b)
{
    return a.m_kind == b.m_kind && a.m_name == b.m_name && a.m_hintParameter == b.m_hintParameter
        && a.m_hintValue == b.m_hintValue && a.m_config == b.m_config && a.m_refusal == b.m_refusal;
}

} // namespace Concierge
