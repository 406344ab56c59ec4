// Copyright (C) 2026 The Concierge Authors. SPDX-License-Identifier: Apache-2.0
#include "core/urls_p.h"

#include <QtNetwork/QHostAddress>

namespace Concierge::Internal {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return address.isLoopback();
}

Result<void> checkEndpoint(const QUrl &url, const char *what)
{
    const QString name = QString::fromLatin1(what);
    if (!url.isValid() || url.host().isEmpty())
        return Error(Error::Code::InvalidConfiguration, name + QLatin1String(" is not a valid URL"));
    if (!url.fragment().isEmpty() || !url.userInfo().isEmpty())
        return Error(Error::Code::InvalidConfiguration, name + QLatin1String(" must not carry a fragment or user info"));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    return Error(Error::Code::InsecureEndpoint, name + QLatin1String(" must use https"));
}

namespace {

void appendEncoded(QByteArray &out, const QString &value)
{
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = value.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '*') {
            out.append(char(c));
        } else if (c == ' ') {
            out.append('+');
        } else {
            out.append('%');
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xF]);
        }
    }
}

QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

} // namespace

QByteArray formEncode(const FormFields &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out.append('&');
        appendEncoded(out, name);
        out.append('=');
        appendEncoded(out, value);
    }
    return out;
}

FormFields formDecode(const QByteArray &encoded)
{
    FormFields fields;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const auto eq = pair.indexOf('=');
        if (eq < 0)
            fields.append({decodeComponent(pair), QString()});
        else
            fields.append({decodeComponent(pair.left(eq)), decodeComponent(pair.mid(eq + 1))});
    }
    return fields;
}

} // namespace Concierge::Internal
