// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/TimeFormat.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTimeFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isoUtc_data();
    void isoUtc();
    void isoLocal_data();
    void isoLocal();
    void display();
    void agreesWithQDateTime_data();
    void agreesWithQDateTime();
    void noTime();
    void durations_data();
    void durations();
};

namespace {

qint64 ms(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

void TestTimeFormat::isoUtc_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("milliseconds kept") << u"2026-11-21T19:35:12.123Z"_s << u"2026-11-21T19:35:12.123Z"_s;
    QTest::newRow("zero milliseconds dropped") << u"2026-11-21T19:35:12.000Z"_s << u"2026-11-21T19:35:12Z"_s;
    QTest::newRow("trailing zero kept in three digits")
        << u"2026-11-21T19:35:12.100Z"_s << u"2026-11-21T19:35:12.100Z"_s;
    QTest::newRow("one millisecond") << u"2026-01-01T00:00:00.001Z"_s << u"2026-01-01T00:00:00.001Z"_s;
    QTest::newRow("leap day") << u"2028-02-29T23:59:59.999Z"_s << u"2028-02-29T23:59:59.999Z"_s;
    QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s << u"1970-01-01T00:00:00Z"_s;
    QTest::newRow("before the epoch") << u"1969-12-31T23:59:59.500Z"_s << u"1969-12-31T23:59:59.500Z"_s;
    QTest::newRow("offset input is converted") << u"2026-11-21T20:35:12+01:00"_s << u"2026-11-21T19:35:12Z"_s;
}

void TestTimeFormat::isoUtc()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const TimeFormat format(TimeFormat::Mode::Utc);
    QCOMPARE(format.iso(ms(input)), expected);
    QCOMPARE(format.iso(QDateTime::fromString(input, Qt::ISODateWithMs)), expected);
}

void TestTimeFormat::isoLocal_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Berlin winter") << QByteArray("Europe/Berlin") << u"2026-11-21T19:35:12.123Z"_s
                                   << u"2026-11-21T20:35:12.123+01:00"_s;
    QTest::newRow("Berlin summer") << QByteArray("Europe/Berlin") << u"2026-07-01T10:00:00Z"_s
                                   << u"2026-07-01T12:00:00+02:00"_s;
    // 2026-03-29 01:00 UTC Berlin moves from +01:00 to +02:00: one millisecond either side.
    QTest::newRow("just before the switch")
        << QByteArray("Europe/Berlin") << u"2026-03-29T00:59:59.999Z"_s << u"2026-03-29T01:59:59.999+01:00"_s;
    QTest::newRow("at the switch") << QByteArray("Europe/Berlin") << u"2026-03-29T01:00:00Z"_s
                                   << u"2026-03-29T03:00:00+02:00"_s;
    QTest::newRow("negative half hour")
        << QByteArray("America/St_Johns") << u"2026-01-15T12:00:00Z"_s << u"2026-01-15T08:30:00-03:30"_s;
    QTest::newRow("date changes") << QByteArray("Asia/Kolkata") << u"2026-12-31T20:00:00Z"_s
                                  << u"2027-01-01T01:30:00+05:30"_s;
    QTest::newRow("UTC zone keeps an offset")
        << QByteArray("UTC") << u"2026-12-31T20:00:00Z"_s << u"2026-12-31T20:00:00+00:00"_s;
}

void TestTimeFormat::isoLocal()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QTimeZone tz(zone);
    QVERIFY2(tz.isValid(), zone.constData());
    const TimeFormat format(TimeFormat::Mode::Local, tz);
    QCOMPARE(format.iso(ms(input)), expected);
}

void TestTimeFormat::display()
{
    TimeFormat format(TimeFormat::Mode::Utc, QTimeZone("Europe/Berlin"));
    QCOMPARE(format.display(ms(u"2026-11-21T19:35:12.987Z"_s)), u"2026-11-21 19:35:12"_s);
    format.setMode(TimeFormat::Mode::Local);
    QCOMPARE(format.display(ms(u"2026-11-21T19:35:12.987Z"_s)), u"2026-11-21 20:35:12"_s);
}

