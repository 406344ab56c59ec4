// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "net/metadatacache_p.h"

#include "core/logging_p.h"
#include "core/urls_p.h"

namespace Concierge::Internal {

MetadataCache::MetadataCache(Transport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
}

void MetadataCache::clear()
{
    m_metadata.clear();
    m_jwks.clear();
    m_lastForcedRefetch.clear();
}

qint64 MetadataCache::lifetime(const HttpResponse &response) const
{
    const qint64 maxAge = response.maxAgeSeconds();
    return qMin<qint64>(maxAge < 0 ? m_defaultMaxAge : maxAge, 24 * 3600);
}

void MetadataCache::insertMetadata(const ProviderMetadata &metadata, qint64 maxAgeSeconds)
{
    auto &entry = m_metadata[metadata.issuer()];
    entry.value = metadata;
    entry.valid = true;
    entry.fetchedAt = now();
    entry.expiresAt = entry.fetchedAt.addSecs(maxAgeSeconds);
}

template<typename T>
void MetadataCache::answer(Entry<T> &entry, const Result<T> &result)
{
    auto waiting = std::move(entry.waiting);
    entry.waiting.clear();
    entry.inFlight = false;
    for (auto &[context, callback] : waiting) {
        if (context)
            callback(result);
    }
}

template<typename T, typename Parse>
void MetadataCache::fetch(QHash<QString, Entry<T>> &map, const QString &key, const QUrl &url, bool force,
                          QObject *context, std::function<void(const Result<T> &)> done, Parse parse)
{
    auto &entry = map[key];
    if (!force && entry.valid && now() < entry.expiresAt) {
        done(entry.value);
        return;
    }
    entry.waiting.emplace_back(QPointer<QObject>(context ? context : this), std::move(done));
    if (entry.inFlight)
        return;
    entry.inFlight = true;
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    // Qt 6 QHash moves values on insert: look the entry up again when the reply lands.
    m_transport->get(request, this, [this, &map, key, parse](const HttpResponse &response) {
        Result<T> result = [&]() -> Result<T> {
            if (response.error.isError())
                return response.error;
            if (response.status >= 500)
                return Error(Error::Code::ServerError, QStringLiteral("provider answered HTTP %1").arg(response.status),
                             response.status);
            if (response.status != 200)
                return Error(Error::Code::HttpError, QStringLiteral("provider answered HTTP %1").arg(response.status),
                             response.status);
            return parse(response.body);
        }();
        auto &entry = map[key];
        if (result) {
            entry.value = *result;
            entry.valid = true;
            entry.fetchedAt = now();
            entry.expiresAt = entry.fetchedAt.addSecs(lifetime(response));
        }
        answer(entry, result);
    });
}

void MetadataCache::discovery(const ProviderConfig &config, QObject *context, MetadataDone done)
{
    const QString issuer = config.issuer();
    const QUrl url = config.discoveryUrl();
    if (auto ok = checkEndpoint(url, "issuer"); !ok) {
        done(ok.error());
        return;
    }
    fetch<ProviderMetadata>(m_metadata, issuer, url, false, context, std::move(done), [issuer](const QByteArray &body) {
        return ProviderMetadata::fromJson(body, issuer);
    });
}

bool MetadataCache::canForceJwksRefresh(const QUrl &jwksUri) const
{
    const auto key = jwksUri.toString();
    const auto entry = m_jwks.constFind(key);
    if (entry != m_jwks.cend() && entry->inFlight)
        return true; // joining a fetch already under way costs nothing
    const auto last = m_lastForcedRefetch.constFind(key);
    return last == m_lastForcedRefetch.cend() || last->secsTo(now()) >= m_minRefetch;
}

void MetadataCache::jwks(const QUrl &jwksUri, bool forceRefresh, QObject *context, JwksDone done)
{
    const QString key = jwksUri.toString();
    bool force = false;
    if (forceRefresh && !m_jwks.value(key).inFlight && canForceJwksRefresh(jwksUri)) {
        force = true;
        m_lastForcedRefetch.insert(key, now());
        qCInfo(lcNet).noquote() << "refetching JWKS (unknown key id)" << redactUrl(jwksUri);
    }
    fetch<JsonWebKeySet>(m_jwks, key, jwksUri, force, context, std::move(done),
                         [](const QByteArray &body) { return JsonWebKeySet::fromJson(body); });
}

} // namespace Concierge::Internal
