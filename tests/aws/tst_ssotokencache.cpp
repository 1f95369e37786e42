// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/AwsCliCacheFile.h"
#include "aws/credentials/sso/SsoRegistrationCache.h"
#include "aws/credentials/sso/SsoTokenCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

// The AWS CLI v2's ~/.aws/sso/cache, file for file. Expected names and bytes were made with Python's
// hashlib and json.dumps, as the AWS CLI makes them. Tokens never appear in failure messages.
class TestSsoTokenCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fileNameIsTheSha1OfTheCacheKey_data();
    void fileNameIsTheSha1OfTheCacheKey();
    void defaultFolderIsUnderHome();
    void writesWhatTheAwsCliWrites();
    void readsBackEveryFieldAndKeepsUnknownOnes();
    void missingFileIsNoToken();
    void writeIsOwnerOnlyAndCreatesOwnerOnlyFolders();
    void rewriteKeepsOwnerOnlyPermissions();
    void malformedFiles_data();
    void malformedFiles();
    void readsOlderTimeFormats_data();
    void readsOlderTimeFormats();
    void registrationCacheKeyIsTheAwsClis_data();
    void registrationCacheKeyIsTheAwsClis();
    void registrationRoundTrip();
    void registrationIsReusedOnlyWithFifteenMinutesLeft();

private:
    QString folder() const { return m_dir->filePath(u"home/.aws/sso/cache"_s); }
    QByteArray fileContent(const QString &path) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

const QDateTime expiry(QDate(2026, 12, 7), QTime(19, 0), QTimeZone::utc());

SsoToken sampleToken()
{
    SsoToken token;
    token.startUrl = u"https://corp.awsapps.com/start"_s;
    token.region = u"eu-west-1"_s;
    token.accessToken = u"at-é\"x"_s;
    token.expiresAt = expiry;
    token.clientId = u"cid"_s;
    token.clientSecret = u"cs"_s;
    token.registrationExpiresAt = QDateTime(QDate(2027, 3, 7), QTime(18, 0), QTimeZone::utc());
    token.refreshToken = u"rt"_s;
    token.otherFields.insert(u"zExtra"_s,
                             QJsonObject{{u"b"_s, QJsonArray{1, 2.5, QJsonValue(QJsonValue::Null), true}}});
    return token;
}

} // namespace

void TestSsoTokenCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QByteArray TestSsoTokenCache::fileContent(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestSsoTokenCache::fileNameIsTheSha1OfTheCacheKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    QTest::newRow("session") << u"corp"_s << u"ee0bfd2552fbd840c02cc48b6e823320543c450f.json"_s;
    QTest::newRow("legacy start url")
        << u"https://old.awsapps.com/start"_s << u"33d5ca4bf3b1a62edb96b47f7c203034a43ac435.json"_s;
    QTest::newRow("non-ASCII, as UTF-8")
        << u"sessión"_s << u"e2804f3701f36ca9fde4792737a2e90ab948da24.json"_s;
}

void TestSsoTokenCache::fileNameIsTheSha1OfTheCacheKey()
{
    QFETCH(QString, key);
    QFETCH(QString, name);
    QCOMPARE(SsoTokenCache::fileName(key), name);
    QCOMPARE(SsoTokenCache(u"/x"_s).path(key), u"/x/"_s + name);
}

void TestSsoTokenCache::defaultFolderIsUnderHome()
{
    QProcessEnvironment env;
    env.insert(u"HOME"_s, u"/home/alice"_s);
    QCOMPARE(SsoTokenCache::defaultFolder(env), u"/home/alice/.aws/sso/cache"_s);
}

void TestSsoTokenCache::writesWhatTheAwsCliWrites()
{
    const SsoTokenCache cache(folder());
    QVERIFY(cache.write(u"corp"_s, sampleToken()));
    const QByteArray expected =
        R"({"startUrl": "https://corp.awsapps.com/start", "region": "eu-west-1", "accessToken": "at-\u00e9\"x", )"
        R"("expiresAt": "2026-12-07T19:00:00Z", "clientId": "cid", "clientSecret": "cs", )"
        R"("registrationExpiresAt": "2027-03-07T18:00:00Z", "refreshToken": "rt", "zExtra": {"b": [1, 2.5, null, true]}})";
    // Compared without QCOMPARE so that a mismatch never prints the token.
    QVERIFY2(fileContent(cache.path(u"corp"_s)) == expected, "the file differs from what json.dumps writes");
}

