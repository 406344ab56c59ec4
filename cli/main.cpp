// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// concierge: a thin command-line client of Concierge::Core. See docs/cli.md for the JSON contract.

#include "output.h"

#include <concierge/devicesignin.h>
#include <concierge/qrcode.h>
#include <concierge/session.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <cstdio>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <utility>

using namespace Concierge;

namespace {

const char kUsage[] =
    "Usage: concierge <command> [options]\n"
    "\n"
    "Commands:\n"
    "  login     Sign in through the browser (authorization code + PKCE)\n"
    "  device    Sign in on another device: shows a code (and a QR code) to approve on a phone (RFC 8628)\n"
    "  magic-link  Sign in with a link (or with --code, a code) sent by email\n"
    "  token     Print a fresh access token's metadata (refreshing if needed)\n"
    "  refresh   Refresh the stored tokens now\n"
    "  userinfo  Print the UserInfo claims of the stored sign-in\n"
    "  call URL  Authorized request (--method M); prints the HTTP status and body\n"
    "  logout    Revoke the tokens and forget the sign-in [--end-session [--open-with CMD]]\n"
    "  unlock    Unlock a sign-in kept with --biometric (fingerprint); prints it like login\n"
    "  status    Whether a stored sign-in exists, is locked, uses biometric unlock (never prompts)\n"
    "  help      Show this help\n"
    "\n"
    "login options:\n"
    "  --issuer URL          OpenID Provider issuer (required)\n"
    "  --client-id ID        client id (required)\n"
    "  --client-secret S     secret of a confidential client (client_secret_basic)\n"
    "  --client-auth M       basic|post (with --client-secret)\n"
    "  --scope \"S ...\"       scopes (default: openid profile email)\n"
    "  --redirect-port N     fixed loopback port (default: ephemeral)\n"
    "  --open-with CMD       run CMD (split on spaces) with the URL as last argument\n"
    "  --prompt P            prompt parameter\n"
    "  --login-hint H        login_hint\n"
    "  --idp HINT            upstream (social) identity provider, e.g. google; sent verbatim\n"
    "  --broker KIND         auth0 (connection), keycloak (kc_idp_hint), cognito (identity_provider),\n"
    "                        okta (idp); without it the hint goes in --idp-param\n"
    "  --idp-param NAME      parameter that carries the hint (default idp_hint)\n"
    "  --acr-values V        acr_values\n"
    "  --max-age N           max_age in seconds\n"
    "  --ui-locales L        ui_locales, e.g. \"ja en\"\n"
    "  --userinfo            also fetch and print the UserInfo claims\n"
    "  --timeout SECONDS     give up after this long (default 300)\n"
    "  --reveal-tokens       include the tokens in the output (never by default)\n"
    "  --refresh             refresh once right after signing in\n"
    "  --dpop                sender-constrained tokens (DPoP) when the provider offers them\n"
    "  --store KIND          memory (default: nothing kept) or keychain (kept for the commands below)\n"
    "  --profile NAME        name of the stored sign-in (default: default)\n"
    "  --biometric           with --store keychain: keep the data key behind biometric unlock\n"
    "\n"
    "device options: --issuer URL --client-id ID [--scope S] [--store memory|keychain] [--profile NAME]\n"
    "  [--timeout SECONDS] [--qr] [--reveal-tokens] [--verbose]\n"
    "  Progress (the user code, the verification URI and with --qr a QR code of it) goes to stderr.\n"
    "  --print-verification FILE  write {user_code, verification_uri, verification_uri_complete}\n"
    "                        to FILE (mode 0600) as soon as they are known (for scripts)\n"
    "\n"
    "magic-link options: --issuer URL --client-id ID --email E [--code] [--scope S] [--ui-locales L]\n"
    "  [--open-with CMD] [--no-browser] [--redirect-port N] [--timeout SECONDS] [--store KIND] [--profile NAME]\n"
    "  [--reveal-tokens] [--verbose]\n"
    "  Link: the link opened in the browser the CLI opens completes the sign-in; opened on another\n"
    "  device it shows a code: type it (one line on stdin). --code: the mail has a code; the CLI\n"
    "  reads it from stdin, one attempt per line.\n"
    "\n"
    "token, refresh, userinfo, call, logout, unlock, status: [--profile NAME] [--client-secret S [--client-auth M]]\n"
    "  [--reveal-tokens] [--unlock] [--timeout SECONDS]\n"
    "  They use the sign-in stored by 'login --store keychain'. A sign-in kept with --biometric is locked:\n"
    "  they fail with session_locked unless given --unlock (ask for the finger first).\n"
    "  --verbose             log progress to stderr\n"
    "\n"
    "Output: one JSON object on stdout. Exit 0 success, 1 operation error, 2 usage error.\n";

struct LoginArgs
{
    ProviderConfig config;
    SignInOptions options;
    SocialProvider social; //!< set by --idp
    QStringList openWith;
    QString profile = QStringLiteral("default");
    bool keychain = false;
    bool biometric = false;
    bool userinfo = false;
    bool refresh = false;
    bool revealTokens = false;
    int timeout = 300;
};

QJsonObject signedInJson(const Session &session, bool revealTokens)
{
    const TokenSet tokens = session.tokens();
    // The nonce and the token hashes are validation material, not profile data: never printed.
    QVariantMap claims = tokens.idToken().claims();
    for (const char *hidden : {"nonce", "at_hash", "c_hash", "s_hash"})
        claims.remove(QLatin1String(hidden));
    QJsonObject out{{QStringLiteral("status"), QStringLiteral("signed_in")},
                    {QStringLiteral("issuer"), session.config().issuer()},
                    {QStringLiteral("sub"), tokens.idToken().subject()},
                    {QStringLiteral("claims"), QJsonObject::fromVariantMap(claims)},
                    {QStringLiteral("scope"), tokens.scopes().join(QLatin1Char(' '))},
                    {QStringLiteral("token_type"), tokens.tokenType()}};
    const qint64 expiresIn = tokens.expiresIn(QDateTime::currentDateTimeUtc());
    out.insert(QStringLiteral("expires_in"), expiresIn >= 0 ? QJsonValue(expiresIn) : QJsonValue(QJsonValue::Null));
    out.insert(QStringLiteral("refresh_token_present"), tokens.hasRefreshToken());
    if (revealTokens) {
        out.insert(QStringLiteral("access_token"), QString::fromUtf8(tokens.accessToken()));
        if (tokens.hasRefreshToken())
            out.insert(QStringLiteral("refresh_token"), QString::fromUtf8(tokens.refreshToken()));
        out.insert(QStringLiteral("id_token"), QString::fromUtf8(tokens.idToken().raw()));
    }
    return out;
}

// Ends the command exactly once: the first result printed wins, later ones are ignored.
struct Run
{
    QCoreApplication &app;
    int exitCode = Cli::Failure;
    bool done = false;
    void succeed(const QJsonObject &json)
    {
        if (std::exchange(done, true))
            return;
        Cli::printJson(json);
        exitCode = Cli::Success;
        app.quit();
    }
    void fail(const Error &error)
    {
        if (std::exchange(done, true))
            return;
        exitCode = Cli::printError(error);
        app.quit();
    }
    int exec()
    {
        if (!done)
            app.exec();
        return exitCode;
    }
};

// Non-secret facts the CLI needs to find a stored sign-in again: issuer, client id, scopes.
// Kept in $XDG_CONFIG_HOME/concierge/profiles.json; the tokens themselves live in the keychain.
QString profilesPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/concierge/profiles.json");
}

