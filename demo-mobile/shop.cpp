// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "shop.h"

#include "platform.h"

#include <concierge/idtoken.h>
#include <concierge/passwordless.h>
#include <concierge/socialprovider.h>
#include <concierge/providerconfig.h>
#include <concierge/tokenset.h>

#include <QtCore/QDate>
#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>
#include <QtCore/QProcess>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QUrlQuery>
#include <QtGui/QDesktopServices>

using Concierge::Error;
using Concierge::Session;

namespace {

bool isOffline(const Error &error)
{
    return error.code() == Error::Code::NetworkError || error.code() == Error::Code::Timeout;
}

} // namespace

Shop::Shop(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    if (m_options.apiBase.isEmpty()) // the dev IdP serves it; tools can read it from <issuer>/__dev/services
        m_options.apiBase = m_options.issuer + QStringLiteral("/storefront/v1");

    Concierge::ProviderConfig config(m_options.issuer, QStringLiteral("storefront-mobile"));
    config.setScopes({QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                      QStringLiteral("offline_access")});
    Platform::configureRedirect(config);
    config.setDpopEnabled(true); // sender-constrained tokens: a copied token is useless off this phone

    m_session = new Session(config, this);
    m_session->setProfile(QStringLiteral("shopper"));
    if (m_options.keychain)
        m_session->setStorage(Session::Storage::Keychain, QStringLiteral("com.example.storefront"));
    if (!m_options.browserCommand.isEmpty())
        m_session->setBrowserCommand(m_options.browserCommand);

    connect(m_session, &Session::signedIn, this, &Shop::onSignedIn);
    connect(m_session, &Session::signedOut, this, &Shop::onSignedOut);
    connect(m_session, &Session::tokensChanged, this, &Shop::profileChanged);
    connect(m_session, &Session::magicLinkSent, this, [this] {
        Q_EMIT event(QStringLiteral("magic_link_sent"), {});
    });
    connect(m_session, &Session::codeRejected, this, [this](const Error &error) {
        setBusy({});
        m_errorText = tr("That code didn't work. Check the email and try again.");
        Q_EMIT errorChanged();
        Q_EMIT event(QStringLiteral("error"), {{QStringLiteral("action"), QStringLiteral("code")},
                                               {QStringLiteral("error"), error.id()},
                                               {QStringLiteral("message"), m_errorText}});
    });
    connect(m_session, &Session::unlocked, this, [this] {
        Q_EMIT event(QStringLiteral("unlocked"), {});
        onSignedIn();
    });
    connect(m_session, &Session::biometricPromptStarted, this, [this] {
        setBusy(tr("Touch the fingerprint reader"));
        Q_EMIT event(QStringLiteral("biometric_prompt"), {});
    });
    connect(m_session, &Session::biometricUnlockEnabledChanged, this, [this](bool) { refreshBiometric(); });
    connect(m_session, &Session::errorOccurred, this, [this](const Error &error) {
        if (m_phase == QLatin1String("authorizing") || m_phase == QLatin1String("awaitingLink"))
            setPhase(QStringLiteral("signedOut"));
        if (m_phase == QLatin1String("locked") && m_session->state() == Session::State::SignedOut)
            setPhase(QStringLiteral("signedOut"));
        setBusy({});
        m_pendingScope.clear();
        if (error.code() == Error::Code::Cancelled)
            return;
        fail(QStringLiteral("session"), error);
    });
    connect(m_session, &Session::storageFailed, this, [this](const Error &error) {
        Q_EMIT event(QStringLiteral("storage_failed"), {{QStringLiteral("error"), error.id()}});
        notice(tr("You're signed in, but this phone could not keep the sign-in. You'll be asked again next time."));
    });

    m_retry.setSingleShot(true);
    m_retry.setInterval(8000);
    connect(&m_retry, &QTimer::timeout, this, &Shop::reload);
    Platform::installUrlHandler(this, "handleUrl");
}

Shop::~Shop() = default;

