// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchMeasure.h"

#include <QJsonDocument>

#include <cstdio>
#include <ctime>
#include <unistd.h>

qint64 BenchMeasure::residentBytes()
{
    // statm is a single line of page counts; read it with stdio so no Qt allocation disturbs the figure.
    FILE *file = std::fopen("/proc/self/statm", "r");
    if (!file)
        return -1;
    long long size = 0;
    long long resident = 0;
    const int fields = std::fscanf(file, "%lld %lld", &size, &resident);
    std::fclose(file);
    if (fields != 2)
        return -1;
    return qint64(resident) * qint64(::sysconf(_SC_PAGESIZE));
}

double BenchMeasure::cpuSeconds()
{
    timespec spec{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec);
    return double(spec.tv_sec) + double(spec.tv_nsec) / 1e9;
}

void BenchMeasure::emitResult(const QJsonObject &result)
{
    const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void BenchMeasure::note(const QString &line)
{
    std::fputs((line + u'\n').toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}