QJsonObject readProfiles()
{
    QFile f(profilesPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.read(1024 * 1024)).object();
}

void forgetProfile(const QString &name)
{
    QJsonObject all = readProfiles();
    if (!all.contains(name))
        return;
    all.remove(name);
    QSaveFile f(profilesPath());
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(all).toJson());
        f.commit();
    }
}

bool saveProfile(const QString &name, const ProviderConfig &config)
{
    QJsonObject all = readProfiles();
    all.insert(name, QJsonObject{{QStringLiteral("issuer"), config.issuer()},
                                 {QStringLiteral("client_id"), config.clientId()},
                                 {QStringLiteral("scopes"), QJsonArray::fromStringList(config.scopes())},
                                 {QStringLiteral("dpop"), config.isDpopEnabled()}});
    QDir().mkpath(QFileInfo(profilesPath()).absolutePath());
    QSaveFile f(profilesPath());
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(all).toJson());
    return f.commit();
}

void addRefreshResult(QJsonObject &out, const Session &session)
{
    const TokenSet t = session.tokens();
    const qint64 expiresIn = t.expiresIn(QDateTime::currentDateTimeUtc());
    out.insert(QStringLiteral("refreshed"), true);
    out.insert(QStringLiteral("expires_in"), expiresIn >= 0 ? QJsonValue(expiresIn) : QJsonValue(QJsonValue::Null));
    out.insert(QStringLiteral("scope"), t.scopes().join(QLatin1Char(' ')));
    out.insert(QStringLiteral("refresh_token_present"), t.hasRefreshToken());
}

// Reads --timeout: whole seconds, at most a day. Returns the usage problem, or an empty string.
QString readTimeout(const QCommandLineParser &p, const QCommandLineOption &timeout, int &seconds)
{
    if (!p.isSet(timeout))
        return {};
    bool ok = false;
    const int value = p.value(timeout).toInt(&ok);
    if (!ok || value <= 0 || value > 24 * 3600)
        return QStringLiteral("--timeout takes a positive number of seconds");
    seconds = value;
    return {};
}

// Reads --store memory|keychain and --profile NAME of a sign-in command. Returns the usage problem,
// or an empty string.
QString readKeepOptions(const QCommandLineParser &p, const QCommandLineOption &store, const QCommandLineOption &profile,
                        bool &keychain, QString &profileName)
{
    if (p.isSet(store)) {
        const QString kind = p.value(store);
        if (kind != QLatin1String("memory") && kind != QLatin1String("keychain"))
            return QStringLiteral("--store takes memory or keychain");
        keychain = kind == QLatin1String("keychain");
    }
    if (p.isSet(profile)) {
        profileName = p.value(profile);
        if (profileName.isEmpty() || profileName.contains(QLatin1Char('|')))
            return QStringLiteral("--profile needs a name without '|'");
    }
    return {};
}

// Where a sign-in command keeps its sign-in: the keychain under \a profile, or nowhere.
void keepIn(Session &session, bool keychain, const QString &profile)
{
    session.setStorage(keychain ? Session::Storage::Keychain : Session::Storage::Memory);
    session.setProfile(profile);
}

// The output of a sign-in command (login, device, magic-link) once signed in. A sign-in kept in the
// keychain also saves its profile (never a secret), so the stored-session commands find it.
QJsonObject signedInOutput(const Session &session, const ProviderConfig &config, bool keychain,
                           const QString &profile, bool revealTokens)
{
    if (keychain && !saveProfile(profile, config))
        std::fprintf(stderr, "concierge: could not save the profile in %s\n", qPrintable(profilesPath()));
    QJsonObject out = signedInJson(session, revealTokens);
    if (keychain)
        out.insert(QStringLiteral("profile"), profile);
    return out;
}