// ---------------------------------------------------------------------------------- state

void Shop::start()
{
    refreshBiometric();
    m_session->restore(this, [this](const Concierge::Result<bool> &restored) {
        if (!restored) {
            fail(QStringLiteral("restore"), restored.error());
            setPhase(QStringLiteral("signedOut"));
            return;
        }
        if (m_session->state() == Session::State::Locked) {
            setPhase(QStringLiteral("locked"));
            return;
        }
        if (*restored && m_session->isSignedIn())
            onSignedIn();
        else
            setPhase(QStringLiteral("signedOut"));
    });
}

void Shop::setPhase(const QString &phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged();
}

void Shop::setBusy(const QString &text)
{
    if (m_busyText == text)
        return;
    m_busyText = text;
    Q_EMIT busyChanged();
}

void Shop::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    Q_EMIT onlineChanged();
    Q_EMIT event(online ? QStringLiteral("online") : QStringLiteral("offline"), {});
}

void Shop::clearError()
{
    if (m_errorText.isEmpty())
        return;
    m_errorText.clear();
    Q_EMIT errorChanged();
}

void Shop::clearNotice()
{
    if (m_noticeText.isEmpty())
        return;
    m_noticeText.clear();
    Q_EMIT noticeChanged();
}

void Shop::notice(const QString &text)
{
    m_noticeText = text;
    Q_EMIT noticeChanged();
}

QString Shop::plainMessage(const QString &action, const Error &error) const
{
    switch (error.code()) {
    case Error::Code::NetworkError:
    case Error::Code::Timeout:
        return tr("You seem to be offline. Check your connection; nothing was lost.");
    case Error::Code::AccessDenied:
        return action == QLatin1String("scope")
            ? tr("No problem — nothing was shared. You can add it later.")
            : tr("Sign-in was cancelled at the sign-in page.");
    case Error::Code::ServerError:
    case Error::Code::RateLimited:
        return tr("The store is busy right now. Please try again in a moment.");
    case Error::Code::InvalidGrant:
        return tr("Your sign-in has expired. Please sign in again.");
    case Error::Code::BiometricFailed:
        return tr("Not recognised. Try again.");
    case Error::Code::BiometricCancelled:
        return tr("Unlock was cancelled.");
    case Error::Code::BiometricUnavailable:
        return tr("Fingerprint unlock is not available on this phone.");
    case Error::Code::BiometricInvalidated:
        return tr("Your fingerprints changed. Please sign in again.");
    case Error::Code::UserAgentFailed:
        return tr("The sign-in in your browser did not finish. Please try again.");
    case Error::Code::NotSignedIn:
        return tr("Please sign in first.");
    default:
        break;
    }
    if (action == QLatin1String("download"))
        return tr("Your data could not be downloaded. Please try again.");
    if (action == QLatin1String("delete"))
        return tr("Your account could not be deleted. Nothing was removed; please try again.");
    if (action == QLatin1String("storefront"))
        return tr("The store could not be reached just now. Please try again in a moment.");
    // The SDK's own sentence, without the server's technical description.
    return Error(error.code()).message();
}

void Shop::fail(const QString &action, const Error &error)
{
    if (isOffline(error))
        setOnline(false);
    m_errorText = plainMessage(action, error);
    Q_EMIT errorChanged();
    Q_EMIT event(QStringLiteral("error"), {{QStringLiteral("action"), action},
                                           {QStringLiteral("error"), error.id()},
                                           {QStringLiteral("message"), m_errorText}});
}

// ---------------------------------------------------------------------------------- sign-in

Concierge::SignInOptions Shop::signInOptions() const
{
    Concierge::SignInOptions options;
    options.uiLocales = m_options.language;
    return options;
}

void Shop::signInWithPassword()
{
    clearError();
    setPhase(QStringLiteral("authorizing"));
    setBusy(tr("Continue in your browser…"));
    m_session->signIn(signInOptions());
}

bool Shop::isSocialAvailable() const
{
    return true;
}