void TestTimeFormat::agreesWithQDateTime_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("UTC mode") << QByteArray();
    QTest::newRow("Berlin") << QByteArray("Europe/Berlin");
    QTest::newRow("New York") << QByteArray("America/New_York");
    QTest::newRow("Lord Howe (half-hour DST)") << QByteArray("Australia/Lord_Howe");
    QTest::newRow("Kathmandu") << QByteArray("Asia/Kathmandu");
}

void TestTimeFormat::agreesWithQDateTime()
{
    // The arithmetic formatter against Qt's own, over instants from 1971 to 2099 in random order (so
    // the cached offset span is both hit and missed).
    QFETCH(QByteArray, zone);
    const bool utc = zone.isEmpty();
    const QTimeZone tz = utc ? QTimeZone(QByteArrayLiteral("UTC")) : QTimeZone(zone);
    QVERIFY(tz.isValid());
    const TimeFormat format(utc ? TimeFormat::Mode::Utc : TimeFormat::Mode::Local, tz);
    QRandomGenerator random(20261121);
    for (int i = 0; i < 20'000; ++i) {
        const qint64 instant = random.bounded(qint64(31'536'000'000), qint64(4'102'444'800'000));
        const qint64 value = i % 3 == 0 ? instant - instant % 1000 : instant;
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(value, tz);
        QString expected =
            dt.toString(value % 1000 ? u"yyyy-MM-dd'T'HH:mm:ss.zzz"_s : u"yyyy-MM-dd'T'HH:mm:ss"_s);
        if (utc) {
            expected += u'Z';
        } else {
            const int offset = dt.offsetFromUtc();
            expected += u"%1%2:%3"_s.arg(QChar(offset < 0 ? u'-' : u'+'))
                            .arg(qAbs(offset) / 3600, 2, 10, QChar(u'0'))
                            .arg(qAbs(offset) / 60 % 60, 2, 10, QChar(u'0'));
        }
        QCOMPARE(format.iso(value), expected);
        QCOMPARE(format.display(value), dt.toString(u"yyyy-MM-dd HH:mm:ss"_s));
    }
}

void TestTimeFormat::noTime()
{
    const TimeFormat format;
    QVERIFY(format.iso(TimeFormat::NoTime).isEmpty());
    QVERIFY(format.display(TimeFormat::NoTime).isEmpty());
    QVERIFY(format.iso(QDateTime()).isEmpty());
    QCOMPARE(TimeFormat::toMsecs(QDateTime()), TimeFormat::NoTime);
    QVERIFY(!TimeFormat::fromMsecs(TimeFormat::NoTime).isValid());
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, Qt::UTC);
    QCOMPARE(TimeFormat::fromMsecs(TimeFormat::toMsecs(dt)), dt);
}

void TestTimeFormat::durations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << u"0 s"_s;
    QTest::newRow("negative is clock skew") << qint64(-5) << u"0 s"_s;
    QTest::newRow("seconds") << qint64(45) << u"45 s"_s;
    QTest::newRow("whole minutes") << qint64(300) << u"5 min"_s;
    QTest::newRow("minutes and seconds") << qint64(303) << u"5 min 3 s"_s;
    QTest::newRow("hours and minutes") << qint64(5020) << u"1 h 23 min"_s;
    QTest::newRow("seconds below minutes are dropped") << qint64(7500 + 59) << u"2 h 5 min"_s;
    QTest::newRow("whole hours") << qint64(7200) << u"2 h"_s;
    QTest::newRow("days and hours") << qint64(2 * 86400 + 3 * 3600 + 59) << u"2 d 3 h"_s;
    QTest::newRow("whole days") << qint64(35 * 86400) << u"35 d"_s;
}

void TestTimeFormat::durations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(TimeFormat::duration(seconds), expected);
    QCOMPARE(TimeFormat::runningFor(seconds), u"running for "_s + expected);
}

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
