#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two commands of the README, for a fresh Debian 12 or Ubuntu 24.04 machine:
#   packaging/bootstrap.sh demo   installs what is missing, builds, starts SessionScope on the built-in demo
#   packaging/bootstrap.sh test   installs what is missing, builds, runs the whole test suite (CTest), then
#                                 builds and runs it again under ASan, UBSan and LSan (preset "asan",
#                                 build-asan; SESSIONSCOPE_ASAN=0 leaves that out), printing timings
# Packages already installed are left alone, so a second run installs nothing.
set -euo pipefail

mode=${1:-}
case "$mode" in
demo | test) ;;
*)
    echo "usage: $0 demo|test" >&2
    exit 64
    ;;
esac

cd "$(dirname "$0")/.."
build_dir=${SESSIONSCOPE_BUILD_DIR:-build}

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config
    # Qt 6 and QtKeychain
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qtkeychain-qt6-dev
    libgl-dev libvulkan-dev
    # OpenSSL's libcrypto: the emulator's throw-away CA for --tls
    libssl-dev
)
if [ "$mode" = demo ]; then
    # glyphs for the Japanese and Chinese user interface (View > Language)
    packages+=(fonts-noto-cjk)
fi
if [ "$mode" = test ]; then
    packages+=(
        # a real Secret Service for the keychain tests
        dbus dbus-x11 gnome-keyring
        # a real X server for screenshot-style checks
        xvfb xauth
        python3
        # a real HTTP proxy (CONNECT, Basic auth) for the proxy tests
        tinyproxy
        # the packaging test: cpack's dpkg-shlibdeps, the desktop entry and AppStream validators, man pages
        dpkg-dev desktop-file-utils appstream groff-base file
        # the fuzz targets: clang with libFuzzer and its sanitizer runtimes (libclang-rt-dev follows the
        # distribution's default clang: 14 on Debian 12, 18 on Ubuntu 24.04)
        clang libclang-rt-dev
    )
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
available() { [ -n "$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p' | grep -v '(none)')" ]; }

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done

# Real AWS clients for the peer tests: always the distribution's (python3-botocore, awscli: what a newcomer
# gets), so they run against /usr/bin/python3 and /usr/bin/aws even when the first python3 / aws on the PATH
# are others (then the peer tests run against both; tests/PeerClients.cmake). Where the distribution has no
# such package (Ubuntu 24.04 has no awscli), the tests that need it say they were skipped.
optional=()
if [ "$mode" = test ]; then
    installed python3-botocore || optional+=(python3-botocore)
    installed awscli || optional+=(awscli)
fi

if [ ${#missing[@]} -gt 0 ] || [ ${#optional[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]} ${optional[*]}" >&2
    "${sudo_cmd[@]}" apt-get update
    if [ ${#missing[@]} -gt 0 ]; then
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    fi
    for p in "${optional[@]}"; do
        if available "$p"; then
            "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$p"
        else
            echo "Note: $p is not available here; the tests that need it will say they were skipped." >&2
        fi
    done
fi

started=$SECONDS
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" --parallel "$(nproc)"

if [ "$mode" = demo ]; then
    exec "$build_dir/ui/sessionscope" --demo
fi

# Each step's duration, for the summary at the end.
timings=()
failed=()
minutes() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
timings+=("build $(minutes $((SECONDS - started)))")
step() {
    local name=$1 start=$SECONDS status=0
    shift
    "$@" || status=$?
    timings+=("$name $(minutes $((SECONDS - start)))")
    [ "$status" -eq 0 ] || failed+=("$name")
    return "$status"
}
sanitizer_build() { cmake --preset asan && cmake --build --preset asan --parallel "$(nproc)"; }

step tests ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" || true
if [ "${SESSIONSCOPE_ASAN:-1}" != 0 ] && step "sanitizer build" sanitizer_build; then
    step "sanitizer tests" ctest --preset asan --parallel "$(nproc)" || true
fi

summary=$(printf ', %s' "${timings[@]}")
echo "Timings: ${summary:2}; total $(minutes $((SECONDS - started)))" >&2
if [ ${#failed[@]} -gt 0 ]; then
    echo "Failed: ${failed[*]}" >&2
    exit 1
fi
