// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/config/SharedConfigFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

using Properties = SharedConfigFile::Properties;

class TestSharedConfigFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesProfiles_data();
    void parsesProfiles();
    void rejectsMalformedLines_data();
    void rejectsMalformedLines();
    void keepsSpecialSectionsApart();
    void subSections();
    void profileDefaultWinsOverDefault();
    void listsProfilesInFileOrder();
    void loadsFiles();
};

void TestSharedConfigFile::parsesProfiles_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<SharedConfigFile::Kind>("kind");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<Properties>("expected");

    const auto config = SharedConfigFile::Kind::Config;
    const auto credentials = SharedConfigFile::Kind::Credentials;

    QTest::newRow("credentials plain")
        << QByteArray("[dev]\naws_access_key_id = AKIDEV\n"
                      "aws_secret_access_key = devsecret\n")
        << credentials << u"dev"_s
        << Properties{{u"aws_access_key_id"_s, u"AKIDEV"_s}, {u"aws_secret_access_key"_s, u"devsecret"_s}};
    QTest::newRow("odd spacing") << QByteArray("[dev]\n  aws_access_key_id=AKIDEV   \n"
                                               "\taws_secret_access_key\t =\t s e c \n")
                                 << credentials << u"dev"_s
                                 << Properties{{u"aws_access_key_id"_s, u"AKIDEV"_s},
                                               {u"aws_secret_access_key"_s, u"s e c"_s}};
    QTest::newRow("keys are case-insensitive")
        << QByteArray("[profile dev]\nRegion = eu-west-1\nAWS_Access_Key_ID = AKID\n") << config << u"dev"_s
        << Properties{{u"region"_s, u"eu-west-1"_s}, {u"aws_access_key_id"_s, u"AKID"_s}};
    QTest::newRow("colon delimiter") << QByteArray("[profile dev]\nregion: eu-west-1\n") << config << u"dev"_s
                                     << Properties{{u"region"_s, u"eu-west-1"_s}};
    QTest::newRow("first delimiter wins")
        << QByteArray("[profile dev]\nendpoint_url = http://127.0.0.1:4566\n") << config << u"dev"_s
        << Properties{{u"endpoint_url"_s, u"http://127.0.0.1:4566"_s}};
    QTest::newRow("comments") << QByteArray("# top\n; also top\n[profile dev] # after header\n"
                                            "  # indented comment\n"
                                            "region = us-east-1 # inline\n"
                                            "output = json ; inline too\n"
                                            "tag = a#b;c\n"
                                            "empty = # only a comment\n")
                              << config << u"dev"_s
                              << Properties{{u"region"_s, u"us-east-1"_s},
                                            {u"output"_s, u"json"_s},
                                            {u"tag"_s, u"a#b;c"_s},
                                            {u"empty"_s, QString()}};
    QTest::newRow("hash right after delimiter is a value")
        << QByteArray("[dev]\naws_secret_access_key =#abc\n") << credentials << u"dev"_s
        << Properties{{u"aws_secret_access_key"_s, u"#abc"_s}};
    QTest::newRow("crlf and bom") << QByteArray("\xEF\xBB\xBF[profile dev]\r\nregion = us-west-2\r\n")
                                  << config << u"dev"_s << Properties{{u"region"_s, u"us-west-2"_s}};
    QTest::newRow("later value wins") << QByteArray("[profile dev]\nregion = a-b-1\n[profile other]\nx=1\n"
                                                    "[profile dev]\nregion = us-east-2\n")
                                      << config << u"dev"_s << Properties{{u"region"_s, u"us-east-2"_s}};
    QTest::newRow("whitespace in header") << QByteArray("[profile \t dev ]\nregion = us-east-1\n") << config
                                          << u"dev"_s << Properties{{u"region"_s, u"us-east-1"_s}};
    QTest::newRow("quoted profile name") << QByteArray("[profile \"my dev\"]\nregion = us-east-1\n") << config
                                         << u"my dev"_s << Properties{{u"region"_s, u"us-east-1"_s}};
    QTest::newRow("unquoted name with a space is no profile")
        << QByteArray("[profile my dev]\nregion = us-east-1\n") << config << u"my dev"_s << Properties{};
    QTest::newRow("space before the prefix is no profile")
        << QByteArray("[ profile dev]\nregion = us-east-1\n") << config << u"dev"_s << Properties{};
    QTest::newRow("profile without a name is ignored")
        << QByteArray("[profile]\nregion = us-east-1\n") << config << u"profile"_s << Properties{};
    QTest::newRow("bare default in config") << QByteArray("[default]\nregion = us-east-1\n") << config
                                            << u"default"_s << Properties{{u"region"_s, u"us-east-1"_s}};
    QTest::newRow("credentials section names are literal")
        << QByteArray("[profile dev]\naws_access_key_id = AKID\n") << credentials << u"profile dev"_s
        << Properties{{u"aws_access_key_id"_s, u"AKID"_s}};
    QTest::newRow("profile names keep case")
        << QByteArray("[profile Dev]\nregion = us-east-1\n") << config << u"dev"_s << Properties{};
    QTest::newRow("continued value") << QByteArray("[profile dev]\ncredential_process = /bin/tool\n"
                                                   "    --flag\n"
                                                   "region = us-east-1\n")
                                     << config << u"dev"_s
                                     << Properties{{u"credential_process"_s, u"/bin/tool\n--flag"_s},
                                                   {u"region"_s, u"us-east-1"_s}};
    QTest::newRow("same indentation is no continuation")
        << QByteArray("[profile dev]\n  region = us-east-1\n  output = json\n") << config << u"dev"_s
        << Properties{{u"region"_s, u"us-east-1"_s}, {u"output"_s, u"json"_s}};
    QTest::newRow("sub-section tolerated")
        << QByteArray("[profile dev]\ns3 =\n  max_concurrent_requests = 20\n"
                      "  addressing_style = path\n"
                      "region = us-east-1\n")
        << config << u"dev"_s << Properties{{u"s3"_s, QString()}, {u"region"_s, u"us-east-1"_s}};
    QTest::newRow("unknown sections ignored")
        << QByteArray(
               "[plugins]\ncli_legacy_plugin_path = /x\n[dev]\nregion = x\n[profile dev]\nregion = y\n")
        << config << u"dev"_s << Properties{{u"region"_s, u"y"_s}};
}

