// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/EmulatorDispatcher.h"

#include "emulator/EmulatorStore.h"

#include <QLocale>
#include <QUuid>

using namespace Qt::StringLiterals;

EmulatorDispatcher::EmulatorDispatcher(EmulatorStore &store, const EmulatorConfig &config)
    : m_clock(config.clock ? config.clock : [] { return QDateTime::currentDateTimeUtc(); })
    , m_verifier(config.credentials, config.region, &m_issued)
    , m_faults(config.seed, config.faults)
    , m_rateLimit(config.rateLimit)
    , m_tokens(config.seed)
    , m_workspacesWeb(store, m_tokens, config.maxPage)
    , m_qapps(store)
    , m_devices(config.identity.ssoTokenLifetimeSeconds, config.identity.deviceCodeLifetimeSeconds)
    , m_sts(m_verifier, m_issued, config.identity)
    , m_ssoPortal(m_devices, m_issued)
    , m_ssoOidc(m_devices, config.identity.devicePollIntervalSeconds)
    , m_container(m_issued, config.identity.account, config.identity.containerAuthorizationToken)
    , m_imds(m_issued, config.identity.account, config.region, config.identity.imdsRole,
             config.identity.imdsV1, config.identity.imdsDisableV2)
    , m_control(m_faults, m_devices, m_rateLimit)
{}

QDateTime EmulatorDispatcher::now() const
{
    return m_clock().toUTC().addSecs(m_faults.plan().clockOffsetSeconds);
}

QByteArray EmulatorDispatcher::httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
}

EmulatorResponse EmulatorDispatcher::faultResponse(FaultInjector::Fault fault, const QString &service) const
{
    const QString serviceNamespace = service == QAppsService::signingName()
                                         ? QAppsService::errorNamespace()
                                         : WorkSpacesWebService::errorNamespace();
    EmulatorResponse response;
    switch (fault) {
    case FaultInjector::Fault::Throttling:
        response =
            EmulatorResponse::error(429, u"ThrottlingException"_s, u"Rate exceeded"_s, serviceNamespace,
                                    {{u"serviceCode"_s, service}, {u"quotaCode"_s, u"L-5E5510E5"_s}});
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        break;
    case FaultInjector::Fault::InternalError:
        response =
            EmulatorResponse::error(500, u"InternalServerException"_s,
                                    u"An internal error occurred. Retry the request."_s, serviceNamespace);
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
        break;
    case FaultInjector::Fault::ServiceUnavailable:
        response = EmulatorResponse::error(503, u"ServiceUnavailableException"_s, u"Service Unavailable"_s,
                                           u"com.amazon.coral.availability"_s);
        break;
    case FaultInjector::Fault::ConnectionReset:
        response.delivery = EmulatorResponse::Delivery::ConnectionReset;
        break;
    default:
        break;
    }
    return response;
}

EmulatorResponse EmulatorDispatcher::handle(const AwsRequest &request)
{
    const QDateTime now = this->now();
    RequestContext context;
    context.nowMs = now.toMSecsSinceEpoch();
    context.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray &path = request.encodedPath;

    EmulatorResponse response;
    bool awsService = true; // IMDS, container credentials and /_emulator/ are not AWS APIs
    if (WorkSpacesWebService::ownsPath(path)) {
        response = handleSigned(request, WorkSpacesWebService::signingName(), now, context);
    } else if (QAppsService::ownsPath(path)) {
        response = handleSigned(request, QAppsService::signingName(), now, context);
    } else if (StsService::ownsRequest(request)) {
        response = m_sts.handle(request, context);
    } else if (SsoPortalService::ownsPath(path)) {
        response = m_ssoPortal.handle(request, context);
    } else if (SsoOidcService::ownsPath(path)) {
        response = m_ssoOidc.handle(request, context);
    } else if (ContainerCredentialsService::ownsPath(path)) {
        response = m_container.handle(request, context);
        awsService = false;
    } else if (InstanceMetadataService::ownsPath(path)) {
        response = m_imds.handle(request, context);
        awsService = false;
    } else if (EmulatorControlService::ownsPath(path)) {
        response = m_control.handle(request, context);
        awsService = false;
    } else {
        response = EmulatorResponse::error(404, u"UnknownOperationException"_s,
                                           u"sessionscope-emulator has no operation for %1 %2"_s.arg(
                                               QString::fromLatin1(request.method), QString::fromUtf8(path)),
                                           u"com.amazon.coral.service"_s);
    }

    if (response.header("Content-Type").isNull())
        response.headers.prepend({"Content-Type", "application/json"});
    response.headers.prepend({"Date", httpDate(now)});
    if (awsService)
        response.headers.prepend({"x-amzn-RequestId", context.requestId.toLatin1()});
    return response;
}

EmulatorResponse EmulatorDispatcher::handleSigned(const AwsRequest &request, const QString &service,
                                                  const QDateTime &now, RequestContext context)
{
    if (const AwsResult<AwsCredentials> caller = m_verifier.verify(request, service, now); !caller) {
        return EmulatorResponse::error(caller.error().httpStatus(), caller.error().code(),
                                       caller.error().message(), u"com.amazon.coral.service"_s);
    }
    // Over the rate limit: refused like the service's own rate limits, without Retry-After, before any
    // fault is drawn (so the fault sequence of a seed stays the same with or without a limit).
    if (!m_rateLimit.admit(m_clock().toMSecsSinceEpoch())) {
        const QString serviceNamespace = service == QAppsService::signingName()
                                             ? QAppsService::errorNamespace()
                                             : WorkSpacesWebService::errorNamespace();
        return EmulatorResponse::error(429, u"ThrottlingException"_s, u"Rate exceeded"_s, serviceNamespace,
                                       {{u"serviceCode"_s, service}, {u"quotaCode"_s, u"L-5E5510E5"_s}});
    }
    // The fault is decided before the operation runs, so a refused request never changes anything.
    const FaultInjector::Fault fault = m_faults.next();
    switch (fault) {
    case FaultInjector::Fault::Throttling:
    case FaultInjector::Fault::InternalError:
    case FaultInjector::Fault::ServiceUnavailable:
    case FaultInjector::Fault::ConnectionReset:
        return faultResponse(fault, service);
    default:
        break;
    }
    context.repeatNextToken = fault == FaultInjector::Fault::RepeatedNextToken;
    EmulatorResponse response = service == QAppsService::signingName()
                                    ? m_qapps.handle(request, context)
                                    : m_workspacesWeb.handle(request, context);
    if (fault == FaultInjector::Fault::TruncatedBody)
        response.delivery = EmulatorResponse::Delivery::TruncatedBody;
    return response;
}
