// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Benchmark of SessionTableModel (not a test; run_bench.py runs it). Two modes, one JSON line each:
//   bench_model insert ROWS   pages of 100 from a queued fake lister into the model (loadAll), the cost of
//                             generating those pages alone, and data(DisplayRole) per column afterwards
//   bench_model memory ROWS   resident set growth per loaded row (a fresh process per row count, so
//                             nothing of an earlier measurement stays in the heap)
#include "BenchMeasure.h"
#include "BenchSessionLister.h"

#include "sessions/SessionTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int pageSize = 100;
// Every wait is bounded: a model that never finishes fails the benchmark instead of hanging it.
constexpr int loadTimeoutMs = 10 * 60 * 1000;

// Loads every page into `model`; false (with a note) when it failed or timed out.
bool loadEverything(SessionTableModel &model)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&model, &SessionTableModel::allLoaded, &loop, [&] {
        ok = true;
        loop.quit();
    });
    QObject::connect(&model, &SessionTableModel::pageFailed, &loop, [&](const AwsError &error) {
        BenchMeasure::note(u"bench_model: page failed: "_s + error.toLogLine());
        loop.quit();
    });
    QTimer::singleShot(loadTimeoutMs, &loop, [&] {
        BenchMeasure::note(u"bench_model: loading timed out"_s);
        loop.quit();
    });
    model.loadAll();
    loop.exec();
    return ok;
}

SessionQuery benchQuery()
{
    SessionQuery query;
    query.portalId = u"0f3c2a51-7d4e-4c69-9b1a-2f4e8d7c6b5a"_s;
    return query;
}

int runInsert(qint64 rows)
{
    BenchSessionLister lister(rows);

    // The lister's own cost (building the SessionSummary pages), to subtract from the model's figure.
    QElapsedTimer timer;
    timer.start();
    double cpuBefore = BenchMeasure::cpuSeconds();
    qint64 generated = 0;
    for (qint64 offset = 0; offset < rows; offset += pageSize)
        generated += lister.page(offset, pageSize).sessions.size();
    const double generationSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double generationCpu = BenchMeasure::cpuSeconds() - cpuBefore;

    SessionTableModel model(&lister);
    model.setPageSize(pageSize);
    model.setDurationRefreshInterval(0);
    model.setQuery(benchQuery());
    timer.restart();
    cpuBefore = BenchMeasure::cpuSeconds();
    if (!loadEverything(model) || model.rowCount() != rows || generated != rows) {
        BenchMeasure::note(u"bench_model: loaded %1 of %2 rows"_s.arg(model.rowCount()).arg(rows));
        return 1;
    }
    const double loadSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double loadCpu = BenchMeasure::cpuSeconds() - cpuBefore;
    BenchMeasure::note(u"bench_model: %1 rows in %2 pages, %3 s (page generation alone %4 s)"_s.arg(rows)
                           .arg(model.pagesLoaded())
                           .arg(loadSeconds, 0, 'f', 2)
                           .arg(generationSeconds, 0, 'f', 2));

    // data(DisplayRole) per column, on rows spread at random over the whole table.
    constexpr int calls = 300'000;
    QList<int> sample(calls);
    QRandomGenerator random(7);
    for (int &row : sample)
        row = int(random.bounded(quint32(rows)));
    QJsonArray perColumn;
    qint64 checksum = 0;
    for (int column = 0; column < SessionTableModel::ColumnCount; ++column) {
        QList<QModelIndex> indexes;
        indexes.reserve(calls);
        for (int row : std::as_const(sample))
            indexes.append(model.index(row, column));
        timer.restart();
        const double columnCpu = BenchMeasure::cpuSeconds();
        for (const QModelIndex &index : std::as_const(indexes))
            checksum += model.data(index, Qt::DisplayRole).toString().size();
        const double ns = double(timer.nsecsElapsed()) / calls;
        const double cpuNs = (BenchMeasure::cpuSeconds() - columnCpu) * 1e9 / calls;
        perColumn.append(
            QJsonObject{{u"column"_s, model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()},
                        {u"nsPerCall"_s, ns},
                        {u"cpuNsPerCall"_s, cpuNs}});
    }

    BenchMeasure::emitResult(QJsonObject{
        {u"bench"_s, u"model-insert"_s},
        {u"rows"_s, rows},
        {u"pageSize"_s, pageSize},
        {u"pages"_s, model.pagesLoaded()},
        {u"loadSeconds"_s, loadSeconds},
        {u"loadCpuSeconds"_s, loadCpu},
        {u"generationSeconds"_s, generationSeconds},
        {u"generationCpuSeconds"_s, generationCpu},
        {u"dataCallsPerColumn"_s, calls},
        {u"dataDisplayRole"_s, perColumn},
        {u"checksum"_s, checksum},
    });
    return 0;
}

int runMemory(qint64 rows)
{
    // Warm up first (Qt's metatypes, the event dispatcher, malloc's arenas, the code pages of the model
    // and the lister), so the growth measured below is the rows' and nothing else.
    {
        BenchSessionLister lister(5'000);
        SessionTableModel model(&lister);
        model.setPageSize(pageSize);
        model.setDurationRefreshInterval(0);
        model.setQuery(benchQuery());
        if (!loadEverything(model))
            return 1;
    }
    auto lister = std::make_unique<BenchSessionLister>(rows);
    auto model = std::make_unique<SessionTableModel>(lister.get());
    model->setPageSize(pageSize);
    model->setDurationRefreshInterval(0);
    model->setQuery(benchQuery());
    const qint64 before = BenchMeasure::residentBytes();
    if (!loadEverything(*model) || model->rowCount() != rows)
        return 1;
    const qint64 after = BenchMeasure::residentBytes();
    const double perRow = double(after - before) / double(rows);
    BenchMeasure::note(u"bench_model: %1 rows: resident %2 -> %3 MiB, %4 bytes per row"_s.arg(rows)
                           .arg(before / 1048576.0, 0, 'f', 1)
                           .arg(after / 1048576.0, 0, 'f', 1)
                           .arg(perRow, 0, 'f', 1));
    BenchMeasure::emitResult(QJsonObject{
        {u"bench"_s, u"model-memory"_s},
        {u"rows"_s, rows},
        {u"residentBefore"_s, before},
        {u"residentAfter"_s, after},
        {u"bytesPerRow"_s, perRow},
    });
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool ok = false;
    const qint64 rows = arguments.size() == 3 ? arguments.at(2).toLongLong(&ok) : 0;
    if (!ok || rows <= 0 || rows > 50'000'000 ||
        (arguments.at(1) != u"insert" && arguments.at(1) != u"memory")) {
        BenchMeasure::note(u"usage: bench_model insert|memory ROWS"_s);
        return 2;
    }
    return arguments.at(1) == u"insert" ? runInsert(rows) : runMemory(rows);
}
