// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/providers.md: compiled and linked by the target concierge_doc_snippets.
#include "snippets.h"

#include <concierge/providerconfig.h>

using namespace Concierge;

void Snippets::providers()
{
    const auto openIdScopes = QStringList{QStringLiteral("openid"), QStringLiteral("profile"),
                                          QStringLiteral("email"), QStringLiteral("offline_access")};
    {
//! [auth0]
ProviderConfig config(QStringLiteral("https://shop.eu.auth0.com/"), // trailing slash: Auth0's issuer has one
                      QStringLiteral("YOUR_CLIENT_ID"));
config.setScopes(openIdScopes);
// An access token for your API (a JWT) rather than one for /userinfo only:
config.setAdditionalParameters({{QStringLiteral("audience"), QStringLiteral("https://api.example.com")}});
config.setIdpHintParameter(QStringLiteral("connection")); // SignInOptions::idpHint = "google-oauth2"
//! [auth0]
    }
    {
//! [okta]
ProviderConfig config(QStringLiteral("https://shop.okta.com/oauth2/default"), // a custom authorization server
                      QStringLiteral("YOUR_CLIENT_ID"));
config.setScopes(openIdScopes);
config.setIdpHintParameter(QStringLiteral("idp")); // SignInOptions::idpHint = the IdP's id in Okta
//! [okta]
    }
    {
//! [keycloak]
ProviderConfig config(QStringLiteral("https://id.example.com/realms/shop"), QStringLiteral("shop-desktop"));
config.setScopes(openIdScopes);
config.setIdpHintParameter(QStringLiteral("kc_idp_hint")); // SignInOptions::idpHint = "google"
//! [keycloak]
    }
    {
//! [entra]
// The v2.0 issuer of one tenant (a tenant id, not "common": the issuer must match exactly).
ProviderConfig config(QStringLiteral("https://login.microsoftonline.com/YOUR_TENANT_ID/v2.0"),
                      QStringLiteral("YOUR_APPLICATION_ID"));
config.setScopes({QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                  QStringLiteral("offline_access"), QStringLiteral("api://YOUR_API_ID/orders.read")});
//! [entra]
    }
    {
//! [google]
ProviderConfig config(QStringLiteral("https://accounts.google.com"),
                      QStringLiteral("YOUR_CLIENT_ID.apps.googleusercontent.com"));
config.setScopes({QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email")});
// Google issues a secret even to "Desktop app" clients and expects it at the token endpoint; it
// is not confidential in an app you ship (RFC 8252 §8.5), but must be sent.
config.setClientSecret(QStringLiteral("YOUR_DESKTOP_CLIENT_SECRET"));
config.setClientAuthentication(ProviderConfig::ClientAuthentication::ClientSecretPost);
// A refresh token: Google's access_type=offline instead of the offline_access scope.
config.setAdditionalParameters({{QStringLiteral("access_type"), QStringLiteral("offline")}});
//! [google]
    }
    {
//! [cognito]
// The issuer is the user pool (cognito-idp), not the hosted UI domain.
ProviderConfig config(QStringLiteral("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI"),
                      QStringLiteral("YOUR_APP_CLIENT_ID")); // an app client without a secret
config.setScopes({QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email")});
config.setIdpHintParameter(QStringLiteral("identity_provider")); // SignInOptions::idpHint = "Google"
//! [cognito]
    }
}
