# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# Peer tests run real AWS clients that nobody here wrote (botocore, the AWS CLI) against our code and the
# emulator. A user's machine has one of two kinds of client: what the first `python3` / `aws` on the PATH
# carry (a developer's pyenv or venv, often today's botocore and the AWS CLI v1) and what the distribution
# ships (/usr/bin/python3 with Debian's python3-botocore 1.29, /usr/bin/aws, the AWS CLI v2 2.9). Both are
# checked: every peer test is registered once per kind of client found here, named after the client and
# version it runs (interop_botocore@botocore-1.29.27, interop_awscli@aws-cli-2.9.19), so a newcomer's
# machine is exactly what CI checks.
#
# Old clients lack the 2024 operations (ListSessions, Amazon Q Apps); the service models in
# ../shared/testdata/botocore-models add them through AWS_DATA_PATH, which each test sets for the clients it
# starts (tests/interop/peer_client.py, tests/common/PeerClient.h), finding the folder like the SigV4 suite.

# _sessionscope_peer_probe(python aws prefix): sets prefix_BOTOCORE (version or ""), prefix_AWSCLI ("aws-cli/2.9.19"
# style name-version or ""), prefix_KEY (what makes two candidates the same client) in the caller's scope.
function(_sessionscope_peer_probe python aws prefix)
    set(botocore "")
    set(key "")
    if(python)
        execute_process(
            COMMAND ${python} -c "import os, sys\ntry:\n    import botocore\n    v = botocore.__version__\nexcept ImportError:\n    v = ''\nprint(os.path.realpath(sys.executable) + ' ' + v)"
            OUTPUT_VARIABLE out ERROR_QUIET RESULT_VARIABLE status TIMEOUT 60
            OUTPUT_STRIP_TRAILING_WHITESPACE)
        if(status EQUAL 0)
            string(REPLACE " " ";" out "${out}")
            list(GET out 0 key)
            list(LENGTH out n)
            if(n GREATER 1)
                list(GET out 1 botocore)
            endif()
        endif()
    endif()
    set(awscli "")
    if(aws)
        # AWS CLI v2 writes its version to stdout, v1 (on older Pythons) to stderr.
        execute_process(COMMAND ${aws} --version OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status
            TIMEOUT 60)
        if(status EQUAL 0 AND "${out}${err}" MATCHES "aws-cli/([0-9][0-9.]*)")
            set(awscli "${CMAKE_MATCH_1}")
            get_filename_component(real "${aws}" REALPATH)
            string(APPEND key " ${real}")
        endif()
    endif()
    set(${prefix}_BOTOCORE "${botocore}" PARENT_SCOPE)
    set(${prefix}_AWSCLI "${awscli}" PARENT_SCOPE)
    set(${prefix}_KEY "${key}" PARENT_SCOPE)
endfunction()

# The kinds of client on this machine, once per configure: SESSIONSCOPE_PEERS lists ids; for each id,
# SESSIONSCOPE_PEER_<id>_{PYTHON,AWS,BOTOCORE,AWSCLI,KIND}. The first on the PATH comes first.
function(_sessionscope_find_peers)
    find_program(first_python NAMES python3 NO_CACHE)
    find_program(first_aws NAMES aws NO_CACHE)
    set(candidates "path")
    set(path_python "${first_python}")
    set(path_aws "${first_aws}")
    if(EXISTS /usr/bin/python3)
        list(APPEND candidates "distribution")
        set(distribution_python /usr/bin/python3)
        set(distribution_aws "")
        if(EXISTS /usr/bin/aws)
            set(distribution_aws /usr/bin/aws)
        endif()
    endif()
    set(peers "")
    set(seen "")
    foreach(kind IN LISTS candidates)
        if(NOT ${kind}_python)
            continue()
        endif()
        _sessionscope_peer_probe("${${kind}_python}" "${${kind}_aws}" probe)
        if(probe_KEY STREQUAL "" OR probe_KEY IN_LIST seen)
            continue()
        endif()
        list(APPEND seen "${probe_KEY}")
        list(APPEND peers ${kind})
        set(SESSIONSCOPE_PEER_${kind}_PYTHON "${${kind}_python}" PARENT_SCOPE)
        set(SESSIONSCOPE_PEER_${kind}_AWS "${${kind}_aws}" PARENT_SCOPE)
        set(SESSIONSCOPE_PEER_${kind}_BOTOCORE "${probe_BOTOCORE}" PARENT_SCOPE)
        set(SESSIONSCOPE_PEER_${kind}_AWSCLI "${probe_AWSCLI}" PARENT_SCOPE)
        # What each client is called in test names (and here): its version, or that it is missing.
        if(probe_BOTOCORE)
            set(botocore_name "botocore-${probe_BOTOCORE}")
        else()
            set(botocore_name "no-botocore-${kind}")
        endif()
        if(probe_AWSCLI)
            set(awscli_name "aws-cli-${probe_AWSCLI}")
        else()
            set(awscli_name "no-aws-cli-${kind}")
        endif()
        set(SESSIONSCOPE_PEER_${kind}_botocore_NAME "${botocore_name}" PARENT_SCOPE)
        set(SESSIONSCOPE_PEER_${kind}_awscli_NAME "${awscli_name}" PARENT_SCOPE)
        message(STATUS "Peer clients (${kind}): ${${kind}_python} with ${botocore_name}; ${awscli_name} (${${kind}_aws})")
    endforeach()
    if(NOT peers)
        message(STATUS "Peer clients: no python3 found; the peer tests will say they were skipped")
    endif()
    set(SESSIONSCOPE_PEERS "${peers}" PARENT_SCOPE)
