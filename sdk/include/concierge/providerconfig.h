// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>
#include <concierge/result.h>

#include <QtCore/QMap>
#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

namespace Concierge {

/*!
  What the app knows about its OpenID Provider before it talks to it: the issuer, the client
  registration and the redirect. A plain value: copy it, compare it, build it in tests.
*/
class CONCIERGE_EXPORT ProviderConfig
{
    Q_GADGET
    //! The issuer identifier; see issuer().
    Q_PROPERTY(QString issuer READ issuer CONSTANT)
    //! The client id registered at the provider; see clientId().
    Q_PROPERTY(QString clientId READ clientId CONSTANT)
    //! The scopes requested by default; see scopes().
    Q_PROPERTY(QStringList scopes READ scopes CONSTANT)
    //! Where the provider sends the browser back; see redirectUri().
    Q_PROPERTY(QUrl redirectUri READ redirectUri CONSTANT)
public:
    //! How the client authenticates at the token endpoint. \c None is a public client (native apps:
    //! client_id in the body, PKCE protects the code); \c ClientSecretBasic and \c ClientSecretPost are
    //! the RFC 6749 §2.3.1 methods for confidential clients (servers, not apps handed to customers).
    enum class ClientAuthentication { None, ClientSecretBasic, ClientSecretPost };
    Q_ENUM(ClientAuthentication)

    //! An empty configuration (validate() fails until issuer and client id are set).
    ProviderConfig() = default;
    //! A public client \a clientId at the provider whose issuer identifier is \a issuer.
    ProviderConfig(const QString &issuer, const QString &clientId);

    //! The issuer identifier, compared as an exact string with the discovery document and ID tokens.
    QString issuer() const { return m_issuer; }
    //! Sets the issuer identifier to \a issuer (https, or http on a loopback host).
    void setIssuer(const QString &issuer) { m_issuer = issuer; }
    //! The discovery document's URL: the issuer followed by \c /.well-known/openid-configuration.
    QUrl discoveryUrl() const;

    //! The client id registered at the provider.
    QString clientId() const { return m_clientId; }
    //! Sets the client id to \a id.
    void setClientId(const QString &id) { m_clientId = id; }

    //! Setting a secret switches clientAuthentication() to ClientSecretBasic unless set otherwise.
    QString clientSecret() const { return m_clientSecret; }
    //! Sets the client secret to \a secret (confidential clients only; never ship one in an app).
    void setClientSecret(const QString &secret);
    //! How the client authenticates at the token endpoint (default None).
    ClientAuthentication clientAuthentication() const { return m_clientAuth; }
    //! Sets the token endpoint authentication to \a method.
    void setClientAuthentication(ClientAuthentication method) { m_clientAuth = method; }

    //! Default: openid profile email.
    QStringList scopes() const { return m_scopes; }
    //! Sets the default scopes to \a scopes (add \c offline_access for a refresh token at most providers).
    void setScopes(const QStringList &scopes) { m_scopes = scopes; }

    /*!
      Where the provider sends the browser back. Default \c http://127.0.0.1/callback: a loopback
      listener on an ephemeral port (RFC 8252 §7.3). A port in the URL fixes the port. A private-use
      scheme (\c com.example.app:/callback) means the app hands the redirect to Session::handleRedirect().
    */
    QUrl redirectUri() const { return m_redirectUri; }
    //! Sets the redirect URI to \a uri (loopback, private-use scheme or claimed https link).
    void setRedirectUri(const QUrl &uri) { m_redirectUri = uri; }
    //! True when redirectUri() is \c http on a loopback host: the SDK then runs the listener itself.
    bool isLoopbackRedirect() const;

    //! Where the provider sends the browser after RP-initiated logout (SignOutOptions::endSession).
    //! Empty: a loopback address chosen by the SDK.
    QUrl postLogoutRedirectUri() const { return m_postLogoutRedirectUri; }
    //! Sets the post-logout redirect to \a uri; it must be registered at the provider.
    void setPostLogoutRedirectUri(const QUrl &uri) { m_postLogoutRedirectUri = uri; }

    //! Extra authorization parameters sent with every request (never overriding protocol ones).
    QMap<QString, QString> additionalParameters() const { return m_additional; }
    //! Sets the extra authorization parameters to \a params (for example an \c audience).
    void setAdditionalParameters(const QMap<QString, QString> &params) { m_additional = params; }

    //! The parameter a broker reads its upstream-IdP hint from (Keycloak kc_idp_hint, Auth0 connection,...).
    QString idpHintParameter() const { return m_idpHintParameter; }
    //! Sets the name of the upstream-IdP hint parameter to \a name (default \c idp_hint).
    void setIdpHintParameter(const QString &name) { m_idpHintParameter = name; }

    //! Audiences besides clientId() that an ID token may name. Default none.
    QStringList trustedAudiences() const { return m_trustedAudiences; }
    //! Sets the extra ID-token audiences to \a audiences.
    void setTrustedAudiences(const QStringList &audiences) { m_trustedAudiences = audiences; }

    //! Allowed clock difference with the provider, seconds (default 60, at most 300).
    int clockSkewSeconds() const { return m_clockSkew; }
    //! Sets the allowed clock difference to \a seconds (0 to 300; validate() checks).
    void setClockSkewSeconds(int seconds) { m_clockSkew = seconds; }

    /*!
      Asks for sender-constrained tokens (DPoP, RFC 9449). Used when the provider advertises ES256 in
      \c dpop_signing_alg_values_supported; otherwise the session falls back to Bearer tokens.
    */
    bool isDpopEnabled() const { return m_dpop; }
    //! Asks for DPoP-bound tokens when \a enabled is true; see isDpopEnabled().
    void setDpopEnabled(bool enabled) { m_dpop = enabled; }

    //! Per-request network timeout, milliseconds (default 30000).
    int requestTimeoutMs() const { return m_requestTimeoutMs; }
    //! Sets the per-request network timeout to \a ms milliseconds (must be positive).
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

    //! Checks everything that can be checked without the network.
    Result<void> validate() const;

    //! Equal when every setting is.
    friend CONCIERGE_EXPORT bool operator==(const ProviderConfig &a, const ProviderConfig &b);
    //! Not equal: see operator==().
    friend bool operator!=(const ProviderConfig &a, const ProviderConfig &b) { return !(a == b); }

private:
    QString m_issuer;
    QString m_clientId;
    QString m_clientSecret;
    ClientAuthentication m_clientAuth = ClientAuthentication::None;
    QStringList m_scopes{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email")};
    QUrl m_redirectUri{QStringLiteral("http://127.0.0.1/callback")};
    QUrl m_postLogoutRedirectUri;
    QMap<QString, QString> m_additional;
    QString m_idpHintParameter{QStringLiteral("idp_hint")};
    QStringList m_trustedAudiences;
    int m_clockSkew = 60;
    int m_requestTimeoutMs = 30000;
    bool m_dpop = false;
};

} // namespace Concierge

Q_DECLARE_METATYPE(Concierge::ProviderConfig)