bool Shop::isMagicLinkAvailable() const
{
    return true;
}

void Shop::signInWithProvider(const QString &provider)
{
    // The store's IdP brokers Google and Apple: the hint sends the browser straight to the upstream.
    clearError();
    setPhase(QStringLiteral("authorizing"));
    setBusy(provider == QLatin1String("apple") ? tr("Continue with Apple in your browser…")
                                               : tr("Continue with Google in your browser…"));
    m_session->signInWith(Concierge::SocialProvider::custom(m_session->config().idpHintParameter(), provider),
                          signInOptions());
}

void Shop::sendMagicLink(const QString &email)
{
    clearError();
    m_magicLinkEmail = email.trimmed();
    Q_EMIT magicLinkChanged();
    Concierge::MagicLinkOptions options;
    options.signIn = signInOptions();
    setPhase(QStringLiteral("awaitingLink"));
    m_session->sendMagicLink(m_magicLinkEmail, options);
}

void Shop::completeWithCode(const QString &code)
{
    clearError();
    setBusy(tr("Checking the code…"));
    m_session->completeWithCode(code.trimmed());
}

void Shop::cancelSignIn()
{
    if (m_session->state() == Session::State::Authorizing)
        m_session->cancel();
    setBusy({});
    if (m_phase == QLatin1String("authorizing") || m_phase == QLatin1String("awaitingLink"))
        setPhase(QStringLiteral("signedOut"));
}

bool Shop::handleUrl(const QUrl &url)
{
    if (m_session->handleRedirect(url))
        return true;
    Q_EMIT event(QStringLiteral("url_ignored"), {{QStringLiteral("scheme"), url.scheme()}});
    return false;
}

void Shop::onSignedIn()
{
    setBusy({});
    clearError();
    const bool upgrade = !m_pendingScope.isEmpty();
    if (upgrade) {
        const bool granted = m_session->tokens().scopes().contains(m_pendingScope);
        notice(granted ? tr("Thanks! Your offers have been updated.")
                       : tr("Nothing was shared. You can add it later."));
        Q_EMIT event(QStringLiteral("scope_upgraded"), {{QStringLiteral("scope"), m_pendingScope},
                                                        {QStringLiteral("granted"), granted}});
        m_pendingScope.clear();
    }
    setPhase(QStringLiteral("signedIn"));
    Q_EMIT profileChanged();
    if (!upgrade)
        Q_EMIT event(QStringLiteral("signed_in"), {{QStringLiteral("tier"), tier()},
                                                   {QStringLiteral("scopes"), m_session->tokens().scopes()}});
    reload();
}

void Shop::onSignedOut()
{
    setBusy({});
    m_cart.clear();
    m_offers.clear();
    m_cartTotal = 0;
    m_storefrontLoaded = false;
    m_apiProfile.clear();
    m_points = 0;
    m_phone.clear();
    m_birthday.clear();
    m_retry.stop();
    Q_EMIT cartChanged();
    Q_EMIT offersChanged();
    Q_EMIT profileChanged();
    setPhase(QStringLiteral("signedOut"));
    Q_EMIT event(QStringLiteral("signed_out"), {});
}

void Shop::signOut()
{
    clearError();
    setBusy(tr("Signing out…"));
    m_session->signOut({});
}

void Shop::signOutEverywhere()
{
    clearError();
    setBusy(tr("Signing out everywhere…"));
    Concierge::SignOutOptions options;
    options.revokeTokens = true;
    options.endSession = true;
    m_session->signOut(options);
}

// ---------------------------------------------------------------------------------- profile

QString Shop::displayName() const
{
    const auto token = m_session->tokens().idToken();
    if (m_options.language == QLatin1String("ja")) {
        const QString ja = token.claim(QStringLiteral("name#ja-Jpan-JP")).toString();
        if (!ja.isEmpty())
            return ja;
    }
    const QString name = token.claim(QStringLiteral("name")).toString();
    return name.isEmpty() ? m_apiProfile.value(QStringLiteral("name")).toString() : name;
}

