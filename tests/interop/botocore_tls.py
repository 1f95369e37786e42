#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""botocore against `sessionscope-emulator --tls`: proves the emulator's https is right for a client nobody
here wrote, not only for SessionScope's.

Two emulators with the same data, one over http and one over https (a throw-away CA written by
--tls-ca-out). botocore lists every session of a portal through both - with verify=<the CA file> and with
AWS_CA_BUNDLE - and must get the same sessions; with its default trust (certifi, no CA of ours) it must
refuse the certificate; the emulator's broken answers (connection reset, truncated body) still break over
TLS the way they do over http.

Usage: botocore_tls.py --emulator PATH
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402

from emulator_process import DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, REGION, EmulatorProcess, skip  # noqa: E402
from peer_client import expect_version, require_operations, use_service_models  # noqa: E402

try:
    import botocore
    import botocore.session
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, SSLError
except ImportError:
    skip("botocore is not installed for this Python")

SESSIONS = 120
MAX_PAGE = 50
DATA = ["--seed", "23", "--portals", "2", "--sessions", str(SESSIONS), "--max-page", str(MAX_PAGE),
        "--anchor", "2025-01-31T12:00:00Z"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")
    return condition


def make_client(endpoint, verify=None):
    session = botocore.session.Session()
    session.set_config_variable("config_file", os.devnull)
    session.set_config_variable("credentials_file", os.devnull)
    session.set_credentials(DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY)
    config = Config(retries={"mode": "standard", "max_attempts": 1}, connect_timeout=10, read_timeout=60)
    return session.create_client("workspaces-web", region_name=REGION, endpoint_url=endpoint, config=config,
                                 verify=verify)


def all_sessions(client):
    portals = client.list_portals()["portals"]
    active = next(p for p in portals if p["portalStatus"] == "Active")
    portal_id = active["portalArn"].rsplit("/", 1)[1]
    sessions, token = [], None
    while True:
        answer = client.list_sessions(portalId=portal_id, maxResults=MAX_PAGE, sortBy="StartTimeAscending",
                                      **({"nextToken": token} if token else {}))
        sessions.extend(answer["sessions"])
        token = answer.get("nextToken")
        if not token or len(sessions) > 10 * SESSIONS:
            return portal_id, sessions


def failure_of(call):
    try:
        call()
    except (BotoCoreError, Exception) as error:  # noqa: B014 - the exact class differs between versions
        return error
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--emulator", required=True)
    options = parser.parse_args()
    print(f"botocore {botocore.__version__} ({sys.executable}), service models: {use_service_models()}")
    expect_version("botocore", botocore.__version__)
    for variable in ("AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE"):  # this machine's own trust stays out
        os.environ.pop(variable, None)

    with tempfile.TemporaryDirectory() as folder:
        ca = os.path.join(folder, "emulator-ca.pem")
        with EmulatorProcess(options.emulator, DATA) as plain, \
                EmulatorProcess(options.emulator, DATA + ["--tls", "--tls-ca-out", ca]) as tls:
            check(tls.endpoint.startswith("https://127.0.0.1:"), f"https endpoint: {tls.endpoint}")
            require_operations(lambda _service: make_client(plain.endpoint), "workspaces-web", "list_sessions")
            portal_http, over_http = all_sessions(make_client(plain.endpoint))
            check(len(over_http) == SESSIONS, f"{len(over_http)} sessions over http, expected {SESSIONS}")

            portal_https, over_https = all_sessions(make_client(tls.endpoint, verify=ca))
            check(portal_https == portal_http, "the same portal over https")
            check(over_https == over_http, "verify=<CA file>: the same sessions over https as over http")

            os.environ["AWS_CA_BUNDLE"] = ca  # botocore's own lookup: the session's ca_bundle
            try:
                _, from_env = all_sessions(make_client(tls.endpoint))
            finally:
                del os.environ["AWS_CA_BUNDLE"]
            check(from_env == over_http, "AWS_CA_BUNDLE: the same sessions over https as over http")

            host = tls.endpoint.split("//", 1)[1].split(":")[0]
            for name in ("localhost", "127.0.0.1"):  # both names of the certificate
                endpoint = tls.endpoint.replace(host, name)
                error = failure_of(lambda: make_client(endpoint, verify=ca).list_portals())
                check(error is None, f"verify=<CA file> at https://{name}: {error!r}")

            refused = failure_of(lambda: make_client(tls.endpoint).list_portals())
            check(isinstance(refused, SSLError), f"default trust refuses the throw-away CA: got {refused!r}")
            check("CERTIFICATE_VERIFY_FAILED" in str(refused) or "certificate verify failed" in str(refused),
                  f"the refusal is a certificate check: {refused}")

        # Broken answers break over TLS exactly as they do over http (botocore 1.29 lets a truncated body
        # through as a body without "portals", newer versions raise; either way the same on both).
        for fault in ("connection-reset", "truncated-body"):
            outcomes = {}
            for scheme, extra in (("http", []), ("https", ["--tls", "--tls-ca-out", ca])):
                with EmulatorProcess(options.emulator, DATA + extra + ["--fault-rate", f"{fault}=1"]) as broken:
                    answer = {}

                    def call(endpoint=broken.endpoint):
                        answer.update(make_client(endpoint, verify=ca).list_portals())

                    error = failure_of(call)
                    outcomes[scheme] = (type(error).__name__ if error else None, "portals" in answer)
            check(outcomes["http"] == outcomes["https"],
                  f"{fault}: the same outcome over https as over http: {outcomes}")
            check(outcomes["https"] != (None, True), f"{fault} over https broke nothing: {outcomes}")
            check(outcomes["https"][0] != "SSLError", f"{fault} over https looks like a certificate problem")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"ok: botocore {botocore.__version__} lists the same {SESSIONS} sessions over https as over http")
    return 0


if __name__ == "__main__":
    sys.exit(main())