void TestSsoTokenCache::readsBackEveryFieldAndKeepsUnknownOnes()
{
    const SsoTokenCache cache(folder());
    const SsoToken written = sampleToken();
    QVERIFY(cache.write(u"corp"_s, written));
    const AwsResult<std::optional<SsoToken>> read = cache.read(u"corp"_s);
    QVERIFY(read);
    QVERIFY(read.value().has_value());
    const SsoToken &token = *read.value();
    QCOMPARE(token.startUrl, written.startUrl);
    QCOMPARE(token.region, written.region);
    QVERIFY(token.accessToken == written.accessToken);
    QCOMPARE(token.expiresAt, written.expiresAt);
    QCOMPARE(token.clientId, written.clientId);
    QVERIFY(token.clientSecret == written.clientSecret);
    QVERIFY(token.refreshToken == written.refreshToken);
    QCOMPARE(token.registrationExpiresAt, written.registrationExpiresAt);
    QCOMPARE(token.otherFields, written.otherFields);
}

void TestSsoTokenCache::missingFileIsNoToken()
{
    const AwsResult<std::optional<SsoToken>> read = SsoTokenCache(folder()).read(u"nobody"_s);
    QVERIFY(read);
    QVERIFY(!read.value().has_value());
}

void TestSsoTokenCache::writeIsOwnerOnlyAndCreatesOwnerOnlyFolders()
{
    const SsoTokenCache cache(folder());
    QVERIFY(cache.write(u"corp"_s, sampleToken()));
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    QCOMPARE(QFileInfo(cache.path(u"corp"_s)).permissions() & ~(QFile::ReadUser | QFile::WriteUser),
             ownerOnly);
    for (const QString &created : {u"home"_s, u"home/.aws"_s, u"home/.aws/sso"_s, u"home/.aws/sso/cache"_s}) {
        const QFile::Permissions permissions = QFileInfo(m_dir->filePath(created)).permissions() &
                                               ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
        QCOMPARE(permissions, ownerOnly | QFile::ExeOwner);
    }
    // Nothing but the token is left behind (no temporary files).
    QCOMPARE(QDir(folder()).entryList(QDir::Files), QStringList{SsoTokenCache::fileName(u"corp"_s)});
}