int runLogin(QCoreApplication &app, const LoginArgs &args)
{
    Session session(args.config);
    session.setFlowTimeoutSeconds(args.timeout);
    keepIn(session, args.keychain, args.profile);
    if (!args.openWith.isEmpty())
        session.setBrowserCommand(args.openWith);

    Run run{app};
    QObject::connect(&session, &Session::errorOccurred, &app, [&](const Error &error) { run.fail(error); });
    // Last step: with --biometric, move the data key behind biometric unlock.
    const auto finish = [&](QJsonObject out) {
        if (!args.biometric)
            return run.succeed(out);
        session.enableBiometricUnlock(&app, [&, out](const Result<void> &enabled) mutable {
            if (!enabled)
                return run.fail(enabled.error());
            out.insert(QStringLiteral("biometric_unlock"), true);
            run.succeed(out);
        });
    };
    const auto afterUserInfo = [&](QJsonObject out) {
        if (!args.refresh)
            return finish(out);
        // One refresh_token grant right after the sign-in (scripted checks of refresh behaviour).
        QObject::connect(&session, &Session::refreshed, &app, [&, out]() mutable {
            if (args.revealTokens) { // the tokens changed: show the new ones
                const QJsonObject now = signedInJson(session, true);
                for (const char *k : {"access_token", "refresh_token", "id_token"})
                    out.insert(QLatin1String(k), now.value(QLatin1String(k)));
            }
            addRefreshResult(out, session);
            finish(out);
        });
        session.refresh();
    };
    // Asked to keep the sign-in and could not: the command failed, even though the sign-in worked.
    QObject::connect(&session, &Session::storageFailed, &app, [&](const Error &error) { run.fail(error); });
    QObject::connect(&session, &Session::signedIn, &app, [&] {
        if (run.done)
            return;
        QJsonObject out = signedInOutput(session, args.config, args.keychain, args.profile, args.revealTokens);
        if (!args.userinfo)
            return afterUserInfo(out);
        session.fetchUserInfo(&app, [&, out](const Result<QVariantMap> &claims) mutable {
            if (!claims)
                return run.fail(claims.error());
            out.insert(QStringLiteral("userinfo"), QJsonObject::fromVariantMap(*claims));
            afterUserInfo(out);
        });
    });
    if (args.openWith.isEmpty())
        std::fprintf(stderr, "concierge: opening the browser to sign in at %s\n", qPrintable(args.config.issuer()));
    QTimer::singleShot(0, &session, [&] {
        if (args.social.isValid())
            session.signInWith(args.social, args.options);
        else
            session.signIn(args.options);
    });
    return run.exec();
}

// What to do with a sign-in kept behind biometric unlock (restored Locked).
enum class WhenLocked { Fail, Unlock, Proceed };

// Runs \a body on the session restored from the keychain for \a profile.
int withStoredSession(QCoreApplication &app, const QString &profile, const QString &clientSecret, bool clientAuthPost,
                      const std::function<void(Session &, Run &)> &body, WhenLocked whenLocked = WhenLocked::Fail,
                      int unlockTimeout = 60)
{
    const QJsonObject p = readProfiles().value(profile).toObject();
    Run run{app};
    if (p.isEmpty())
        return Cli::printError(Error(Error::Code::NotSignedIn, QStringLiteral("no stored sign-in for profile ") + profile));
    ProviderConfig config(p.value(QStringLiteral("issuer")).toString(), p.value(QStringLiteral("client_id")).toString());
    QStringList scopes;
    for (const QJsonValue v : p.value(QStringLiteral("scopes")).toArray())
        scopes.append(v.toString());
    config.setScopes(scopes);
    config.setDpopEnabled(p.value(QStringLiteral("dpop")).toBool());
    if (!clientSecret.isEmpty()) {
        config.setClientSecret(clientSecret);
        if (clientAuthPost)
            config.setClientAuthentication(ProviderConfig::ClientAuthentication::ClientSecretPost);
    }
    Session session(config);
    session.setStorage(Session::Storage::Keychain);
    session.setProfile(profile);
    QObject::connect(&session, &Session::errorOccurred, &app, [&](const Error &error) { run.fail(error); });
    session.restore(&app, [&](const Result<bool> &restored) {
        if (!restored)
            return run.fail(restored.error());
        if (!*restored)
            return run.fail(Error(Error::Code::NotSignedIn, QStringLiteral("no stored sign-in for profile ") + profile));
        if (session.state() != Session::State::Locked || whenLocked == WhenLocked::Proceed)
            return body(session, run);
        if (whenLocked == WhenLocked::Fail)
            return run.fail(Error(Error::Code::SessionLocked,
                                  QStringLiteral("the sign-in is locked: run 'concierge unlock' or pass --unlock")));
        // Ask for the finger; no match and cancel end the command, the sign-in stays (locked).
        QObject::connect(&session, &Session::biometricPromptStarted, &app, [] {
            std::fprintf(stderr, "concierge: waiting for a fingerprint to unlock the sign-in\n");
            std::fflush(stderr);
        });
        QObject::connect(&session, &Session::unlocked, &app, [&] { body(session, run); });
        QTimer::singleShot(unlockTimeout * 1000, &app, [&] {
            run.fail(Error(Error::Code::Timeout, QStringLiteral("no finger was presented in time")));
            session.cancel();
        });
        session.unlock();
    });
    return run.exec();
}

QJsonObject sessionJson(const Session &session, const char *status)
{
    const TokenSet t = session.tokens();
    const qint64 expiresIn = t.expiresIn(QDateTime::currentDateTimeUtc());
    return QJsonObject{{QStringLiteral("status"), QLatin1String(status)},
                       {QStringLiteral("issuer"), session.config().issuer()},
                       {QStringLiteral("sub"), t.idToken().subject()},
                       {QStringLiteral("scope"), t.scopes().join(QLatin1Char(' '))},
                       {QStringLiteral("token_type"), t.tokenType()},
                       {QStringLiteral("expires_in"), expiresIn >= 0 ? QJsonValue(expiresIn) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("refresh_token_present"), t.hasRefreshToken()}};
}

