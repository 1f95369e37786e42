// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzSupport.h"

#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace {

void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "Qt fatal: %s\n", qPrintable(message));
        std::fflush(stderr);
    }
}

} // namespace

void FuzzSupport::initialize()
{
    qInstallMessageHandler(quietMessageHandler);
}

// libFuzzer calls this once before the first input, in every target: this object file is linked into
// each of them (they all use FuzzSupport::bytes), and this strong definition replaces libFuzzer's weak
// declaration.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::initialize();
    return 0;
}

QByteArray FuzzSupport::bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

void FuzzSupport::fail(const char *condition, const QString &detail, const char *file, int line)
{
    std::fprintf(stderr, "\n==== fuzz invariant broken at %s:%d\n==== %s\n==== %s\n", file, line, condition,
                 qPrintable(detail));
    std::fflush(stderr);
    std::abort();
}
