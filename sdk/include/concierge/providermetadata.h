// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/concierge_export.h>
#include <concierge/result.h>

#include <QtCore/QMetaType>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtCore/QVariantMap>

namespace Concierge {

/*!
  The provider's discovery document (OpenID Connect Discovery 1.0), checked: its issuer equals the
  configured one and every endpoint is https (or http on loopback).
*/
class CONCIERGE_EXPORT ProviderMetadata
{
    Q_GADGET
    //! The provider's issuer identifier (equal to the configured one).
    Q_PROPERTY(QString issuer READ issuer CONSTANT)
    //! The authorization endpoint the browser opens.
    Q_PROPERTY(QUrl authorizationEndpoint READ authorizationEndpoint CONSTANT)
    //! The token endpoint.
    Q_PROPERTY(QUrl tokenEndpoint READ tokenEndpoint CONSTANT)
    //! The UserInfo endpoint, or empty.
    Q_PROPERTY(QUrl userinfoEndpoint READ userinfoEndpoint CONSTANT)
    //! Where the provider publishes its signing keys.
    Q_PROPERTY(QUrl jwksUri READ jwksUri CONSTANT)
public:
    //! An invalid (empty) document; see isValid().
    ProviderMetadata() = default;

    /*!
      Parses and checks a discovery document. \a expectedIssuer is the configured issuer: the
      document's \c issuer must equal it exactly, or the result is Error::Code::IssuerMismatch.
    */
    static Result<ProviderMetadata> fromJson(const QByteArray &json, const QString &expectedIssuer);

    //! True for a document returned by fromJson().
    bool isValid() const { return !m_issuer.isEmpty(); }
    //! The \c issuer member, equal to the configured issuer.
    QString issuer() const { return m_issuer; }
    //! The \c authorization_endpoint.
    QUrl authorizationEndpoint() const { return m_authorizationEndpoint; }
    //! The \c token_endpoint.
    QUrl tokenEndpoint() const { return m_tokenEndpoint; }
    //! The \c userinfo_endpoint, or empty.
    QUrl userinfoEndpoint() const { return m_userinfoEndpoint; }
    //! The \c jwks_uri.
    QUrl jwksUri() const { return m_jwksUri; }
    //! The \c end_session_endpoint (RP-initiated logout), or empty.
    QUrl endSessionEndpoint() const { return m_endSessionEndpoint; }
    //! The \c revocation_endpoint (RFC 7009), or empty.
    QUrl revocationEndpoint() const { return m_revocationEndpoint; }
    //! The \c introspection_endpoint (RFC 7662), or empty.
    QUrl introspectionEndpoint() const { return m_introspectionEndpoint; }
    //! The \c device_authorization_endpoint (RFC 8628), or empty.
    QUrl deviceAuthorizationEndpoint() const { return m_deviceAuthorizationEndpoint; }
    //! The \c pushed_authorization_request_endpoint (RFC 9126), or empty.
    QUrl pushedAuthorizationRequestEndpoint() const { return m_parEndpoint; }
    //! The \c require_pushed_authorization_requests flag: the SDK then always uses PAR.
    bool requirePushedAuthorizationRequests() const { return m_requirePar; }
    //! The RFC 9207 flag: when true, every authorization response must carry \c iss.
    bool authorizationResponseIssParameterSupported() const { return m_issParameterSupported; }
    //! The \c id_token_signing_alg_values_supported list.
    QStringList idTokenSigningAlgValuesSupported() const { return m_idTokenAlgs; }
    //! The \c code_challenge_methods_supported list (may be empty; the SDK always sends S256).
    QStringList codeChallengeMethodsSupported() const { return m_codeChallengeMethods; }
    //! The \c dpop_signing_alg_values_supported list (RFC 9449); empty when the provider has no DPoP.
    QStringList dpopSigningAlgValuesSupported() const { return m_dpopAlgs; }
    //! The \c scopes_supported list.
    QStringList scopesSupported() const { return m_scopes; }
    //! The \c grant_types_supported list.
    QStringList grantTypesSupported() const { return m_grantTypes; }
    //! Every member of the document, for provider-specific extensions.
    QVariantMap document() const { return m_document; }

    //! Equal when every member is.
    friend CONCIERGE_EXPORT bool operator==(const ProviderMetadata &a, const ProviderMetadata &b);
    //! Not equal: see operator==().
    friend bool operator!=(const ProviderMetadata &a, const ProviderMetadata &b) { return !(a == b); }

private:
    QString m_issuer;
    QUrl m_authorizationEndpoint, m_tokenEndpoint, m_userinfoEndpoint, m_jwksUri, m_endSessionEndpoint,
        m_revocationEndpoint, m_introspectionEndpoint, m_deviceAuthorizationEndpoint, m_parEndpoint;
    bool m_requirePar = false;
    bool m_issParameterSupported = false;
    QStringList m_idTokenAlgs, m_codeChallengeMethods, m_dpopAlgs, m_scopes, m_grantTypes;
    QVariantMap m_document;
};

} // namespace Concierge

Q_DECLARE_METATYPE(Concierge::ProviderMetadata)