QString Shop::email() const
{
    return m_session->tokens().idToken().claim(QStringLiteral("email")).toString();
}

QString Shop::tier() const
{
    const QString api = m_apiProfile.value(QStringLiteral("loyalty")).toMap().value(QStringLiteral("tier")).toString();
    return api.isEmpty() ? m_session->tokens().idToken().claim(QStringLiteral("loyalty_tier")).toString() : api;
}

QVariantList Shop::grantedScopes() const
{
    QVariantList out;
    QStringList scopes = m_session->tokens().scopes();
    if (m_session->tokens().hasRefreshToken() && !scopes.contains(QStringLiteral("offline_access")))
        scopes.append(QStringLiteral("offline_access"));
    for (const QString &scope : scopes) {
        QString title, detail;
        if (scope == QLatin1String("openid")) {
            title = tr("Know it's you");
            detail = tr("A private ID for your account, so the app recognises you.");
        } else if (scope == QLatin1String("profile")) {
            title = tr("Your name and membership");
            detail = tr("Your name, language, time zone and loyalty tier.");
        } else if (scope == QLatin1String("email")) {
            title = tr("Your email address");
            detail = tr("To send receipts and recognise your account.");
        } else if (scope == QLatin1String("offline_access")) {
            title = tr("Stay signed in");
            detail = tr("The app keeps you signed in on this phone until you sign out.");
        } else if (scope == QLatin1String("phone")) {
            title = tr("Your phone number");
            detail = tr("For delivery updates and phone-only offers.");
        } else if (scope == QLatin1String("storefront.birthday")) {
            title = tr("Your birthday");
            detail = tr("For a birthday treat every year.");
        } else if (scope == QLatin1String("address")) {
            title = tr("Your address");
            detail = tr("For deliveries.");
        } else {
            title = scope;
            detail = tr("Access the store uses for its features.");
        }
        out.append(QVariantMap{{QStringLiteral("scope"), scope}, {QStringLiteral("title"), title},
                               {QStringLiteral("detail"), detail}});
    }
    return out;
}

QVariantList Shop::sharedClaims() const
{
    QVariantList out;
    const auto token = m_session->tokens().idToken();
    const auto add = [&](const QString &label, const QVariant &value) {
        if (value.isValid() && !value.toString().isEmpty())
            out.append(QVariantMap{{QStringLiteral("label"), label}, {QStringLiteral("value"), value.toString()}});
    };
    add(tr("Name"), displayName());
    add(tr("Email"), token.claim(QStringLiteral("email")));
    const QString level = tier();
    add(tr("Loyalty tier"), level == QLatin1String("gold") ? tr("Gold") : level == QLatin1String("silver") ? tr("Silver")
                          : level == QLatin1String("bronze") ? tr("Bronze") : level);
    if (m_points > 0)
        add(tr("Points"), QLocale().toString(m_points));
    add(tr("Language"), token.claim(QStringLiteral("locale")));
    add(tr("Time zone"), token.claim(QStringLiteral("zoneinfo")));
    add(tr("Phone"), m_phone.isEmpty() ? token.claim(QStringLiteral("phone_number")).toString() : m_phone);
    add(tr("Birthday"), m_birthday);
    return out;
}

// ---------------------------------------------------------------------------------- storefront