void TestSsoTokenCache::rewriteKeepsOwnerOnlyPermissions()
{
    const SsoTokenCache cache(folder());
    QVERIFY(cache.write(u"corp"_s, sampleToken()));
    QFile::setPermissions(cache.path(u"corp"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    SsoToken token = sampleToken();
    token.accessToken = u"second"_s;
    QVERIFY(cache.write(u"corp"_s, token));
    QVERIFY(!(QFileInfo(cache.path(u"corp"_s)).permissions() & (QFile::ReadOther | QFile::ReadGroup)));
    QVERIFY(cache.read(u"corp"_s).value()->accessToken == u"second"_s);
}

void TestSsoTokenCache::malformedFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << QByteArray("{\"accessToken\": \"SECRET-TOKEN\", ")
                              << u"is not a JSON object"_s;
    QTest::newRow("array") << QByteArray("[\"SECRET-TOKEN\"]") << u"is not a JSON object"_s;
    QTest::newRow("no access token") << QByteArray(R"({"expiresAt": "2026-12-07T19:00:00Z"})")
                                     << u"no valid \"accessToken\""_s;
    QTest::newRow("no expiry") << QByteArray(R"({"accessToken": "SECRET-TOKEN"})")
                               << u"no valid \"expiresAt\""_s;
    QTest::newRow("bad expiry") << QByteArray(R"({"accessToken": "SECRET-TOKEN", "expiresAt": "tomorrow"})")
                                << u"no valid \"expiresAt\""_s;
}

void TestSsoTokenCache::malformedFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const SsoTokenCache cache(folder());
    QVERIFY(QDir().mkpath(folder()));
    QFile file(cache.path(u"corp"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    const AwsResult<std::optional<SsoToken>> read = cache.read(u"corp"_s);
    QVERIFY(!read);
    QCOMPARE(read.error().category(), AwsError::Category::Credentials);
    QVERIFY2(read.error().message().contains(expected), "the message does not say what is wrong");
    QVERIFY2(read.error().message().contains(QDir::toNativeSeparators(cache.path(u"corp"_s))),
             "the message does not name the file");
    QVERIFY2(!read.error().message().contains(u"SECRET"_s), "the message quotes the file");
}

void TestSsoTokenCache::readsOlderTimeFormats_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("Z") << u"2026-12-07T19:00:00Z"_s;
    QTest::newRow("UTC, older AWS CLI") << u"2026-12-07T19:00:00UTC"_s;
    QTest::newRow("milliseconds") << u"2026-12-07T19:00:00.000Z"_s;
    QTest::newRow("offset") << u"2026-12-07T20:00:00+01:00"_s;
}

void TestSsoTokenCache::readsOlderTimeFormats()
{
    QFETCH(QString, text);
    QCOMPARE(AwsCliCacheFile::parseTime(text), expiry);
    QCOMPARE(AwsCliCacheFile::formatTime(expiry.toOffsetFromUtc(3600)), u"2026-12-07T19:00:00Z"_s);
}

void TestSsoTokenCache::registrationCacheKeyIsTheAwsClis_data()
{
    QTest::addColumn<QString>("startUrl");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("key");
    // sha1 of json.dumps({"tool": "botocore", "startUrl", "region", "scopes", "session_name"},
    // sort_keys=True)
    QTest::newRow("session") << u"https://corp.awsapps.com/start"_s << u"eu-west-1"_s
                             << QStringList{u"sso:account:access"_s} << u"corp"_s
                             << u"787ef34d0a944c01385765faa28b5e67d1c08f33"_s;
    QTest::newRow("legacy") << u"https://old.awsapps.com/start"_s << u"us-east-1"_s << QStringList{}
                            << QString() << u"7ec99555f7262444b173b1e48e0a30c50466e406"_s;
}

void TestSsoTokenCache::registrationCacheKeyIsTheAwsClis()
{
    QFETCH(QString, startUrl);
    QFETCH(QString, region);
    QFETCH(QStringList, scopes);
    QFETCH(QString, session);
    QFETCH(QString, key);
    QCOMPARE(SsoRegistrationCache::cacheKey(startUrl, region, scopes, session), key);
}

void TestSsoTokenCache::registrationRoundTrip()
{
    const SsoRegistrationCache cache(folder());
    SsoClientRegistration registration;
    registration.clientId = u"cid"_s;
    registration.clientSecret = u"cs"_s;
    registration.expiresAt = expiry;
    registration.scopes = {u"sso:account:access"_s};
    QVERIFY(cache.write(u"k"_s, registration));
    QVERIFY2(
        fileContent(cache.path(u"k"_s)) ==
            R"({"clientId": "cid", "clientSecret": "cs", "expiresAt": "2026-12-07T19:00:00Z", "scopes": ["sso:account:access"]})",
        "the registration file differs from the AWS CLI's");
    const auto read = cache.read(u"k"_s);
    QVERIFY(read && read.value());
    QCOMPARE(read.value()->clientId, u"cid"_s);
    QCOMPARE(read.value()->expiresAt, expiry);
    QCOMPARE(read.value()->scopes, registration.scopes);
}

void TestSsoTokenCache::registrationIsReusedOnlyWithFifteenMinutesLeft()
{
    SsoClientRegistration registration;
    registration.clientId = u"cid"_s;
    registration.clientSecret = u"cs"_s;
    registration.expiresAt = expiry;
    QVERIFY(registration.isUsable(expiry.addSecs(-16 * 60)));
    QVERIFY(!registration.isUsable(expiry.addSecs(-14 * 60)));
}

QTEST_GUILESS_MAIN(TestSsoTokenCache)
#include "tst_ssotokencache.moc"
