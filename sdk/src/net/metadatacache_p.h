// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concierge/providerconfig.h>
#include <concierge/providermetadata.h>
#include <concierge/result.h>

#include "core/jwks_p.h"
#include "net/transport_p.h"

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QObject>

#include <functional>
#include <vector>

namespace Concierge::Internal {

using Jose::JsonWebKeySet;

/*!
  Discovery documents and JWKS, fetched once and kept for their HTTP cache lifetime (Cache-Control
  max-age; none given → defaultMaxAge, at most 24 h; no-store → not kept). Concurrent requests for the
  same document share one fetch. A forced JWKS refetch (unknown \c kid) happens at most once per
  minJwksRefetchInterval per JWKS URL, so a stream of tokens with made-up kids cannot make us hammer
  the provider.
*/
class MetadataCache : public QObject
{
    Q_OBJECT
public:
    using MetadataDone = std::function<void(const Result<ProviderMetadata> &)>;
    using JwksDone = std::function<void(const Result<JsonWebKeySet> &)>;
    using Clock = std::function<QDateTime()>;

    explicit MetadataCache(Transport *transport, QObject *parent = nullptr);

    void discovery(const ProviderConfig &config, QObject *context, MetadataDone done);
    //! \a forceRefresh asks for a refetch; it is honoured only when canForceJwksRefresh() allows it.
    void jwks(const QUrl &jwksUri, bool forceRefresh, QObject *context, JwksDone done);
    bool canForceJwksRefresh(const QUrl &jwksUri) const;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setDefaultMaxAgeSeconds(qint64 s) { m_defaultMaxAge = s; }
    void setMinJwksRefetchIntervalSeconds(qint64 s) { m_minRefetch = s; }
    void clear();

    //! Seeds the cache (a persisted copy, or a test).
    void insertMetadata(const ProviderMetadata &metadata, qint64 maxAgeSeconds);

private:
    template<typename T>
    struct Entry
    {
        T value;
        QDateTime fetchedAt;
        QDateTime expiresAt;
        bool valid = false;
        std::vector<std::pair<QPointer<QObject>, std::function<void(const Result<T> &)>>> waiting;
        bool inFlight = false;
    };

    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    qint64 lifetime(const HttpResponse &response) const;

    // One fetch serves every waiting caller; each caller is answered exactly once.
    template<typename T, typename Parse>
    void fetch(QHash<QString, Entry<T>> &map, const QString &key, const QUrl &url, bool force, QObject *context,
               std::function<void(const Result<T> &)> done, Parse parse);
    template<typename T>
    static void answer(Entry<T> &entry, const Result<T> &result);

    Transport *m_transport;
    Clock m_clock;
    qint64 m_defaultMaxAge = 3600;
    qint64 m_minRefetch = 60;
    QHash<QString, Entry<ProviderMetadata>> m_metadata;
    QHash<QString, Entry<JsonWebKeySet>> m_jwks;
    QHash<QString, QDateTime> m_lastForcedRefetch;
};

} // namespace Concierge::Internal
