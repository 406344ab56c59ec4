// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/providerconfig.h>

#include "core/urls_p.h"

namespace Concierge {

/*!
  \class Concierge::ProviderConfig
  \inmodule Concierge
  \since 0.1
  \brief The app's registration at its OpenID Provider.
*/

/*! Creates a configuration for the public client \a clientId at \a issuer. */
ProviderConfig::ProviderConfig(const QString &issuer, const QString &clientId)
    : m_issuer(issuer)
    , m_clientId(clientId)
{
}

/*! Sets the client \a secret of a confidential client. */
void ProviderConfig::setClientSecret(const QString &secret)
{
    m_clientSecret = secret;
    if (!secret.isEmpty() && m_clientAuth == ClientAuthentication::None)
        m_clientAuth = ClientAuthentication::ClientSecretBasic;
    if (secret.isEmpty())
        m_clientAuth = ClientAuthentication::None;
}

/*! Returns the discovery document's URL (OpenID Connect Discovery 1.0 §4). */
QUrl ProviderConfig::discoveryUrl() const
{
    QString base = m_issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QLatin1String("/.well-known/openid-configuration"));
}

/*! Returns whether the redirect goes to a loopback listener run by the SDK. */
bool ProviderConfig::isLoopbackRedirect() const
{
    return m_redirectUri.scheme() == QLatin1String("http") && Internal::isLoopbackHost(m_redirectUri.host());
}

/*! Returns an error when the configuration cannot work: no client id, insecure issuer, bad redirect. */
Result<void> ProviderConfig::validate() const
{
    if (m_clientId.isEmpty())
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("client id is empty"));
    const QUrl issuerUrl(m_issuer, QUrl::StrictMode);
    if (m_issuer.isEmpty() || !issuerUrl.isValid())
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("issuer is not a valid URL"));
    if (!issuerUrl.query().isEmpty())
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("issuer must not have a query"));
    if (auto ok = Internal::checkEndpoint(issuerUrl, "issuer"); !ok)
        return ok;
    if (!m_redirectUri.isValid() || m_redirectUri.scheme().isEmpty() || !m_redirectUri.fragment().isEmpty())
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("redirect URI is not valid"));
    const QString scheme = m_redirectUri.scheme();
    if (scheme == QLatin1String("http") && !isLoopbackRedirect())
        return Error(Error::Code::InsecureEndpoint, QStringLiteral("an http redirect must be a loopback address"));
    if (isLoopbackRedirect() && m_redirectUri.host() != QLatin1String("127.0.0.1")
        && m_redirectUri.host() != QLatin1String("::1"))
        return Error(Error::Code::InvalidConfiguration,
                     QStringLiteral("use 127.0.0.1 or [::1] for loopback redirects, not localhost (RFC 8252 §8.3)"));
    if (m_clientAuth != ClientAuthentication::None && m_clientSecret.isEmpty())
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("client authentication needs a secret"));
    if (m_clockSkew < 0 || m_clockSkew > 300)
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("clock skew must be 0..300 seconds"));
    if (m_requestTimeoutMs <= 0)
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("request timeout must be positive"));
    return {};
}

bool operator==(const ProviderConfig &a, const ProviderConfig &b)
{
    return a.m_issuer == b.m_issuer && a.m_clientId == b.m_clientId && a.m_clientSecret == b.m_clientSecret
        && a.m_clientAuth == b.m_clientAuth && a.m_scopes == b.m_scopes && a.m_redirectUri == b.m_redirectUri
        && a.m_postLogoutRedirectUri == b.m_postLogoutRedirectUri && a.m_additional == b.m_additional
        && a.m_idpHintParameter == b.m_idpHintParameter && a.m_trustedAudiences == b.m_trustedAudiences
        && a.m_clockSkew == b.m_clockSkew && a.m_requestTimeoutMs == b.m_requestTimeoutMs && a.m_dpop == b.m_dpop;
}

} // namespace Concierge
