#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Syncs the catalogs in translations/ with the code: new texts are added as unfinished, texts the code no
# longer has are dropped. The sources and catalogs are the ones listed in translations/CMakeLists.txt, so
# this script and the build never disagree. Run it after changing user-visible text, then translate what
# is unfinished (README.md in this folder says how). lupdate's options and include paths come from there too.
#   translations/update.sh            all catalogs
#   LUPDATE=/path/to/lupdate translations/update.sh
set -euo pipefail

cd "$(dirname "$0")/.."

lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    for candidate in "$(qtpaths6 --query QT_HOST_BINS 2>/dev/null)/lupdate" /usr/lib/qt6/bin/lupdate \
        "$(command -v lupdate6 2>/dev/null)"; do
        if [ -x "$candidate" ]; then
            lupdate=$candidate
            break
        fi
    done
fi
if [ -z "$lupdate" ] || ! "$lupdate" -version 2>/dev/null | grep -q 'lupdate version 6'; then
    echo "update.sh: Qt 6's lupdate not found (Debian: qt6-l10n-tools); set LUPDATE=/path/to/lupdate" >&2
    exit 1
fi

# The entries of a set(NAME ...) list in translations/CMakeLists.txt, one per line (a line may hold several).
cmake_list() {
    awk -v name="$1" '
        $0 ~ "^set\\(" name "$" { inside = 1; next }
        inside && /^\)/ { inside = 0 }
        inside { for (i = 1; i <= NF; i++) print $i }
    ' translations/CMakeLists.txt
}

mapfile -t sources < <(cmake_list SESSIONSCOPE_TRANSLATABLE_SOURCES)
mapfile -t catalogs < <(cmake_list SESSIONSCOPE_TS_FILES)
mapfile -t includes < <(cmake_list SESSIONSCOPE_TRANSLATION_INCLUDES)
mapfile -t options < <(cmake_list SESSIONSCOPE_LUPDATE_OPTIONS)
if [ ${#sources[@]} -eq 0 ] || [ ${#catalogs[@]} -eq 0 ] || [ ${#includes[@]} -eq 0 ] ||
    [ ${#options[@]} -eq 0 ]; then
    echo "update.sh: could not read the source, catalog, include or option list from translations/CMakeLists.txt" >&2
    exit 1
fi
catalogs=("${catalogs[@]/#/translations/}")
for include in "${includes[@]}"; do
    options+=(-I "$include")
done
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Classes that translate through a file-local tr() helper make lupdate say "lacks Q_OBJECT macro"; it still
# files their texts under the class's name, which is the context the helper passes. Not worth the noise.
quiet() { grep -v 'lacks Q_OBJECT macro' || true; }

"$lupdate" "${options[@]}" "${sources[@]}" -ts "${catalogs[@]}" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
# English holds only the plural forms: the source texts are English already.
"$lupdate" "${options[@]}" -pluralonly "${sources[@]}" -ts translations/sessionscope_en.ts >>"$log" 2>&1 || {
    cat "$log" >&2
    exit 1
}
quiet <"$log"

# lupdate drops a tr() it cannot place in a context, and only says so in passing: make it loud.
if grep -E 'cannot be called without context|Cannot invoke tr\(\) like this' "$log" >&2; then
    echo "update.sh: the texts above are NOT in the catalogs; use QCoreApplication::translate(\"Context\", ...)" >&2
    exit 1
fi

python3 translations/tools/tsjson.py check "${catalogs[@]}" translations/sessionscope_en.ts >/dev/null || {
    echo "update.sh: some texts are unfinished; 'python3 translations/tools/tsjson.py check translations/*.ts' lists them" >&2
}
