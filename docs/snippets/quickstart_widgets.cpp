// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// docs/quickstart.md, "A widgets app": compiled and linked by the target snippet_quickstart_widgets.
//! [main]
#include <concierge/session.h>
#include <concierge/translation.h>

#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>
#include <QtWidgets/QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Concierge::installTranslator(QLocale()); // the SDK's texts in the app's language (ja or en)

    Concierge::ProviderConfig config(QStringLiteral("http://127.0.0.1:9000"), // your issuer
                                     QStringLiteral("concierge-cli"));        // your client id
    config.setScopes({QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                      QStringLiteral("offline_access")});

    Concierge::Session session(config);
    session.setStorage(Concierge::Session::Storage::Keychain); // stay signed in across restarts

    QWidget window;
    auto *status = new QLabel(QObject::tr("Not signed in"));
    auto *button = new QPushButton(QObject::tr("Sign in"));
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(status);
    layout->addWidget(button);

    QObject::connect(button, &QPushButton::clicked, &session, [&session] {
        if (session.isSignedIn())
            session.signOut();
        else
            session.signIn(); // opens the system browser; the SDK listens on 127.0.0.1
    });
    QObject::connect(&session, &Concierge::Session::signedIn, &window, [&] {
        const auto claims = session.tokens().idToken().claims();
        status->setText(QObject::tr("Signed in as %1").arg(claims.value(QStringLiteral("name")).toString()));
        button->setText(QObject::tr("Sign out"));
    });
    QObject::connect(&session, &Concierge::Session::signedOut, &window, [&] {
        status->setText(QObject::tr("Not signed in"));
        button->setText(QObject::tr("Sign in"));
    });
    QObject::connect(&session, &Concierge::Session::errorOccurred, &window,
                     [&](const Concierge::Error &error) {
        status->setText(error.message()); // translated, never contains a secret
    });

    // Signed in on an earlier run? Then no browser is needed.
    session.restore(&window, [](const Concierge::Result<bool> &) {});

    window.show();
    return app.exec();
}
//! [main]
