#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-fuzzers.sh SOURCE_DIR BUILD_DIR [GENERATOR]
# Configures (once) and builds the fuzz targets with clang, libFuzzer and the sanitizers in BUILD_DIR.
# Later runs only rebuild what changed. Exit code 77 (skipped) when there is no clang++.
# SESSIONSCOPE_FUZZ_CXX names the compiler; SESSIONSCOPE_FUZZ_JOBS the build's parallelism.
set -euo pipefail

source_dir=$1
build_dir=$2
generator=${3:-Ninja}

cxx=${SESSIONSCOPE_FUZZ_CXX:-}
if [ -z "$cxx" ]; then
    for candidate in clang++ clang++-19 clang++-18 clang++-17 clang++-16 clang++-15 clang++-14; do
        if command -v "$candidate" >/dev/null 2>&1; then
            cxx=$(command -v "$candidate")
            break
        fi
    done
fi
if [ -z "$cxx" ]; then
    echo "Skipped: no clang++ found; the fuzz targets need clang and libFuzzer (Debian/Ubuntu packages" \
        "clang and libclang-rt-dev)." >&2
    exit 77
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    # Warnings are the gcc build's business; a clang-only warning must not stop the fuzzing.
    cmake -S "$source_dir" -B "$build_dir" -G "$generator" \
        -DCMAKE_CXX_COMPILER="$cxx" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSESSIONSCOPE_FUZZ=ON \
        -DSESSIONSCOPE_WERROR=OFF
fi
cmake --build "$build_dir" --target sessionscope_fuzzers --parallel "${SESSIONSCOPE_FUZZ_JOBS:-$(nproc)}"
