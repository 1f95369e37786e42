// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/EmulatorConfig.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int maxSessionsPerPortal = 20'000'000;
constexpr int maxPortals = 1000;
} // namespace

AwsCredentials EmulatorConfig::demoCredentials()
{
    AwsCredentials credentials;
    credentials.accessKeyId = demoAccessKeyId();
    credentials.secretAccessKey = demoSecretAccessKey();
    credentials.source = u"sessionscope-emulator demo"_s;
    return credentials;
}

bool EmulatorConfig::isLoopback(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4); // also unwraps ::ffff:127.x.y.z
    if (isIpv4)
        return (ipv4 >> 24) == 127;
    return address == QHostAddress(QHostAddress::LocalHostIPv6);
}

std::optional<QString> EmulatorConfig::validate() const
{
    if (!isLoopback(host))
        return u"the emulator only listens on a loopback address (127.0.0.1 or ::1), not %1"_s.arg(
            host.toString());
    if (portals < 1 || portals > maxPortals)
        return u"the number of portals must be between 1 and %1"_s.arg(maxPortals);
    if (sessionsPerPortal < 0 || sessionsPerPortal > maxSessionsPerPortal)
        return u"the number of sessions per portal must be between 0 and %1"_s.arg(maxSessionsPerPortal);
    if (qint64(portals) * sessionsPerPortal > maxSessionsPerPortal)
        return u"at most %1 sessions in all (portals x sessions per portal)"_s.arg(maxSessionsPerPortal);
    if (maxPage < 1)
        return u"the maximum page size must be at least 1"_s;
    if (region.isEmpty())
        return u"the region must not be empty"_s;
    if (credentials.isEmpty())
        return u"at least one access key is needed"_s;
    for (const AwsCredentials &c : credentials) {
        if (!c.isValid())
            return u"every access key needs an access key id and a secret access key"_s;
        if (c.accessKeyId.contains(u'/') || c.accessKeyId.contains(u' '))
            return u"an access key id cannot contain '/' or spaces"_s;
    }
    if (!tls.enabled &&
        (!tls.certificateFile.isEmpty() || !tls.keyFile.isEmpty() || !tls.caOutFile.isEmpty()))
        return u"a TLS certificate, key or CA output file needs TLS to be on (--tls)"_s;
    if (tls.certificateFile.isEmpty() != tls.keyFile.isEmpty())
        return u"a TLS certificate needs its private key and the other way round (--tls-cert with --tls-key)"_s;
    if (!tls.certificateFile.isEmpty() && !tls.caOutFile.isEmpty())
        return u"--tls-ca-out writes the throw-away CA, which is not made when --tls-cert is given"_s;
    if (const auto problem = identity.validate())
        return problem;
    return FaultInjector::validate(faults);
}
