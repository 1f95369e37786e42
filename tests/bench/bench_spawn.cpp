// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs one command and reports what it cost (not a test; run_bench.py uses it). Usage:
//   bench_spawn RESULT.json TIMEOUT_SECONDS -- COMMAND [ARGUMENTS...]
// Writes {"wall":s,"user":s,"sys":s,"maxrssKiB":n,"exitCode":n,"timedOut":b} to RESULT.json and exits with
// the command's exit code (124 after a timeout, when the command is killed).
//
// Why a launcher: Linux counts the peak memory of the process that forks into a child's ru_maxrss. The
// Python driver holds large outputs while it checks them, so children it started itself would all report
// its peak. This small process, with no Qt and almost no memory, forks the command instead.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

double now()
{
    timespec spec{};
    ::clock_gettime(CLOCK_MONOTONIC, &spec);
    return double(spec.tv_sec) + double(spec.tv_nsec) / 1e9;
}

double seconds(const timeval &value)
{
    return double(value.tv_sec) + double(value.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 5 || std::strcmp(argv[3], "--") != 0) {
        std::fprintf(stderr, "usage: bench_spawn RESULT.json TIMEOUT_SECONDS -- COMMAND [ARGUMENTS...]\n");
        return 2;
    }
    const double timeout = std::atof(argv[2]);
    if (!(timeout > 0)) {
        std::fprintf(stderr, "bench_spawn: the timeout must be a positive number of seconds\n");
        return 2;
    }
    const double start = now();
    const pid_t child = ::fork();
    if (child < 0) {
        std::perror("bench_spawn: fork");
        return 2;
    }
    if (child == 0) {
        ::execvp(argv[4], argv + 4);
        std::fprintf(stderr, "bench_spawn: cannot run %s: %s\n", argv[4], std::strerror(errno));
        ::_exit(127);
    }

    // Wait, bounded: poll every 5 ms (a few hundred wake-ups a second of a mostly idle process).
    int status = 0;
    rusage usage{};
    bool timedOut = false;
    while (true) {
        const pid_t done = ::wait4(child, &status, WNOHANG, &usage);
        if (done == child)
            break;
        if (done < 0 && errno != EINTR) {
            std::perror("bench_spawn: wait4");
            return 2;
        }
        if (!timedOut && now() - start > timeout) {
            timedOut = true;
            ::kill(child, SIGKILL);
        }
        const timespec pause{0, 5'000'000};
        ::nanosleep(&pause, nullptr);
    }
    const double wall = now() - start;
    const int exitCode = timedOut ? 124 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

    FILE *result = std::fopen(argv[1], "w");
    if (!result) {
        std::perror("bench_spawn: result file");
        return 2;
    }
    std::fprintf(
        result,
        "{\"wall\":%.6f,\"user\":%.6f,\"sys\":%.6f,\"maxrssKiB\":%ld,\"exitCode\":%d,\"timedOut\":%s}\n",
        wall, seconds(usage.ru_utime), seconds(usage.ru_stime), usage.ru_maxrss, exitCode,
        timedOut ? "true" : "false");
    std::fclose(result);
    return exitCode;
}
