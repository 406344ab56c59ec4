// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/authorizationrequest.h>
#include <concierge/concierge_export.h>
#include <concierge/providerconfig.h>
#include <concierge/result.h>

#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Concierge {

/*!
  Where "Continue with Google" (or Apple, or any upstream) sends the person. A plain value with two
  kinds:

  \list
  \li \b BrokerHint: the app signs in at its own provider (Auth0, Keycloak, Cognito, Okta, or the dev
      IdP), which brokers the upstream. The preset only names the authorization parameter that carries
      the hint, because every broker spells it differently: Auth0 \c connection, Keycloak
      \c kc_idp_hint, Cognito \c identity_provider, Okta \c idp; custom() takes any name. The hint
      value is passed verbatim: it is the broker's name for the upstream (an Auth0 connection name, a
      Keycloak alias, a Cognito provider name, an Okta IdP id).
  \li \b DirectOidc: the app signs in at the upstream itself (Google, Apple, Microsoft). The preset
      carries the issuer, the scopes and the quirks the SDK knows of; make the Session from config().
  \endlist

  Session::signInWith() applies it. Nothing here does I/O.
*/
class CONCIERGE_EXPORT SocialProvider
{
    Q_GADGET
    Q_PROPERTY(Concierge::SocialProvider::Kind kind READ kind CONSTANT)
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QString hintParameter READ hintParameter CONSTANT)
    Q_PROPERTY(QString hintValue READ hintValue CONSTANT)
public:
    //! How the provider is reached.
    enum class Kind {
        Invalid,    //!< a default-constructed value
        BrokerHint, //!< a hint parameter for the app's own provider, which brokers the upstream
        DirectOidc  //!< the upstream is the OpenID Provider itself
    };
    Q_ENUM(Kind)

    //! An invalid provider; signInWith() refuses it with invalid_argument.
    SocialProvider() = default;

    //! Auth0: \c connection=\a connection (e.g. \c google-oauth2, \c apple, or an enterprise connection name).
    static SocialProvider auth0(const QString &connection);
    //! Keycloak: \c kc_idp_hint=\a alias (the identity provider's alias in the realm).
    static SocialProvider keycloak(const QString &alias);
    //! Amazon Cognito: \c identity_provider=\a name (\c Google, \c SignInWithApple, \c Facebook, \c LoginWithAmazon, or a SAML/OIDC provider name).
    static SocialProvider cognito(const QString &identityProvider);
    //! Okta: \c idp=\a idpId (the identity provider's id, e.g. \c 0oa...).
    static SocialProvider okta(const QString &idpId);
    //! Any other broker: \a parameter=\a value. The dev IdP reads \c idp_hint (ProviderConfig's default).
    static SocialProvider custom(const QString &parameter, const QString &value);

    /*!
      Google as the OpenID Provider (\c https://accounts.google.com), scopes openid email profile.
      A "Desktop app" OAuth client gets a \a clientSecret that is not secret but still required at
      the token endpoint; pass it. Google issues a refresh token only with \c access_type=offline
      (added here) and ignores \c offline_access.
    */
    static SocialProvider google(const QString &clientId, const QString &clientSecret = {});
    /*!
      Sign in with Apple (\c https://appleid.apple.com), scope openid only. Apple needs a client
      secret that is a JWT signed by the developer's key (a server makes it; pass it as
      \a clientSecret), does not accept loopback or custom-scheme redirect URIs, and sends the name
      only once, on the first sign-in, in a form_post body, never in the ID token. The \c name and
      \c email scopes require \c response_mode=form_post, which the SDK does not receive: ask for them
      through a broker. See docs/guides/social-login.md.
    */
    static SocialProvider apple(const QString &servicesId, const QString &clientSecret = {});
    /*!
      Microsoft identity platform v2.0 for \a tenant: a tenant id (GUID) or verified domain, or
      \c consumers (personal accounts, which has a fixed issuer). The multi-tenant \c common and
      \c organizations endpoints publish the issuer as a template
      (\c https://login.microsoftonline.com/{tenantid}/v2.0) that cannot be compared as the exact
      string OIDC requires: config() then fails validation with invalid_configuration, and
      signInWith() refuses it. Use the tenant's own issuer, or a broker.
    */
    static SocialProvider microsoft(const QString &clientId, const QString &tenant);

    //! Broker hint or direct provider (Invalid for a default-constructed value).
    Kind kind() const { return m_kind; }
    //! False for a default-constructed value.
    bool isValid() const { return m_kind != Kind::Invalid; }
    //! A name to show ("Google", "Keycloak: github", ...). Not translated: it names a product.
    QString name() const { return m_name; }
    //! BrokerHint: the authorization parameter's name.
    QString hintParameter() const { return m_hintParameter; }
    //! BrokerHint: the value sent, verbatim.
    QString hintValue() const { return m_hintValue; }

    /*!
      DirectOidc: the configuration to make the Session with (issuer, client id and secret, scopes,
      extra parameters). A refusal (Microsoft's \c common) is reported by config().validate().
    */
    ProviderConfig config() const { return m_config; }
    //! DirectOidc: why config() cannot be used, empty when it can.
    QString refusal() const { return m_refusal; }

    /*!
      The sign-in options for this provider, built on \a base: a broker hint becomes an extra
      parameter (an \c idpHint in \a base is dropped: the provider says where to go), a direct
      provider's scopes are used unless \a base names its own. Fails with invalid_argument for an
      invalid provider, an empty hint, or a parameter the SDK owns (state, redirect_uri, ...), and with
      invalid_configuration when a direct provider does not match \a sessionConfig's issuer (make the
      Session from config()) or is refused.
    */
    Result<SignInOptions> signInOptions(const ProviderConfig &sessionConfig, const SignInOptions &base = {}) const;

    //! Equal when kind, name, hint, configuration and refusal are.
    friend CONCIERGE_EXPORT bool operator==(const SocialProvider &a, const SocialProvider &b);
    //! Not equal.
    friend bool operator!=(const SocialProvider &a, const SocialProvider &b) { return !(a == b); }

private:
    static SocialProvider broker(const QString &name, const QString &parameter, const QString &value);

    Kind m_kind = Kind::Invalid;
    QString m_name;
    QString m_hintParameter;
    QString m_hintValue;
    ProviderConfig m_config;
    QString m_refusal;
};

} // namespace Concierge

Q_DECLARE_METATYPE(Concierge::SocialProvider)
