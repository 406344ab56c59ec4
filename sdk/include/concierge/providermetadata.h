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
    Q_PROPERTY(QString issuer READ issuer CONSTANT)
    Q_PROPERTY(QUrl authorizationEndpoint READ authorizationEndpoint CONSTANT)
    Q_PROPERTY(QUrl tokenEndpoint READ tokenEndpoint CONSTANT)
    Q_PROPERTY(QUrl userinfoEndpoint READ userinfoEndpoint CONSTANT)
    Q_PROPERTY(QUrl jwksUri READ jwksUri CONSTANT)
public:
    ProviderMetadata() = default;

    /*!
      Parses and checks a discovery document. \a expectedIssuer is the configured issuer: the
      document's \c issuer must equal it exactly, or the result is Error::Code::IssuerMismatch.
    */
    static Result<ProviderMetadata> fromJson(const QByteArray &json, const QString &expectedIssuer);

    bool isValid() const { return !m_issuer.isEmpty(); }
    QString issuer() const { return m_issuer; }
    QUrl authorizationEndpoint() const { return m_authorizationEndpoint; }
    QUrl tokenEndpoint() const { return m_tokenEndpoint; }
    QUrl userinfoEndpoint() const { return m_userinfoEndpoint; }
    QUrl jwksUri() const { return m_jwksUri; }
    QUrl endSessionEndpoint() const { return m_endSessionEndpoint; }
    QUrl revocationEndpoint() const { return m_revocationEndpoint; }
    QUrl introspectionEndpoint() const { return m_introspectionEndpoint; }
    QUrl deviceAuthorizationEndpoint() const { return m_deviceAuthorizationEndpoint; }
    QUrl pushedAuthorizationRequestEndpoint() const { return m_parEndpoint; }
    bool requirePushedAuthorizationRequests() const { return m_requirePar; }
    bool authorizationResponseIssParameterSupported() const { return m_issParameterSupported; }
    QStringList idTokenSigningAlgValuesSupported() const { return m_idTokenAlgs; }
    QStringList codeChallengeMethodsSupported() const { return m_codeChallengeMethods; }
    QStringList dpopSigningAlgValuesSupported() const { return m_dpopAlgs; }
    QStringList scopesSupported() const { return m_scopes; }
    QStringList grantTypesSupported() const { return m_grantTypes; }
    //! Every member of the document, for provider-specific extensions.
    QVariantMap document() const { return m_document; }

    friend CONCIERGE_EXPORT bool operator==(const ProviderMetadata &a, const ProviderMetadata &b);
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
