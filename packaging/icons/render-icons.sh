#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the application icon's PNG sizes from the SVG sources into hicolor/ and records the sources'
# SHA-256 in hicolor/SOURCES.sha256: the packaging test fails when an SVG changed but the PNGs were not
# rendered again. The scalable icon is installed straight from io.github.sessionscope.SessionScope.svg.
# Run this after editing an SVG here and commit its output; the build itself does not need rsvg-convert
# (package librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"

id=io.github.sessionscope.SessionScope
full=$id.svg
small=$id-small.svg # drawn for 16-24 px
sizes=(16 22 24 32 48 64 128 256)

command -v rsvg-convert >/dev/null || {
    echo "render-icons.sh: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2
    exit 1
}

rm -rf hicolor
mkdir -p hicolor
for size in "${sizes[@]}"; do
    source=$full
    if [ "$size" -le 24 ]; then
        source=$small
    fi
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio --format png \
        --output "hicolor/${size}x${size}/apps/$id.png" "$source"
done
sha256sum "$full" "$small" >hicolor/SOURCES.sha256
echo "rendered ${sizes[*]} from $full and $small"
