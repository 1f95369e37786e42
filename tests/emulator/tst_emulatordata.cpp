// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/DataGenerator.h"
#include "emulator/EmulatorStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 dayMs = 24LL * 3600 * 1000;
// A fixed "now" (a Wednesday), so that the data of these tests is the same on every run.
const qint64 anchorMs = QDateTime(QDate(2025, 3, 12), QTime(15, 30, 0), QTimeZone::utc()).toMSecsSinceEpoch();

std::unique_ptr<EmulatorStore> makeStore(quint64 seed, int portals, int sessions, qint64 anchor = anchorMs,
                                         const QString &instance = u"instance-1"_s)
{
    auto store = std::make_unique<EmulatorStore>(seed, u"eu-west-1"_s, instance);
    DataGenerator::generate(*store, portals, sessions, anchor);
    return store;
}

// Every generated fact of a store in one canonical text, to compare stores and pin the generator.
QByteArray describe(const EmulatorStore &store)
{
    QByteArray out = store.accountId().toUtf8() + '\n';
    for (const PortalRecord &portal : store.portals()) {
        out += store.portalArn(portal).toUtf8() + '|' + portal.displayName.toUtf8() + '|' +
               portal.status.toUtf8() + '|' + QByteArray::number(portal.creationMs) + '|' +
               QByteArray::number(portal.maxConcurrentSessions) + '|' + portal.portalEndpoint.toUtf8() + '|' +
               portal.authenticationType.toUtf8() + '|' + portal.instanceType.toUtf8() + '|' +
               store.settingsArn(portal, u"browserSettings"_s).toUtf8() + '\n';
        bool more = false;
        const QList<quint32> slots =
            portal.sessions.page({}, std::nullopt, portal.sessions.size() + 1, &more);
        for (const quint32 slot : slots) {
            const SessionRecord &s = portal.sessions.at(slot);
            out += s.id.toString().toUtf8() + '|' + store.usernames().at(s.user).toUtf8() + '|' +
                   QByteArray::number(s.startMs) + '|' + QByteArray::number(s.endMs) + '|' +
                   QByteArray::number(s.qappVariant) + '|' +
                   store.clientIpAddresses(s.id).join(u',').toUtf8() + '\n';
        }
    }
    return out;
}

QList<const SessionRecord *> allSessions(const PortalRecord &portal)
{
    QList<const SessionRecord *> out;
    for (quint32 slot = 0; slot < quint32(portal.sessions.size()); ++slot)
        out.append(&portal.sessions.at(slot));
    return out;
}

} // namespace

class TestEmulatorData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameData();
    void differentSeedDifferentData();
    void goldenDigest();
    void shapeDoesNotDependOnAnchor();
    void portalsAreRealistic();
    void sessionsAreRealistic();
    void rhythmFollowsWorkingHours();
    void usernamesAreHostileAndRepeat();
    void clientAddressesAreValid();
    void qappsCoverEveryVariant();
    void qappsNeedAnInstance();
    void addAndExpire();
};

void TestEmulatorData::sameSeedSameData()
{
    const auto a = makeStore(42, 5, 700);
    const auto b = makeStore(42, 5, 700);
    QCOMPARE(describe(*a), describe(*b));
}

void TestEmulatorData::differentSeedDifferentData()
{
    const auto a = makeStore(1, 3, 300);
    const auto b = makeStore(2, 3, 300);
    QVERIFY(a->accountId() != b->accountId() ||
            a->portals().front().portalId != b->portals().front().portalId);
    QVERIFY(describe(*a) != describe(*b));
}

void TestEmulatorData::goldenDigest()
{
    // Pins the generator: the same seed must give the same data on every machine and compiler. If this
    // changes on purpose, update the digest (and say so: demo data and saved tokens change with it).
    const auto store = makeStore(7, 3, 200);
    const QByteArray digest = QCryptographicHash::hash(describe(*store), QCryptographicHash::Sha256).toHex();
    QCOMPARE(digest, QByteArray("727696441d7814817d08f88e49b0fde672d5f5c9b29337f82dacbfcce330707f"));
}

void TestEmulatorData::shapeDoesNotDependOnAnchor()
{
    // Another day of the week: the times move, but ids, users and statuses are the seed's.
    const auto a = makeStore(9, 2, 400, anchorMs);
    const auto b = makeStore(9, 2, 400, anchorMs + 4 * dayMs + 3600 * 1000);
    QCOMPARE(a->portals().size(), b->portals().size());
    for (size_t p = 0; p < a->portals().size(); ++p) {
        QHash<Uuid128, QPair<QString, bool>> facts;
        for (const SessionRecord *s : allSessions(a->portals()[p]))
            facts.insert(s->id, {a->usernames().at(s->user), s->isActive()});
        const auto sessionsB = allSessions(b->portals()[p]);
        QCOMPARE(sessionsB.size(), facts.size());
        for (const SessionRecord *s : sessionsB) {
            QVERIFY(facts.contains(s->id));
            QCOMPARE(facts.value(s->id).first, b->usernames().at(s->user));
            QCOMPARE(facts.value(s->id).second, s->isActive());
        }
    }
}

