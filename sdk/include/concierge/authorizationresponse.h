// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/authorizationrequest.h>
#include <concierge/concierge_export.h>
#include <concierge/providermetadata.h>
#include <concierge/result.h>

#include <QtCore/QUrl>

namespace Concierge {

/*!
  The redirect back from the authorization endpoint, checked against its request.
*/
class CONCIERGE_EXPORT AuthorizationResponse
{
public:
    /*!
      Checks, in this order: parameters appear at most once; \c state equals the request's (constant
      time); \c iss equals the issuer when present, and must be present when the provider advertises
      \c authorization_response_iss_parameter_supported (RFC 9207); an OAuth \c error becomes its typed
      Error; \c code is present.
    */
    static Result<AuthorizationResponse> fromRedirect(const QUrl &redirect, const AuthorizationRequest &request,
                                                      const ProviderMetadata &metadata);

    //! The authorization code. Secret: never logged.
    QByteArray code() const { return m_code; }
    //! The \c iss parameter (RFC 9207), or empty when the provider sent none.
    QString issuer() const { return m_iss; }

private:
    QByteArray m_code;
    QString m_iss;
};

} // namespace Concierge
