// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

// Small helpers shared by the Qt-event-loop benchmarks (bench_session, bench_qtnetworkauth):
// medians, number formatting, waiting on the event loop, and the process's resident set size.

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QLocale>
#include <QtCore/QMap>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <unistd.h>

namespace Concierge::Bench {

inline double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

inline QString fmt(double value, int decimals)
{
    return QLocale::c().toString(value, 'f', decimals);
}

//! 10000 -> "10,000"
inline QString count(qint64 value)
{
    QString digits = QString::number(value);
    for (int i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return digits;
}

inline void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

//! Runs the event loop until \a done() or \a timeoutMs; false on timeout.
template<typename Predicate>
bool waitFor(Predicate done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

struct Resident
{
    qint64 totalKiB = -1; //!< resident set size
    qint64 fileKiB = -1;  //!< of which file-backed (library code and data paged in)
    qint64 anonKiB() const { return totalKiB - fileKiB; }
};

//! Runs the event loop for \a ms: lets requests that are about to be sent go out before counting.
inline void settle(int ms)
{
    waitFor([] { return false; }, ms);
}

//! Lets pending deferred deletes run, returns freed heap to the OS (glibc), then reads the resident
//! set size from /proc/self/statm, in KiB (-1 where /proc is missing).
inline Resident resident()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    Resident r;
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return r;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 3)
        return r;
    const qint64 page = ::sysconf(_SC_PAGESIZE) / 1024;
    r.totalKiB = fields.at(1).toLongLong() * page;
    r.fileKiB = fields.at(2).toLongLong() * page;
    return r;
}

//! File names of the shared objects mapped into this process (/proc/self/maps), to tell what a
//! first use loads.
inline QStringList mappedLibraries()
{
    QStringList names;
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return names;
    const QList<QByteArray> lines = maps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const auto slash = line.indexOf('/');
        if (slash < 0 || !line.contains(".so"))
            continue;
        const QString name = QString::fromUtf8(line.mid(line.lastIndexOf('/') + 1));
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

//! Resident KiB per mapped file (/proc/self/smaps), to tell where a first use's file-backed pages
//! come from.
inline QMap<QString, qint64> residentPerFile()
{
    QMap<QString, qint64> kib;
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return kib;
    QString current;
    const auto isMappingHeader = [](const QByteArray &line) { // "7f01a000-7f01b000 r-xp 0 08:01 42 /usr/lib/x.so"
        const QByteArray range = line.left(line.indexOf(' '));
        return range.contains('-')
            && std::all_of(range.cbegin(), range.cend(), [](char c) { return c == '-' || std::isxdigit(static_cast<unsigned char>(c)); });
    };
    const QList<QByteArray> lines = smaps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (isMappingHeader(line)) {
            const auto slash = line.indexOf('/');
            current = slash < 0 ? QString() : QString::fromUtf8(line.mid(line.lastIndexOf('/') + 1));
        } else if (line.startsWith("Rss:") && !current.isEmpty()) {
            kib[current] += line.mid(4).simplified().split(' ').value(0).toLongLong();
        }
    }
    return kib;
}

//! The \a count files whose resident KiB grew most from \a before to \a after, as "name +N KiB".
inline QStringList largestGrowth(const QMap<QString, qint64> &before, const QMap<QString, qint64> &after, int count)
{
    std::vector<std::pair<qint64, QString>> growth;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        growth.emplace_back(it.value() - before.value(it.key()), it.key());
    std::sort(growth.begin(), growth.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList out;
    for (const auto &[kib, name] : growth) {
        if (out.size() == count || kib <= 0)
            break;
        out << QStringLiteral("%1 +%2 KiB").arg(name).arg(kib);
    }
    return out;
}

} // namespace Concierge::Bench
