// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/authorizationresponse.h>

#include "core/random_p.h"
#include "core/urls_p.h"

#include <QtCore/QHash>

namespace Concierge {

/*!
  \class Concierge::AuthorizationResponse
  \inmodule Concierge
  \since 0.1
  \brief A checked authorization response.
*/

Result<AuthorizationResponse> AuthorizationResponse::fromRedirect(const QUrl &redirect,
                                                                  const AuthorizationRequest &request,
                                                                  const ProviderMetadata &metadata)
{
    const auto fields = Internal::formDecode(redirect.query(QUrl::FullyEncoded).toLatin1());
    QHash<QString, QString> params;
    for (const auto &[name, value] : fields) {
        if (params.contains(name))
            return Error(Error::Code::InvalidResponse, QStringLiteral("parameter repeated: ") + Error::sanitize(name).left(40));
        params.insert(name, value);
    }

    const auto state = params.constFind(QStringLiteral("state"));
    if (state == params.cend() || !Internal::constantTimeEquals(state->toUtf8(), request.state()))
        return Error(Error::Code::StateMismatch, QStringLiteral("state is missing or does not match"));

    const auto iss = params.constFind(QStringLiteral("iss"));
    if (iss != params.cend()) {
        if (*iss != request.issuer())
            return Error(Error::Code::AuthorizationIssMismatch, QStringLiteral("iss does not match the issuer"));
    } else if (metadata.authorizationResponseIssParameterSupported()) {
        return Error(Error::Code::AuthorizationIssMismatch, QStringLiteral("iss is missing"));
    }

    const auto error = params.constFind(QStringLiteral("error"));
    if (error != params.cend())
        return Error::fromOAuth(*error, params.value(QStringLiteral("error_description")), 0);

    const QString code = params.value(QStringLiteral("code"));
    if (code.isEmpty())
        return Error(Error::Code::MissingCode, QStringLiteral("no authorization code"));

    AuthorizationResponse r;
    r.m_code = code.toUtf8();
    r.m_iss = iss != params.cend() ? *iss : QString();
    return r;
}

} // namespace Concierge
