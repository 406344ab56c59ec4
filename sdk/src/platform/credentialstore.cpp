// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "platform/credentialstore_p.h"

#include "core/idtokenvalidator_p.h"
#include "core/json_p.h"

namespace Concierge::Internal {

namespace {
QString keyPart(QString part)
{
    return part.replace(QLatin1Char('%'), QLatin1String("%25")).replace(QLatin1Char('|'), QLatin1String("%7C"));
}
} // namespace

QString CredentialStore::accountKey(const QString &issuer, const QString &clientId, const QString &profile)
{
    return keyPart(issuer) + QLatin1Char('|') + keyPart(clientId) + QLatin1Char('|')
        + (profile.isEmpty() ? QStringLiteral("default") : keyPart(profile));
}

QString CredentialStore::itemKey(const QString &account, Item item)
{
    switch (item) {
    case Item::Record:
        return account;
    case Item::DataKey:
        return account + QLatin1String("|data-key");
    case Item::BiometricSlot:
        return account + QLatin1String("|biometric");
    }
    return account;
}

QByteArray sealTokenRecord(const QByteArray &dataKey, Seal::Protection protection, const QString &account,
                           const TokenSet &tokens, const QString &issuer, const QString &clientId,
                           const QByteArray &dpopKey)
{
    return Seal::seal(dataKey, protection, encodeTokenRecord(tokens, issuer, clientId, dpopKey), account.toUtf8());
}

Result<StoredSession> openTokenRecord(const QByteArray &dataKey, const QByteArray &box, const QString &account,
                                      const QString &issuer, const QString &clientId)
{
    const auto plain = Seal::open(dataKey, box, account.toUtf8());
    if (!plain)
        return plain.error();
    return decodeTokenRecord(*plain, issuer, clientId);
}

QByteArray encodeTokenRecord(const TokenSet &t, const QString &issuer, const QString &clientId, const QByteArray &dpopKey)
{
    nlohmann::json j;
    j["format"] = "concierge.tokens";
    j["v"] = 1;
    j["iss"] = issuer.toStdString();
    j["client_id"] = clientId.toStdString();
    j["access_token"] = t.accessToken().toStdString();
    j["refresh_token"] = t.refreshToken().toStdString();
    j["token_type"] = t.tokenType().toStdString();
    j["scope"] = t.scopes().join(QLatin1Char(' ')).toStdString();
    j["issued_at"] = t.issuedAt().isValid() ? t.issuedAt().toSecsSinceEpoch() : 0;
    j["expires_at"] = t.expiresAt().isValid() ? t.expiresAt().toSecsSinceEpoch() : 0;
    j["id_token"] = t.idToken().raw().toStdString();
    if (!dpopKey.isEmpty())
        j["dpop_key"] = dpopKey.toBase64().toStdString();
    const std::string s = j.dump();
    return QByteArray(s.data(), qsizetype(s.size()));
}

Result<StoredSession> decodeTokenRecord(const QByteArray &record, const QString &issuer, const QString &clientId)
{
    const Error corrupt(Error::Code::StoreCorrupt, QStringLiteral("the stored sign-in record is damaged or foreign"));
    const auto j = Json::parseObject(record, 256 * 1024);
    if (!j || Json::stringOr(*j, "format") != QLatin1String("concierge.tokens") || Json::integer(*j, "v") != 1)
        return corrupt;
    if (Json::stringOr(*j, "iss") != issuer || Json::stringOr(*j, "client_id") != clientId)
        return corrupt;
    const auto access = Json::string(*j, "access_token");
    const auto refresh = Json::string(*j, "refresh_token");
    const auto type = Json::string(*j, "token_type");
    const auto scope = Json::string(*j, "scope");
    const auto issued = Json::integer(*j, "issued_at");
    const auto expires = Json::integer(*j, "expires_at");
    const auto idToken = Json::string(*j, "id_token");
    if (!access || access->isEmpty() || !refresh || !type || !scope || !issued || !expires || !idToken)
        return corrupt;
    TokenSet t;
    t.setAccessToken(access->toUtf8());
    t.setRefreshToken(refresh->toUtf8());
    t.setTokenType(*type);
    t.setScopes(scope->split(QLatin1Char(' '), Qt::SkipEmptyParts));
    if (*issued > 0)
        t.setIssuedAt(QDateTime::fromSecsSinceEpoch(*issued, Qt::UTC));
    if (*expires > 0)
        t.setExpiresAt(QDateTime::fromSecsSinceEpoch(*expires, Qt::UTC));
    if (!idToken->isEmpty()) {
        auto parsed = idTokenFromTrustedStorage(idToken->toUtf8());
        if (!parsed || parsed->issuer() != issuer || !parsed->audiences().contains(clientId))
            return corrupt;
        t.setIdToken(*parsed);
    }
    StoredSession stored;
    stored.tokens = t;
    if (j->contains("dpop_key")) {
        const auto key = Json::string(*j, "dpop_key");
        if (!key)
            return corrupt;
        stored.dpopKey = QByteArray::fromBase64(key->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (stored.dpopKey.isEmpty())
            return corrupt;
    }
    return stored;
}

} // namespace Concierge::Internal
