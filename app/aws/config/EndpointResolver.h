// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/AwsResult.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

class SharedConfig;

/// The endpoint of each service SessionScope calls, as the AWS SDKs choose it:
/// the --endpoint-url flag, else AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL, else the profile's
/// `services` section entry for the service, else the profile's `endpoint_url`, else the regional
/// default. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (or the profile's
/// ignore_configured_endpoint_urls = true) skips the configured ones (environment and profile), not the
/// flag. Plain http:// is accepted only for this computer (localhost, 127.0.0.0/8, ::1).
/// As in the AWS CLI, the --endpoint-url flag does not apply to the sign-in services (STS, IAM Identity
/// Center portal and OIDC): only their own configuration does.
///
/// The regional default follows the SDKs' endpoint rules in every partition (AwsPartitions), with
/// use_fips_endpoint / use_dualstack_endpoint (AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT, else the
/// profile's): https://workspaces-web-fips.{region}.{dnsSuffix}, .{dualStackDnsSuffix} for dual-stack, both
/// together. As in botocore, a configured endpoint URL wins over both settings (they then do not apply).
class EndpointResolver
{
public:
    enum class Service {
        WorkSpacesWeb, ///< signing name "workspaces-web", env suffix WORKSPACES_WEB
        QApps,         ///< signing name "qapps", env suffix QAPPS
        Sts,           ///< signing name "sts", env suffix STS
        Sso,           ///< IAM Identity Center portal: signing name "awsssoportal", env suffix SSO
        SsoOidc,       ///< IAM Identity Center OIDC: signing name "sso-oauth", env suffix SSO_OIDC
    };

    /// What a profile says about endpoints.
    struct ProfileSettings
    {
        QString name;                         ///< for messages
        QString endpointUrl;                  ///< the profile's endpoint_url
        QString serviceEndpointUrl;           ///< endpoint_url in its [services] section for the service
        QString ignoreConfiguredEndpointUrls; ///< the profile's ignore_configured_endpoint_urls
        QString stsRegionalEndpoints;         ///< Sts only: the profile's sts_regional_endpoints
        QString useFipsEndpoint;              ///< the profile's use_fips_endpoint
        QString useDualStackEndpoint;         ///< the profile's use_dualstack_endpoint
    };

    /// A boolean endpoint setting and where it came from ("AWS_USE_FIPS_ENDPOINT", "profile dev", "default").
    struct Setting
    {
        bool enabled = false;
        QString source;
    };

    struct Resolved
    {
        QUrl url;       ///< scheme://host[:port], nothing else
        QString source; ///< "--endpoint-url", "AWS_ENDPOINT_URL_QAPPS", "profile dev", "default", ...
    };

    /// The endpoint settings of a shared-files profile for `service`, including its `services` section.
    static ProfileSettings profileSettings(const SharedConfig &config, const QString &profileName,
                                           Service service);

    /// use_fips_endpoint: AWS_USE_FIPS_ENDPOINT, else the profile's, else false. "true"/"false" in any
    /// case; anything else is a Configuration error naming the setting and where it came from.
    static AwsResult<Setting> useFipsEndpoint(const QProcessEnvironment &env, const ProfileSettings &profile);
    /// use_dualstack_endpoint: AWS_USE_DUALSTACK_ENDPOINT, else the profile's, else false; as above.
    static AwsResult<Setting> useDualStackEndpoint(const QProcessEnvironment &env,
                                                   const ProfileSettings &profile);

    /// Resolves the endpoint of `service` for `region`, which must be a valid host label (else a
    /// Configuration error, before any request); the default endpoint honours use_fips_endpoint and
    /// use_dualstack_endpoint, and a partition without FIPS or dual-stack endpoints is a Configuration error.
    /// `flagUrl` is ignored for Sts, Sso and SsoOidc. For Sts, sts_regional_endpoints
    /// (AWS_STS_REGIONAL_ENDPOINTS, else the profile's) = "legacy" picks https://sts.amazonaws.com in
    /// botocore's legacy global regions; the default is "regional"; any other value is a Configuration error.
    static AwsResult<Resolved> resolve(Service service, const QString &flagUrl,
                                       const QProcessEnvironment &env, const ProfileSettings &profile,
                                       const QString &region);

    /// Checks an endpoint URL: http or https with a host, no user info, query, fragment or path; http only
    /// for loopback hosts. `source` names where it came from in the error. Returns scheme://host[:port].
    static AwsResult<QUrl> validate(const QString &text, const QString &source);
    /// True for localhost, 127.0.0.0/8 and ::1.
    static bool isLoopbackHost(const QString &host);

    /// https://workspaces-web.{region}.amazonaws.com, https://data.qapps.{region}.amazonaws.com,
    /// https://sts.{region}.amazonaws.com, https://portal.sso.{region}.amazonaws.com or
    /// https://oidc.{region}.amazonaws.com, with the DNS suffix of the region's partition (amazonaws.com.cn
    /// in the China regions, amazonaws.eu in the European Sovereign Cloud, ...). `region` must be a valid
    /// host label.
    static QUrl defaultEndpoint(Service service, const QString &region);
    /// The same with FIPS and/or dual-stack endpoints, by the services' endpoint rules: "-fips" after the
    /// service's host prefix, the partition's dualStackDnsSuffix; in GovCloud, STS and IAM Identity Center
    /// are FIPS endpoints under their plain names. Configuration error when the partition has no such
    /// endpoints or `region` is not a valid host label. The settings' sources word that error.
    static AwsResult<QUrl> defaultEndpoint(Service service, const QString &region, const Setting &fips,
                                           const Setting &dualStack);
    /// A Configuration error unless `region` is a valid host label (AwsPartitions::isValidHostLabel).
    static AwsResult<QString> validateRegion(const QString &region);
    /// The SigV4 signing name: "workspaces-web", "qapps", "sts", "awsssoportal" or "sso-oauth".
    static QString signingName(Service service);
    /// The suffix of the service-specific environment variable: "WORKSPACES_WEB", "QAPPS", "STS", "SSO",
    /// "SSO_OIDC".
    static QString environmentSuffix(Service service);
    /// The key of the service in a [services] section: "workspaces_web", "qapps", "sts", "sso", "sso_oidc".
    static QString servicesKey(Service service);
    /// True for the sign-in services (Sts, Sso, SsoOidc), to which --endpoint-url does not apply.
    static bool isSignInService(Service service);
};
