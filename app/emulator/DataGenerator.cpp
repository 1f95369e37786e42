// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/DataGenerator.h"

#include "emulator/DeterministicRandom.h"
#include "emulator/EmulatorStore.h"

#include <QDateTime>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 secondMs = 1000;
constexpr qint64 minuteMs = 60 * secondMs;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;
constexpr int historyDays = 35;

constexpr quint64 portalStream = 0x9047;
constexpr quint64 sessionStream = 0x5E55;
constexpr quint64 userStream = 0x05E2;

// Relative weight of each UTC hour: office hours are busy, nights are quiet.
constexpr std::array<quint64, 24> hourWeights = {1, 1,  1,  1,  1,  2, 4, 8, 12, 12, 12, 12,
                                                 9, 12, 12, 12, 11, 8, 5, 4, 3,  2,  2,  1};

struct DurationBucket
{
    qint64 fromMs;
    qint64 toMs;
};
// Browser sessions: mostly minutes to a couple of hours, a few all-day ones (the default limit is 12 h).
constexpr std::array<DurationBucket, 7> durationBuckets = {{
    {2 * minuteMs, 10 * minuteMs},
    {10 * minuteMs, 30 * minuteMs},
    {30 * minuteMs, hourMs},
    {hourMs, 2 * hourMs},
    {2 * hourMs, 4 * hourMs},
    {4 * hourMs, 8 * hourMs},
    {8 * hourMs, 12 * hourMs},
}};
constexpr std::array<quint64, 7> durationWeights = {6, 8, 8, 6, 4, 2, 1};

template <typename Weights>
int pickWeighted(DeterministicRandom &random, const Weights &weights)
{
    quint64 total = 0;
    for (const quint64 w : weights)
        total += w;
    quint64 r = random.below(total);
    int i = 0;
    for (const quint64 w : weights) {
        if (r < w)
            return i;
        r -= w;
        ++i;
    }
    return i - 1;
}

QString pick(DeterministicRandom &random, const QStringList &list)
{
    return list.at(qsizetype(random.below(quint64(list.size()))));
}

const QStringList &firstNames()
{
    static const QStringList names = {
        u"James"_s,  u"Mary"_s,   u"Wei"_s,      u"Aisha"_s,     u"José"_s,  u"Zoë"_s,     u"Liam"_s,
        u"Olivia"_s, u"Noah"_s,   u"Emma"_s,     u"Hiroshi"_s,   u"Yuki"_s,  u"Fatima"_s,  u"Omar"_s,
        u"Ingrid"_s, u"Søren"_s,  u"François"_s, u"Chloé"_s,     u"Mateo"_s, u"Lucía"_s,   u"Priya"_s,
        u"Arjun"_s,  u"Olga"_s,   u"Dmitri"_s,   u"Chen"_s,      u"Mei"_s,   u"Kwame"_s,   u"Amara"_s,
        u"Noa"_s,    u"Yosef"_s,  u"Björn"_s,    u"Ana"_s,       u"João"_s,  u"Siobhán"_s, u"Niamh"_s,
        u"Carlos"_s, u"Isabel"_s, u"Tomasz"_s,   u"Agnieszka"_s, u"Ravi"_s,  u"Sophie"_s,  u"Lukas"_s,
    };
    return names;
}

const QStringList &lastNames()
{
    static const QStringList names = {
        u"Smith"_s,     u"Johnson"_s, u"Wang"_s,     u"Khan"_s,         u"García"_s,
        u"Müller"_s,    u"Nguyen"_s,  u"Brown"_s,    u"Tanaka"_s,       u"Sato"_s,
        u"Haddad"_s,    u"Cohen"_s,   u"Larsen"_s,   u"Dubois"_s,       u"Rossi"_s,
        u"Fernández"_s, u"Patel"_s,   u"Ivanova"_s,  u"Petrov"_s,       u"Li"_s,
        u"Mensah"_s,    u"Okafor"_s,  u"Levi"_s,     u"Andersson"_s,    u"Silva"_s,
        u"Santos"_s,    u"O'Brien"_s, u"Kowalski"_s, u"Nowak"_s,        u"Sharma"_s,
        u"Martin"_s,    u"Schmidt"_s, u"Jensen"_s,   u"Kim"_s,          u"Park"_s,
        u"Wilson"_s,    u"Taylor"_s,  u"Moreau"_s,   u"Van der Berg"_s, u"Ó Súilleabháin"_s,
    };
    return names;
}

const QStringList &domains()
{
    static const QStringList names = {
        u"example.com"_s, u"corp.example.com"_s, u"example.org"_s,     u"ejemplo.es"_s,
        u"beispiel.de"_s, u"example.co.jp"_s,    u"contoso.example"_s, u"subsidiary.example.net"_s,
    };
    return names;
}

