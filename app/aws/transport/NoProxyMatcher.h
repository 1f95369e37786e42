// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QUrl>

/// Decides whether a request goes direct because of a NO_PROXY list, the way botocore does (Python's
/// urllib.request.proxy_bypass_environment on the endpoint's host[:port]):
/// - "*" as the whole list bypasses the proxy for every host (as one entry among others it matches
///   nothing, as in botocore);
/// - a host name matches itself and every host below it, with or without a leading dot: "amazonaws.com"
///   and ".amazonaws.com" both match "amazonaws.com" and "workspaces-web.us-east-1.amazonaws.com";
///   matching ignores case and is a plain suffix test on the name, so "0.0.1" matches "127.0.0.1" too;
/// - "host:port" matches only a URL that names that port explicitly (https://h:8443, not https://h);
/// - an IP address matches that address (IPv6 with or without brackets).
/// Beyond botocore, which leaves them out: a CIDR range ("10.0.0.0/8", "fd00::/8") matches every IP
/// address in it, as curl, requests and Go do. There is no default list: loopback goes through the
/// proxy unless the list says otherwise, as with the AWS CLI.
class NoProxyMatcher
{
public:
    NoProxyMatcher() = default;
    explicit NoProxyMatcher(const QStringList &entries);

    /// The entries of a NO_PROXY value: split at commas, trimmed, empty ones dropped.
    static QStringList split(const QString &value);

    /// True when a request to `url` must not use the proxy.
    bool bypasses(const QUrl &url) const;

    QStringList entries() const { return m_entries; }

private:
    QStringList m_entries;
};