struct StoredArgs
{
    QString profile = QStringLiteral("default");
    QString clientSecret;
    bool clientAuthPost = false;
    bool revealTokens = false;
    bool endSession = false;
    bool unlock = false;
    int timeout = 60;
    QStringList openWith;
    QString method = QStringLiteral("GET");
    QString url;
};

Result<StoredArgs> parseStored(const QString &command, const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption profile(QStringLiteral("profile"), {}, QStringLiteral("NAME"));
    const QCommandLineOption store(QStringLiteral("store"), {}, QStringLiteral("KIND"));
    const QCommandLineOption secret(QStringLiteral("client-secret"), {}, QStringLiteral("S"));
    const QCommandLineOption auth(QStringLiteral("client-auth"), {}, QStringLiteral("M"));
    const QCommandLineOption reveal(QStringLiteral("reveal-tokens"));
    const QCommandLineOption endSession(QStringLiteral("end-session"));
    const QCommandLineOption openWith(QStringLiteral("open-with"), {}, QStringLiteral("CMD"));
    const QCommandLineOption method(QStringLiteral("method"), {}, QStringLiteral("M"));
    const QCommandLineOption verbose(QStringLiteral("verbose"));
    const QCommandLineOption unlock(QStringLiteral("unlock"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), {}, QStringLiteral("SECONDS"));
    p.addOptions({profile, store, secret, auth, reveal, endSession, openWith, method, verbose, unlock, timeout});
    if (!p.parse(arguments))
        return Error(Error::Code::InvalidArgument, p.errorText());
    StoredArgs a;
    if (p.isSet(store) && p.value(store) != QLatin1String("keychain"))
        return Error(Error::Code::InvalidArgument, command + QStringLiteral(" reads the keychain: only --store keychain is possible"));
    if (p.isSet(profile))
        a.profile = p.value(profile);
    a.clientSecret = p.value(secret);
    if (p.isSet(auth)) {
        if (!p.isSet(secret) || (p.value(auth) != QLatin1String("basic") && p.value(auth) != QLatin1String("post")))
            return Error(Error::Code::InvalidArgument, QStringLiteral("--client-auth takes basic or post, with --client-secret"));
        a.clientAuthPost = p.value(auth) == QLatin1String("post");
    }
    a.revealTokens = p.isSet(reveal);
    a.endSession = p.isSet(endSession);
    a.unlock = p.isSet(unlock) || command == QLatin1String("unlock");
    if (p.isSet(timeout)) {
        bool ok = false;
        a.timeout = p.value(timeout).toInt(&ok);
        if (!ok || a.timeout <= 0 || a.timeout > 3600)
            return Error(Error::Code::InvalidArgument, QStringLiteral("--timeout takes 1..3600 seconds"));
    }
    a.openWith = p.value(openWith).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (p.isSet(method))
        a.method = p.value(method).toUpper();
    const QStringList positional = p.positionalArguments();
    if (command == QLatin1String("call")) {
        if (positional.size() != 1)
            return Error(Error::Code::InvalidArgument, QStringLiteral("call needs exactly one URL"));
        a.url = positional.first();
    } else if (!positional.isEmpty()) {
        return Error(Error::Code::InvalidArgument, QStringLiteral("unexpected argument: ") + positional.first());
    }
    if (p.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("concierge.*.info=true"));
    return a;
}

// concierge status: what is stored for the profile, without a prompt and without the network.
int storedStatus(QCoreApplication &app, const QString &profile)
{
    const QJsonObject p = readProfiles().value(profile).toObject();
    Session session(ProviderConfig(p.value(QStringLiteral("issuer")).toString(), p.value(QStringLiteral("client_id")).toString()));
    const auto availability = [&] {
        switch (session.biometricAvailability()) {
        case Session::BiometricAvailability::Available: return QStringLiteral("available");
        case Session::BiometricAvailability::NotEnrolled: return QStringLiteral("not_enrolled");
        case Session::BiometricAvailability::None: break;
        }
        return QStringLiteral("none");
    };
    QJsonObject out{{QStringLiteral("profile"), profile}, {QStringLiteral("status"), QStringLiteral("signed_out")},
                    {QStringLiteral("biometric_unlock"), false}, {QStringLiteral("biometric_availability"), availability()}};
    if (p.isEmpty()) {
        Cli::printJson(out);
        return Cli::Success;
    }
    out.insert(QStringLiteral("issuer"), session.config().issuer());
    session.setStorage(Session::Storage::Keychain);
    session.setProfile(profile);
    Run run{app};
    session.restore(&app, [&](const Result<bool> &restored) {
        if (!restored)
            return run.fail(restored.error());
        const bool locked = session.state() == Session::State::Locked;
        out.insert(QStringLiteral("status"), !*restored ? QStringLiteral("signed_out")
                                             : locked   ? QStringLiteral("locked")
                                                        : QStringLiteral("signed_in"));
        out.insert(QStringLiteral("biometric_unlock"), session.isBiometricUnlockEnabled());
        run.succeed(out);
    });
    return run.exec();
}

