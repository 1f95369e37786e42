// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchSessionLister.h"

#include "aws/AwsError.h"

#include <QDateTime>
#include <QPointer>

#include <algorithm>
#include <array>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int defaultPageSize = 100;
constexpr std::array<const char *, 16> firstNames = {
    "alex",  "maria",    "jun", "fatima", "lukas", "chen", "olivia", "mohammed",
    "sofia", "emmanuel", "ana", "dmitri", "priya", "noah", "ingrid", "kwame"};
constexpr std::array<const char *, 16> lastNames = {
    "garcia", "nakamura",  "okafor", "schmidt",   "li",     "johnson", "haddad", "rossi",
    "novak",  "fernandez", "kim",    "andersson", "mensah", "dubois",  "singh",  "kowalski"};

// A 64-bit mix (splitmix64): the same index gives the same session on every machine.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

QString tokenFor(qint64 offset)
{
    // Opaque-looking, with the characters real tokens carry.
    return u"bench+/"_s + QString::number(offset) + u"=="_s;
}

qint64 offsetOf(const QString &token)
{
    if (token.isEmpty())
        return 0;
    if (!token.startsWith(u"bench+/") || !token.endsWith(u"=="))
        return -1;
    bool ok = false;
    const qint64 offset = token.mid(7, token.size() - 9).toLongLong(&ok);
    return ok ? offset : -1;
}

class Pending : public PendingCall
{
public:
    using PendingCall::PendingCall;
    void cancel() override
    {
        m_cancelled = true;
        deleteLater();
    }
    bool isCancelled() const { return m_cancelled; }

private:
    bool m_cancelled = false;
};

} // namespace

BenchSessionLister::BenchSessionLister(qint64 total, QObject *parent)
    : QObject(parent)
    , m_total(total)
    , m_newestStartMs(QDateTime(QDate(2026, 11, 30), QTime(17, 0), Qt::UTC).toMSecsSinceEpoch())
{}

SessionSummary BenchSessionLister::session(qint64 index) const
{
    const quint64 a = mix(quint64(index) * 2 + 1);
    const quint64 b = mix(quint64(index) * 2 + 2);
    SessionSummary s;
    // A lower-case UUID v4, as the service's ids.
    char id[37];
    std::snprintf(id, sizeof id, "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32),
                  unsigned((a >> 16) & 0xffff), unsigned(a & 0xfff), unsigned(0x8000 | (b >> 48 & 0x3fff)),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    s.sessionId = QString::fromLatin1(id, 36);
    char user[64];
    const int userLength = std::snprintf(user, sizeof user, "%s.%s%u@example.com", firstNames[a % 16],
                                         lastNames[(a >> 8) % 16], unsigned((b >> 8) % 100));
    s.username = QString::fromLatin1(user, userLength);
    // Newest first, about 3 s apart with jitter; 3 % of them still active.
    s.startTime = QDateTime::fromMSecsSinceEpoch(m_newestStartMs - index * 3000 - qint64(a % 1000), Qt::UTC);
    if (index % 33 == 0) {
        s.status = SessionStatus::Active;
        s.statusText = QString::fromLatin1("Active");
    } else {
        s.status = SessionStatus::Terminated;
        s.statusText = QString::fromLatin1("Terminated");
        s.endTime = s.startTime.addMSecs(qint64(60'000 + (b % 7'200'000)));
    }
    s.portalArn = QString::fromLatin1(
        "arn:aws:workspaces-web:us-east-1:123456789012:portal/0f3c2a51-7d4e-4c69-9b1a-2f4e8d7c6b5a");
    return s;
}

SessionPage BenchSessionLister::page(qint64 offset, int size) const
{
    SessionPage page;
    const qint64 end = std::min(m_total, offset + size);
    page.sessions.reserve(qsizetype(std::max<qint64>(0, end - offset)));
    for (qint64 i = offset; i < end; ++i)
        page.sessions.append(session(i));
    if (end < m_total)
        page.nextToken = tokenFor(end);
    return page;
}

CallHandle BenchSessionLister::listSessions(const ListSessionsRequest &request, QObject *context,
                                            PageCallback callback)
{
    ++m_requests;
    auto *pending = new Pending(this);
    QPointer<Pending> guard(pending);
    QPointer<QObject> receiver(context);
    const qint64 offset = offsetOf(request.nextToken);
    const int size = request.maxResults > 0 ? request.maxResults : defaultPageSize;
    QMetaObject::invokeMethod(
        this,
        [this, guard, receiver, offset, size, callback = std::move(callback)] {
            if (!guard || guard->isCancelled() || !receiver)
                return;
            guard->deleteLater();
            if (offset < 0 || offset > m_total) {
                callback(AwsError(AwsError::Category::Validation, u"Invalid nextToken."_s));
                return;
            }
            callback(page(offset, size));
        },
        Qt::QueuedConnection);
    return CallHandle(pending);
}