void Shop::api(const QByteArray &verb, const QString &path, const QString &action, Json done,
               std::function<void(const Error &)> failed, const QByteArray &body)
{
    QNetworkRequest request(QUrl(m_options.apiBase + path));
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_options.language.isEmpty())
        request.setRawHeader("Accept-Language", m_options.language.toLatin1());
    m_session->sendRequest(verb, request, body, this,
                           [this, action, done, failed](const Concierge::Result<Concierge::HttpReply> &reply) {
        Error error;
        if (!reply)
            error = reply.error();
        else if (reply->status >= 500)
            error = Error(Error::Code::ServerError, {}, reply->status);
        else if (reply->status == 401)
            error = Error(Error::Code::InvalidToken, {}, 401);
        else if (reply->status >= 400)
            error = Error(Error::Code::HttpError, {}, reply->status);
        if (error.isError()) {
            if (failed)
                failed(error);
            else
                fail(action, error);
            return;
        }
        setOnline(true);
        QJsonParseError parseError{};
        const QJsonDocument doc = reply->body.isEmpty() ? QJsonDocument()
                                                        : QJsonDocument::fromJson(reply->body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const Error bad(Error::Code::InvalidResponse);
            if (failed)
                failed(bad);
            else
                fail(action, bad);
            return;
        }
        done(doc);
    });
}

void Shop::reload()
{
    if (!m_session->isSignedIn())
        return;
    const auto offline = [this](const Error &error) {
        if (isOffline(error)) {
            setOnline(false);
            m_retry.start(); // keep what is shown; try again in a while
            return;
        }
        fail(QStringLiteral("storefront"), error);
    };
    api("GET", QStringLiteral("/me"), QStringLiteral("storefront"), [this](const QJsonDocument &doc) {
        const QJsonObject me = doc.object();
        m_apiProfile = me.toVariantMap();
        m_points = me.value(QLatin1String("loyalty")).toObject().value(QLatin1String("points")).toInt();
        m_phone = me.value(QLatin1String("phone_number")).toString();
        m_birthday = me.value(QLatin1String("birthdate")).toString();
        Q_EMIT profileChanged();
    }, offline);
    api("GET", QStringLiteral("/me/cart"), QStringLiteral("storefront"), [this](const QJsonDocument &doc) {
        applyCart(doc.object());
    }, offline);
    api("GET", QStringLiteral("/me/offers"), QStringLiteral("storefront"), [this](const QJsonDocument &doc) {
        QVariantList offers;
        const QJsonObject root = doc.object();
        for (const auto &value : root.value(QLatin1String("offers")).toArray()) {
            const QJsonObject o = value.toObject();
            offers.append(QVariantMap{{QStringLiteral("id"), o.value(QLatin1String("id")).toString()},
                                      {QStringLiteral("title"), o.value(QLatin1String("title")).toString()},
                                      {QStringLiteral("detail"), o.value(QLatin1String("text")).toString()},
                                      {QStringLiteral("expires"), o.value(QLatin1String("expires")).toString()},
                                      {QStringLiteral("requires"), QString()},
                                      {QStringLiteral("locked"), false}});
        }
        for (const auto &value : root.value(QLatin1String("locked")).toArray()) {
            const QJsonObject o = value.toObject();
            offers.append(QVariantMap{{QStringLiteral("id"), o.value(QLatin1String("id")).toString()},
                                      {QStringLiteral("title"), o.value(QLatin1String("title")).toString()},
                                      {QStringLiteral("detail"), QString()},
                                      {QStringLiteral("expires"), QString()},
                                      {QStringLiteral("requires"), o.value(QLatin1String("scope")).toString()},
                                      {QStringLiteral("locked"), true}});
        }
        m_offers = offers;
        Q_EMIT offersChanged();
    }, offline);
    if (m_products.isEmpty()) {
        api("GET", QStringLiteral("/products"), QStringLiteral("storefront"), [this](const QJsonDocument &doc) {
            QVariantList products;
            for (const auto &value : doc.object().value(QLatin1String("products")).toArray()) {
                const QJsonObject o = value.toObject();
                products.append(QVariantMap{{QStringLiteral("id"), o.value(QLatin1String("id")).toString()},
                                            {QStringLiteral("name"), o.value(QLatin1String("name")).toString()},
                                            {QStringLiteral("price"), o.value(QLatin1String("price_yen")).toInt()}});
            }
            m_products = products;
            Q_EMIT productsChanged();
        }, offline);
    }
}