int storedCommand(QCoreApplication &app, const QString &command, const QStringList &arguments)
{
    const auto parsed = parseStored(command, arguments);
    if (!parsed)
        return Cli::usageError(parsed.error().description());
    const StoredArgs a = *parsed;
    if (command == QLatin1String("call")) {
        const QUrl url(a.url, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            return Cli::usageError(QStringLiteral("call needs an http(s) URL"));
    }
    if (command == QLatin1String("status"))
        return storedStatus(app, a.profile);
    const WhenLocked whenLocked = command == QLatin1String("logout") ? WhenLocked::Proceed
                                  : a.unlock                         ? WhenLocked::Unlock
                                                                     : WhenLocked::Fail;
    return withStoredSession(app, a.profile, a.clientSecret, a.clientAuthPost, [&](Session &session, Run &run) {
        if (command == QLatin1String("unlock")) {
            QJsonObject out = signedInJson(session, a.revealTokens);
            out.insert(QStringLiteral("profile"), a.profile);
            out.insert(QStringLiteral("biometric_unlock"), session.isBiometricUnlockEnabled());
            run.succeed(out);
        } else if (command == QLatin1String("token")) {
            session.withFreshToken(&app, [&](const Result<QByteArray> &token) {
                if (!token)
                    return run.fail(token.error());
                QJsonObject out = sessionJson(session, "ok");
                if (a.revealTokens)
                    out.insert(QStringLiteral("access_token"), QString::fromUtf8(*token));
                run.succeed(out);
            });
        } else if (command == QLatin1String("refresh")) {
            QObject::connect(&session, &Session::refreshed, &app, [&] { run.succeed(sessionJson(session, "refreshed")); });
            session.refresh();
        } else if (command == QLatin1String("userinfo")) {
            session.fetchUserInfo(&app, [&](const Result<QVariantMap> &claims) {
                if (!claims)
                    return run.fail(claims.error());
                QJsonObject out{{QStringLiteral("status"), QStringLiteral("ok")},
                                {QStringLiteral("sub"), session.tokens().idToken().subject()},
                                {QStringLiteral("userinfo"), QJsonObject::fromVariantMap(*claims)}};
                run.succeed(out);
            });
        } else if (command == QLatin1String("call")) {
            QNetworkRequest request{QUrl(a.url)};
            session.sendRequest(a.method.toLatin1(), request, {}, &app, [&](const Result<HttpReply> &reply) {
                if (!reply)
                    return run.fail(reply.error());
                QJsonObject out{{QStringLiteral("status"), reply->status >= 200 && reply->status < 300 ? QStringLiteral("ok") : QStringLiteral("error")},
                                {QStringLiteral("http_status"), reply->status}};
                const QJsonDocument json = QJsonDocument::fromJson(reply->body);
                if (!json.isNull())
                    out.insert(QStringLiteral("body"), json.isObject() ? QJsonValue(json.object()) : QJsonValue(json.array()));
                else
                    out.insert(QStringLiteral("body"), QString::fromUtf8(reply->body.left(64 * 1024)));
                if (reply->status >= 200 && reply->status < 300)
                    return run.succeed(out);
                // Not a success: keep the contract (code/kind/message) and add what the server said.
                out.insert(QStringLiteral("code"), QStringLiteral("http_error"));
                out.insert(QStringLiteral("kind"), reply->status >= 500 ? QStringLiteral("transient") : QStringLiteral("hard"));
                out.insert(QStringLiteral("message"), QStringLiteral("the server answered HTTP %1").arg(reply->status));
                if (!std::exchange(run.done, true)) {
                    Cli::printJson(out);
                    run.exitCode = Cli::Failure;
                    app.quit();
                }
            });
        } else if (command == QLatin1String("logout")) {
            if (!a.openWith.isEmpty())
                session.setBrowserCommand(a.openWith);
            QObject::connect(&session, &Session::signedOut, &app, [&] {
                forgetProfile(a.profile);
                run.succeed(QJsonObject{{QStringLiteral("status"), QStringLiteral("signed_out")},
                                        {QStringLiteral("end_session"), a.endSession}});
            });
            SignOutOptions options;
            options.endSession = a.endSession;
            session.signOut(options);
        }
    }, whenLocked, a.timeout);
}

int login(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption issuer(QStringLiteral("issuer"), {}, QStringLiteral("URL"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), {}, QStringLiteral("ID"));
    const QCommandLineOption clientSecret(QStringLiteral("client-secret"), {}, QStringLiteral("S"));
    const QCommandLineOption clientAuth(QStringLiteral("client-auth"), {}, QStringLiteral("M"));
    const QCommandLineOption scope(QStringLiteral("scope"), {}, QStringLiteral("S"));
    const QCommandLineOption redirectPort(QStringLiteral("redirect-port"), {}, QStringLiteral("N"));
    const QCommandLineOption openWith(QStringLiteral("open-with"), {}, QStringLiteral("CMD"));
    const QCommandLineOption prompt(QStringLiteral("prompt"), {}, QStringLiteral("P"));
    const QCommandLineOption loginHint(QStringLiteral("login-hint"), {}, QStringLiteral("H"));
    const QCommandLineOption idp(QStringLiteral("idp"), {}, QStringLiteral("HINT"));
    const QCommandLineOption idpParam(QStringLiteral("idp-param"), {}, QStringLiteral("NAME"));
    const QCommandLineOption broker(QStringLiteral("broker"), {}, QStringLiteral("KIND"));
    const QCommandLineOption acr(QStringLiteral("acr-values"), {}, QStringLiteral("V"));
    const QCommandLineOption maxAge(QStringLiteral("max-age"), {}, QStringLiteral("N"));
    const QCommandLineOption uiLocales(QStringLiteral("ui-locales"), {}, QStringLiteral("L"));
    const QCommandLineOption userinfo(QStringLiteral("userinfo"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), {}, QStringLiteral("SECONDS"));
    const QCommandLineOption reveal(QStringLiteral("reveal-tokens"));
    const QCommandLineOption verbose(QStringLiteral("verbose"));
    const QCommandLineOption refresh(QStringLiteral("refresh"));
    const QCommandLineOption dpop(QStringLiteral("dpop"));
    const QCommandLineOption store(QStringLiteral("store"), {}, QStringLiteral("KIND"));
    const QCommandLineOption profile(QStringLiteral("profile"), {}, QStringLiteral("NAME"));
    const QCommandLineOption biometric(QStringLiteral("biometric"));
    p.addOptions({issuer, clientId, clientSecret, clientAuth, scope, redirectPort, openWith, prompt, loginHint, idp,
                  idpParam, acr, maxAge, uiLocales, userinfo, timeout, reveal, verbose, refresh, store, profile, dpop,
                  biometric, broker});
    if (!p.parse(arguments))
        return Cli::usageError(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return Cli::usageError(QStringLiteral("unexpected argument: ") + p.positionalArguments().first());
    if (!p.isSet(issuer) || !p.isSet(clientId))
        return Cli::usageError(QStringLiteral("login needs --issuer and --client-id"));

    LoginArgs args;
    args.config = ProviderConfig(p.value(issuer), p.value(clientId));
    if (p.isSet(clientSecret))
        args.config.setClientSecret(p.value(clientSecret));
    if (p.isSet(clientAuth)) {
        const QString m = p.value(clientAuth);
        if (!p.isSet(clientSecret) || (m != QLatin1String("basic") && m != QLatin1String("post")))
            return Cli::usageError(QStringLiteral("--client-auth takes basic or post, with --client-secret"));
        args.config.setClientAuthentication(m == QLatin1String("post") ? ProviderConfig::ClientAuthentication::ClientSecretPost
                                                                       : ProviderConfig::ClientAuthentication::ClientSecretBasic);
    }
    if (p.isSet(scope))
        args.config.setScopes(p.value(scope).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    if (p.isSet(redirectPort)) {
        bool ok = false;
        const int port = p.value(redirectPort).toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            return Cli::usageError(QStringLiteral("--redirect-port takes 0..65535"));
        args.config.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:%1/callback").arg(port)));
    }
    if (p.isSet(idpParam))
        args.config.setIdpHintParameter(p.value(idpParam));
    if (p.isSet(openWith)) {
        args.openWith = p.value(openWith).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (args.openWith.isEmpty())
            return Cli::usageError(QStringLiteral("--open-with needs a command"));
    }
    args.options.prompt = p.value(prompt);
    args.options.loginHint = p.value(loginHint);
    if (p.isSet(broker) && !p.isSet(idp))
        return Cli::usageError(QStringLiteral("--broker needs --idp"));
    if (p.isSet(idp)) {
        const QString name = p.value(idp);
        const QString kind = p.value(broker);
        if (p.isSet(broker) && p.isSet(idpParam))
            return Cli::usageError(QStringLiteral("--broker and --idp-param exclude each other"));
        if (kind == QLatin1String("auth0"))
            args.social = SocialProvider::auth0(name);
        else if (kind == QLatin1String("keycloak"))
            args.social = SocialProvider::keycloak(name);
        else if (kind == QLatin1String("cognito"))
            args.social = SocialProvider::cognito(name);
        else if (kind == QLatin1String("okta"))
            args.social = SocialProvider::okta(name);
        else if (kind.isEmpty())
            args.social = SocialProvider::custom(args.config.idpHintParameter(), name);
        else
            return Cli::usageError(QStringLiteral("--broker takes auth0, keycloak, cognito or okta"));
        if (name.isEmpty())
            return Cli::usageError(QStringLiteral("--idp needs a name"));
    }
    args.options.acrValues = p.value(acr);
    args.options.uiLocales = p.value(uiLocales);
    if (p.isSet(maxAge)) {
        bool ok = false;
        args.options.maxAge = p.value(maxAge).toInt(&ok);
        if (!ok || args.options.maxAge < 0)
            return Cli::usageError(QStringLiteral("--max-age takes a number of seconds"));
    }
    if (const QString problem = readTimeout(p, timeout, args.timeout); !problem.isEmpty())
        return Cli::usageError(problem);
    args.userinfo = p.isSet(userinfo);
    args.refresh = p.isSet(refresh);
    args.config.setDpopEnabled(p.isSet(dpop));
    if (const QString problem = readKeepOptions(p, store, profile, args.keychain, args.profile); !problem.isEmpty())
        return Cli::usageError(problem);
    args.biometric = p.isSet(biometric);
    if (args.biometric && !args.keychain)
        return Cli::usageError(QStringLiteral("--biometric needs --store keychain"));
    args.revealTokens = p.isSet(reveal);
    if (p.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("concierge.*.info=true"));
    if (auto ok = args.config.validate(); !ok)
        return Cli::usageError(ok.error().description());
    return runLogin(app, args);
}

struct DeviceArgs
{
    ProviderConfig config;
    QString profile = QStringLiteral("default");
    QString verificationFile;
    bool keychain = false;
    bool qr = false;
    bool revealTokens = false;
    int timeout = 900;
};

// Writes the codes atomically with mode 0600, so a script never reads half a file.
bool writeVerificationFile(const QString &path, const DeviceSignIn &signIn)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QJsonObject codes{{QStringLiteral("user_code"), signIn.userCode()},
                            {QStringLiteral("verification_uri"), signIn.verificationUri().toString(QUrl::FullyEncoded)},
                            {QStringLiteral("verification_uri_complete"),
                             signIn.verificationUriComplete().isEmpty()
                                 ? QJsonValue(QJsonValue::Null)
                                 : QJsonValue(signIn.verificationUriComplete().toString(QUrl::FullyEncoded))}};
    f.write(QJsonDocument(codes).toJson(QJsonDocument::Compact) + '\n');
    return f.commit();
}

int runDevice(QCoreApplication &app, const DeviceArgs &args)
{
    Session session(args.config);
    keepIn(session, args.keychain, args.profile);
    DeviceSignIn signIn(&session);

    Run run{app};
    QObject::connect(&signIn, &DeviceSignIn::verificationChanged, &app, [&] {
        if (signIn.userCode().isEmpty())
            return;
        const QUrl complete = signIn.verificationUriComplete();
        std::fprintf(stderr, "concierge: to sign in, visit %s and enter the code %s\n",
                     qPrintable(signIn.verificationUri().toString(QUrl::FullyEncoded)), qPrintable(signIn.userCode()));
        if (!complete.isEmpty())
            std::fprintf(stderr, "concierge: or open %s\n", qPrintable(complete.toString(QUrl::FullyEncoded)));
        if (args.qr) {
            const QUrl target = complete.isEmpty() ? signIn.verificationUri() : complete;
            std::fprintf(stderr, "%s", qPrintable(QrCode::toTerminalText(target.toString(QUrl::FullyEncoded))));
        }
        std::fprintf(stderr, "concierge: waiting for the approval (the code expires in %d s)\n", signIn.secondsLeft());
        std::fflush(stderr);
        if (!args.verificationFile.isEmpty() && !writeVerificationFile(args.verificationFile, signIn)) {
            run.fail(Error(Error::Code::InvalidArgument, QStringLiteral("could not write --print-verification file")));
            signIn.cancel();
        }
    });
    QObject::connect(&session, &Session::storageFailed, &app, [&](const Error &error) { run.fail(error); });
    QObject::connect(&session, &Session::signedIn, &app, [&] {
        if (run.done)
            return;
        run.succeed(signedInOutput(session, args.config, args.keychain, args.profile, args.revealTokens));
    });
    QObject::connect(&signIn, &DeviceSignIn::finished, &app, [&](const Error &error) {
        if (error.isError())
            run.fail(error);
    });
    QTimer::singleShot(args.timeout * 1000, &app, [&] {
        run.fail(Error(Error::Code::Timeout, QStringLiteral("the device sign-in did not complete in time")));
        signIn.cancel();
    });
    std::fprintf(stderr, "concierge: requesting a device code from %s\n", qPrintable(args.config.issuer()));
    QTimer::singleShot(0, &signIn, [&] { signIn.start(); });
    return run.exec();
}

int device(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption issuer(QStringLiteral("issuer"), {}, QStringLiteral("URL"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), {}, QStringLiteral("ID"));
    const QCommandLineOption scope(QStringLiteral("scope"), {}, QStringLiteral("S"));
    const QCommandLineOption store(QStringLiteral("store"), {}, QStringLiteral("KIND"));
    const QCommandLineOption profile(QStringLiteral("profile"), {}, QStringLiteral("NAME"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), {}, QStringLiteral("SECONDS"));
    const QCommandLineOption qr(QStringLiteral("qr"));
    const QCommandLineOption reveal(QStringLiteral("reveal-tokens"));
    const QCommandLineOption verbose(QStringLiteral("verbose"));
    const QCommandLineOption printVerification(QStringLiteral("print-verification"), {}, QStringLiteral("FILE"));
    p.addOptions({issuer, clientId, scope, store, profile, timeout, qr, reveal, verbose, printVerification});
    if (!p.parse(arguments))
        return Cli::usageError(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return Cli::usageError(QStringLiteral("unexpected argument: ") + p.positionalArguments().first());
    if (!p.isSet(issuer) || !p.isSet(clientId))
        return Cli::usageError(QStringLiteral("device needs --issuer and --client-id"));

    DeviceArgs args;
    args.config = ProviderConfig(p.value(issuer), p.value(clientId));
    if (p.isSet(scope))
        args.config.setScopes(p.value(scope).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    if (const QString problem = readTimeout(p, timeout, args.timeout); !problem.isEmpty())
        return Cli::usageError(problem);
    if (const QString problem = readKeepOptions(p, store, profile, args.keychain, args.profile); !problem.isEmpty())
        return Cli::usageError(problem);
    if (p.isSet(printVerification)) {
        args.verificationFile = p.value(printVerification);
        if (args.verificationFile.isEmpty())
            return Cli::usageError(QStringLiteral("--print-verification needs a file name"));
    }
    args.qr = p.isSet(qr);
    args.revealTokens = p.isSet(reveal);
    if (p.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("concierge.*.info=true"));
    if (auto ok = args.config.validate(); !ok)
        return Cli::usageError(ok.error().description());
    return runDevice(app, args);
}

// ---- magic-link ---------------------------------------------------------------------------------

struct MagicLinkArgs
{
    ProviderConfig config;
    MagicLinkOptions options;
    QString email;
    QStringList openWith;
    QString profile = QStringLiteral("default");
    bool keychain = false;
    bool revealTokens = false;
    int timeout = 600;
};

// Reads stdin line by line on a thread of its own and hands each line to \a onLine on the main
// thread; \a onEnd once at end of input. The thread is detached: it may still wait on a terminal
// when the command ends, and the process takes it along.
void readStdinLines(QObject *context, std::function<void(const QString &)> onLine, std::function<void()> onEnd)
{
    QPointer<QObject> guard(context);
    std::thread([guard, onLine, onEnd] {
        std::string line;
        while (std::getline(std::cin, line)) {
            const QString text = QString::fromStdString(line).trimmed();
            if (text.isEmpty())
                continue;
            QMetaObject::invokeMethod(guard, [guard, onLine, text] { if (guard) onLine(text); }, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(guard, [guard, onEnd] { if (guard) onEnd(); }, Qt::QueuedConnection);
    }).detach();
}

int runMagicLink(QCoreApplication &app, const MagicLinkArgs &args)
{
    Session session(args.config);
    session.setFlowTimeoutSeconds(args.timeout);
    keepIn(session, args.keychain, args.profile);
    if (!args.openWith.isEmpty())
        session.setBrowserCommand(args.openWith);
    const bool codeMode = args.options.send == MagicLinkOptions::Send::Code;

    Run run{app};
    Error lastRejection;
    bool inputEnded = false;
    bool checking = false;
    QObject::connect(&session, &Session::errorOccurred, &app, [&](const Error &error) { run.fail(error); });
    QObject::connect(&session, &Session::storageFailed, &app, [&](const Error &error) { run.fail(error); });
    QObject::connect(&session, &Session::magicLinkSent, &app, [&] {
        if (codeMode)
            std::fprintf(stderr, "concierge: a sign-in code was sent by email; type it and press Enter\n");
        else
            std::fprintf(stderr, "concierge: a sign-in link was sent by email; open it in the browser that opened, "
                                 "or type the code it shows on another device and press Enter\n");
        std::fflush(stderr);
        readStdinLines(&app, [&](const QString &code) {
            checking = true;
            session.completeWithCode(code);
        }, [&] {
            inputEnded = true;
            // With --code, nothing else can end the sign-in once the input is over.
            if (codeMode && !checking)
                run.fail(lastRejection.isError() ? lastRejection
                                                 : Error(Error::Code::Cancelled, QStringLiteral("no code was given on stdin")));
        });
    });
    QObject::connect(&session, &Session::codeRejected, &app, [&](const Error &error) {
        checking = false;
        lastRejection = error;
        std::fprintf(stderr, "concierge: the code was not accepted (%s)%s\n", qPrintable(error.id()),
                     inputEnded ? "" : "; type it again");
        std::fflush(stderr);
        if (codeMode && inputEnded)
            run.fail(error);
    });
    QObject::connect(&session, &Session::signedIn, &app, [&] {
        if (run.done)
            return;
        QJsonObject out = signedInOutput(session, args.config, args.keychain, args.profile, args.revealTokens);
        out.insert(QStringLiteral("method"), codeMode ? QStringLiteral("email_code") : QStringLiteral("magic_link"));
        run.succeed(out);
    });
    std::fprintf(stderr, "concierge: asking %s to email %s\n", qPrintable(args.config.issuer()),
                 codeMode ? "a sign-in code" : "a sign-in link");
    QTimer::singleShot(0, &session, [&] { session.sendMagicLink(args.email, args.options); });
    return run.exec();
}

int magicLink(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption issuer(QStringLiteral("issuer"), {}, QStringLiteral("URL"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), {}, QStringLiteral("ID"));
    const QCommandLineOption email(QStringLiteral("email"), {}, QStringLiteral("E"));
    const QCommandLineOption code(QStringLiteral("code"));
    const QCommandLineOption scope(QStringLiteral("scope"), {}, QStringLiteral("S"));
    const QCommandLineOption uiLocales(QStringLiteral("ui-locales"), {}, QStringLiteral("L"));
    const QCommandLineOption openWith(QStringLiteral("open-with"), {}, QStringLiteral("CMD"));
    const QCommandLineOption noBrowser(QStringLiteral("no-browser"));
    const QCommandLineOption redirectPort(QStringLiteral("redirect-port"), {}, QStringLiteral("N"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), {}, QStringLiteral("SECONDS"));
    const QCommandLineOption store(QStringLiteral("store"), {}, QStringLiteral("KIND"));
    const QCommandLineOption profile(QStringLiteral("profile"), {}, QStringLiteral("NAME"));
    const QCommandLineOption reveal(QStringLiteral("reveal-tokens"));
    const QCommandLineOption verbose(QStringLiteral("verbose"));
    p.addOptions({issuer, clientId, email, code, scope, uiLocales, openWith, noBrowser, redirectPort, timeout, store,
                  profile, reveal, verbose});
    if (!p.parse(arguments))
        return Cli::usageError(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return Cli::usageError(QStringLiteral("unexpected argument: ") + p.positionalArguments().first());
    if (!p.isSet(issuer) || !p.isSet(clientId) || !p.isSet(email))
        return Cli::usageError(QStringLiteral("magic-link needs --issuer, --client-id and --email"));

    MagicLinkArgs args;
    args.config = ProviderConfig(p.value(issuer), p.value(clientId));
    args.email = p.value(email); // verbatim: the provider decides what an address is
    args.options.send = p.isSet(code) ? MagicLinkOptions::Send::Code : MagicLinkOptions::Send::Link;
    args.options.openDeviceBinding = !p.isSet(noBrowser);
    if (p.isSet(scope))
        args.config.setScopes(p.value(scope).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    args.options.signIn.uiLocales = p.value(uiLocales);
    if (p.isSet(redirectPort)) {
        bool ok = false;
        const int port = p.value(redirectPort).toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            return Cli::usageError(QStringLiteral("--redirect-port takes 0..65535"));
        args.config.setRedirectUri(QUrl(QStringLiteral("http://127.0.0.1:%1/callback").arg(port)));
    }
    if (p.isSet(openWith)) {
        args.openWith = p.value(openWith).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (args.openWith.isEmpty())
            return Cli::usageError(QStringLiteral("--open-with needs a command"));
    }
    if (const QString problem = readTimeout(p, timeout, args.timeout); !problem.isEmpty())
        return Cli::usageError(problem);
    if (const QString problem = readKeepOptions(p, store, profile, args.keychain, args.profile); !problem.isEmpty())
        return Cli::usageError(problem);
    args.revealTokens = p.isSet(reveal);
    if (p.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("concierge.*.info=true"));
    if (auto ok = args.config.validate(); !ok)
        return Cli::usageError(ok.error().description());
    return runMagicLink(app, args);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("concierge"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    // Quiet by default: the SDK's info lines are for --verbose. QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("concierge.*.info=false"));

    const QStringList args = app.arguments();
    const QString command = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args;
    if (rest.size() > 1)
        rest.removeAt(1);
    if (command == QLatin1String("login"))
        return login(app, rest);
    if (command == QLatin1String("device"))
        return device(app, rest);
    if (command == QLatin1String("magic-link"))
        return magicLink(app, rest);
    for (const char *stored : {"token", "refresh", "userinfo", "call", "logout", "unlock", "status"}) {
        if (command == QLatin1String(stored))
            return storedCommand(app, command, rest);
    }
    if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        std::fputs(kUsage, stdout);
        return Cli::Success;
    }
    if (command == QLatin1String("--version")) {
        std::printf("concierge %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return Cli::Success;
    }
    return Cli::usageError(command.isEmpty() ? QStringLiteral("no command given") : QStringLiteral("unknown command: ") + command);
}
