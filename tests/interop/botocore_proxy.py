#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""botocore and sessionscope-cli through the same real proxy (tinyproxy with Basic auth, started here) to
`sessionscope-emulator --tls` with the same CA bundle and the same environment variables (HTTPS_PROXY with
credentials, AWS_CA_BUNDLE): both go through CONNECT and list the same sessions. Then both with a NO_PROXY
that names the emulator's host without a leading dot: both go direct.

Usage: botocore_proxy.py --emulator PATH --cli PATH
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402

from emulator_process import DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, REGION, EmulatorProcess, skip  # noqa: E402
from peer_client import expect_version, require_operations, use_service_models  # noqa: E402
from tinyproxy_process import TinyproxyProcess, require_tinyproxy  # noqa: E402

try:
    import botocore
    import botocore.session
    from botocore.config import Config
except ImportError:
    skip("botocore is not installed for this Python")

SESSIONS = 60
MAX_PAGE = 25
DATA = ["--seed", "31", "--portals", "1", "--sessions", str(SESSIONS), "--max-page", str(MAX_PAGE),
        "--anchor", "2025-01-31T12:00:00Z"]
USER, PASSWORD = "bob", "b0t0core-Proxy"
PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy",
                   "REQUEST_METHOD")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")
    return condition


def botocore_sessions(endpoint):
    """botocore as the AWS CLI sets it up: proxies and the CA bundle from the environment."""
    session = botocore.session.Session()
    session.set_config_variable("config_file", os.devnull)
    session.set_config_variable("credentials_file", os.devnull)
    session.set_credentials(DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY)
    config = Config(retries={"mode": "standard", "max_attempts": 1}, connect_timeout=10, read_timeout=60)
    client = session.create_client("workspaces-web", region_name=REGION, endpoint_url=endpoint, config=config)
    portal_id = client.list_portals()["portals"][0]["portalArn"].rsplit("/", 1)[1]
    sessions, token = [], None
    while True:
        answer = client.list_sessions(portalId=portal_id, maxResults=MAX_PAGE,
                                      **({"nextToken": token} if token else {}))
        sessions.extend(answer["sessions"])
        token = answer.get("nextToken")
        if not token or len(sessions) > 10 * SESSIONS:
            return portal_id, sorted(s["sessionId"] for s in sessions)


def cli_sessions(cli, endpoint, portal_id, home):
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_") or key in (
        "AWS_CA_BUNDLE",)}
    env.update(HOME=home, AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
               AWS_ACCESS_KEY_ID=DEMO_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY=DEMO_SECRET_ACCESS_KEY,
               AWS_REGION=REGION, XDG_CONFIG_HOME=os.path.join(home, ".config"))
    result = subprocess.run([cli, "sessions", "--portal", portal_id, "--format", "jsonl", "--endpoint-url", endpoint],
                            env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    check(result.returncode == 0, f"sessionscope-cli: exit {result.returncode}: {result.stderr}")
    return sorted(json.loads(line)["sessionId"] for line in result.stdout.splitlines() if line.strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--emulator", required=True)
    parser.add_argument("--cli", required=True)
    options = parser.parse_args()
    print(f"botocore {botocore.__version__} ({sys.executable}), service models: {use_service_models()}")
    expect_version("botocore", botocore.__version__)
    require_tinyproxy()
    for variable in ("AWS_CA_BUNDLE", "REQUESTS_CA_BUNDLE") + PROXY_VARIABLES:  # this machine's own stay out
        os.environ.pop(variable, None)

    with tempfile.TemporaryDirectory() as home:
        ca = os.path.join(home, "emulator-ca.pem")
        with EmulatorProcess(options.emulator, DATA + ["--tls", "--tls-ca-out", ca]) as tls:
            port = int(tls.endpoint.rsplit(":", 1)[1])
            os.environ["AWS_CA_BUNDLE"] = ca
            require_operations(lambda _service: botocore.session.Session().create_client(
                "workspaces-web", region_name=REGION, endpoint_url=tls.endpoint), "workspaces-web", "list_sessions")
            with TinyproxyProcess(connect_ports=[port], user=USER, password=PASSWORD) as proxy:
                os.environ["HTTPS_PROXY"] = proxy.url_with(USER, PASSWORD)

                mark = proxy.mark()
                portal_id, by_botocore = botocore_sessions(tls.endpoint)
                botocore_requests = proxy.requests_since(mark)
                check(len(by_botocore) == SESSIONS, f"botocore listed {len(by_botocore)} sessions, expected {SESSIONS}")
                check(any(r.startswith(f"CONNECT 127.0.0.1:{port} ") for r in botocore_requests),
                      f"botocore went through the proxy: {botocore_requests}")

                mark = proxy.mark()
                by_cli = cli_sessions(options.cli, tls.endpoint, portal_id, home)
                cli_requests = proxy.requests_since(mark)
                check(by_cli == by_botocore, f"sessionscope-cli lists the same sessions as botocore "
                      f"({len(by_cli)} vs {len(by_botocore)})")
                check(any(r.startswith(f"CONNECT 127.0.0.1:{port} ") for r in cli_requests),
                      f"sessionscope-cli went through the proxy: {cli_requests}")

                # NO_PROXY without a leading dot: both go direct.
                os.environ["NO_PROXY"] = "example.com,127.0.0.1"
                mark = proxy.mark()
                _, direct_botocore = botocore_sessions(tls.endpoint)
                direct_cli = cli_sessions(options.cli, tls.endpoint, portal_id, home)
                check(direct_botocore == by_botocore and direct_cli == by_botocore, "the same sessions direct")
                check(not proxy.requests_since(mark), f"NO_PROXY: neither used the proxy: {proxy.requests_since(mark)}")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"ok: botocore {botocore.__version__} and sessionscope-cli list the same {SESSIONS} sessions "
          "through tinyproxy with Basic auth")
    return 0


if __name__ == "__main__":
    sys.exit(main())
