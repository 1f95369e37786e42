#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-fuzzer.sh EXECUTABLE SEED_CORPUS WORK_DIR SECONDS [libFuzzer options...]
# Replays the seed corpus (hand-made inputs and every crash ever found) and WORK_DIR/corpus (what earlier
# runs discovered), then fuzzes for SECONDS. New inputs go to WORK_DIR/corpus, never to the sources; a
# crash is saved in WORK_DIR/artifacts and fails the run. Exit code 77 (skipped) when EXECUTABLE was not
# built (no clang).
set -euo pipefail

executable=$1
seeds=$2
work=$3
seconds=$4
shift 4

name=$(basename "$executable")
if [ ! -x "$executable" ]; then
    echo "Skipped: $executable was not built (the fuzz build needs clang and libFuzzer)." >&2
    exit 77
fi
mkdir -p "$work/corpus" "$work/artifacts"

# libFuzzer's own exit code for a crash is 77, which CTest would take for "skipped".
# Full-length inputs from the start (-len_control=0): the structured targets need a few lines to say
# anything.
options=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -error_exitcode=1 -print_final_stats=1
    -max_len=8192 -len_control=0 -artifact_prefix="$work/artifacts/")
dictionary=$(dirname "$0")/dictionaries/$name.dict
if [ -f "$dictionary" ]; then
    options+=(-dict="$dictionary")
fi

status=0
"$executable" "${options[@]}" "$@" "$work/corpus" "$seeds" || status=$?
if [ "$status" -ne 0 ]; then
    echo "$name failed (exit code $status). Inputs that broke it are in $work/artifacts/;" \
        "reproduce with: $executable <file>" >&2
fi
exit "$status"
