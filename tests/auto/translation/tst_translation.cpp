// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
// The SDK's translations (issue #11): installTranslator(), every human message in Japanese, stable
// ids, the loopback page in the language of ui_locales / the app's locale, and ui_locales sent from
// the app's locale. The sign-in runs against a FAKE IdP with a FAKE user agent.
#include <concierge/error.h>
#include <concierge/session.h>
#include <concierge/translation.h>

#include "i18n/translation_p.h"
#include "platform/loopbacklistener_p.h"
#include "session_p.h"
#include "testsigner.h"
#include "testsupport.h"

#include <QtCore/QMetaEnum>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QtTest>

using namespace Concierge;
using namespace Concierge::Internal;
using namespace Concierge::Test;

class tst_Translation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void languages();
    void japaneseMessagesKeepStableIds();
    void everyHumanMessageIsTranslated();
    void switchesAtRunTimeAndBack();
    void unknownLanguageStaysEnglish();
    void deviceSignInTexts();
    void preferredLanguagesOrder();
    void pagesInTheRequestedLanguage();
    void loopbackListenerServesTheLanguage();
    void signInSendsTheAppLocaleAsUiLocales();
    void explicitUiLocalesWin();
};

void tst_Translation::init()
{
    QLocale::setDefault(QLocale::c());
    removeTranslator();
}

void tst_Translation::cleanup()
{
    QLocale::setDefault(QLocale::c());
    removeTranslator();
}

void tst_Translation::languages()
{
    QCOMPARE(translationLanguages(), (QStringList{QStringLiteral("en"), QStringLiteral("ja")}));
}

void tst_Translation::japaneseMessagesKeepStableIds()
{
    const Error error(Error::Code::NetworkError);
    const QString english = error.message();
    QVERIFY(english.startsWith(QLatin1String("The identity provider could not be reached")));
    QVERIFY(installTranslator(QLocale(QLocale::Japanese, QLocale::Japan)));
    QCOMPARE(error.message(), QStringLiteral("認証サービスに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。"));
    QCOMPARE(error.id(), QStringLiteral("network_error")); // ids and codes are never translated
    QCOMPARE(int(error.code()), 100);
    // Server text is appended as it came, untranslated.
    QVERIFY(Error(Error::Code::AccessDenied, QStringLiteral("user said no")).message().endsWith(QLatin1String("(user said no)")));
}

void tst_Translation::everyHumanMessageIsTranslated()
{
    const QMetaEnum codes = QMetaEnum::fromType<Error::Code>();
    QMap<int, QString> english;
    for (int i = 0; i < codes.keyCount(); ++i)
        english.insert(codes.value(i), Error(Error::Code(codes.value(i))).message());
    QVERIFY(installTranslator(QLocale(QLocale::Japanese, QLocale::Japan)));
    for (int i = 0; i < codes.keyCount(); ++i) {
        const auto code = Error::Code(codes.value(i));
        const QString japanese = Error(code).message();
        if (code == Error::Code::None) {
            QVERIFY(japanese.isEmpty());
            continue;
        }
        QVERIFY2(!japanese.isEmpty(), codes.key(i));
        QVERIFY2(japanese != english.value(codes.value(i)), codes.key(i)); // not left in English
        QVERIFY2(japanese.endsWith(QChar(u'。')), qPrintable(QString::fromLatin1(codes.key(i)) + QLatin1Char(' ') + japanese));
    }
}

void tst_Translation::switchesAtRunTimeAndBack()
{
    const Error error(Error::Code::Cancelled);
    QVERIFY(installTranslator(QLocale(QLocale::Japanese)));
    QCOMPARE(error.message(), QStringLiteral("サインインがキャンセルされました。"));
    QVERIFY(installTranslator(QLocale(QLocale::English, QLocale::UnitedKingdom)));
    QCOMPARE(error.message(), QStringLiteral("Sign-in was cancelled."));
    QVERIFY(installTranslator(QLocale(QLocale::Japanese)));
    removeTranslator();
    QCOMPARE(error.message(), QStringLiteral("Sign-in was cancelled."));
}

