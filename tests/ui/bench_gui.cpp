// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// GUI benchmark (not a test): the real MainWindow on the embedded emulator, offscreen.
//  - time from choosing a portal to the first rows painted in the session table;
//  - the longest event-loop stall while paging through every session of a 100,000-session portal, measured
//    by a 5 ms timer that records how late each tick fires.
// Run: cmake --build build --target bench_gui && build/tests/ui/bench_gui
// Usage: bench_gui [sessions-per-portal] [rounds]
//
// The measured waits run a plain QEventLoop that signals end: QTest::qWaitFor() sleeps 10 ms between
// event batches, which would add up to 10 ms to every figure and show up as stalls that the
// application never has.
#include "MainWindow.h"
#include "common/AppSettings.h"
#include "connection/DemoConnection.h"
#include "sessions/SessionTableModel.h"
#include "sessions/SessionTableView.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Records when the table's viewport paints while it has rows.
class PaintWatcher : public QObject
{
public:
    PaintWatcher(QWidget *viewport, SessionTableModel *model)
        : m_model(model)
    {
        viewport->installEventFilter(this);
    }
    /// Starts the clock; `onPainted` runs once, at the first paint with rows.
    void arm(std::function<void()> onPainted)
    {
        m_painted = false;
        m_onPainted = std::move(onPainted);
        m_clock.start();
    }
    bool painted() const { return m_painted; }
    double elapsedMs() const { return m_elapsedMs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted && m_clock.isValid() && m_model->rowCount() > 0) {
            m_painted = true;
            m_elapsedMs = double(m_clock.nsecsElapsed()) / 1e6;
            if (m_onPainted)
                QTimer::singleShot(0, this, std::exchange(m_onPainted, nullptr));
        }
        return QObject::eventFilter(watched, event);
    }

private:
    SessionTableModel *m_model;
    QElapsedTimer m_clock;
    std::function<void()> m_onPainted;
    bool m_painted = false;
    double m_elapsedMs = 0;
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5)));
}

// Runs the event loop until `done` is called or `timeoutMs` passes; false on timeout.
bool runLoop(const std::function<void(const std::function<void()> &done)> &start, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    start([&] {
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return finished;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int sessions = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int rounds = argc > 2 ? QByteArray(argv[2]).toInt() : 10;

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(u"settings.ini"_s));
    DemoConnection demo(5, sessions);
    QString error;
    if (!demo.start(&error)) {
        std::fprintf(stderr, "emulator: %s\n", qPrintable(error));
        return 1;
    }
    MainWindow window(&settings);
    window.resize(1440, 900);
    window.show();
    window.setGateway(demo.createGateway(&window));

    auto *combo = window.findChild<QComboBox *>(u"portalComboBox"_s);
    SessionTableModel *model = window.sessionModel();
    PaintWatcher watcher(window.sessionTableView()->viewport(), model);
    if (!combo || !QTest::qWaitFor([&] { return combo->count() >= 2 && model->rowCount() > 0; }, 60'000)) {
        std::fprintf(stderr, "the window did not show portals and rows\n");
        return 1;
    }
    QList<int> activePortals;
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemText(i).contains(u"active"_s, Qt::CaseInsensitive))
            activePortals.append(i);
    }
    if (activePortals.size() < 2) {
        std::fprintf(stderr, "need two active portals\n");
        return 1;
    }

    // 1. Choosing a portal → first rows painted.
    QList<double> firstRows;
    for (int round = 0; round < rounds; ++round) {
        const int index = activePortals.at((round + 1) % activePortals.size());
        if (combo->currentIndex() == index)
            continue;
        const bool painted = runLoop(
            [&](const std::function<void()> &done) {
                watcher.arm(done);
                combo->setCurrentIndex(index);
            },
            30'000);
        if (!painted) {
            std::fprintf(stderr, "no rows painted after choosing portal %d\n", index);
            return 1;
        }
        firstRows.append(watcher.elapsedMs());
    }

    // 2. Paging through a whole portal, as a user who keeps dragging to the end: the longest stall.
    combo->setCurrentIndex(activePortals.first());
    if (!QTest::qWaitFor([&] { return model->rowCount() > 0 && !model->isLoading(); }, 30'000)) {
        std::fprintf(stderr, "the first portal showed no rows\n");
        return 1;
    }
    constexpr int tickMs = 5;
    QElapsedTimer sinceTick;
    QList<double> lateness;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(tickMs);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        lateness.append(std::max(0.0, double(sinceTick.nsecsElapsed()) / 1e6 - tickMs));
        sinceTick.restart();
    });
    QObject::connect(model, &SessionTableModel::pageLoaded, &window,
                     [&] { window.sessionTableView()->scrollToBottom(); });
    QElapsedTimer total;
    total.start();
    sinceTick.start();
    ticker.start();
    runLoop(
        [&](const std::function<void()> &done) {
            QObject::connect(model, &SessionTableModel::allLoaded, &ticker, done);
            QObject::connect(model, &SessionTableModel::pageFailed, &ticker, done);
            model->loadAll();
        },
        600'000);
    const bool complete = model->isComplete();
    ticker.stop();
    const double pagingMs = double(total.elapsed());

    const double maxStall = lateness.isEmpty() ? 0 : *std::max_element(lateness.begin(), lateness.end());
    const auto over50 = std::count_if(lateness.begin(), lateness.end(), [](double l) { return l > 50; });
    const double p99 = percentile(lateness, 0.99);
    std::fprintf(
        stderr, "gui.first_rows_ms: median %.1f, max %.1f (%lld portal changes, %d sessions per portal)\n",
        percentile(firstRows, 0.5), percentile(firstRows, 1.0), qlonglong(firstRows.size()), sessions);
    std::fprintf(stderr, "gui.paging: %d rows loaded in %.1f s%s\n", model->rowCount(), pagingMs / 1000.0,
                 complete ? "" : " (NOT complete)");
    std::fprintf(stderr, "gui.event_loop_stall_ms: max %.1f, p99 %.1f, ticks over 50 ms: %lld of %lld\n",
                 maxStall, p99, qlonglong(over50), qlonglong(lateness.size()));
    // One JSON line on stdout for tests/bench/run_bench.py.
    QStringList samples;
    for (double ms : std::as_const(firstRows))
        samples.append(QString::number(ms, 'f', 2));
    std::printf("{\"sessionsPerPortal\": %d, \"firstRowsMs\": [%s], \"rowsLoaded\": %d, \"pages\": %d, "
                "\"complete\": %s, \"pagingSeconds\": %.3f, \"tickMs\": %d, \"ticks\": %lld, "
                "\"maxStallMs\": %.2f, \"p99StallMs\": %.2f, \"ticksOver50Ms\": %lld}\n",
                sessions, qPrintable(samples.join(u", "_s)), model->rowCount(), model->pagesLoaded(),
                complete ? "true" : "false", pagingMs / 1000.0, tickMs, qlonglong(lateness.size()), maxStall,
                p99, qlonglong(over50));
    return complete ? 0 : 1;
}
