// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerClient.h"
#include "aws/config/SharedConfigFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// botocore (the AWS CLI's parser) as the oracle for SharedConfigFile: both read the same files and must
// agree on every profile, sso-session and services section. The fixtures leave out the two places where
// SessionScope follows the newer SDKs' file-format rules instead (inline comments, and [default] merged
// with [profile default] key by key).
class TestSharedConfigInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agreesWithBotocore_data();
    void agreesWithBotocore();

private:
    QString m_python;
    QString m_botocoreVersion;
};

namespace {

// Prints {"profiles": ..., "sso_sessions": ..., "services": ...} as botocore builds them. A section kind this
// botocore does not build (botocore 1.31 added [services]) is left out of its answer.
const char *const botocoreScript = R"(
import json, sys
from botocore import configloader
raw = configloader.raw_config_parse(sys.argv[1])
if sys.argv[2] == 'config':
    built = configloader.build_profile_map(raw)
    out = {k: built[k] for k in ('profiles', 'sso_sessions', 'services') if k in built}
else:
    out = {'profiles': raw, 'sso_sessions': {}, 'services': {}}
print(json.dumps(out))
)";

QJsonObject sectionObject(const SharedConfigFile::Properties &properties,
                          const std::function<SharedConfigFile::Properties(const QString &)> &subSection)
{
    QJsonObject object;
    for (auto it = properties.cbegin(); it != properties.cend(); ++it) {
        const SharedConfigFile::Properties nested = subSection(it.key());
        if (it.value().isEmpty() && !nested.isEmpty()) {
            QJsonObject nestedObject;
            for (auto n = nested.cbegin(); n != nested.cend(); ++n)
                nestedObject.insert(n.key(), n.value());
            object.insert(it.key(), nestedObject);
        } else {
            object.insert(it.key(), it.value());
        }
    }
    return object;
}

QJsonObject ours(const SharedConfigFile &file)
{
    QJsonObject profiles;
    for (const QString &name : file.profileNames()) {
        profiles.insert(name, sectionObject(file.profile(name), [&](const QString &key) {
                            return file.profileSubSection(name, key);
                        }));
    }
    QJsonObject sso;
    for (const QString &name : file.ssoSessionNames())
        sso.insert(name, sectionObject(file.ssoSession(name),
                                       [](const QString &) { return SharedConfigFile::Properties(); }));
    QJsonObject services;
    for (const QString &name : file.servicesSectionNames()) {
        services.insert(name, sectionObject(file.servicesSection(name), [&](const QString &key) {
                            return file.servicesSubSection(name, key);
                        }));
    }
    return {{u"profiles"_s, profiles}, {u"sso_sessions"_s, sso}, {u"services"_s, services}};
}

} // namespace

void TestSharedConfigInterop::initTestCase()
{
    const PeerClient::Probe probe = PeerClient::probe(u"botocore.configloader"_s);
    m_python = probe.python;
    if (m_python.isEmpty())
        QSKIP("python3 is not installed; botocore is the oracle of this test.");
    if (probe.botocoreVersion.isEmpty())
        QSKIP(qPrintable(m_python + u" has no botocore; it is the oracle of this test."_s));
    QVERIFY2(probe.problem.isEmpty(), qPrintable(probe.problem));
    m_botocoreVersion = probe.botocoreVersion;
    qInfo("botocore %s (%s)", qPrintable(m_botocoreVersion), qPrintable(m_python));
}

void TestSharedConfigInterop::agreesWithBotocore_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<SharedConfigFile::Kind>("kind");

    QTest::newRow("config") << QByteArray(
                                   "# a comment\n; another\n"
                                   "[default]\nregion = us-east-1\nOutput: json\n\n"
                                   "[profile dev]\nREGION=eu-west-1\n"
                                   "s3 =\n    max_concurrent_requests = 20\n    Addressing_Style = path\n"
                                   "credential_process = /bin/tool --profile \"x y\"\n    --flag\n"
                                   "  indented = yes\n"
                                   "  tag=#not-a-comment\n"
                                   "[profile my dev]\nsso_session = corp\n"
                                   "[  profile   spaced  ]\nregion = ap-south-1\n"
                                   "[sso-session corp]\nsso_region = us-east-1\n"
                                   "sso_start_url = https://corp.awsapps.com/start\n"
                                   "[services local]\nqapps =\n  endpoint_url = http://127.0.0.1:9000\n"
                                   "workspaces_web =\n  endpoint_url = http://localhost:9001\n"
                                   "[plugins]\ncli_legacy_plugin_path = /x\n"
                                   "[Profile Upper]\na = b\n"
                                   "[profile \"quoted name\"]\nregion = eu-west-3\n"
                                   "[profile]\nregion = eu-west-3\n"
                                   "[ default ]\nregion = eu-west-3\n"
                                   "[profile\tdev2]\nregion = eu-west-3\n"
                                   "[unprefixed]\nregion = us-west-1\n")
                            << SharedConfigFile::Kind::Config;
    QTest::newRow("credentials") << QByteArray(
                                        "[default]\naws_access_key_id = AKIDDEFAULT\n"
                                        "aws_secret_access_key=s1\n"
                                        "[dev]\nAWS_ACCESS_KEY_ID : AKIDDEV\naws_secret_access_key = s2\n"
                                        "aws_session_token = t/o+k=en==\n"
                                        "[profile literal]\naws_access_key_id = AKIDLIT\n")
                                 << SharedConfigFile::Kind::Credentials;
}

void TestSharedConfigInterop::agreesWithBotocore()
{
    QFETCH(QByteArray, text);
    QFETCH(SharedConfigFile::Kind, kind);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"file"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();

    QProcess python;
    python.setProcessEnvironment(PeerClient::environment());
    python.start(m_python, {u"-c"_s, QString::fromUtf8(botocoreScript), file.fileName(),
                            kind == SharedConfigFile::Kind::Config ? u"config"_s : u"credentials"_s});
    QVERIFY(python.waitForFinished(60'000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject botocore = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QVERIFY(!botocore.isEmpty());

    const AwsResult<SharedConfigFile> parsed = SharedConfigFile::parse(text, kind, u"file"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
    QJsonObject mine = ours(parsed.value());
    // What this botocore does not build cannot be compared; the row says so below instead of passing quietly.
    QStringList unchecked;
    for (const QString &kindOfSection : {u"sso_sessions"_s, u"services"_s}) {
        if (botocore.contains(kindOfSection))
            continue;
        if (!mine.value(kindOfSection).toObject().isEmpty())
            unchecked.append(kindOfSection);
        mine.remove(kindOfSection);
    }
    if (mine != botocore) {
        qWarning().noquote() << "botocore:" << QJsonDocument(botocore).toJson();
        qWarning().noquote() << "ours:    " << QJsonDocument(mine).toJson();
    }
    QCOMPARE(mine, botocore);
    if (!unchecked.isEmpty())
        QSKIP(qPrintable(
            u"botocore %1 does not build the file's %2 (newer botocore does): the rest of the file "
            "was compared and agrees, those sections were not"_s.arg(m_botocoreVersion,
                                                                     unchecked.join(u", "_s))));
}

QTEST_GUILESS_MAIN(TestSharedConfigInterop)
#include "tst_sharedconfiginterop.moc"