endfunction()
_sessionscope_find_peers()

# sessionscope_add_peer_test(NAME CLIENT botocore|awscli COMMAND arg... [LABELS ...] [TIMEOUT s])
# Registers NAME once per kind of client, as NAME@botocore-<version> or NAME@aws-cli-<version>. In COMMAND,
# PEER_PYTHON stands for that kind's python3. The test's environment names the client it must find
# (SESSIONSCOPE_PYTHON, SESSIONSCOPE_AWS, SESSIONSCOPE_PEER_BOTOCORE / _AWSCLI: the versions the name promises,
# which the test checks). A kind without that client still gets a test, which says it was
# skipped and why (exit 77).
function(sessionscope_add_peer_test name)
    cmake_parse_arguments(ARG "" "CLIENT;TIMEOUT" "COMMAND;LABELS" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 600)
    endif()
    set(registered 0)
    foreach(kind IN LISTS SESSIONSCOPE_PEERS)
        set(python "${SESSIONSCOPE_PEER_${kind}_PYTHON}")
        set(aws "${SESSIONSCOPE_PEER_${kind}_AWS}")
        set(botocore "${SESSIONSCOPE_PEER_${kind}_BOTOCORE}")
        set(awscli "${SESSIONSCOPE_PEER_${kind}_AWSCLI}")
        if(NOT ARG_CLIENT MATCHES "^(botocore|awscli)$")
            message(FATAL_ERROR "sessionscope_add_peer_test(${name}): CLIENT must be botocore or awscli")
        endif()
        set(suffix "${SESSIONSCOPE_PEER_${kind}_${ARG_CLIENT}_NAME}")
        list(TRANSFORM ARG_COMMAND REPLACE "^PEER_PYTHON$" "${python}" OUTPUT_VARIABLE command)
        set(labels interop peer peer-${kind} ${ARG_LABELS})
        list(REMOVE_DUPLICATES labels)
        add_test(NAME ${name}@${suffix} COMMAND ${command})
        set_tests_properties(${name}@${suffix} PROPERTIES
            SKIP_RETURN_CODE 77
            TIMEOUT ${ARG_TIMEOUT}
            LABELS "${labels}"
            ENVIRONMENT
            "SESSIONSCOPE_PYTHON=${python};SESSIONSCOPE_AWS=${aws};SESSIONSCOPE_PEER_BOTOCORE=${botocore};SESSIONSCOPE_PEER_AWSCLI=${awscli};QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;PYTHONDONTWRITEBYTECODE=1;PYTHONIOENCODING=utf-8")
        set(registered 1)
    endforeach()
    if(NOT registered)
        add_test(NAME ${name} COMMAND sh -c "echo 'SKIP: python3 is not installed, so no AWS client can be a peer'; exit 77")
        set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 LABELS "interop;peer;${ARG_LABELS}")
    endif()
endfunction()