void TestSharedConfigFile::parsesProfiles()
{
    QFETCH(QByteArray, text);
    QFETCH(SharedConfigFile::Kind, kind);
    QFETCH(QString, profile);
    QFETCH(Properties, expected);

    const AwsResult<SharedConfigFile> file = SharedConfigFile::parse(text, kind, u"test-file"_s);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message()));
    QCOMPARE(file.value().profile(profile), expected);
    QCOMPARE(file.value().hasProfile(profile), !expected.isEmpty());
}

void TestSharedConfigFile::rejectsMalformedLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");

    QTest::newRow("setting before section") << QByteArray("# c\nregion = us-east-1\n") << 2;
    QTest::newRow("no delimiter") << QByteArray(
                                         "[profile dev]\nregion = x\n\naws_secret_access_key wJalrSECRET\n")
                                  << 4;
    QTest::newRow("unclosed header") << QByteArray("[profile dev\nregion = x\n") << 1;
    QTest::newRow("empty header") << QByteArray("[ ]\n") << 1;
    QTest::newRow("text after header") << QByteArray("[profile dev] region = x\n") << 1;
    QTest::newRow("empty key") << QByteArray("[profile dev]\n = x\n") << 2;
    QTest::newRow("bad sub-section line") << QByteArray("[profile dev]\ns3 =\n  wJalrSECRET\n") << 3;
    QTest::newRow("colon in sub-section line")
        << QByteArray("[profile dev]\ns3 =\n  a = 1\n  SECRET: x\n") << 4;
    QTest::newRow("error inside an ignored section") << QByteArray("[plugins]\nwJalrSECRET\n") << 2;
}

void TestSharedConfigFile::rejectsMalformedLines()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);

    const AwsResult<SharedConfigFile> file =
        SharedConfigFile::parse(text, SharedConfigFile::Kind::Config, u"~/.aws/config"_s);
    QVERIFY(!file.ok());
    const AwsError &error = file.error();
    QCOMPARE(error.category(), AwsError::Category::Configuration);
    QVERIFY2(error.message().startsWith(u"~/.aws/config, line %1: "_s.arg(line)),
             qPrintable(error.message()));
    // The line may hold a secret: the message names the line but never repeats it.
    QVERIFY(!error.message().contains(u"SECRET"_s));
    QVERIFY(!error.userMessage().contains(u"SECRET"_s));
}

void TestSharedConfigFile::keepsSpecialSectionsApart()
{
    const QByteArray text = "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
                            "sso_region = us-east-1\n"
                            "[services local]\nqapps =\n  endpoint_url = http://127.0.0.1:9000\n"
                            "workspaces_web =\n  endpoint_url = http://localhost:9001\n"
                            "[profile dev]\nsso_session = corp\nservices = local\n";
    const AwsResult<SharedConfigFile> file =
        SharedConfigFile::parse(text, SharedConfigFile::Kind::Config, u"config"_s);
    QVERIFY(file.ok());
    const SharedConfigFile &config = file.value();
    QCOMPARE(config.profileNames(), QStringList{u"dev"_s});
    QCOMPARE(config.ssoSessionNames(), QStringList{u"corp"_s});
    QCOMPARE(config.ssoSession(u"corp"_s).value(u"sso_region"_s), u"us-east-1"_s);
    QVERIFY(config.hasServicesSection(u"local"_s));
    QCOMPARE(config.servicesSubSection(u"local"_s, u"qapps"_s),
             (Properties{{u"endpoint_url"_s, u"http://127.0.0.1:9000"_s}}));
    QCOMPARE(config.servicesSubSection(u"local"_s, u"WORKSPACES_WEB"_s),
             (Properties{{u"endpoint_url"_s, u"http://localhost:9001"_s}}));
    QVERIFY(!config.hasProfile(u"corp"_s));
    QVERIFY(!config.hasProfile(u"local"_s));
}

