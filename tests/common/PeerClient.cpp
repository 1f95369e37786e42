// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerClient.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QString PeerClient::python()
{
    const QString registered = qEnvironmentVariable("SESSIONSCOPE_PYTHON");
    return registered.isEmpty() ? QStandardPaths::findExecutable(u"python3"_s) : registered;
}

QString PeerClient::modelsFolder()
{
    const QString fromEnv = qEnvironmentVariable("SESSIONSCOPE_TESTDATA");
    const QString testdata = fromEnv.isEmpty() ? QStringLiteral(SESSIONSCOPE_TESTDATA_DEFAULT) : fromEnv;
    return QDir::cleanPath(testdata + u"/botocore-models"_s);
}

QProcessEnvironment PeerClient::environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString models = modelsFolder();
    if (QFileInfo(models + u"/workspaces-web"_s).isDir())
        env.insert(u"AWS_DATA_PATH"_s, models);
    return env;
}

PeerClient::Probe PeerClient::probe(const QString &modules)
{
    Probe result;
    result.python = python();
    if (result.python.isEmpty())
        return result;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(result.python,
                  {u"-c"_s, u"import botocore, %1; print(botocore.__version__)"_s.arg(modules)});
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return result;
    result.botocoreVersion = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    const QString promised = qEnvironmentVariable("SESSIONSCOPE_PEER_BOTOCORE");
    if (!promised.isEmpty() && promised != result.botocoreVersion)
        result.problem =
            u"this test was registered for botocore %1 but %2 has botocore %3; configure the build "
            "again (cmake) so the test names match the clients"_s.arg(promised, result.python,
                                                                      result.botocoreVersion);
    return result;
}
