#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/fuzz/run-long.sh [SECONDS] [TARGET...]
# The long fuzzing run: builds the fuzz targets with clang (build/clang-fuzz, the build the CTest short
# runs use; SESSIONSCOPE_FUZZ_BUILD_DIR overrides it), then fuzzes each target (all by default) for
# SECONDS (default 120) one after the other, and prints a summary. What a run discovers is kept in
# <build>/fuzz-work/<target>/corpus and replayed by later runs, short ones included; a crash is saved in
# <build>/fuzz-work/<target>/artifacts. Exit status: 0 when no target crashed.
set -euo pipefail

seconds=${1:-120}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build_dir=${SESSIONSCOPE_FUZZ_BUILD_DIR:-$source_dir/build/clang-fuzz}

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(sed -n '/^set(SESSIONSCOPE_FUZZERS/,/^)/{/^    fuzz_/s/^ *//p}' "$here/CMakeLists.txt")
fi

"$here/build-fuzzers.sh" "$source_dir" "$build_dir"

summary=()
failed=0
for target in "${targets[@]}"; do
    work=$build_dir/fuzz-work/$target
    log=$work/long-run.log
    mkdir -p "$work"
    echo "== $target: fuzzing for $seconds s (log: $log)"
    status=0
    "$here/run-fuzzer.sh" "$build_dir/tests/fuzz/$target" "$here/corpus/$target" "$work" "$seconds" \
        >"$log" 2>&1 || status=$?
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    added=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/cov \1, features \2, corpus \3/p' \
        <<<"$done_line")
    if [ "$status" -eq 0 ]; then
        result=ok
    else
        failed=1
        result="FAILED (exit $status; see $log and $work/artifacts/)"
    fi
    summary+=("$(printf '%-26s %s: %s execs, %s/s, %s new, %s, peak %s MB' "$target" "$result" \
        "${execs:-?}" "${rate:-?}" "${added:-?}" "${cov:-?}" "${rss:-?}")")
done

echo
echo "== summary ($seconds s per target)"
printf '%s\n' "${summary[@]}"
exit "$failed"
