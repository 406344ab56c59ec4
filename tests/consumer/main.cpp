// Signs in against an OIDC provider with the public API only, prints the subject and exits.
//   app ISSUER BROWSER_COMMAND...     e.g. app http://127.0.0.1:9000 node tests/e2e/http-signin.mjs
// Exit 0 and "sub=<subject>" on stdout once signed in; exit 1 on errorOccurred.
#include <concierge/session.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: app ISSUER BROWSER_COMMAND...\n");
        return 2;
    }
    args.removeFirst();
    const QString issuer = args.takeFirst();

    Concierge::Session session(Concierge::ProviderConfig(issuer, QStringLiteral("concierge-cli")));
    session.setBrowserCommand(args); // the authorization URL is appended as the last argument
    session.setFlowTimeoutSeconds(120);

    QObject::connect(&session, &Concierge::Session::signedIn, &app, [&] {
        const QString sub = session.tokens().idToken().subject();
        std::printf("sub=%s\n", qPrintable(sub));
        app.exit(sub.isEmpty() ? 1 : 0);
    });
    QObject::connect(&session, &Concierge::Session::errorOccurred, &app, [&](const Concierge::Error &error) {
        std::fprintf(stderr, "error: %s: %s\n", qPrintable(error.id()), qPrintable(error.message()));
        app.exit(1);
    });
    session.signIn();
    return app.exec();
}