void Shop::applyCart(const QJsonObject &cart)
{
    QVariantList items;
    for (const auto &value : cart.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = value.toObject();
        items.append(QVariantMap{{QStringLiteral("id"), o.value(QLatin1String("id")).toString()},
                                 {QStringLiteral("name"), o.value(QLatin1String("name")).toString()},
                                 {QStringLiteral("quantity"), o.value(QLatin1String("quantity")).toInt()},
                                 {QStringLiteral("price"), o.value(QLatin1String("price_yen")).toInt()},
                                 {QStringLiteral("lineTotal"), o.value(QLatin1String("line_total_yen")).toInt()}});
    }
    m_cart = items;
    m_cartTotal = cart.value(QLatin1String("total_yen")).toInt();
    m_storefrontLoaded = true;
    Q_EMIT cartChanged();
    Q_EMIT event(QStringLiteral("cart_loaded"), {{QStringLiteral("items"), items.size()},
                                                 {QStringLiteral("total_yen"), m_cartTotal}});
}

void Shop::addToCart(const QString &productId)
{
    clearError();
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("product_id"), productId},
                                                      {QStringLiteral("quantity"), 1}}).toJson(QJsonDocument::Compact);
    api("POST", QStringLiteral("/me/cart/items"), QStringLiteral("cart"), [this](const QJsonDocument &doc) {
        applyCart(doc.object());
        notice(tr("Added to your cart."));
    }, {}, body);
}

void Shop::requestScope(const QString &scope)
{
    if (!m_session->isSignedIn())
        return fail(QStringLiteral("scope"), Error(Error::Code::NotSignedIn));
    clearError();
    m_pendingScope = scope;
    auto options = signInOptions();
    QStringList scopes = m_session->config().scopes();
    for (const QString &s : m_session->tokens().scopes())
        if (!scopes.contains(s))
            scopes.append(s);
    if (!scopes.contains(scope))
        scopes.append(scope);
    options.scopes = scopes;
    options.prompt = QStringLiteral("consent");
    options.loginHint = email();
    setBusy(tr("Approve in your browser…"));
    m_session->signIn(options);
}

void Shop::downloadMyData()
{
    clearError();
    setBusy(tr("Preparing your data…"));
    api("GET", QStringLiteral("/me/export"), QStringLiteral("download"), [this](const QJsonDocument &doc) {
        setBusy({});
        QString dir = m_options.downloadDir;
        if (dir.isEmpty())
            dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        if (dir.isEmpty())
            dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        const QString path = QDir(dir).filePath(
            QStringLiteral("my-storefront-data-%1.json").arg(QDate::currentDate().toString(Qt::ISODate)));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(doc.toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
            fail(QStringLiteral("download"), Error(Error::Code::StoreFailed, file.errorString()));
            return;
        }
        m_lastDownload = QDir::toNativeSeparators(path);
        notice(tr("Saved your data to %1").arg(m_lastDownload));
        Q_EMIT event(QStringLiteral("download"), {{QStringLiteral("path"), path}});
    }, [this](const Error &error) {
        setBusy({});
        fail(QStringLiteral("download"), error);
    });
}

void Shop::deleteAccount()
{
    clearError();
    setBusy(tr("Deleting your account…"));
    api("DELETE", QStringLiteral("/me"), QStringLiteral("delete"), [this](const QJsonDocument &) {
        Q_EMIT event(QStringLiteral("account_deleted"), {});
        // The account is gone at the IdP; the tokens died with it. Forget them here too.
        Concierge::SignOutOptions options;
        options.revokeTokens = false;
        m_session->signOut(options);
        notice(tr("Your account and your data have been deleted. Thank you for shopping with us."));
    }, [this](const Error &error) {
        setBusy({});
        fail(QStringLiteral("delete"), error);
    });
}

// ---------------------------------------------------------------------------------- kiosk