void TestEmulatorData::portalsAreRealistic()
{
    const auto store = makeStore(3, 12, 50);
    static const QRegularExpression arn(
        u"^arn:aws:workspaces-web:eu-west-1:[1-9][0-9]{11}:portal/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    QSet<QString> statuses;
    QSet<QString> ids;
    for (const PortalRecord &portal : store->portals()) {
        QVERIFY2(arn.match(store->portalArn(portal)).hasMatch(), qPrintable(store->portalArn(portal)));
        QVERIFY(!portal.displayName.isEmpty() && portal.displayName.size() <= 64);
        QVERIFY(portal.maxConcurrentSessions >= 1 && portal.maxConcurrentSessions <= 5000);
        QVERIFY(portal.creationMs < anchorMs - 30 * dayMs);
        QVERIFY(portal.portalEndpoint.endsWith(u".workspaces-web.com"_s));
        QVERIFY(portal.instanceType.startsWith(u"standard."_s));
        statuses.insert(portal.status);
        ids.insert(portal.portalId);
        QCOMPARE(portal.sessions.size(), portal.status == u"Active"_s ? 50 : 0);
    }
    QCOMPARE(ids.size(), 12);
    QVERIFY(statuses.contains(u"Active"_s));
    QVERIFY(statuses.contains(u"Pending"_s) || statuses.contains(u"Incomplete"_s));
    QVERIFY(statuses.size() >= 2);

    // The first generated portal is always Active, whatever the seed.
    for (quint64 seed = 0; seed < 20; ++seed)
        QCOMPARE(makeStore(seed, 1, 0)->portals().front().status, u"Active"_s);
}

void TestEmulatorData::sessionsAreRealistic()
{
    const auto store = makeStore(5, 3, 3000);
    static const QRegularExpression uuidV4(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    QSet<Uuid128> ids;
    for (const PortalRecord &portal : store->portals()) {
        if (portal.sessions.size() == 0)
            continue;
        int active = 0;
        for (const SessionRecord *s : allSessions(portal)) {
            QVERIFY(uuidV4.match(s->id.toString()).hasMatch());
            QVERIFY(!ids.contains(s->id));
            ids.insert(s->id);
            QVERIFY(s->startMs >= anchorMs - 35 * dayMs);
            QVERIFY(s->startMs < anchorMs);
            if (s->isActive()) {
                ++active;
                QVERIFY2(s->startMs >= anchorMs - 10 * 3600 * 1000, "active sessions are recent");
            } else {
                QVERIFY(s->endMs > s->startMs);
                QVERIFY(s->endMs <= anchorMs);
            }
        }
        QVERIFY(active >= 1);
        QVERIFY(active <= portal.maxConcurrentSessions);
        QVERIFY(active <= 3000 * 3 / 100);
        QCOMPARE(portal.sessions.count(PortalSessions::StatusFilter::Active), active);
    }
}

void TestEmulatorData::rhythmFollowsWorkingHours()
{
    const auto store = makeStore(11, 1, 20000);
    const PortalRecord &portal = store->portals().front();
    int office = 0, night = 0;
    QHash<int, int> perWeekday;
    for (const SessionRecord *s : allSessions(portal)) {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(s->startMs, QTimeZone::utc());
        const int hour = start.time().hour();
        if (hour >= 9 && hour < 17)
            ++office;
        else if (hour < 5)
            ++night;
        perWeekday[start.date().dayOfWeek()]++;
    }
    // 8 office hours against 5 night hours, weights 12 against 1.
    QVERIFY2(office > 5 * night, qPrintable(u"office %1, night %2"_s.arg(office).arg(night)));
    const int weekdayAverage =
        (perWeekday[1] + perWeekday[2] + perWeekday[3] + perWeekday[4] + perWeekday[5]) / 5;
    const int weekendAverage = (perWeekday[6] + perWeekday[7]) / 2;
    QVERIFY2(weekdayAverage > 2 * weekendAverage,
             qPrintable(u"weekday %1, weekend %2"_s.arg(weekdayAverage).arg(weekendAverage)));
}

void TestEmulatorData::usernamesAreHostileAndRepeat()
{
    const QStringList hostile = DataGenerator::hostileUsernames();
    const auto has = [&](auto predicate) { return std::any_of(hostile.begin(), hostile.end(), predicate); };
    QVERIFY(has([](const QString &n) { return n.size() == 256; }));
    for (const QChar lead : {u'=', u'+', u'-', u'@'})
        QVERIFY(has([lead](const QString &n) { return n.startsWith(lead); }));
    QVERIFY(has([](const QString &n) { return n.contains(u','); }));
    QVERIFY(has([](const QString &n) { return n.contains(u'"'); }));
    QVERIFY(has([](const QString &n) { return n.contains(u'@') && n.contains(u'.'); }));
    QVERIFY(has([](const QString &n) { return n.contains(u"山田"_s); }));
    QVERIFY(has([](const QString &n) { return n.contains(u"محمد"_s); }));
    QVERIFY(has([](const QString &n) { return n.contains(u"דוד"_s); }));
    QVERIFY(has([](const QString &n) { return n.contains(u'é'); }));
    for (const QString &name : hostile)
        QVERIFY(name.toUcs4().size() <= 256);

    const auto store = makeStore(13, 2, 2000);
    for (const PortalRecord &portal : store->portals()) {
        if (portal.sessions.size() == 0)
            continue;
        QHash<QString, int> counts;
        for (const SessionRecord *s : allSessions(portal))
            counts[store->usernames().at(s->user)]++;
        for (const QString &name : hostile)
            QVERIFY2(counts.contains(name), qPrintable(name));
        const int mostSessions = *std::max_element(counts.cbegin(), counts.cend());
        QVERIFY2(mostSessions >= 10, "some users have many sessions");
        QVERIFY(counts.size() > 40);
    }
}

void TestEmulatorData::clientAddressesAreValid()
{
    const auto store = makeStore(17, 1, 500);
    bool sawV4 = false, sawV6 = false;
    QSet<int> counts;
    for (const SessionRecord *s : allSessions(store->portals().front())) {
        const QStringList addresses = store->clientIpAddresses(s->id);
        QCOMPARE(store->clientIpAddresses(s->id), addresses);
        counts.insert(int(addresses.size()));
        for (const QString &text : addresses) {
            QVERIFY2(text.size() <= 15, qPrintable(text)); // the model's IpAddress limit
            const QHostAddress address(text);
            QVERIFY2(!address.isNull(), qPrintable(text));
            if (address.protocol() == QAbstractSocket::IPv4Protocol) {
                sawV4 = true;
                QVERIFY(text.startsWith(u"192.0.2."_s) || text.startsWith(u"198.51.100."_s) ||
                        text.startsWith(u"203.0.113."_s));
            } else {
                sawV6 = true;
                QVERIFY(text.startsWith(u"2001:db8:"_s));
            }
        }
    }
    QVERIFY(sawV4 && sawV6);
    QCOMPARE(counts, (QSet<int>{1, 2, 3}));
}

void TestEmulatorData::qappsCoverEveryVariant()
{
    const auto store = makeStore(19, 1, 1500);
    QSet<QString> combinations;
    QSet<QString> nameForms;
    int withQApp = 0;
    for (const SessionRecord *s : allSessions(store->portals().front())) {
        const auto state = store->qappSession(s->id);
        QCOMPARE(state.has_value(), s->qappVariant != 0);
        if (!state)
            continue;
        ++withQApp;
        const auto flag = [](const std::optional<bool> &f) { return f ? (*f ? u"1"_s : u"0"_s) : u"-"_s; };
        combinations.insert(u"%1%2%3%4"_s.arg(state->enabled)
                                .arg(flag(state->acceptResponses), flag(state->revealCards))
                                .arg(state->owner));
        if (!state->name)
            nameForms.insert(u"absent"_s);
        else if (state->name->isEmpty())
            nameForms.insert(u"empty"_s);
        else if (state->name->size() == 100)
            nameForms.insert(u"long"_s);
        else if (std::any_of(state->name->begin(), state->name->end(),
                             [](QChar c) { return c.unicode() > 0x7F; }))
            nameForms.insert(u"unicode"_s);
        else
            nameForms.insert(u"plain"_s);
        QVERIFY(!state->name || state->name->toUcs4().size() <= 100);
        QVERIFY(store->qappSessionArn(s->id, *state).startsWith(u"arn:aws:qapps:eu-west-1:"_s));
        QVERIFY(store->qappSessionArn(s->id, *state).endsWith(u"/session/"_s + s->id.toString()));
    }
    QCOMPARE(withQApp, 500);
    QCOMPARE(combinations.size(), EmulatorStore::qappFlagCombinations);
    QCOMPARE(nameForms.size(), EmulatorStore::qappNameForms);
}

void TestEmulatorData::qappsNeedAnInstance()
{
    const auto store = makeStore(19, 1, 30, anchorMs, QString());
    for (const SessionRecord *s : allSessions(store->portals().front()))
        QVERIFY(!store->qappSession(s->id));
}

void TestEmulatorData::addAndExpire()
{
    const auto store = makeStore(23, 1, 10);
    const auto location = store->addSession(0, u"new user"_s, anchorMs - 1000);
    const SessionRecord &added = store->session(location);
    QVERIFY(added.isActive());
    QCOMPARE(store->usernames().at(added.user), u"new user"_s);
    QCOMPARE(store->findSession(added.id)->slot, location.slot);
    QVERIFY(store->expireSession(location, anchorMs));
    QCOMPARE(store->session(location).endMs, anchorMs);
    QVERIFY(!store->expireSession(location, anchorMs + 5000));
    QCOMPARE(store->session(location).endMs, anchorMs);
}

QTEST_GUILESS_MAIN(TestEmulatorData)
#include "tst_emulatordata.moc"
