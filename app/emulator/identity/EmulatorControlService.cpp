// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/EmulatorControlService.h"

#include "emulator/EmulatorServer.h"
#include "emulator/FaultInjector.h"
#include "emulator/RequestRateLimit.h"
#include "emulator/identity/DeviceAuthorizations.h"
#include "emulator/identity/StsXml.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

EmulatorResponse problem(int status, const QString &message)
{
    return EmulatorResponse::json({{u"message"_s, message}}, status);
}

EmulatorResponse html(int status, const QString &title, const QString &content)
{
    EmulatorResponse response;
    response.status = status;
    response.body =
        (u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
         "<style>body{font-family:sans-serif;margin:3em;max-width:40em}"
         ".code{font:bold 2em monospace;letter-spacing:.1em}"
         "button{font-size:1.1em;margin-right:1em}</style></head>\n<body><h1>%1</h1>\n%2\n"
         "<p><small>sessionscope-emulator: a local stand-in for IAM Identity Center; nothing here "
         "is a real AWS sign-in.</small></p></body></html>\n"_s.arg(title.toHtmlEscaped(), content))
            .toUtf8();
    response.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8")});
    return response;
}

QString queryValue(const QList<QPair<QString, QString>> &pairs, const QString &key)
{
    for (const auto &[k, v] : pairs) {
        if (k == key)
            return v;
    }
    return {};
}

} // namespace

bool EmulatorControlService::ownsPath(const QByteArray &encodedPath)
{
    return encodedPath.startsWith("/_emulator/");
}

EmulatorControlService::EmulatorControlService(FaultInjector &faults, DeviceAuthorizations &devices,
                                               const RequestRateLimit &rateLimit)
    : m_faults(faults)
    , m_devices(devices)
    , m_rateLimit(rateLimit)
{}

EmulatorResponse EmulatorControlService::handle(const AwsRequest &request, const RequestContext &context)
{
    const QByteArray &path = request.encodedPath;
    if (path == "/_emulator/advance-clock")
        return request.method == "POST" ? advanceClock(request, context)
                                        : problem(405, u"advance-clock needs POST"_s);
    if (path == "/_emulator/sso/approve")
        return request.method == "POST" ? approve(request, context) : problem(405, u"approve needs POST"_s);
    if (path == "/_emulator/stats") {
        if (request.method != "GET")
            return problem(405, u"stats needs GET"_s);
        return EmulatorResponse::json({{u"admitted"_s, double(m_rateLimit.admitted())},
                                       {u"throttled"_s, double(m_rateLimit.throttled())}});
    }
    if (path == "/_emulator/sso/device")
        return request.method == "GET" ? devicePage(request, context) : problem(405, u"the page needs GET"_s);
    return problem(404, u"sessionscope-emulator has no route %1"_s.arg(QString::fromUtf8(path)));
}

EmulatorResponse EmulatorControlService::advanceClock(const AwsRequest &request,
                                                      const RequestContext &context)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonValue seconds = body.value(u"seconds"_s);
    const double value = seconds.toDouble(-1);
    if (!seconds.isDouble() || value < 0 || value > double(maxAdvanceSeconds) || value != qint64(value))
        return problem(
            400, u"expected {\"seconds\": N} with N a whole number from 0 to %1"_s.arg(maxAdvanceSeconds));
    FaultInjector::Plan plan = m_faults.plan();
    plan.clockOffsetSeconds += qint64(value);
    m_faults.setPlan(plan);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(context.nowMs, Qt::UTC).addSecs(qint64(value));
    return EmulatorResponse::json(
        {{u"clockOffsetSeconds"_s, plan.clockOffsetSeconds}, {u"now"_s, StsXml::timestamp(now)}});
}

EmulatorResponse EmulatorControlService::approve(const AwsRequest &request, const RequestContext &context)
{
    // The JSON form is for tests; the HTML form comes from the device page.
    const bool fromForm = request.header("content-type").startsWith("application/x-www-form-urlencoded");
    QString userCode;
    bool deny = false;
    if (fromForm) {
        const auto form = EmulatorServer::decodeQuery(request.body);
        userCode = queryValue(form, u"userCode"_s);
        deny = queryValue(form, u"decision"_s) == u"deny"_s;
    } else {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        userCode = body.value(u"userCode"_s).toString();
        deny = body.value(u"deny"_s).toBool(false);
    }
    const bool decided = m_devices.decide(userCode, !deny, context.nowMs);
    if (fromForm) {
        if (!decided)
            return html(
                404, u"Unknown code"_s,
                u"<p>The code %1 is unknown, expired or already used.</p>"_s.arg(userCode.toHtmlEscaped()));
        return html(200, deny ? u"Sign-in denied"_s : u"Sign-in approved"_s,
                    u"<p>You can close this window and return to the application.</p>"_s);
    }
    if (!decided)
        return problem(404, u"no pending sign-in has the user code '%1'"_s.arg(userCode));
    return EmulatorResponse::json(
        {{u"userCode"_s, userCode.trimmed().toUpper()}, {u"status"_s, deny ? u"denied"_s : u"approved"_s}});
}

EmulatorResponse EmulatorControlService::devicePage(const AwsRequest &request,
                                                    const RequestContext &context) const
{
    const QString userCode = queryValue(request.query, u"user_code"_s);
    if (userCode.isEmpty()) {
        return html(
            200, u"Sign in to sessionscope-emulator"_s,
            u"<form method=\"get\" action=\"/_emulator/sso/device\"><p>Enter the code the application "
            "shows:</p><p><input name=\"user_code\" autofocus> <button type=\"submit\">Next</button></p>"
            "</form>"_s);
    }
    const auto device = m_devices.deviceForUserCode(userCode, context.nowMs);
    if (!device || device->state != DeviceAuthorizations::State::Pending) {
        return html(
            404, u"Unknown code"_s,
            u"<p>The code %1 is unknown, expired or already decided.</p>"_s.arg(userCode.toHtmlEscaped()));
    }
    const QString code = device->userCode.toHtmlEscaped();
    return html(200, u"Approve the sign-in?"_s,
                u"<p>An application asks to sign in with this code. Check it matches the one it shows:</p>"
                "<p class=\"code\">%1</p><form method=\"post\" action=\"/_emulator/sso/approve\">"
                "<input type=\"hidden\" name=\"userCode\" value=\"%1\">"
                "<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>"
                "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>"_s.arg(code));
}
