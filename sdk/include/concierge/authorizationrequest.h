// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>
#include <concierge/pkce.h>
#include <concierge/providerconfig.h>
#include <concierge/providermetadata.h>
#include <concierge/result.h>

#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QPair>
#include <QtCore/QUrl>

namespace Concierge {

/*!
  Per-sign-in choices. Every member is optional.
*/
struct CONCIERGE_EXPORT SignInOptions
{
    QString prompt;          //!< "login", "consent", "select_account", "none", "create"
    QString loginHint;       //!< passed verbatim
    QString idpHint;         //!< sent as ProviderConfig::idpHintParameter()
    //! \c acr_values: requested authentication context classes, space-separated
    QString acrValues;
    int maxAge = -1;         //!< seconds; when >= 0 the ID token must carry a recent auth_time
    QString uiLocales;       //!< e.g. "ja en"
    QStringList scopes;      //!< overrides ProviderConfig::scopes() for this sign-in when non-empty
    //! more authorization parameters for this sign-in (never overriding protocol ones)
    QMap<QString, QString> extraParameters;

    //! Equal when every member is.
    friend bool operator==(const SignInOptions &a, const SignInOptions &b)
    {
        return a.prompt == b.prompt && a.loginHint == b.loginHint && a.idpHint == b.idpHint
            && a.acrValues == b.acrValues && a.maxAge == b.maxAge && a.uiLocales == b.uiLocales
            && a.scopes == b.scopes && a.extraParameters == b.extraParameters;
    }
};

/*!
  An authorization request (RFC 6749 §4.1.1 with PKCE, OIDC Core §3.1.2.1): the URL to open and the
  secrets the response is checked against (state, nonce, PKCE verifier). The secrets never leave the
  process except to the token endpoint (verifier) and in the URL (state, nonce, challenge).
*/
class CONCIERGE_EXPORT AuthorizationRequest
{
public:
    //! An empty request; use create().
    AuthorizationRequest() = default;

    //! Builds a request with fresh PKCE, state and nonce (each ≥ 256 bits from the OS CSPRNG).
    static Result<AuthorizationRequest> create(const ProviderConfig &config, const ProviderMetadata &metadata,
                                               const QUrl &redirectUri, const SignInOptions &options = {});
    //! The same with given secrets: for tests and for resuming a persisted flow.
    static Result<AuthorizationRequest> create(const ProviderConfig &config, const ProviderMetadata &metadata,
                                               const QUrl &redirectUri, const SignInOptions &options,
                                               const Pkce &pkce, const QByteArray &state, const QByteArray &nonce);

    //! The authorization endpoint with every parameter in the query.
    QUrl url() const;
    //! The parameters, in order (for PAR they are POSTed instead of put in the URL).
    QList<QPair<QString, QString>> parameters() const { return m_parameters; }
    //! The URL after a pushed authorization request: client_id and request_uri only (RFC 9126 §4).
    QUrl urlForRequestUri(const QString &requestUri) const;

    //! The issuer the request is for.
    QString issuer() const { return m_issuer; }
    //! The client id sent.
    QString clientId() const { return m_clientId; }
    //! The \c redirect_uri sent (the loopback URL with its actual port).
    QUrl redirectUri() const { return m_redirectUri; }
    //! The scopes requested.
    QStringList scopes() const { return m_scopes; }
    //! The \c state value the response must echo. Secret: never logged.
    QByteArray state() const { return m_state; }
    //! The \c nonce the ID token must carry. Secret: never logged.
    QByteArray nonce() const { return m_nonce; }
    //! The PKCE verifier and challenge of this request.
    Pkce pkce() const { return m_pkce; }
    //! The \c max_age sent, or -1 when none.
    int maxAge() const { return m_maxAge; }
    //! True when \c openid is among the scopes: an ID token is then required.
    bool isOpenIdRequest() const { return m_scopes.contains(QStringLiteral("openid")); }

private:
    QUrl m_endpoint;
    QList<QPair<QString, QString>> m_parameters;
    QString m_issuer;
    QString m_clientId;
    QUrl m_redirectUri;
    QStringList m_scopes;
    QByteArray m_state;
    QByteArray m_nonce;
    Pkce m_pkce;
    int m_maxAge = -1;
};

} // namespace Concierge
