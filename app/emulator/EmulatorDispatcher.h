// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorConfig.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/FaultInjector.h"
#include "emulator/PageTokenCodec.h"
#include "emulator/QAppsService.h"
#include "emulator/RequestRateLimit.h"
#include "emulator/SignatureVerifier.h"
#include "emulator/WorkSpacesWebService.h"
#include "emulator/identity/ContainerCredentialsService.h"
#include "emulator/identity/DeviceAuthorizations.h"
#include "emulator/identity/EmulatorControlService.h"
#include "emulator/identity/InstanceMetadataService.h"
#include "emulator/identity/IssuedCredentials.h"
#include "emulator/identity/SsoOidcService.h"
#include "emulator/identity/SsoPortalService.h"
#include "emulator/identity/StsService.h"

#include <QDateTime>

#include <functional>

class EmulatorStore;

/// Answers one request, independently of the network: routes by path to WorkSpaces Web or Q Apps
/// (which also decides the signing name the credential scope must carry), verifies the signature,
/// draws the fault, runs the operation, and adds the headers every AWS answer has (x-amzn-RequestId,
/// Date, Content-Type). The identity services (STS at "/", the IAM Identity Center portal and OIDC,
/// container credentials, IMDS under /latest/, the emulator's own /_emulator/ routes) are routed to their
/// classes, which check their own authentication; faults are never drawn for them. Credentials they issue
/// are accepted by every signed route.
class EmulatorDispatcher
{
public:
    EmulatorDispatcher(EmulatorStore &store, const EmulatorConfig &config);

    EmulatorResponse handle(const AwsRequest &request);

    /// The emulator's clock: the configured clock plus the fault plan's clock offset.
    QDateTime now() const;
    FaultInjector &faults() { return m_faults; }
    const RequestRateLimit &rateLimit() const { return m_rateLimit; }
    IssuedCredentials &issuedCredentials() { return m_issued; }

    /// An HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT").
    static QByteArray httpDate(const QDateTime &time);

private:
    EmulatorResponse faultResponse(FaultInjector::Fault fault, const QString &service) const;
    /// WorkSpaces Web and Q Apps: signature, fault, operation.
    EmulatorResponse handleSigned(const AwsRequest &request, const QString &service, const QDateTime &now,
                                  RequestContext context);

    std::function<QDateTime()> m_clock;
    IssuedCredentials m_issued;
    SignatureVerifier m_verifier;
    FaultInjector m_faults;
    RequestRateLimit m_rateLimit;
    PageTokenCodec m_tokens;
    WorkSpacesWebService m_workspacesWeb;
    QAppsService m_qapps;
    DeviceAuthorizations m_devices;
    StsService m_sts;
    SsoPortalService m_ssoPortal;
    SsoOidcService m_ssoOidc;
    ContainerCredentialsService m_container;
    InstanceMetadataService m_imds;
    EmulatorControlService m_control;
};