void tst_Translation::unknownLanguageStaysEnglish()
{
    QVERIFY(!installTranslator(QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(Error(Error::Code::Cancelled).message(), QStringLiteral("Sign-in was cancelled."));
}

void tst_Translation::deviceSignInTexts()
{
    const QUrl uri(QStringLiteral("https://id.example.com/device"));
    QCOMPARE(deviceSignInInstructions(uri, QStringLiteral("WDJB-MJHT")),
             QStringLiteral("On your phone or computer, go to https://id.example.com/device and enter the code WDJB-MJHT."));
    QVERIFY(installTranslator(QLocale(QLocale::Japanese, QLocale::Japan)));
    QCOMPARE(deviceSignInInstructions(uri, QStringLiteral("WDJB-MJHT")),
             QStringLiteral("スマートフォンまたはパソコンで https://id.example.com/device を開き、コード WDJB-MJHT を入力してください。"));
    QVERIFY(deviceSignInScanPrompt().contains(QStringLiteral("スマートフォンのカメラ")));
}

void tst_Translation::preferredLanguagesOrder()
{
    QCOMPARE(preferredLanguages(), QStringList()); // the C locale adds nothing
    QCOMPARE(preferredLanguages(QStringLiteral("ja en")), (QStringList{QStringLiteral("ja"), QStringLiteral("en")}));
    QCOMPARE(preferredLanguages(QStringLiteral("fr-CA ja-JP ja")), (QStringList{QStringLiteral("fr"), QStringLiteral("ja")}));
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    QCOMPARE(preferredLanguages(), QStringList{QStringLiteral("ja")});
    QCOMPARE(preferredLanguages(QStringLiteral("en")), (QStringList{QStringLiteral("en"), QStringLiteral("ja")}));
    QVERIFY(defaultUiLocales().startsWith(QLatin1String("ja")));
}

void tst_Translation::pagesInTheRequestedLanguage()
{
    const QString english = QString::fromUtf8(LoopbackListener::successPage());
    QVERIFY(english.contains(QLatin1String("<html lang=\"en\">")));
    QVERIFY(english.contains(QLatin1String("You are signed in")));

    // Independent of the translator installed in the application: here it is Japanese, the page
    // asked for English.
    QVERIFY(installTranslator(QLocale(QLocale::Japanese)));
    QVERIFY(QString::fromUtf8(LoopbackListener::successPage({QStringLiteral("en")})).contains(QLatin1String("You are signed in")));
    removeTranslator();

    const QString japanese = QString::fromUtf8(LoopbackListener::successPage({QStringLiteral("fr"), QStringLiteral("ja")}));
    QVERIFY(japanese.contains(QLatin1String("<html lang=\"ja\">")));
    QVERIFY(japanese.contains(QStringLiteral("サインインしました")));
    QVERIFY(japanese.contains(QStringLiteral("このタブを閉じて、アプリにお戻りください。")));
    const QString signedOut = QString::fromUtf8(
        LoopbackListener::successPage({QStringLiteral("ja")}, LoopbackListener::Purpose::SignOut));
    QVERIFY(signedOut.contains(QStringLiteral("サインアウトしました")));
    QVERIFY(QString::fromUtf8(LoopbackListener::errorPage({QStringLiteral("ja")})).contains(QStringLiteral("今回のサインイン")));
}

void tst_Translation::loopbackListenerServesTheLanguage()
{
    LoopbackListener listener;
    listener.setLanguages(preferredLanguages(QStringLiteral("ja")));
    listener.setAcceptor([](const QUrl &) { return true; });
    const auto bound = listener.listen(QUrl(QStringLiteral("http://127.0.0.1/callback")));
    QVERIFY(bound.ok());
    QNetworkAccessManager nam;
    QUrl url = *bound;
    url.setQuery(QStringLiteral("code=c&state=s"));
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QString body = QString::fromUtf8(reply->readAll());
    QVERIFY(body.contains(QLatin1String("<html lang=\"ja\">")));
    QVERIFY(body.contains(QStringLiteral("サインインしました")));
    delete reply;
}

namespace {
struct SignInRun
{
    FakeIdp idp;
    TestKey key = TestKey::rsa("k1");
    QUrl authorizationUrl;
    int loopbackStatus = 0;
    bool signedIn = false;
    QString error;
};

void signIn(SignInRun &run, const SignInOptions &options)
{
    QVERIFY(run.idp.start());
    run.idp.jwks = jwksDocument(QList<TestKey>{run.key});
    run.idp.sign = [&run](const QJsonObject &claims) { return signJwt(run.key, claims); };
    Session session(ProviderConfig(run.idp.issuer(), QStringLiteral("storefront-mobile")));
    auto agent = std::make_unique<FakeUserAgent>();
    FakeUserAgent *fake = agent.get();
    agent->onOpen = [&run](const QUrl &url) { run.authorizationUrl = url; };
    SessionPrivate::get(&session)->setUserAgent(std::move(agent));
    QObject::connect(&session, &Session::signedIn, &session, [&run] { run.signedIn = true; });
    QObject::connect(&session, &Session::errorOccurred, &session, [&run](const Error &e) { run.error = e.id(); });
    session.signIn(options);
    QTRY_VERIFY_WITH_TIMEOUT(run.signedIn || !run.error.isEmpty(), 10000);
    QVERIFY2(run.signedIn, qPrintable(run.error));
    QTRY_COMPARE(fake->loopbackStatus, 200);
}
} // namespace

void tst_Translation::signInSendsTheAppLocaleAsUiLocales()
{
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    SignInRun run;
    signIn(run, {});
    const QString uiLocales = QUrlQuery(run.authorizationUrl).queryItemValue(QStringLiteral("ui_locales"), QUrl::FullyDecoded);
    QVERIFY2(uiLocales.split(QLatin1Char(' ')).first().startsWith(QLatin1String("ja")), qPrintable(uiLocales));

    // With the C locale (what ./scripts/test pins), nothing is sent.
    QLocale::setDefault(QLocale::c());
    SignInRun plain;
    signIn(plain, {});
    QVERIFY(!QUrlQuery(plain.authorizationUrl).hasQueryItem(QStringLiteral("ui_locales")));
}

void tst_Translation::explicitUiLocalesWin()
{
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    SignInOptions options;
    options.uiLocales = QStringLiteral("en");
    SignInRun run;
    signIn(run, options);
    QCOMPARE(QUrlQuery(run.authorizationUrl).queryItemValue(QStringLiteral("ui_locales")), QStringLiteral("en"));
}

QTEST_GUILESS_MAIN(tst_Translation)
#include "tst_translation.moc"