void Shop::approveKiosk(const QString &codeOrLink)
{
    clearError();
    const QString input = codeOrLink.trimmed();
    const QUrl issuer(m_options.issuer);
    QUrl target;
    if (input.contains(QLatin1String("://"))) {
        // A scanned link: only ever the IdP's own device page (a QR code can say anything).
        const QUrl link(input, QUrl::StrictMode);
        if (!link.isValid() || link.scheme() != issuer.scheme() || link.host() != issuer.host()
            || link.port() != issuer.port() || !link.path().startsWith(issuer.path() + QStringLiteral("/device"))) {
            m_errorText = tr("This code is not from one of our kiosks.");
            Q_EMIT errorChanged();
            Q_EMIT event(QStringLiteral("error"), {{QStringLiteral("action"), QStringLiteral("kiosk")},
                                                   {QStringLiteral("error"), QStringLiteral("foreign_link")},
                                                   {QStringLiteral("message"), m_errorText}});
            return;
        }
        target = link;
    } else {
        QString code;
        for (const QChar c : input)
            if (c.isLetterOrNumber())
                code.append(c.toUpper());
        if (code.size() < 4 || code.size() > 16) {
            m_errorText = tr("Type the code exactly as the kiosk shows it, for example BCDF-GHJK.");
            Q_EMIT errorChanged();
            Q_EMIT event(QStringLiteral("error"), {{QStringLiteral("action"), QStringLiteral("kiosk")},
                                                   {QStringLiteral("error"), QStringLiteral("bad_code")},
                                                   {QStringLiteral("message"), m_errorText}});
            return;
        }
        if (code.size() == 8)
            code.insert(4, QLatin1Char('-'));
        target = QUrl(m_options.issuer + QStringLiteral("/device"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("user_code"), code);
        target.setQuery(query);
    }
    if (!m_options.language.isEmpty()) {
        QUrlQuery query(target);
        query.removeAllQueryItems(QStringLiteral("lang"));
        query.addQueryItem(QStringLiteral("lang"), m_options.language);
        target.setQuery(query);
    }
    bool opened = false;
    if (m_options.browserCommand.isEmpty()) {
        opened = QDesktopServices::openUrl(target);
    } else {
        QStringList args = m_options.browserCommand.mid(1);
        args.append(target.toString(QUrl::FullyEncoded));
        opened = QProcess::startDetached(m_options.browserCommand.first(), args);
    }
    if (!opened)
        return fail(QStringLiteral("kiosk"), Error(Error::Code::UserAgentFailed));
    Q_EMIT event(QStringLiteral("kiosk_opened"), {});
}

// ---------------------------------------------------------------------------------- biometrics

void Shop::refreshBiometric()
{
    const auto availability = m_session->biometricAvailability();
    m_biometricAvailable = availability == Session::BiometricAvailability::Available;
    m_biometricEnabled = m_session->isBiometricUnlockEnabled();
    m_biometricStatus = availability == Session::BiometricAvailability::None
        ? tr("This phone has no fingerprint reader we can use.")
        : availability == Session::BiometricAvailability::NotEnrolled
            ? tr("Add a fingerprint in your phone's settings first.")
            : QString();
    Q_EMIT biometricChanged();
}

void Shop::setBiometricEnabled(bool enabled)
{
    clearError();
    const auto done = [this, enabled](const Concierge::Result<void> &result) {
        setBusy({});
        refreshBiometric();
        if (!result)
            return fail(QStringLiteral("biometric"), result.error());
        notice(enabled ? tr("Fingerprint unlock is on. Next time, your finger opens the app.")
                       : tr("Fingerprint unlock is off."));
        Q_EMIT event(enabled ? QStringLiteral("biometric_enabled") : QStringLiteral("biometric_disabled"), {});
    };
    if (enabled)
        m_session->enableBiometricUnlock(this, done);
    else
        m_session->disableBiometricUnlock(this, done);
}

void Shop::unlock()
{
    clearError();
    m_session->unlock();
}

void Shop::forgetAndSignIn()
{
    Concierge::SignOutOptions options;
    options.revokeTokens = false;
    m_session->signOut(options);
}
