// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
//
// concierge: a thin command-line client of Concierge::Core. See docs/cli.md for the JSON contract.

#include "output.h"

#include <concierge/session.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QTimer>

#include <cstdio>

using namespace Concierge;

namespace {

const char kUsage[] =
    "Usage: concierge <command> [options]\n"
    "\n"
    "Commands:\n"
    "  login     Sign in through the browser (authorization code + PKCE)\n"
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
    "  --idp HINT            upstream identity provider hint\n"
    "  --idp-param NAME      parameter that carries the hint (default idp_hint)\n"
    "  --acr-values V        acr_values\n"
    "  --max-age N           max_age in seconds\n"
    "  --ui-locales L        ui_locales, e.g. \"ja en\"\n"
    "  --userinfo            also fetch and print the UserInfo claims\n"
    "  --timeout SECONDS     give up after this long (default 300)\n"
    "  --reveal-tokens       include the tokens in the output (never by default)\n"
    "  --verbose             log progress to stderr\n"
    "\n"
    "Output: one JSON object on stdout. Exit 0 success, 1 operation error, 2 usage error.\n";

struct LoginArgs
{
    ProviderConfig config;
    SignInOptions options;
    QStringList openWith;
    bool userinfo = false;
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

int runLogin(QCoreApplication &app, const LoginArgs &args)
{
    Session session(args.config);
    session.setFlowTimeoutSeconds(args.timeout);
    if (!args.openWith.isEmpty())
        session.setBrowserCommand(args.openWith);

    int exitCode = Cli::Failure;
    QObject::connect(&session, &Session::errorOccurred, &app, [&](const Error &error) {
        exitCode = Cli::printError(error);
        app.quit();
    });
    QObject::connect(&session, &Session::signedIn, &app, [&] {
        if (!args.userinfo) {
            Cli::printJson(signedInJson(session, args.revealTokens));
            exitCode = Cli::Success;
            app.quit();
            return;
        }
        session.fetchUserInfo(&app, [&](const Result<QVariantMap> &claims) {
            if (!claims) {
                exitCode = Cli::printError(claims.error());
            } else {
                QJsonObject out = signedInJson(session, args.revealTokens);
                out.insert(QStringLiteral("userinfo"), QJsonObject::fromVariantMap(*claims));
                Cli::printJson(out);
                exitCode = Cli::Success;
            }
            app.quit();
        });
    });
    if (args.openWith.isEmpty())
        std::fprintf(stderr, "concierge: opening the browser to sign in at %s\n", qPrintable(args.config.issuer()));
    QTimer::singleShot(0, &session, [&] { session.signIn(args.options); });
    app.exec();
    return exitCode;
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
    const QCommandLineOption acr(QStringLiteral("acr-values"), {}, QStringLiteral("V"));
    const QCommandLineOption maxAge(QStringLiteral("max-age"), {}, QStringLiteral("N"));
    const QCommandLineOption uiLocales(QStringLiteral("ui-locales"), {}, QStringLiteral("L"));
    const QCommandLineOption userinfo(QStringLiteral("userinfo"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), {}, QStringLiteral("SECONDS"));
    const QCommandLineOption reveal(QStringLiteral("reveal-tokens"));
    const QCommandLineOption verbose(QStringLiteral("verbose"));
    p.addOptions({issuer, clientId, clientSecret, clientAuth, scope, redirectPort, openWith, prompt, loginHint, idp,
                  idpParam, acr, maxAge, uiLocales, userinfo, timeout, reveal, verbose});
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
    args.options.idpHint = p.value(idp);
    args.options.acrValues = p.value(acr);
    args.options.uiLocales = p.value(uiLocales);
    if (p.isSet(maxAge)) {
        bool ok = false;
        args.options.maxAge = p.value(maxAge).toInt(&ok);
        if (!ok || args.options.maxAge < 0)
            return Cli::usageError(QStringLiteral("--max-age takes a number of seconds"));
    }
    if (p.isSet(timeout)) {
        bool ok = false;
        args.timeout = p.value(timeout).toInt(&ok);
        if (!ok || args.timeout <= 0)
            return Cli::usageError(QStringLiteral("--timeout takes a positive number of seconds"));
    }
    args.userinfo = p.isSet(userinfo);
    args.revealTokens = p.isSet(reveal);
    if (p.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("concierge.*.info=true"));
    if (auto ok = args.config.validate(); !ok)
        return Cli::usageError(ok.error().description());
    return runLogin(app, args);
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
