// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/error.h>
#include <concierge/session.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtCore/QVariantList>

#include <functional>

class QJsonDocument;
class QJsonObject;

/*
  The phone app's view model: one Concierge::Session for the shopper (client storefront-mobile, kept
  in the keychain) and the storefront API behind it. QML only reads these properties and calls the
  invokables; nothing here knows about screens.
*/
class Shop : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString phase READ phase NOTIFY phaseChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
    Q_PROPERTY(QString noticeText READ noticeText NOTIFY noticeChanged)

    Q_PROPERTY(QString displayName READ displayName NOTIFY profileChanged)
    Q_PROPERTY(QString email READ email NOTIFY profileChanged)
    Q_PROPERTY(QString tier READ tier NOTIFY profileChanged)
    Q_PROPERTY(QString phone READ phone NOTIFY profileChanged)
    Q_PROPERTY(QString birthday READ birthday NOTIFY profileChanged)
    Q_PROPERTY(QVariantList cart READ cart NOTIFY cartChanged)
    Q_PROPERTY(int cartTotal READ cartTotal NOTIFY cartChanged)
    Q_PROPERTY(QVariantList offers READ offers NOTIFY offersChanged)
    Q_PROPERTY(QVariantList products READ products NOTIFY productsChanged)
    Q_PROPERTY(int points READ points NOTIFY profileChanged)
    Q_PROPERTY(bool storefrontLoaded READ isStorefrontLoaded NOTIFY cartChanged)
    Q_PROPERTY(QVariantList grantedScopes READ grantedScopes NOTIFY profileChanged)
    Q_PROPERTY(QVariantList sharedClaims READ sharedClaims NOTIFY profileChanged)

    Q_PROPERTY(QString magicLinkEmail READ magicLinkEmail NOTIFY magicLinkChanged)
    Q_PROPERTY(bool socialAvailable READ isSocialAvailable CONSTANT)
    Q_PROPERTY(bool magicLinkAvailable READ isMagicLinkAvailable CONSTANT)

    Q_PROPERTY(bool biometricAvailable READ isBiometricAvailable NOTIFY biometricChanged)
    Q_PROPERTY(bool biometricEnabled READ isBiometricEnabled NOTIFY biometricChanged)
    Q_PROPERTY(QString biometricStatus READ biometricStatus NOTIFY biometricChanged)

    Q_PROPERTY(QString lastDownload READ lastDownload NOTIFY noticeChanged)
    Q_PROPERTY(QString issuer READ issuer CONSTANT)

public:
    struct Options
    {
        QString issuer;
        QString apiBase;                //!< storefront API root, default <issuer>/storefront/v1
        QStringList browserCommand;     //!< empty: the system browser
        QString downloadDir;            //!< empty: the platform's download folder
        QString language;               //!< for ui_locales
        bool keychain = true;
    };

    explicit Shop(const Options &options, QObject *parent = nullptr);
    ~Shop() override;

    QString phase() const { return m_phase; }
    bool isBusy() const { return !m_busyText.isEmpty(); }
    QString busyText() const { return m_busyText; }
    bool isOnline() const { return m_online; }
    QString errorText() const { return m_errorText; }
    QString noticeText() const { return m_noticeText; }
    QString displayName() const;
    QString email() const;
    QString tier() const;
    QString phone() const { return m_phone; }
    QString birthday() const { return m_birthday; }
    QVariantList cart() const { return m_cart; }
    int cartTotal() const { return m_cartTotal; }
    QVariantList offers() const { return m_offers; }
    QVariantList products() const { return m_products; }
    int points() const { return m_points; }
    bool isStorefrontLoaded() const { return m_storefrontLoaded; }
    QVariantList grantedScopes() const;
    QVariantList sharedClaims() const;
    QString magicLinkEmail() const { return m_magicLinkEmail; }
    bool isSocialAvailable() const;
    bool isMagicLinkAvailable() const;
    bool isBiometricAvailable() const { return m_biometricAvailable; }
    bool isBiometricEnabled() const { return m_biometricEnabled; }
    QString biometricStatus() const { return m_biometricStatus; }
    QString lastDownload() const { return m_lastDownload; }
    QString issuer() const { return m_options.issuer; }

    //! Loads the kept sign-in (if any) and decides the first screen.
    void start();
    //! Sets the language passed to the IdP as ui_locales.
    void setLanguage(const QString &language) { m_options.language = language; }

public Q_SLOTS:
    void signInWithPassword();
    void signInWithProvider(const QString &provider);
    void sendMagicLink(const QString &email);
    void completeWithCode(const QString &code);
    void cancelSignIn();
    //! A link the OS handed to the app: a sign-in redirect, a magic link or a kiosk link.
    bool handleUrl(const QUrl &url);

    void reload();
    void addToCart(const QString &productId);
    void clearError();
    void clearNotice();

    //! Asks the platform again whether fingerprint unlock can be used (never prompts).
    void refreshBiometric();
    void setBiometricEnabled(bool enabled);
    void unlock();
    void forgetAndSignIn();

    //! Opens the IdP's device page for a code typed from a kiosk, or a scanned verification link.
    void approveKiosk(const QString &codeOrLink);
    //! Asks the IdP for one more scope ("phone", "birthday") with a consent step.
    void requestScope(const QString &scope);

    void downloadMyData();
    void signOut();
    void signOutEverywhere();
    void deleteAccount();

Q_SIGNALS:
    void phaseChanged();
    void busyChanged();
    void onlineChanged();
    void errorChanged();
    void noticeChanged();
    void profileChanged();
    void cartChanged();
    void offersChanged();
    void productsChanged();
    void magicLinkChanged();
    void biometricChanged();
    //! For automation: one event per notable thing (signed_in, signed_out, error, download, ...).
    void event(const QString &name, const QVariantMap &details);

private:
    using Json = std::function<void(const QJsonDocument &)>;
    void setPhase(const QString &phase);
    void setBusy(const QString &text);
    void setOnline(bool online);
    void fail(const QString &action, const Concierge::Error &error);
    void notice(const QString &text);
    void onSignedIn();
    void onSignedOut();
    void api(const QByteArray &verb, const QString &path, const QString &action, Json done,
             std::function<void(const Concierge::Error &)> failed = {}, const QByteArray &body = {});
    void applyCart(const QJsonObject &cart);
    Concierge::SignInOptions signInOptions() const;
    QString plainMessage(const QString &action, const Concierge::Error &error) const;

    Options m_options;
    Concierge::Session *m_session = nullptr;
    QString m_phase = QStringLiteral("starting");
    QString m_busyText;
    QString m_errorText;
    QString m_noticeText;
    QString m_lastDownload;
    bool m_online = true;
    QVariantList m_cart;
    int m_cartTotal = 0;
    QVariantList m_offers;
    QVariantList m_products;
    int m_points = 0;
    bool m_storefrontLoaded = false;
    QString m_phone;
    QString m_birthday;
    QVariantMap m_apiProfile;
    QString m_magicLinkEmail;
    QString m_pendingScope;
    bool m_biometricAvailable = false;
    bool m_biometricEnabled = false;
    QString m_biometricStatus;
    bool m_deleting = false;
    QTimer m_retry;
};
