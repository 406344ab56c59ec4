// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/authorizationrequest.h>

#include "core/random_p.h"
#include "core/urls_p.h"

#include <QtCore/QUrlQuery>

namespace Concierge {

/*!
  \class Concierge::AuthorizationRequest
  \inmodule Concierge
  \since 0.1
  \brief An authorization code request with PKCE S256, state and nonce.
*/

namespace {

// Parameters the SDK owns: neither options nor configuration may set them.
bool isReserved(const QString &name)
{
    static const char *const reserved[] = {"response_type", "client_id", "redirect_uri", "state", "nonce",
                                           "code_challenge", "code_challenge_method", "scope", "request_uri",
                                           "request", "response_mode"};
    for (const char *r : reserved) {
        if (name == QLatin1String(r))
            return true;
    }
    return false;
}

QString encodeQuery(const QList<QPair<QString, QString>> &params)
{
    return QString::fromLatin1(Internal::formEncode(params));
}

} // namespace

Result<AuthorizationRequest> AuthorizationRequest::create(const ProviderConfig &config,
                                                          const ProviderMetadata &metadata,
                                                          const QUrl &redirectUri, const SignInOptions &options)
{
    return create(config, metadata, redirectUri, options, Pkce::generate(), Internal::secureRandomToken(32),
                  Internal::secureRandomToken(32));
}

Result<AuthorizationRequest> AuthorizationRequest::create(const ProviderConfig &config,
                                                          const ProviderMetadata &metadata,
                                                          const QUrl &redirectUri, const SignInOptions &options,
                                                          const Pkce &pkce, const QByteArray &state,
                                                          const QByteArray &nonce)
{
    if (auto ok = config.validate(); !ok)
        return ok.error();
    if (!metadata.isValid() || metadata.issuer() != config.issuer())
        return Error(Error::Code::IssuerMismatch, QStringLiteral("metadata is for another issuer"));
    if (!redirectUri.isValid() || redirectUri.scheme().isEmpty())
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("redirect URI is not valid"));
    if (state.size() < 22 || nonce.size() < 22 || pkce.verifier().size() < 43)
        return Error(Error::Code::InvalidArgument, QStringLiteral("state, nonce or verifier too short"));

    AuthorizationRequest r;
    r.m_endpoint = metadata.authorizationEndpoint();
    r.m_issuer = config.issuer();
    r.m_clientId = config.clientId();
    r.m_redirectUri = redirectUri;
    r.m_scopes = options.scopes.isEmpty() ? config.scopes() : options.scopes;
    r.m_state = state;
    r.m_nonce = nonce;
    r.m_pkce = pkce;
    r.m_maxAge = options.maxAge;

    auto &p = r.m_parameters;
    p.append({QStringLiteral("response_type"), QStringLiteral("code")});
    p.append({QStringLiteral("client_id"), config.clientId()});
    p.append({QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded)});
    p.append({QStringLiteral("scope"), r.m_scopes.join(QLatin1Char(' '))});
    p.append({QStringLiteral("state"), QString::fromLatin1(state)});
    if (r.isOpenIdRequest())
        p.append({QStringLiteral("nonce"), QString::fromLatin1(nonce)});
    p.append({QStringLiteral("code_challenge"), QString::fromLatin1(pkce.challenge())});
    p.append({QStringLiteral("code_challenge_method"), QStringLiteral("S256")});
    const auto addIf = [&p](const char *name, const QString &value) {
        if (!value.isEmpty())
            p.append({QLatin1String(name), value});
    };
    addIf("prompt", options.prompt);
    addIf("login_hint", options.loginHint);
    addIf("acr_values", options.acrValues);
    addIf("ui_locales", options.uiLocales);
    if (options.maxAge >= 0)
        p.append({QStringLiteral("max_age"), QString::number(options.maxAge)});
    if (!options.idpHint.isEmpty()) {
        if (config.idpHintParameter().isEmpty() || isReserved(config.idpHintParameter()))
            return Error(Error::Code::InvalidConfiguration, QStringLiteral("IdP hint parameter name is not usable"));
        p.append({config.idpHintParameter(), options.idpHint});
    }
    QMap<QString, QString> extra = config.additionalParameters();
    for (auto it = options.extraParameters.cbegin(); it != options.extraParameters.cend(); ++it)
        extra.insert(it.key(), it.value());
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        if (isReserved(it.key()))
            return Error(Error::Code::InvalidArgument,
                         QStringLiteral("parameter is reserved by the SDK: ") + it.key());
        bool duplicate = false;
        for (const auto &existing : std::as_const(p))
            duplicate |= existing.first == it.key();
        if (duplicate)
            return Error(Error::Code::InvalidArgument, QStringLiteral("parameter given twice: ") + it.key());
        p.append({it.key(), it.value()});
    }
    return r;
}

/*! Returns the URL to open in the browser. */
QUrl AuthorizationRequest::url() const
{
    QUrl url = m_endpoint;
    QString query = url.query(QUrl::FullyEncoded);
    if (!query.isEmpty())
        query += QLatin1Char('&');
    query += encodeQuery(m_parameters);
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

/*! Returns the URL to open after a pushed authorization request returned \a requestUri. */
QUrl AuthorizationRequest::urlForRequestUri(const QString &requestUri) const
{
    QUrl url = m_endpoint;
    url.setQuery(encodeQuery({{QStringLiteral("client_id"), m_clientId}, {QStringLiteral("request_uri"), requestUri}}),
                 QUrl::StrictMode);
    return url;
}

} // namespace Concierge