void TestSharedConfigFile::subSections()
{
    const QByteArray text = "[profile dev]\ns3 =\n    max_concurrent_requests = 20 # comment\n"
                            "    # an indented comment\n"
                            "\n"
                            "    Addressing_Style=path\n"
                            "region = us-east-1\n";
    const AwsResult<SharedConfigFile> file =
        SharedConfigFile::parse(text, SharedConfigFile::Kind::Config, u"config"_s);
    QVERIFY(file.ok());
    QCOMPARE(file.value().profileSubSection(u"dev"_s, u"S3"_s),
             (Properties{{u"max_concurrent_requests"_s, u"20"_s}, {u"Addressing_Style"_s, u"path"_s}}));
    QCOMPARE(file.value().profile(u"dev"_s).value(u"region"_s), u"us-east-1"_s);
}

void TestSharedConfigFile::profileDefaultWinsOverDefault()
{
    // In either order, [profile default] wins key by key; keys only in [default] remain.
    for (const QByteArray &text : {QByteArray("[profile default]\nregion = eu-west-1\n"
                                              "[default]\nregion = us-east-1\noutput = json\n"),
                                   QByteArray("[default]\nregion = us-east-1\noutput = json\n"
                                              "[profile default]\nregion = eu-west-1\n")}) {
        const AwsResult<SharedConfigFile> file =
            SharedConfigFile::parse(text, SharedConfigFile::Kind::Config, u"config"_s);
        QVERIFY(file.ok());
        QCOMPARE(file.value().profile(u"default"_s),
                 (Properties{{u"region"_s, u"eu-west-1"_s}, {u"output"_s, u"json"_s}}));
        QCOMPARE(file.value().profileNames(), QStringList{u"default"_s});
    }
}

void TestSharedConfigFile::listsProfilesInFileOrder()
{
    const QByteArray text = "[profile zeta]\n[default]\n[sso-session s]\n[profile alpha]\n[profile zeta]\n";
    const AwsResult<SharedConfigFile> file =
        SharedConfigFile::parse(text, SharedConfigFile::Kind::Config, u"config"_s);
    QVERIFY(file.ok());
    QCOMPARE(file.value().profileNames(), (QStringList{u"zeta"_s, u"default"_s, u"alpha"_s}));
}

void TestSharedConfigFile::loadsFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const AwsResult<SharedConfigFile> missing =
        SharedConfigFile::load(dir.filePath(u"absent"_s), SharedConfigFile::Kind::Config, u"absent"_s);
    QVERIFY(missing.ok());
    QVERIFY(!missing.value().exists());
    QVERIFY(missing.value().profileNames().isEmpty());

    QFile file(dir.filePath(u"credentials"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[dev]\naws_access_key_id = AKID\n");
    file.close();
    const AwsResult<SharedConfigFile> loaded =
        SharedConfigFile::load(file.fileName(), SharedConfigFile::Kind::Credentials, u"creds"_s);
    QVERIFY(loaded.ok());
    QVERIFY(loaded.value().exists());
    QCOMPARE(loaded.value().profile(u"dev"_s).value(u"aws_access_key_id"_s), u"AKID"_s);

    const AwsResult<SharedConfigFile> folder =
        SharedConfigFile::load(dir.path(), SharedConfigFile::Kind::Config, u"the-folder"_s);
    QVERIFY(!folder.ok());
    QCOMPARE(folder.error().category(), AwsError::Category::Configuration);
    QVERIFY(folder.error().message().contains(u"the-folder"_s));

    if (::geteuid() != 0) {
        QVERIFY(file.setPermissions(QFileDevice::WriteOwner));
        const AwsResult<SharedConfigFile> unreadable =
            SharedConfigFile::load(file.fileName(), SharedConfigFile::Kind::Credentials, u"creds"_s);
        QVERIFY(!unreadable.ok());
        QVERIFY(unreadable.error().message().contains(u"Could not read creds"_s));
    }
}

QTEST_GUILESS_MAIN(TestSharedConfigFile)
#include "tst_sharedconfigfile.moc"