QString asciiFold(QString text)
{
    // Login names usually drop accents and spaces; keep it simple and deterministic.
    static const QList<QPair<QString, QString>> folds = {
        {u"é"_s, u"e"_s}, {u"è"_s, u"e"_s}, {u"ë"_s, u"e"_s}, {u"á"_s, u"a"_s},    {u"ã"_s, u"a"_s},
        {u"ó"_s, u"o"_s}, {u"Ó"_s, u"O"_s}, {u"ø"_s, u"o"_s}, {u"ö"_s, u"o"_s},    {u"ü"_s, u"u"_s},
        {u"ú"_s, u"u"_s}, {u"í"_s, u"i"_s}, {u"ç"_s, u"c"_s}, {u"'"_s, QString()}, {u" "_s, QString()},
    };
    for (const auto &fold : folds)
        text.replace(fold.first, fold.second);
    return text;
}

// The j-th generated (non-hostile) username of the seed: a realistic corporate login.
QString generatedUsername(quint64 seed, quint64 j)
{
    DeterministicRandom random(DeterministicRandom::mix(DeterministicRandom::mix(seed, userStream), j));
    const QString first = pick(random, firstNames());
    const QString last = pick(random, lastNames());
    const QString domain = pick(random, domains());
    switch (pickWeighted(random, std::array<quint64, 6>{50, 12, 12, 10, 8, 8})) {
    case 0:
        return (asciiFold(first) + u'.' + asciiFold(last) + u'@' + domain).toLower();
    case 1:
        return first + u'.' + last + u'@' + domain; // as the IdP sends it: accents and capitals kept
    case 2:
        return (asciiFold(first).left(1) + asciiFold(last) + u'@' + domain).toLower();
    case 3:
        return (asciiFold(first) + u'_' + asciiFold(last)).toLower() + QString::number(random.below(100));
    case 4:
        return u"CORP\\"_s + (asciiFold(first).left(1) + asciiFold(last)).toLower();
    default:
        return (asciiFold(first) + u'.' + asciiFold(last)).toLower() + u"+browser@"_s + domain;
    }
}

QString longUsername()
{
    const QString tail = u"@example.com"_s;
    QString head = u"very.long.username."_s;
    while (head.size() < 256 - tail.size())
        head += u"abcdefghijklmnopqrstuvwxyz."_s;
    return head.left(256 - tail.size()) + tail;
}

const std::array<const char16_t *, 6> portalNames = {
    u"Customer Support — EMEA", u"Finance Contractors", u"Engineering Sandbox",
    u"Partner Access (APAC)",   u"Ventes & Marketing",  u"研究開発ポータル",
};

qint64 dayStartMs(qint64 ms)
{
    return ms - (((ms % dayMs) + dayMs) % dayMs);
}

PortalRecord makePortal(quint64 seed, int index, qint64 anchorMs)
{
    static const QStringList extraNames = {
        u"Call Center Night Shift"_s, u"Legal, Compliance & Audit"_s,
        u"Übergangsportal Nord"_s,    u"Retail Stores"_s,
        u"M&A Data Room"_s,           u"Kiosk — Lobby"_s,
        u"بوابة الموردين"_s,          u"Clinical Research"_s,
    };
    DeterministicRandom random(
        DeterministicRandom::mix(DeterministicRandom::mix(seed, portalStream), quint64(index)));
    PortalRecord portal;
    portal.id = Uuid128::generateV4(random);
    portal.portalId = portal.id.toString();

    const qsizetype nameCount = qsizetype(portalNames.size()) + extraNames.size();
    const qsizetype nameIndex = index % nameCount;
    portal.displayName = nameIndex < qsizetype(portalNames.size())
                             ? QString::fromUtf16(portalNames[size_t(nameIndex)])
                             : extraNames.at(nameIndex - qsizetype(portalNames.size()));
    if (index >= nameCount)
        portal.displayName += u" %1"_s.arg(index / nameCount + 1);

    const int statusDraw = int(random.below(100));
    if (index == 0 || statusDraw < 70) {
        portal.status = u"Active"_s;
    } else if (statusDraw < 85) {
        portal.status = u"Pending"_s;
    } else {
        portal.status = u"Incomplete"_s;
        portal.statusReason = u"The portal is missing an identity provider."_s;
    }
    portal.hasSettings = portal.status == u"Active"_s;

    // Created 40 to 400 days ago; some creation dates carry milliseconds.
    portal.creationMs = anchorMs - random.between(40 * dayMs, 400 * dayMs);
    if (random.below(2) == 0)
        portal.creationMs -= portal.creationMs % secondMs;

    static constexpr std::array<int, 7> limits = {10, 25, 50, 100, 250, 500, 1000};
    portal.maxConcurrentSessions = limits[size_t(random.below(limits.size()))];

    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString host;
    for (int i = 0; i < 10; ++i)
        host += QChar::fromLatin1(alphabet[random.below(36)]);
    portal.portalEndpoint = host + u".workspaces-web.com"_s;
    portal.authenticationType = random.below(3) == 0 ? u"IAM_Identity_Center"_s : u"Standard"_s;
    static const QStringList instanceTypes = {u"standard.regular"_s, u"standard.large"_s,
                                              u"standard.xlarge"_s};
    portal.instanceType = instanceTypes.at(qsizetype(random.below(3)));
    return portal;
}

} // namespace

