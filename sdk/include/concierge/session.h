// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/authorizationrequest.h>
#include <concierge/concierge_export.h>
#include <concierge/error.h>
#include <concierge/providerconfig.h>
#include <concierge/providermetadata.h>
#include <concierge/result.h>
#include <concierge/tokenset.h>

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QVariantMap>

#include <functional>
#include <memory>

namespace Concierge {

class SessionPrivate;

/*!
  A person's sign-in with one provider: the only object in the SDK with mutable auth state.
  Every operation ends exactly once: signIn() with either signedIn() or errorOccurred(); calls taking
  a callback invoke it exactly once (unless its context object is destroyed first).
*/
class CONCIERGE_EXPORT Session : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Concierge::Session::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
    Q_PROPERTY(Concierge::TokenSet tokens READ tokens NOTIFY tokensChanged)
public:
    enum class State { SignedOut, Authorizing, SignedIn, Refreshing, Locked };
    Q_ENUM(State)

    explicit Session(const ProviderConfig &config, QObject *parent = nullptr);
    ~Session() override;

    ProviderConfig config() const;
    State state() const;
    bool isSignedIn() const;
    TokenSet tokens() const;
    //! The provider's discovery document once fetched (invalid before).
    ProviderMetadata metadata() const;

    /*!
      Opens the authorization URL with \a command (program and arguments; the URL is appended as the
      last argument) instead of the system browser. An empty list restores the system browser.
    */
    void setBrowserCommand(const QStringList &command);
    //! How long a browser sign-in may take before it ends with Error::Code::Timeout (default 600 s).
    void setFlowTimeoutSeconds(int seconds);

    //! Hands a redirect received by the app (custom scheme, claimed https link) to the pending sign-in.
    //! Returns false when no sign-in is waiting or the URL is not for it.
    bool handleRedirect(const QUrl &url);

    using UserInfoCallback = std::function<void(const Result<QVariantMap> &)>;
    //! Fetches the UserInfo claims; their \c sub must equal the ID token's.
    void fetchUserInfo(QObject *context, UserInfoCallback callback);

public Q_SLOTS:
    //! Starts a browser sign-in (authorization code + PKCE). Ends with signedIn() or errorOccurred().
    void signIn(const Concierge::SignInOptions &options = {});
    //! Ends a sign-in in progress with Error::Code::Cancelled.
    void cancel();

Q_SIGNALS:
    void stateChanged(Concierge::Session::State state);
    void tokensChanged();
    void signedIn();
    void signedOut();
    void errorOccurred(const Concierge::Error &error);

private:
    std::unique_ptr<SessionPrivate> d_ptr;
    Q_DECLARE_PRIVATE(Session)
};

} // namespace Concierge
