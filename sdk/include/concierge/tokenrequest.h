// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/authorizationrequest.h>
#include <concierge/authorizationresponse.h>
#include <concierge/concierge_export.h>
#include <concierge/providerconfig.h>
#include <concierge/providermetadata.h>

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkRequest>

namespace Concierge {

/*!
  A request to the token endpoint (RFC 6749 §4.1.3, §6), serializing itself. Client authentication
  follows ProviderConfig::clientAuthentication(): none (public client: client_id in the body),
  client_secret_basic (RFC 6749 §2.3.1 encoding) or client_secret_post.
*/
class CONCIERGE_EXPORT TokenRequest
{
public:
    //! Form fields of the body, in order.
    using Fields = QList<QPair<QString, QString>>;

    //! The authorization code grant: exchanges \a response's code, with \a request's PKCE verifier
    //! and redirect URI, at \a metadata's token endpoint, authenticated as \a config says.
    static TokenRequest authorizationCode(const ProviderConfig &config, const ProviderMetadata &metadata,
                                          const AuthorizationRequest &request,
                                          const AuthorizationResponse &response);
    //! The refresh grant for \a refreshToken at \a metadata's token endpoint, authenticated as \a config
    //! says; \a scopes, when not empty, asks for fewer scopes than were granted.
    static TokenRequest refresh(const ProviderConfig &config, const ProviderMetadata &metadata,
                                const QByteArray &refreshToken, const QStringList &scopes = {});
    //! Any other grant (device code, passwordless OTP, PAR, ...) with the client's authentication added;
    //! client_id is added to the body unless \a fields already carry it or the client uses HTTP Basic.
    static TokenRequest grant(const ProviderConfig &config, const QUrl &endpoint, const Fields &fields);

    //! Where the request is POSTed.
    QUrl endpoint() const { return m_endpoint; }
    //! The \c grant_type field.
    QString grantType() const;
    //! application/x-www-form-urlencoded body.
    QByteArray body() const;
    //! Content-Type, Accept and (client_secret_basic) Authorization.
    QNetworkRequest toNetworkRequest() const;
    //! The form fields (they hold secrets: never log them).
    Fields fields() const { return m_fields; }

private:
    QUrl m_endpoint;
    Fields m_fields;
    QByteArray m_authorization;
};

} // namespace Concierge