QStringList DataGenerator::hostileUsernames()
{
    return {
        u"alice@example.com"_s,
        u"Alice@Example.com"_s, // differs from the one above only in case: exact match must tell them apart
        u"José.García@ejemplo.es"_s,
        u"Zoë Ångström"_s,
        u"Smith, John"_s,
        u"O'Brien, Siobhán \"Shiv\""_s,
        u"\"quoted\"@example.com"_s,
        u"山田太郎"_s,
        u"王小明@例子.公司"_s,
        u"김민준"_s,
        u"محمد.علي@example.com"_s,
        u"דוד.כהן@example.co.il"_s,
        u"=HYPERLINK(\"http://example.com\",\"click me\")"_s,
        u"=1+2"_s,
        u"+1-555-0100"_s,
        u"-2+3"_s,
        u"@SUM(A1:A9)"_s,
        u"user+tag@example.com"_s,
        u"CORP\\jdoe"_s,
        u"tab\tseparated"_s,
        u"line\nbreak"_s,
        u"trailing space "_s,
        u"<b>bold</b>&amp;"_s,
        u"🦊 Fox Mulder"_s,
        u"Ελένη Παπαδοπούλου"_s,
        u"Łukasz Żółć"_s,
        longUsername(),
    };
}

void DataGenerator::generate(EmulatorStore &store, int portals, int sessionsPerPortal, qint64 anchorMs)
{
    const quint64 seed = store.seed();
    const QStringList hostile = hostileUsernames();

    // How many distinct users there are and how often each appears: a skewed popularity, so that some
    // users have hundreds of sessions and many have a few.
    const qint64 totalSessions = qint64(portals) * qint64(std::max(sessionsPerPortal, 0));
    const quint64 userCount = quint64(std::clamp<qint64>(totalSessions / 20, 40, 200000));
    std::vector<quint32> internedUser(userCount, UINT32_MAX);
    const auto userFor = [&](DeterministicRandom &random) {
        const quint64 a = random.below(userCount);
        const quint64 b = random.below(userCount);
        const quint64 rank = a * b / userCount; // skewed towards small ranks
        // Spread the popular ranks over the pool, so the hostile ones are not always the most popular.
        const quint64 j = (rank * 7919 + 13) % userCount;
        if (internedUser[j] == UINT32_MAX) {
            const QString name =
                j < quint64(hostile.size()) ? hostile.at(qsizetype(j)) : generatedUsername(seed, j);
            internedUser[j] = store.usernames().intern(name);
        }
        return internedUser[j];
    };

    // Day weights over the last 35 days: weekends are quiet.
    const qint64 today = dayStartMs(anchorMs);
    std::array<quint64, historyDays> dayWeights{};
    for (int d = 0; d < historyDays; ++d) {
        const int weekday = QDateTime::fromMSecsSinceEpoch(today - d * dayMs, Qt::UTC).date().dayOfWeek();
        dayWeights[size_t(d)] = weekday >= 6 ? 2 : 8;
    }

    for (int p = 0; p < portals; ++p) {
        PortalRecord portal = makePortal(seed, p, anchorMs);
        const int count = portal.status == u"Active"_s ? std::max(sessionsPerPortal, 0) : 0;
        const int activeCount =
            count == 0 ? 0 : std::min(std::max(1, count * 3 / 100), portal.maxConcurrentSessions);
        portal.sessions.reserve(count);
        for (int i = 0; i < count; ++i) {
            // One generator per session: the session's id, user and variant depend on the seed only,
            // and drawing its times (which depend on the anchor's weekdays) comes last.
            DeterministicRandom random(DeterministicRandom::mix(
                DeterministicRandom::mix(DeterministicRandom::mix(seed, sessionStream), quint64(p)),
                quint64(i)));
            SessionRecord record;
            record.id = Uuid128::generateV4(random);
            record.user = i < hostile.size() ? store.usernames().intern(hostile.at(i)) : userFor(random);
            if (i % 3 == 1)
                record.qappVariant = quint8(1 + (i / 3) % EmulatorStore::qappVariantCount);

            // The active sessions are the last ones generated, so the hostile names (the first ones)
            // appear among the terminated sessions too.
            if (i >= count - activeCount) {
                record.startMs = anchorMs - random.between(2 * minuteMs, 10 * hourMs);
                record.endMs = 0;
            } else {
                const int day = pickWeighted(random, dayWeights);
                const int hour = pickWeighted(random, hourWeights);
                record.startMs = today - day * dayMs + hour * hourMs + random.between(0, hourMs - 1);
                if (record.startMs > anchorMs - 5 * minuteMs)
                    record.startMs -= dayMs; // later today has not happened yet
                const DurationBucket &bucket = durationBuckets[size_t(pickWeighted(random, durationWeights))];
                qint64 duration = random.between(bucket.fromMs, bucket.toMs);
                const qint64 maxDuration = anchorMs - minuteMs - record.startMs;
                if (duration > maxDuration)
                    duration = maxDuration / 2 + random.between(0, maxDuration / 2);
                record.endMs = record.startMs + std::max<qint64>(duration, secondMs);
            }
            portal.sessions.appendUnindexed(record);
        }
        portal.sessions.buildIndexes();
        store.addPortal(std::move(portal));
    }
    store.sortPortals();
}
