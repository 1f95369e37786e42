// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsRequest.h"
#include "emulator/EmulatorConfig.h"
#include "emulator/EmulatorResponse.h"
#include "emulator/FaultInjector.h"
#include "emulator/PageTokenCodec.h"
#include "emulator/QAppsService.h"
#include "emulator/SignatureVerifier.h"
#include "emulator/WorkSpacesWebService.h"

#include <QDateTime>

#include <functional>

class EmulatorStore;

/// Answers one request, independently of the network: routes by path to WorkSpaces Web or Q Apps
/// (which also decides the signing name the credential scope must carry), verifies the signature,
/// draws the fault, runs the operation, and adds the headers every AWS answer has (x-amzn-RequestId,
/// Date, Content-Type).
class EmulatorDispatcher
{
public:
    EmulatorDispatcher(EmulatorStore &store, const EmulatorConfig &config);

    EmulatorResponse handle(const AwsRequest &request);

    /// The emulator's clock: the configured clock plus the fault plan's clock offset.
    QDateTime now() const;
    FaultInjector &faults() { return m_faults; }

    /// An HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT").
    static QByteArray httpDate(const QDateTime &time);

private:
    EmulatorResponse faultResponse(FaultInjector::Fault fault, const QString &service) const;

    std::function<QDateTime()> m_clock;
    SignatureVerifier m_verifier;
    FaultInjector m_faults;
    PageTokenCodec m_tokens;
    WorkSpacesWebService m_workspacesWeb;
    QAppsService m_qapps;
};
