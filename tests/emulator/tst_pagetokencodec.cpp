// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/DeterministicRandom.h"
#include "emulator/PageTokenCodec.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SessionKey)

class TestPageTokenCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void everyChangedCharacterIsRejected();
    void boundToItsQuery();
    void garbageIsRejected_data();
    void garbageIsRejected();
    void keyedBySeed();
    void textIsStandardBase64();
    void queryHashSeparatesParts();
};

void TestPageTokenCodec::roundTrip_data()
{
    QTest::addColumn<SessionKey>("position");
    QTest::newRow("zero") << SessionKey{};
    QTest::newRow("typical") << SessionKey{1741793400123,
                                           *Uuid128::fromString(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s)};
    QTest::newRow("negative time") << SessionKey{-5, {1, 2}};
    QTest::newRow("extremes") << SessionKey{std::numeric_limits<qint64>::max(), {~0ULL, ~0ULL}};
    QTest::newRow("minimum") << SessionKey{std::numeric_limits<qint64>::min(), {0, ~0ULL}};
}

void TestPageTokenCodec::roundTrip()
{
    QFETCH(SessionKey, position);
    const PageTokenCodec codec(1);
    const quint64 query = PageTokenCodec::queryHash({u"ListSessions"_s, u"portal"_s});
    const QString token = codec.encode(query, position);
    QVERIFY(token.size() <= 2048);
    const PageTokenCodec::Decoded decoded = codec.decode(token, query);
    QCOMPARE(decoded.status, PageTokenCodec::Status::Ok);
    QCOMPARE(decoded.position, position);
}

void TestPageTokenCodec::everyChangedCharacterIsRejected()
{
    static const QString alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"_s;
    const PageTokenCodec codec(77);
    const quint64 query = PageTokenCodec::queryHash({u"q"_s});
    const QString token = codec.encode(query, {123456789, {42, 43}});
    int variants = 0;
    for (qsizetype i = 0; i < token.size(); ++i) {
        for (const QChar replacement : {QChar(u'A'), QChar(u'z'), QChar(u'+'), QChar(u'/'), QChar(u'=')}) {
            if (token[i] == replacement)
                continue;
            QString tampered = token;
            tampered[i] = replacement;
            QCOMPARE(codec.decode(tampered, query).status, PageTokenCodec::Status::Invalid);
            ++variants;
        }
    }
    QVERIFY(variants > 4 * token.size() - token.size());
    // Truncated or extended tokens as well.
    QCOMPARE(codec.decode(token.chopped(4), query).status, PageTokenCodec::Status::Invalid);
    QCOMPARE(codec.decode(token + u"AAAA"_s, query).status, PageTokenCodec::Status::Invalid);
    QCOMPARE(codec.decode(alphabet.left(4) + token, query).status, PageTokenCodec::Status::Invalid);
}

void TestPageTokenCodec::boundToItsQuery()
{
    const PageTokenCodec codec(5);
    const quint64 newest = PageTokenCodec::queryHash({u"ListSessions"_s, u"p1"_s, u"desc"_s});
    const quint64 oldest = PageTokenCodec::queryHash({u"ListSessions"_s, u"p1"_s, u"asc"_s});
    const quint64 otherPortal = PageTokenCodec::queryHash({u"ListSessions"_s, u"p2"_s, u"desc"_s});
    const QString token = codec.encode(newest, {1000, {1, 1}});
    QCOMPARE(codec.decode(token, newest).status, PageTokenCodec::Status::Ok);
    QCOMPARE(codec.decode(token, oldest).status, PageTokenCodec::Status::OtherQuery);
    QCOMPARE(codec.decode(token, otherPortal).status, PageTokenCodec::Status::OtherQuery);
}

void TestPageTokenCodec::garbageIsRejected_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << u"abc"_s;
    QTest::newRow("not base64") << u"!!!!"_s;
    QTest::newRow("base64 of something else") << QString::fromLatin1(QByteArray("hello world").toBase64());
    QTest::newRow("right length, zeros") << QString::fromLatin1(QByteArray(49, '\0').toBase64());
    QTest::newRow("url-safe alphabet")
        << u"umZ0oMKM2JImZXh-Kg_066QODbO478PoEICq3mdmWh09V8BUe7TVcD0tPfaLWrzXCg=="_s;
    QTest::newRow("spaces") << u"umZ0oMKM2JImZXh Kg/066QODbO478PoEICq3mdmWh09V8BUe7TVcD0tPfaLWrzXCg=="_s;
    QTest::newRow("non-latin1") << u"umZ0oMKM2JImZXh€Kg/066QODbO478PoEICq3mdmWh09V8BUe7TVcD0tPfaLWrzXCg=="_s;
    QTest::newRow("huge") << QString(5000, u'A');
}

void TestPageTokenCodec::garbageIsRejected()
{
    QFETCH(QString, token);
    const PageTokenCodec codec(1);
    QCOMPARE(codec.decode(token, PageTokenCodec::queryHash({u"q"_s})).status,
             PageTokenCodec::Status::Invalid);
}

void TestPageTokenCodec::keyedBySeed()
{
    const quint64 query = PageTokenCodec::queryHash({u"q"_s});
    const QString token = PageTokenCodec(1).encode(query, {5, {6, 7}});
    QCOMPARE(PageTokenCodec(1).decode(token, query).status, PageTokenCodec::Status::Ok);
    QCOMPARE(PageTokenCodec(2).decode(token, query).status, PageTokenCodec::Status::Invalid);
}

void TestPageTokenCodec::textIsStandardBase64()
{
    // Tokens must exercise clients' URL encoding: '+', '/' and '=' show up routinely.
    static const QRegularExpression base64(u"^[A-Za-z0-9+/]+={0,2}$"_s);
    const PageTokenCodec codec(3);
    DeterministicRandom random(99);
    int withPlus = 0, withSlash = 0, withPadding = 0;
    for (int i = 0; i < 200; ++i) {
        const QString token =
            codec.encode(random.next(), {qint64(random.next() >> 2), {random.next(), random.next()}});
        QVERIFY2(base64.match(token).hasMatch(), qPrintable(token));
        withPlus += token.contains(u'+');
        withSlash += token.contains(u'/');
        withPadding += token.endsWith(u'=');
    }
    QVERIFY(withPlus > 50);
    QVERIFY(withSlash > 50);
    QCOMPARE(withPadding, 200);
}

void TestPageTokenCodec::queryHashSeparatesParts()
{
    QVERIFY(PageTokenCodec::queryHash({u"ab"_s, u"c"_s}) != PageTokenCodec::queryHash({u"a"_s, u"bc"_s}));
    QVERIFY(PageTokenCodec::queryHash({u""_s}) != PageTokenCodec::queryHash({}));
    QCOMPARE(PageTokenCodec::queryHash({u"x"_s, u"y"_s}), PageTokenCodec::queryHash({u"x"_s, u"y"_s}));
}

QTEST_GUILESS_MAIN(TestPageTokenCodec)
#include "tst_pagetokencodec.moc"
