// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/NoProxyMatcher.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace {

// The address an entry or host names, without brackets; null when it is a name.
QHostAddress addressOf(QString text)
{
    if (text.startsWith(u'[') && text.endsWith(u']'))
        text = text.mid(1, text.size() - 2);
    QHostAddress address;
    if (!address.setAddress(text))
        return {};
    return address;
}

} // namespace

NoProxyMatcher::NoProxyMatcher(const QStringList &entries)
{
    for (const QString &entry : entries) {
        const QString trimmed = entry.trimmed().toLower();
        if (!trimmed.isEmpty())
            m_entries.append(trimmed);
    }
}

QStringList NoProxyMatcher::split(const QString &value)
{
    QStringList entries;
    for (const QString &part : value.split(u',')) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            entries.append(trimmed);
    }
    return entries;
}

bool NoProxyMatcher::bypasses(const QUrl &url) const
{
    if (m_entries.isEmpty())
        return false;
    if (m_entries.size() == 1 && m_entries.first() == u"*"_s)
        return true;

    // urllib compares against the URL's netloc: the host (IPv6 in brackets) and the port when the URL
    // names one.
    const QString name = url.host().toLower();
    const QHostAddress address = addressOf(name);
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + name + u']' : name;
    const QString hostWithPort = url.port() >= 0 ? host + u':' + QString::number(url.port()) : host;

    for (QString entry : m_entries) {
        if (entry.contains(u'/')) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (!address.isNull() &&
                subnet.first.protocol() != QAbstractSocket::UnknownNetworkLayerProtocol &&
                address.isInSubnet(subnet))
                return true;
            continue;
        }
        while (entry.startsWith(u'.'))
            entry.remove(0, 1);
        if (entry.isEmpty())
            continue;
        if (host == entry || hostWithPort == entry)
            return true;
        const QString suffix = u'.' + entry;
        if (host.endsWith(suffix) || hostWithPort.endsWith(suffix))
            return true;
        // An IPv6 address written without brackets, or in another spelling of the same address.
        const QHostAddress entryAddress = addressOf(entry);
        if (!address.isNull() && !entryAddress.isNull() && entryAddress.isEqual(address))
            return true;
    }
    return false;
}
