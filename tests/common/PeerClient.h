// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>

/// The real AWS client a peer test runs (tests/PeerClients.cmake registers each such test once per kind of
/// client on the machine): which python3, which botocore, and the environment that gives an old botocore the
/// WorkSpaces Web and Q Apps models (AWS_DATA_PATH at ../shared/testdata/botocore-models).
class PeerClient
{
public:
    /// What probe() found.
    struct Probe
    {
        QString python;          ///< empty: no python3
        QString botocoreVersion; ///< empty: this python3 has no botocore (or not the modules asked for)
        QString problem;         ///< not empty: the client found is not the one the test's name promises
    };

    /// The python3 the test was registered for (SESSIONSCOPE_PYTHON), else the first on the PATH.
    static QString python();
    /// This process's environment plus AWS_DATA_PATH pointing at the service models, when they are there.
    static QProcessEnvironment environment();
    /// The folder with the service models: SESSIONSCOPE_TESTDATA or ../shared/testdata, + /botocore-models.
    static QString modelsFolder();
    /// Finds python3 and botocore's version, importing `modules` (e.g. "botocore.configloader") to be sure
    /// they are there, and checks the version against SESSIONSCOPE_PEER_BOTOCORE.
    static Probe probe(const QString &modules);
};
