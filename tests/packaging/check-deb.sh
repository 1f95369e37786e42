#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the Debian package from the existing build tree (cpack -G DEB; nothing is compiled) and checks
# it as a distribution would: computed Depends, the files it ships, the desktop entry and AppStream
# metainfo validators, man pages that render without warnings and document every option, and the three
# programs answering --version from the unpacked package, with the system's Qt.
#
# usage: check-deb.sh SOURCE_DIR BUILD_DIR WORK_DIR VERSION CPACK BUILT_PROGRAM...
# Exit status 77 (skipped) when a tool is missing; bootstrap.sh test installs them all.
set -uo pipefail

if [ $# -lt 6 ]; then
    echo "usage: $0 SOURCE_DIR BUILD_DIR WORK_DIR VERSION CPACK BUILT_PROGRAM..." >&2
    exit 2
fi
src=$1
build=$2
work=$3
version=$4
cpack=$5
shift 5
built_programs=("$@")
app_id=io.github.sessionscope.SessionScope
programs=(sessionscope sessionscope-cli sessionscope-emulator)
icon_sizes=(16 22 24 32 48 64 128 256)
export LC_ALL=C.UTF-8

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

# --- tools ------------------------------------------------------------------------------------------------
missing=()
for tool in dpkg-deb dpkg-shlibdeps dpkg-parsechangelog desktop-file-validate appstreamcli groff readelf file sha256sum zcat; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "SKIP: missing ${missing[*]} (Debian packages dpkg-dev desktop-file-utils appstream groff-base" \
        "binutils file; packaging/bootstrap.sh test installs them)"
    exit 77
fi
for built in "${built_programs[@]}"; do
    if [ ! -x "$built" ]; then
        echo "FAIL: $built is not built; build everything first (cmake --build)" >&2
        exit 1
    fi
done

# --- icons: the committed PNGs were rendered from the current SVGs ------------------------------------
if (cd "$src/packaging/icons" && sha256sum --check --quiet hicolor/SOURCES.sha256); then
    pass "icon PNGs are up to date with their SVG sources"
else
    fail "an icon SVG changed after its PNGs were rendered: run packaging/icons/render-icons.sh and commit"
fi

# --- build the package ------------------------------------------------------------------------------------
rm -rf "$work"
mkdir -p "$work"
if ! "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack -G DEB failed" >&2
    exit 1
fi
arch=$(dpkg --print-architecture)
deb="$work/out/sessionscope_${version}_${arch}.deb"
if [ ! -f "$deb" ]; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack did not produce $deb" >&2
    exit 1
fi
pass "cpack built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
if grep -q "dpkg-shlibdeps: warning" "$work/cpack.log"; then
    grep "dpkg-shlibdeps: warning" "$work/cpack.log" >&2
    fail "dpkg-shlibdeps warned"
fi

# --- control fields ---------------------------------------------------------------------------------------
info=$(dpkg-deb -I "$deb")
echo "--- dpkg-deb -I $(basename "$deb")"
echo "$info"
echo "---"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = sessionscope ] || fail "Package is '$(field Package)', not sessionscope"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)', not $arch"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Homepage)" ] || fail "no Homepage"
[ -n "$(field Installed-Size)" ] || fail "no Installed-Size"
depends=$(field Depends)
# dpkg-shlibdeps writes each library package with the minimum version its symbols need: a hand-written
# list would lack those versions (and would name what was guessed rather than what is linked).
IFS=',' read -r -a depends_entries <<<"$depends"
for library in libc6 libstdc++6 libqt6core6 libqt6network6 libqt6widgets6 libqt6keychain1; do
    computed=no
    for entry in "${depends_entries[@]}"; do
        entry=${entry# }
        [[ $entry == "$library (>= "*")" ]] && computed=yes
    done
    if [ $computed = yes ]; then
        pass "Depends: $library with a computed minimum version"
    else
        fail "Depends lacks a computed '$library (>= ...)': $depends"
    fi
done
if [[ $depends == *sessionscope* || $depends == */* ]]; then
    fail "Depends names something that is not a library package: $depends"
fi
recommends=$(field Recommends)
for runtime in ca-certificates libsecret-1-0 gnome-keyring libqt6svg6; do
    [[ $recommends == *"$runtime"* ]] || fail "Recommends lacks $runtime: $recommends"
done

not_root=$(dpkg-deb -c "$deb" | awk '$2 != "root/root"')
[ -z "$not_root" ] || fail "files not owned by root/root: $not_root"

# Debian's own package checker, where it is installed (it is not needed otherwise): no errors.
if command -v lintian >/dev/null 2>&1; then
    if output=$(timeout 300 lintian --fail-on error "$deb" 2>&1); then
        pass "lintian: no errors"
    else
        fail "lintian: $output"
    fi
else
    echo "note: lintian is not installed; its checks were not run"
fi

# --- the files it ships -----------------------------------------------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root"
expected=(
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    usr/share/doc/sessionscope/copyright
    usr/share/doc/sessionscope/changelog.gz
)
for program in "${programs[@]}"; do
    expected+=("usr/bin/$program" "usr/share/man/man1/$program.1.gz")
done
for size in "${icon_sizes[@]}"; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
absent=0
for path in "${expected[@]}"; do
    if [ ! -f "$root/$path" ]; then
        fail "the package lacks /$path"
        absent=$((absent + 1))
    fi
done
unexpected=$(cd "$root" && find . -type f | sed 's|^\./||' | sort | comm -23 - <(printf '%s\n' "${expected[@]}" | sort))
if [ -n "$unexpected" ]; then
    fail "the package ships files nobody asked for: $unexpected"
elif [ $absent -eq 0 ]; then
    pass "the package holds exactly the ${#expected[@]} expected files"
fi

for size in "${icon_sizes[@]}"; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [ -f "$png" ] || continue
    file -b "$png" | grep -q "^PNG image data, $size x $size," || fail "$png is not a ${size}x$size PNG: $(file -b "$png")"
done

for program in "${programs[@]}"; do
    binary="$root/usr/bin/$program"
    [ -f "$binary" ] || continue
    [ "$(stat -c %a "$binary")" = 755 ] || fail "/usr/bin/$program has mode $(stat -c %a "$binary"), not 755"
    file -b "$binary" | grep -q ", stripped" || fail "/usr/bin/$program is not stripped"
    # A run path into the build tree would make the installed program load libraries from there.
    if readelf -d "$binary" | grep -q -E '\((RPATH|RUNPATH)\)'; then
        fail "/usr/bin/$program has a run path: $(readelf -d "$binary" | grep -E 'RPATH|RUNPATH')"
    fi
done

changelog="$root/usr/share/doc/sessionscope/changelog.gz"
if [ -f "$changelog" ]; then
    zcat "$changelog" >"$work/changelog"
    logged=$(dpkg-parsechangelog -l "$work/changelog" -S Version 2>&1)
    [ "$logged" = "$version" ] || fail "the Debian changelog's latest entry is '$logged', not $version: add one"
fi

# --- the programs run from the unpacked package, with the system's Qt -------------------------------------
# run_installed PROGRAM ARGS...: a program of the package, with the system's Qt, for at most a minute.
run_installed() {
    local program=$1
    shift
    timeout 60 env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen "$root/usr/bin/$program" "$@"
}
for pair in "sessionscope:SessionScope $version" "sessionscope-cli:sessionscope-cli $version" \
    "sessionscope-emulator:sessionscope-emulator $version"; do
    program=${pair%%:*}
    want=${pair#*:}
    [ -x "$root/usr/bin/$program" ] || continue
    got=$(run_installed "$program" --version 2>"$work/$program.version.err")
    status=$?
    if [ $status -eq 0 ] && [ "$got" = "$want" ]; then
        pass "/usr/bin/$program --version: $got"
    else
        fail "/usr/bin/$program --version exited $status with '$got' (wanted '$want'): $(cat "$work/$program.version.err")"
    fi
    if ! run_installed "$program" --help >"$work/$program.help" 2>"$work/$program.help.err"; then
        fail "/usr/bin/$program --help failed: $(cat "$work/$program.help.err")"
    fi
done
# Every command's own help too, so the man page check below sees every option.
if [ -x "$root/usr/bin/sessionscope-cli" ]; then
    for command in portals sessions session sharing expire; do
        run_installed sessionscope-cli "$command" --help >>"$work/sessionscope-cli.help" 2>&1 ||
            fail "sessionscope-cli $command --help failed"
    done
fi

# --- desktop entry ----------------------------------------------------------------------------------------
desktop="$root/usr/share/applications/$app_id.desktop"
if [ -f "$desktop" ]; then
    if output=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$output" ]; then
        pass "desktop-file-validate: no errors, warnings or hints"
    else
        fail "desktop-file-validate: $output"
    fi
    value() { sed -n "s/^$1=//p" "$desktop" | head -n1; }
    [ "$(value Icon)" = "$app_id" ] || fail "Icon=$(value Icon), not $app_id"
    exec_program=$(value Exec | cut -d' ' -f1)
    [ -x "$root/usr/bin/$exec_program" ] || fail "Exec=$(value Exec) does not start a program of the package"
    [[ $(value Exec) != *%* ]] || fail "Exec=$(value Exec) takes files or URLs, but SessionScope opens none"
    [ "$(value StartupWMClass)" = SessionScope ] || fail "StartupWMClass is not SessionScope (the GUI's application name)"
fi

# --- AppStream metainfo -----------------------------------------------------------------------------------
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
if [ -f "$metainfo" ]; then
    if output=$(appstreamcli validate --no-net --no-color "$metainfo" 2>&1); then
        pass "appstreamcli validate --no-net: $(echo "$output" | tail -n1)"
    else
        fail "appstreamcli validate --no-net: $output"
    fi
    # validate-tree also checks the metainfo against the desktop entry and the icons it finds beside it.
    if output=$(appstreamcli validate-tree --no-net --no-color "$root" 2>&1); then
        pass "appstreamcli validate-tree: $(echo "$output" | tail -n1)"
    else
        fail "appstreamcli validate-tree: $output"
    fi
    grep -q "<id>$app_id</id>" "$metainfo" || fail "the metainfo's id is not $app_id"
    grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
        fail "the metainfo does not launch $app_id.desktop"
    grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has no release $version"
    grep -q "<content_rating type=\"oars-1.1\"" "$metainfo" || fail "the metainfo has no OARS content rating"
    for program in "${programs[@]}"; do
        grep -q "<binary>$program</binary>" "$metainfo" || fail "the metainfo does not provide $program"
    done
    if grep -q '@[A-Z_]*@' "$metainfo"; then
        fail "the metainfo has unreplaced variables: $(grep -o '@[A-Z_]*@' "$metainfo" | sort -u | tr '\n' ' ')"
    fi
    # The screenshots are the GUI's resources/screenshots/*.png; once that folder exists, each one the
    # metainfo names must be there.
    screenshots=$(sed -n 's|.*<image>.*/\([^/<]*\.png\)</image>.*|\1|p' "$metainfo")
    [ -n "$screenshots" ] || fail "the metainfo has no screenshots"
    if [ -d "$src/resources/screenshots" ]; then
        for name in $screenshots; do
            [ -f "$src/resources/screenshots/$name" ] || fail "the metainfo shows resources/screenshots/$name, which is not committed"
        done
    else
        echo "note: resources/screenshots/ is not in this tree yet; the metainfo names:" $screenshots
    fi
fi

# --- man pages --------------------------------------------------------------------------------------------
for program in "${programs[@]}"; do
    page="$root/usr/share/man/man1/$program.1.gz"
    [ -f "$page" ] || continue
    gzip -t "$page" || fail "$page is not valid gzip"
    if warnings=$(zcat "$page" | groff -man -Tutf8 -ww -z 2>&1) && [ -z "$warnings" ]; then
        pass "man page of $program renders without warnings"
    else
        fail "man page of $program: groff says: $warnings"
    fi
    text=$(zcat "$page" | groff -man -Tutf8 -P-c -P-b -P-u 2>/dev/null)
    [[ $text == *"SessionScope $version"* ]] || fail "the man page of $program does not give version $version"
    for section in NAME SYNOPSIS DESCRIPTION OPTIONS "SEE ALSO"; do
        grep -q "^$section" <<<"$text" || fail "the man page of $program has no $section section"
    done
    # Every long option the program's --help shows must have its own entry (a tagged paragraph that
    # starts with it, such as "--portal ID" or "-h, --help"); a mention in an example is not enough.
    if [ -f "$work/$program.help" ]; then
        options=$(grep -o -E -- '--[a-z][a-z0-9-]*[a-z0-9]' "$work/$program.help" | sort -u)
        undocumented=()
        for option in $options; do
            grep -q -E -- "^ +(-[a-zA-Z], )?$option([ =,]|\$)" <<<"$text" || undocumented+=("$option")
        done
        if [ ${#undocumented[@]} -eq 0 ]; then
            pass "the man page of $program documents all $(wc -w <<<"$options") options of its --help"
        else
            fail "the man page of $program lacks ${undocumented[*]}"
        fi
    fi
done
cli_text=$(zcat "$root/usr/share/man/man1/sessionscope-cli.1.gz" 2>/dev/null | groff -man -Tutf8 -P-c -P-b -P-u 2>/dev/null)
for code in $(seq 0 14); do
    grep -q -E "^ +$code +[A-Z]" <<<"$cli_text" || fail "the sessionscope-cli man page does not explain exit status $code"
done
for variable in AWS_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_WORKSPACES_WEB \
    AWS_ENDPOINT_URL_QAPPS AWS_MAX_ATTEMPTS AWS_RETRY_MODE AWS_SDK_UA_APP_ID AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE; do
    grep -q -w "$variable" <<<"$cli_text" || fail "the sessionscope-cli man page does not mention $variable"
done
for command in portals sessions session sharing expire; do
    grep -q -E "^ +$command\b" <<<"$cli_text" || fail "the sessionscope-cli man page does not describe the command $command"
done

if [ $failures -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all packaging checks passed"
