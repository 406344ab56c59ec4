// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/authorizationrequest.h>
#include <concierge/concierge_export.h>
#include <concierge/error.h>
#include <concierge/providerconfig.h>
#include <concierge/providermetadata.h>
#include <concierge/result.h>
#include <concierge/tokenrequest.h>

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkRequest>

namespace Concierge {

//! How Session::sendMagicLink() signs the person in by email.
struct CONCIERGE_EXPORT MagicLinkOptions
{
    //! What the mail carries.
    enum class Send {
        Link, //!< a link; the sign-in completes through the redirect (or a code from another device)
        Code  //!< a one-time code, typed into the app and passed to Session::completeWithCode()
    };
    //! A link (default) or a code.
    Send send = Send::Link;
    //! The provider's passwordless connection (Auth0: \c email).
    QString connection = QStringLiteral("email");
    //! The start endpoint. Empty: \c <issuer>/passwordless/start (Auth0's and the dev IdP's path).
    QUrl endpoint;
    //! Scopes, ui_locales and other authorization parameters, as for Session::signIn().
    SignInOptions signIn;
    /*!
      Open the provider's \c device_binding_uri (when it sends one) in the browser, so that the link,
      opened in that browser, completes here; opened elsewhere it shows a code for completeWithCode().
    */
    bool openDeviceBinding = true;
};

/*!
  The passwordless start request (Auth0's \c POST /passwordless/start): the email, the connection,
  \c send and the authorization parameters (\c authParams) of \a request, PKCE challenge included, so
  that only this app, holding the verifier, can redeem what the mail leads to. A pure value.
*/
class CONCIERGE_EXPORT PasswordlessRequest
{
public:
    //! The OTP grant type (Auth0's) used to redeem a code at the token endpoint.
    static QString otpGrantType() { return QStringLiteral("http://auth0.com/oauth/grant-type/passwordless/otp"); }
    //! \c <issuer>/passwordless/start (a trailing slash of the issuer is dropped).
    static QUrl defaultEndpoint(const QString &issuer);

    /*!
      Builds the start request for \a email (sent verbatim: neither trimmed nor lower-cased; only an
      empty address or one with control characters is refused with invalid_argument). The endpoint
      must be https or loopback http (insecure_endpoint).
    */
    static Result<PasswordlessRequest> create(const ProviderConfig &config, const AuthorizationRequest &request,
                                              const QString &email, const MagicLinkOptions &options);

    /*!
      The token request that redeems \a code (verbatim) for \a email with the OTP grant: username,
      otp, realm (the connection), scope and the PKCE \c code_verifier of \a request.
    */
    static TokenRequest otpTokenRequest(const ProviderConfig &config, const ProviderMetadata &metadata,
                                        const AuthorizationRequest &request, const QString &email,
                                        const QString &code, const QString &connection);

    //! Where the request is POSTed.
    QUrl endpoint() const { return m_endpoint; }
    //! The JSON body.
    QByteArray body() const { return m_body; }
    //! Content-Type and Accept set.
    QNetworkRequest toNetworkRequest() const;

private:
    QUrl m_endpoint;
    QByteArray m_body;
};

//! The provider's answer to a PasswordlessRequest.
struct CONCIERGE_EXPORT PasswordlessStarted
{
    QString id;            //!< the provider's id of the request (\c _id)
    QString email;         //!< the address, as the provider echoed it
    QUrl deviceBindingUri; //!< the dev IdP's extension: a page that marks this browser as the requesting device

    /*!
      Parses a reply. 429 is rate_limited with the server's text and Retry-After; other non-2xx
      answers become their OAuth error (\c bad.email and friends keep their string in oauthError()).
      A \c device_binding_uri on another origin than \a endpoint is ignored.
    */
    static Result<PasswordlessStarted> fromReply(int httpStatus, const QByteArray &body, int retryAfterSeconds,
                                                 const QUrl &endpoint);
};

/*!
  What a failed OTP redemption means: \c invalid_grant (wrong, used or expired code, or a verifier
  that does not match) becomes otp_rejected (try again); \c too_many_attempts becomes
  too_many_attempts (ask for a new code); anything else is returned unchanged.
*/
CONCIERGE_EXPORT Error classifyOtpError(const Error &tokenError);

} // namespace Concierge
