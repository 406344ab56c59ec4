// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include <concierge/passwordless.h>

#include "core/json_p.h"
#include "core/urls_p.h"

namespace Concierge {

using namespace Internal;

/*!
  \class Concierge::PasswordlessRequest
  \inmodule Concierge
  \since 0.1
  \brief Auth0-style passwordless start request and OTP token request, as pure values.
*/

QUrl PasswordlessRequest::defaultEndpoint(const QString &issuer)
{
    QString base = issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QLatin1String("/passwordless/start"));
}

Result<PasswordlessRequest> PasswordlessRequest::create(const ProviderConfig &config, const AuthorizationRequest &request,
                                                        const QString &email, const MagicLinkOptions &options)
{
    if (email.isEmpty())
        return Error(Error::Code::InvalidArgument, QStringLiteral("the email address is empty"));
    for (const QChar c : email) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph)
            return Error(Error::Code::InvalidArgument, QStringLiteral("the email address contains a control character"));
    }
    if (options.connection.isEmpty())
        return Error(Error::Code::InvalidArgument, QStringLiteral("the passwordless connection is empty"));
    const QUrl endpoint = options.endpoint.isEmpty() ? defaultEndpoint(config.issuer()) : options.endpoint;
    if (!endpoint.isValid())
        return Error(Error::Code::InvalidConfiguration, QStringLiteral("the passwordless endpoint is not a valid URL"));
    if (auto ok = Internal::checkEndpoint(endpoint, "passwordless endpoint"); !ok)
        return ok.error();

    nlohmann::json authParams = nlohmann::json::object();
    for (const auto &[name, value] : request.parameters()) {
        if (name == QLatin1String("client_id"))
            continue; // top level
        authParams[name.toStdString()] = value.toStdString();
    }
    nlohmann::json body = {
        {"client_id", config.clientId().toStdString()},
        {"connection", options.connection.toStdString()},
        {"email", email.toStdString()},
        {"send", options.send == MagicLinkOptions::Send::Code ? "code" : "link"},
        {"authParams", authParams},
    };
    // Auth0 wants a confidential client's secret in the body here, whatever its token endpoint method.
    if (!config.clientSecret().isEmpty())
        body["client_secret"] = config.clientSecret().toStdString();

    PasswordlessRequest r;
    r.m_endpoint = endpoint;
    const std::string text = body.dump();
    r.m_body = QByteArray(text.data(), qsizetype(text.size()));
    return r;
}

QNetworkRequest PasswordlessRequest::toNetworkRequest() const
{
    QNetworkRequest request(m_endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    return request;
}

TokenRequest PasswordlessRequest::otpTokenRequest(const ProviderConfig &config, const ProviderMetadata &metadata,
                                                  const AuthorizationRequest &request, const QString &email,
                                                  const QString &code, const QString &connection)
{
    return TokenRequest::grant(config, metadata.tokenEndpoint(),
                               {{QStringLiteral("grant_type"), otpGrantType()},
                                {QStringLiteral("username"), email},
                                {QStringLiteral("otp"), code},
                                {QStringLiteral("realm"), connection},
                                {QStringLiteral("scope"), request.scopes().join(QLatin1Char(' '))},
                                {QStringLiteral("code_verifier"), QString::fromLatin1(request.pkce().verifier())}});
}

Result<PasswordlessStarted> PasswordlessStarted::fromReply(int httpStatus, const QByteArray &body, int retryAfterSeconds,
                                                           const QUrl &endpoint)
{
    const auto doc = Json::parseObject(body);
    if (httpStatus == 429) {
        const QString description = doc ? Json::stringOr(*doc, "error_description") : QString();
        return Error(Error::Code::RateLimited, description, httpStatus, doc ? Json::stringOr(*doc, "error") : QString())
            .withRetryAfter(retryAfterSeconds);
    }
    if (httpStatus < 200 || httpStatus > 299) {
        const Error error = Json::oauthErrorResponse(httpStatus, doc, retryAfterSeconds, "passwordless endpoint");
        // Auth0's bad.email, bad.connection, ... : the request was refused as malformed.
        if (error.code() == Error::Code::OAuthError && error.oauthError().startsWith(QLatin1String("bad.")))
            return Error(Error::Code::InvalidRequest, error.description(), httpStatus, error.oauthError());
        if (httpStatus == 404 && error.code() == Error::Code::HttpError)
            return Error(Error::Code::HttpError, QStringLiteral("the provider has no passwordless endpoint here"), httpStatus);
        return error;
    }
    if (!doc)
        return Error(Error::Code::InvalidResponse, QStringLiteral("the passwordless answer is not a JSON object"));
    PasswordlessStarted started;
    started.id = Json::stringOr(*doc, "_id", Json::stringOr(*doc, "id"));
    started.email = Json::stringOr(*doc, "email");
    const QUrl binding(Json::stringOr(*doc, "device_binding_uri"), QUrl::StrictMode);
    if (binding.isValid() && !binding.isEmpty() && binding.scheme() == endpoint.scheme()
        && binding.host() == endpoint.host() && binding.port() == endpoint.port() && Internal::checkEndpoint(binding, "binding"))
        started.deviceBindingUri = binding;
    return started;
}

Error classifyOtpError(const Error &tokenError)
{
    if (tokenError.code() == Error::Code::InvalidGrant)
        return Error(Error::Code::OtpRejected, tokenError.description(), tokenError.httpStatus(), tokenError.oauthError());
    if (tokenError.oauthError() == QLatin1String("too_many_attempts"))
        return Error(Error::Code::TooManyAttempts, tokenError.description(), tokenError.httpStatus(), tokenError.oauthError());
    return tokenError;
}

} // namespace Concierge
