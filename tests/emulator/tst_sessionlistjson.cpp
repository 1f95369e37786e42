// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/DataGenerator.h"
#include "emulator/EmulatorStore.h"
#include "emulator/SessionListJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The answer as the emulator built it before SessionListJson: a QJsonDocument, compact.
QByteArray documentBody(const EmulatorStore &store, const PortalRecord &portal, const QList<quint32> &slots,
                        const std::optional<QString> &nextToken)
{
    QJsonArray list;
    for (const quint32 slot : slots) {
        const SessionRecord &session = portal.sessions.at(slot);
        QJsonObject json{
            {u"portalArn"_s, store.portalArn(portal)},
            {u"sessionId"_s, session.id.toString()},
            {u"username"_s, store.usernames().at(session.user)},
            {u"status"_s, session.isActive() ? u"Active"_s : u"Terminated"_s},
            {u"startTime"_s, double(session.startMs) / 1000.0},
        };
        if (!session.isActive())
            json.insert(u"endTime"_s, double(session.endMs) / 1000.0);
        list.append(json);
    }
    QJsonObject answer{{u"sessions"_s, list}};
    if (nextToken)
        answer.insert(u"nextToken"_s, *nextToken);
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSessionListJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsQJsonDocument_data();
    void sameBytesAsQJsonDocument();
    void numbersAsQJsonDocument_data();
    void numbersAsQJsonDocument();
};

void TestSessionListJson::sameBytesAsQJsonDocument_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<std::optional<QString>>("nextToken");
    QTest::newRow("pages of 100, a token") << 100 << std::optional<QString>(u"AbC+/def=="_s);
    QTest::newRow("pages of 7, no token") << 7 << std::optional<QString>();
    QTest::newRow("one per page, token to escape")
        << 1 << std::optional<QString>(u"q\"b\\s\n\u00e9\u2028\U0001F600"_s);
    QTest::newRow("empty page") << 0 << std::optional<QString>(u"x"_s);
}

void TestSessionListJson::sameBytesAsQJsonDocument()
{
    QFETCH(int, pageSize);
    QFETCH(std::optional<QString>, nextToken);
    EmulatorStore store(1, u"us-east-1"_s, u"5e5510e5-c0de-4d3e-8a5b-0000000000d1"_s);
    // The first sessions of a portal carry every hostile username; 2,000 sessions cover the rest too.
    DataGenerator::generate(store, 2, 2000, 1'795'000'000'000);
    SessionListJson writer(store);
    for (const PortalRecord &portal : store.portals()) {
        const quint32 total = quint32(portal.sessions.size());
        if (pageSize == 0) {
            QCOMPARE(writer.body(portal, {}, nextToken), documentBody(store, portal, {}, nextToken));
            continue;
        }
        for (quint32 first = 0; first < total; first += quint32(pageSize)) {
            QList<quint32> slots;
            for (quint32 slot = first; slot < std::min(total, first + quint32(pageSize)); ++slot)
                slots.append(slot);
            const QByteArray expected = documentBody(store, portal, slots, nextToken);
            const QByteArray actual = writer.body(portal, slots, nextToken);
            QVERIFY2(actual == expected, (actual.left(400) + "\n" + expected.left(400)).constData());
        }
    }
}

void TestSessionListJson::numbersAsQJsonDocument_data()
{
    QTest::addColumn<qint64>("ms");
    for (const qint64 ms : {qint64(0), qint64(1), qint64(-1500), qint64(1'795'789'478'331),
                            qint64(1'795'789'478'000), qint64(1'795'789'400'000), qint64(1'700'000'000'000),
                            qint64(1'795'789'478'300), qint64(1'795'789'478'030), qint64(253'402'300'799'999),
                            qint64(100), qint64(-2'000'000), qint64(120'000), qint64(1'000'000'000'000'000)})
        QTest::addRow("%lld", static_cast<long long>(ms)) << ms;
}

void TestSessionListJson::numbersAsQJsonDocument()
{
    QFETCH(qint64, ms);
    const QByteArray array = QJsonDocument(QJsonArray{double(ms) / 1000.0}).toJson(QJsonDocument::Compact);
    QCOMPARE(SessionListJson::seconds(ms), array.mid(1, array.size() - 2));
}

QTEST_GUILESS_MAIN(TestSessionListJson)
#include "tst_sessionlistjson.moc"
