# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Desktop integration files and the Debian package. Included from the top-level CMakeLists.txt after
# the targets, so `cmake --install` and `cpack -G DEB` ship the three programs with their desktop entry,
# AppStream metainfo, hicolor icons, man pages and copyright file.

include(GNUInstallDirs)

# The reverse-DNS id of the application: the desktop file's name, the AppStream component id, the icon
# name and the GUI's QGuiApplication::desktopFileName (its Wayland app id). Keep them one and the same.
set(SESSIONSCOPE_APP_ID "io.github.sessionscope.SessionScope")

# AppStream wants screenshots by URL. They are the GUI's committed resources/screenshots/*.png, served
# from the source repository at the release tag, so the pictures match the release:
#   <SESSIONSCOPE_SCREENSHOT_BASE_URL>/main-window-light.png and .../main-window-dark.png
set(SESSIONSCOPE_SCREENSHOT_BASE_URL
    "https://raw.githubusercontent.com/sessionscope/sessionscope/v${PROJECT_VERSION}/resources/screenshots"
    CACHE STRING "Public URL of the folder resources/screenshots at this version, for the AppStream metainfo")
set(SESSIONSCOPE_PACKAGE_MAINTAINER "SessionScope contributors <maintainers@sessionscope.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

set(_ss_packaging_dir "${PROJECT_SOURCE_DIR}/packaging")
set(_ss_packaging_out "${PROJECT_BINARY_DIR}/packaging")

# --- desktop entry, metainfo, icons -------------------------------------------------------------------
install(FILES "${_ss_packaging_dir}/linux/${SESSIONSCOPE_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")

configure_file("${_ss_packaging_dir}/linux/${SESSIONSCOPE_APP_ID}.metainfo.xml.in"
               "${_ss_packaging_out}/${SESSIONSCOPE_APP_ID}.metainfo.xml" @ONLY)
install(FILES "${_ss_packaging_out}/${SESSIONSCOPE_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")

install(FILES "${_ss_packaging_dir}/icons/${SESSIONSCOPE_APP_ID}.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
# The PNGs are rendered once by packaging/icons/render-icons.sh and committed (see there why).
foreach(_ss_size IN ITEMS 16 22 24 32 48 64 128 256)
    install(FILES "${_ss_packaging_dir}/icons/hicolor/${_ss_size}x${_ss_size}/apps/${SESSIONSCOPE_APP_ID}.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_ss_size}x${_ss_size}/apps")
endforeach()

# --- man pages: the version filled in, then gzip -9n as Debian policy asks (-n: reproducible) ---------
set(_ss_man_pages sessionscope.1 sessionscope-cli.1 sessionscope-emulator.1)
set(_ss_man_gz)
foreach(_ss_page IN LISTS _ss_man_pages)
    configure_file("${_ss_packaging_dir}/man/${_ss_page}" "${_ss_packaging_out}/man/${_ss_page}" @ONLY)
    add_custom_command(
        OUTPUT "${_ss_packaging_out}/man/${_ss_page}.gz"
        COMMAND gzip -9 -n -f -k "${_ss_page}"
        DEPENDS "${_ss_packaging_out}/man/${_ss_page}"
        WORKING_DIRECTORY "${_ss_packaging_out}/man"
        COMMENT "Compressing man page ${_ss_page}"
        VERBATIM)
    list(APPEND _ss_man_gz "${_ss_packaging_out}/man/${_ss_page}.gz")
endforeach()
add_custom_target(sessionscope_man_pages ALL DEPENDS ${_ss_man_gz})
install(FILES ${_ss_man_gz} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

# /usr/share/doc/<package>, as Debian expects (CMAKE_INSTALL_DOCDIR would use the project name): the
# copyright file and, for a native package, the Debian changelog, gzipped. Add an entry to
# packaging/debian/changelog for every release; the packaging test compares its version with the project's.
configure_file("${_ss_packaging_dir}/debian/changelog" "${_ss_packaging_out}/changelog" @ONLY)
add_custom_command(
    OUTPUT "${_ss_packaging_out}/changelog.gz"
    COMMAND gzip -9 -n -f -k changelog
    DEPENDS "${_ss_packaging_out}/changelog"
    WORKING_DIRECTORY "${_ss_packaging_out}"
    COMMENT "Compressing the Debian changelog"
    VERBATIM)
add_custom_target(sessionscope_changelog ALL DEPENDS "${_ss_packaging_out}/changelog.gz")
install(FILES "${_ss_packaging_dir}/debian/copyright" "${_ss_packaging_out}/changelog.gz"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/sessionscope")

# qt_standard_project_setup() gives programs the install run path $ORIGIN:$ORIGIN/../lib, for
# libraries installed beside them. SessionScope installs none, and a packaged program in /usr/bin must
# load only the system's libraries (Debian policy 10.2: no needless run paths).
set_target_properties(sessionscope sessionscope-cli sessionscope-emulator PROPERTIES INSTALL_RPATH "")

# --- the Debian package (cpack -G DEB, or the `package` target) ----------------------------------------
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "sessionscope")
set(CPACK_PACKAGE_VENDOR "SessionScope contributors")
set(CPACK_PACKAGE_CONTACT "${SESSIONSCOPE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "browse, export and audit Amazon WorkSpaces Secure Browser sessions")
# Debian's extended description: lines of at most 80 characters, as dpkg shows them.
set(CPACK_PACKAGE_DESCRIPTION
    "SessionScope lists the web portals of an AWS account, shows the browser
sessions of a portal in a lazily paged table filtered by status and user
name, and shows the selected session's details with the sharing
configuration of its Amazon Q Apps session. Session lists export as CSV,
JSON or JSON Lines.
.
The package holds the desktop application (sessionscope), a command line
client for scripts (sessionscope-cli) and a local emulator of the service
for tests and demonstrations (sessionscope-emulator).")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
# Debian ships stripped programs; the build tree keeps the debug information.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # sessionscope_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Depends is computed by dpkg-shlibdeps from the libraries the programs link (Qt, QtKeychain, libc ...),
# with the versions the symbols need, instead of a hand-kept list that drifts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What dpkg-shlibdeps cannot see because it is loaded at run time or is data, not a library:
# - ca-certificates: the system CA bundle the TLS backend verifies the AWS endpoints with;
# - libsecret-1-0: QtKeychain dlopen()s libsecret to reach the Secret Service, where profiles created
#   in the app keep their secret keys;
# - gnome-keyring | kwalletmanager | keepassxc: a Secret Service (or KWallet) to hold those secrets;
# - libqt6svg6: on Debian 12 it carries the SVG image and icon engine plugins that draw SVG icons;
# - qt6-wayland: the native Wayland platform plugin (without it Qt falls back to XWayland).
# Recommends, not Depends: the programs start and the demo works without any of them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "ca-certificates, libsecret-1-0, gnome-keyring | kwalletmanager | keepassxc, libqt6svg6, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "awscli")

set(CPACK_SOURCE_GENERATOR "TXZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/")

include(CPack)
