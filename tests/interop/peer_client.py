# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What every peer test needs to run a real AWS client of any age (botocore 1.29 to today's, the AWS CLI v1
and v2): the service models for AWS_DATA_PATH, the client the test was registered for, and a way to pin
botocore's signing clock that works with every version.

CTest registers each peer test once per kind of client on the machine (tests/PeerClients.cmake) and names
the versions it promises in SESSIONSCOPE_PEER_BOTOCORE / SESSIONSCOPE_PEER_AWSCLI; `expect_version` checks
that the client found is the one the test's name promises.
"""
import contextlib
import datetime
import os
import sys
import types
from unittest import mock

from emulator_process import skip

_HERE = os.path.dirname(os.path.abspath(__file__))


def models_folder():
    """../shared/testdata/botocore-models beside the source tree, or under SESSIONSCOPE_TESTDATA."""
    testdata = os.environ.get("SESSIONSCOPE_TESTDATA") or os.path.join(_HERE, "..", "..", "..", "shared", "testdata")
    return os.path.normpath(os.path.join(testdata, "botocore-models"))


def use_service_models():
    """Points AWS_DATA_PATH at the WorkSpaces Web and Q Apps models, for botocore in this process and for
    every client this process starts. Call before the first botocore session is made. Returns the folder,
    or None when it is not there (then only a client that ships the models can run the test)."""
    folder = models_folder()
    if not os.path.isdir(os.path.join(folder, "workspaces-web")):
        print(f"note: no service models at {folder}; relying on the client's own (set SESSIONSCOPE_TESTDATA)")
        return None
    os.environ["AWS_DATA_PATH"] = folder
    return folder


def expect_version(client, actual):
    """Fails the test when the client found is not the one its CTest name promises (the build was configured
    with another one: run cmake again)."""
    promised = os.environ.get("SESSIONSCOPE_PEER_BOTOCORE" if client == "botocore" else "SESSIONSCOPE_PEER_AWSCLI")
    if promised and promised != actual:
        print(f"FAIL: this test was registered for {client} {promised} but found {client} {actual}; "
              "configure the build again (cmake) so the test names match the clients")
        sys.exit(1)


def require_operations(create_client, service, *operations):
    """The client `create_client(service)` makes; skips, naming botocore's version, when this botocore cannot
    make it or call one of `operations` even with the service models (they were not found)."""
    import botocore
    from botocore.exceptions import UnknownServiceError

    reason = f"and the service models were not found at {models_folder()}"
    try:
        client = create_client(service)
    except UnknownServiceError:
        skip(f"botocore {botocore.__version__} does not know the service {service} {reason}")
    missing = [name for name in operations if not hasattr(client, name)]
    if missing:
        skip(f"botocore {botocore.__version__} has no {', '.join(missing)} for {service} {reason}")
    return client


def aws_for_peer():
    """The aws executable the test was registered for, else the first on the PATH."""
    import shutil

    return os.environ.get("SESSIONSCOPE_AWS") or shutil.which("aws")


def signing_clock(now):
    """A context manager under which botocore signs at the time `now()` gives (a naive UTC datetime).

    Both of botocore's SigV4 signers are pinned: its own (botocore.auth) and the AWS CRT's (botocore.crt.auth,
    which botocore uses for every client when awscrt is installed, as with Debian's awscli). botocore 1.32 and
    later read the time through get_current_datetime; older versions call datetime.datetime.utcnow() inside
    those modules, so there the module's `datetime` is replaced by one whose utcnow() is pinned."""
    import botocore.auth

    def current(remove_tzinfo=True):
        moment = now()
        return moment if remove_tzinfo else moment.replace(tzinfo=datetime.timezone.utc)

    class PinnedDateTime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return now()

    shim = types.ModuleType("datetime")
    shim.__dict__.update(datetime.__dict__)
    shim.datetime = PinnedDateTime

    stack = contextlib.ExitStack()
    for module in (botocore.auth, sys.modules.get("botocore.crt.auth")):
        if module is None:
            continue
        if hasattr(module, "get_current_datetime"):
            stack.enter_context(mock.patch.object(module, "get_current_datetime", current))
        else:
            stack.enter_context(mock.patch.object(module, "datetime", shim))
    return stack
