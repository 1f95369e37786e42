// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The endpoints as SessionScope resolves them, for the differential test against botocore
// (endpoint_diff.py). Reads lines "SERVICE REGION FIPS DUALSTACK" from stdin (FIPS, DUALSTACK: 0 or 1;
// SERVICE: workspaces-web, qapps, sts, sts-legacy (sts_regional_endpoints = legacy), sso, sso-oidc) and
// prints, for each, one line: the host the requests go to, or "error: <message>".
//
// Each case goes through the app's own entry points with the settings in the environment, as a user sets
// them: ConnectionResolver for the region and the WorkSpaces Web, Q Apps and STS endpoints,
// SsoEndpoints for IAM Identity Center (the region is then sso_region). No shared files are read
// (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point at nothing) and nothing is sent.

#include "aws/AwsError.h"
#include "aws/config/ConnectionOptions.h"
#include "aws/config/ConnectionResolver.h"
#include "aws/config/SharedConfig.h"
#include "aws/credentials/sso/SsoEndpoints.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcessEnvironment>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

AwsResult<QUrl> resolve(const QString &service, const QString &region, bool fips, bool dualStack)
{
    const QString nowhere = QDir::temp().filePath(u"sessionscope-endpoint-probe-none"_s);
    QProcessEnvironment env;
    env.insert(u"AWS_CONFIG_FILE"_s, nowhere);
    env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, nowhere);
    env.insert(u"AWS_USE_FIPS_ENDPOINT"_s, fips ? u"true"_s : u"false"_s);
    env.insert(u"AWS_USE_DUALSTACK_ENDPOINT"_s, dualStack ? u"true"_s : u"false"_s);
    env.insert(u"AWS_STS_REGIONAL_ENDPOINTS"_s, service == u"sts-legacy" ? u"legacy"_s : u"regional"_s);

    if (service == u"sso" || service == u"sso-oidc") {
        const AwsResult<SharedConfig> config = SharedConfig::load(env);
        if (!config)
            return config.error();
        const AwsResult<EndpointResolver::Resolved> endpoint =
            service == u"sso" ? SsoEndpoints::portal(env, config.value(), u"default"_s, region)
                              : SsoEndpoints::oidc(env, config.value(), u"default"_s, region);
        if (!endpoint)
            return endpoint.error();
        return endpoint.value().url;
    }

    ConnectionOptions options;
    options.region = region;
    const AwsResult<ResolvedConnection> connection = ConnectionResolver::resolve(options, env);
    if (!connection)
        return connection.error();
    if (service == u"workspaces-web")
        return connection.value().workspacesWebEndpoint;
    if (service == u"qapps")
        return connection.value().qappsEndpoint;
    if (service == u"sts" || service == u"sts-legacy")
        return connection.value().stsEndpoint;
    return AwsError(AwsError::Category::Configuration, u"unknown service %1"_s.arg(service));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream in(stdin);
    QTextStream out(stdout);
    QString line;
    while (in.readLineInto(&line)) {
        const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        if (fields.isEmpty())
            continue;
        if (fields.size() != 4) {
            out << "error: expected \"SERVICE REGION FIPS DUALSTACK\"\n";
            continue;
        }
        const AwsResult<QUrl> url =
            resolve(fields.at(0), fields.at(1), fields.at(2) == u"1", fields.at(3) == u"1");
        if (url)
            out << url.value().host() << '\n';
        else
            out << "error: " << url.error().message() << '\n';
    }
    out.flush();
    return 0;
}
