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
    Q_PROPERTY(QString issuer READ issuer CONSTANT)
    Q_PROPERTY(QString clientId READ clientId CONSTANT)
    Q_PROPERTY(QStringList scopes READ scopes CONSTANT)
    Q_PROPERTY(QUrl redirectUri READ redirectUri CONSTANT)
public:
    enum class ClientAuthentication { None, ClientSecretBasic, ClientSecretPost };
    Q_ENUM(ClientAuthentication)

    ProviderConfig() = default;
    ProviderConfig(const QString &issuer, const QString &clientId);

    //! The issuer identifier, compared as an exact string with the discovery document and ID tokens.
    QString issuer() const { return m_issuer; }
    void setIssuer(const QString &issuer) { m_issuer = issuer; }
    //! <issuer>/.well-known/openid-configuration
    QUrl discoveryUrl() const;

    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id) { m_clientId = id; }

    //! Setting a secret switches clientAuthentication() to ClientSecretBasic unless set otherwise.
    QString clientSecret() const { return m_clientSecret; }
    void setClientSecret(const QString &secret);
    ClientAuthentication clientAuthentication() const { return m_clientAuth; }
    void setClientAuthentication(ClientAuthentication method) { m_clientAuth = method; }

    //! Default: openid profile email.
    QStringList scopes() const { return m_scopes; }
    void setScopes(const QStringList &scopes) { m_scopes = scopes; }

    /*!
      Where the provider sends the browser back. Default \c http://127.0.0.1/callback: a loopback
      listener on an ephemeral port (RFC 8252 §7.3). A port in the URL fixes the port. A private-use
      scheme (\c com.example.app:/callback) means the app hands the redirect to Session::handleRedirect().
    */
    QUrl redirectUri() const { return m_redirectUri; }
    void setRedirectUri(const QUrl &uri) { m_redirectUri = uri; }
    bool isLoopbackRedirect() const;

    QUrl postLogoutRedirectUri() const { return m_postLogoutRedirectUri; }
    void setPostLogoutRedirectUri(const QUrl &uri) { m_postLogoutRedirectUri = uri; }

    //! Extra authorization parameters sent with every request (never overriding protocol ones).
    QMap<QString, QString> additionalParameters() const { return m_additional; }
    void setAdditionalParameters(const QMap<QString, QString> &params) { m_additional = params; }

    //! The parameter a broker reads its upstream-IdP hint from (Keycloak kc_idp_hint, Auth0 connection,...).
    QString idpHintParameter() const { return m_idpHintParameter; }
    void setIdpHintParameter(const QString &name) { m_idpHintParameter = name; }

    //! Audiences besides clientId() that an ID token may name. Default none.
    QStringList trustedAudiences() const { return m_trustedAudiences; }
    void setTrustedAudiences(const QStringList &audiences) { m_trustedAudiences = audiences; }

    //! Allowed clock difference with the provider, seconds (default 60, at most 300).
    int clockSkewSeconds() const { return m_clockSkew; }
    void setClockSkewSeconds(int seconds) { m_clockSkew = seconds; }

    /*!
      Asks for sender-constrained tokens (DPoP, RFC 9449). Used when the provider advertises ES256 in
      \c dpop_signing_alg_values_supported; otherwise the session falls back to Bearer tokens.
    */
    bool isDpopEnabled() const { return m_dpop; }
    void setDpopEnabled(bool enabled) { m_dpop = enabled; }

    //! Per-request network timeout, milliseconds (default 30000).
    int requestTimeoutMs() const { return m_requestTimeoutMs; }
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

    //! Checks everything that can be checked without the network.
    Result<void> validate() const;

    friend CONCIERGE_EXPORT bool operator==(const ProviderConfig &a, const ProviderConfig &b);
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
