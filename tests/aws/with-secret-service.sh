#!/bin/sh
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command against a real but private Secret Service, never the user's own keyring: a temporary
# HOME and XDG folders, a private D-Bus session bus (dbus-run-session) and gnome-keyring-daemon with an
# unlocked "login" keyring (empty password). The daemon is stopped and the folders removed afterwards.
# Exits 77 (registered as CTest's SKIP_RETURN_CODE) when the tools are not installed.
#
# Usage: with-secret-service.sh command [args...]
set -eu

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-secret-service.sh: $tool is not installed; skipping the keychain test" >&2
        exit 77
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sessionscope-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"

export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"
# No display: a keyring unlock prompt must fail at once, never pop up on a developer's screen.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL
export SESSIONSCOPE_TEST_SECRET_SERVICE=1

dbus-run-session -- sh -c '
    set -u
    secrets_pid() {
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
            sed -n "s/.*uint32 \([0-9]*\).*/\1/p"
    }
    # An empty password (one empty line) creates and unlocks the login keyring.
    for assignment in $(printf "\n" | gnome-keyring-daemon --unlock --components=secrets); do
        export "$assignment"
    done
    tries=0
    while [ -z "$(secrets_pid)" ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ]; then
            echo "with-secret-service.sh: gnome-keyring-daemon did not appear on the bus" >&2
            exit 1
        fi
        sleep 0.1
    done
    rc=0
    "$@" || rc=$?
    # Whoever owns the name now (a test may have replaced the daemon).
    pid=$(secrets_pid)
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
    fi
    exit "$rc"
' with-secret-service "$@"
