#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interop test: the AWS CLI against sessionscope-emulator, compared with botocore.

`aws workspaces-web list-sessions --endpoint-url ... --portal-id ...` paginates on its own; it must return
exactly the sessions, in the same order, that a hand-made botocore walk returns for the same query. The
CLI runs with credentials in its environment and empty configuration files, so nothing of the machine's
own AWS setup is used.

It runs with the AWS CLI v1 and v2 of every age CI meets (Debian 12's v2 2.9 predates ListSessions): both
get the WorkSpaces Web models through AWS_DATA_PATH (peer_client.py). The aws executable is the one the test
was registered for (SESSIONSCOPE_AWS), else the first on the PATH.

Usage: awscli_interop.py --emulator PATH. Exits 77 (skip) when the aws CLI or botocore is not installed.
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emulator_process import DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, REGION, EmulatorProcess, skip  # noqa: E402
from peer_client import aws_for_peer, expect_version, require_operations, use_service_models  # noqa: E402

AWS = aws_for_peer()
if AWS is None:
    skip("the aws CLI is not installed")
try:
    import botocore.session
    from botocore.config import Config
except ImportError:
    skip("botocore is not installed for this python3")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")
    return condition


def cli_environment(config_dir):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") or k == "AWS_DATA_PATH"}
    config_file = os.path.join(config_dir, "config")
    credentials_file = os.path.join(config_dir, "credentials")
    for path in (config_file, credentials_file):
        open(path, "w").close()
    environment.update({
        "AWS_ACCESS_KEY_ID": DEMO_ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY": DEMO_SECRET_ACCESS_KEY,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": config_file,
        "AWS_SHARED_CREDENTIALS_FILE": credentials_file,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_PAGER": "",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
    })
    return environment


# AWS CLI v2 pages its output unless told not to (AWS_PAGER="" does that too); v1 has no such option.
PAGER_OPTION = ["--no-cli-pager"]


def run_cli(environment, endpoint, *arguments):
    command = [AWS, *arguments, "--endpoint-url", endpoint, "--output", "json"]
    try:
        done = subprocess.run(command + PAGER_OPTION, env=environment, capture_output=True, timeout=180)
        if done.returncode != 0 and PAGER_OPTION and b"no-cli-pager" in done.stderr:
            PAGER_OPTION.clear()
            done = subprocess.run(command, env=environment, capture_output=True, timeout=180)
    except subprocess.TimeoutExpired:
        check(False, f"aws {' '.join(arguments)} timed out")
        return None, b""
    if done.returncode != 0:
        return None, done.stderr
    return json.loads(done.stdout.decode("utf-8")), done.stderr


def botocore_walk(client, portal_id, **filters):
    sessions, token = [], None
    while True:
        arguments = dict(filters, portalId=portal_id, maxResults=17)
        if token:
            arguments["nextToken"] = token
        answer = client.list_sessions(**arguments)
        sessions.extend(answer["sessions"])
        token = answer.get("nextToken")
        if not token:
            return sessions


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--emulator", required=True)
    options = parser.parse_args()
    models = use_service_models()
    version = subprocess.run([AWS, "--version"], capture_output=True, timeout=60)
    text = (version.stdout or version.stderr).decode().strip()
    print(f"{text} ({AWS}); botocore {botocore.__version__} ({sys.executable}); service models: {models}")
    found = re.search(r"aws-cli/([0-9][0-9.]*)", text)
    expect_version("awscli", found.group(1) if found else text)

    arguments = ["--seed", "23", "--portals", "2", "--sessions", "450", "--max-page", "25"]
    with EmulatorProcess(options.emulator, arguments) as emulator, tempfile.TemporaryDirectory() as config_dir:
        environment = cli_environment(config_dir)
        session = botocore.session.Session()
        session.set_config_variable("config_file", os.devnull)
        session.set_config_variable("credentials_file", os.devnull)
        session.set_credentials(DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY)
        client = require_operations(
            lambda service: session.create_client(service, region_name=REGION, endpoint_url=emulator.endpoint,
                                                  config=Config(retries={"mode": "standard", "max_attempts": 1})),
            "workspaces-web", "list_portals", "list_sessions")

        portals, stderr = run_cli(environment, emulator.endpoint, "workspaces-web", "list-portals")
        if not check(portals is not None, f"list-portals failed: {stderr.decode(errors='replace')}"):
            return 1
        arns = [p["portalArn"] for p in portals["portals"]]
        check(arns == [p["portalArn"] for p in client.list_portals()["portals"]], "list-portals matches botocore")
        portal_id = next(p["portalArn"] for p in portals["portals"] if p["portalStatus"] == "Active").rsplit("/", 1)[1]

        queries = [
            ({}, []),
            ({"sortBy": "StartTimeAscending", "status": "Terminated"},
             ["--sort-by", "StartTimeAscending", "--status", "Terminated"]),
            ({"status": "Active"}, ["--status", "Active", "--page-size", "3"]),
            ({"username": "Smith, John"}, ["--username", "Smith, John", "--page-size", "1"]),
            ({"username": "-2+3"}, ["--username=-2+3"]),
            ({"username": "user+tag@example.com", "sortBy": "StartTimeAscending"},
             ["--username", "user+tag@example.com", "--sort-by", "StartTimeAscending"]),
            ({"username": "山田太郎"}, ["--username", "山田太郎"]),
        ]
        for filters, cli_arguments in queries:
            answer, stderr = run_cli(environment, emulator.endpoint, "workspaces-web", "list-sessions",
                                     "--portal-id", portal_id, *cli_arguments)
            if answer is None and models is None and b"Invalid choice" in stderr:
                skip(f"{text} has no list-sessions and the service models were not found: {stderr.decode()[:200]}")
            if not check(answer is not None, f"list-sessions {cli_arguments} failed: {stderr.decode(errors='replace')}"):
                continue
            expected = botocore_walk(client, portal_id, **filters)
            got = [(s["sessionId"], s["username"], s["status"]) for s in answer["sessions"]]
            want = [(s["sessionId"], s["username"], s["status"]) for s in expected]
            check(len(want) > 0, f"{filters} should not be empty")
            check(got == want, f"aws CLI {cli_arguments}: {len(got)} sessions, botocore {len(want)} (or another order)")
            check("NextToken" not in answer and "nextToken" not in answer, f"the CLI walked every page of {filters}")
        print(f"ok: {len(queries)} aws CLI listings match botocore")

        one = botocore_walk(client, portal_id)[0]
        answer, stderr = run_cli(environment, emulator.endpoint, "workspaces-web", "get-session",
                                 "--portal-id", portal_id, "--session-id", one["sessionId"])
        check(answer is not None and answer["session"]["sessionId"] == one["sessionId"],
              f"get-session: {stderr.decode(errors='replace')}")

        answer, stderr = run_cli(environment, emulator.endpoint, "workspaces-web", "list-sessions",
                                 "--portal-id", "00000000-0000-4000-8000-000000000000")
        check(answer is None and b"ResourceNotFoundException" in stderr, "a missing portal is an error")
        print("ok: get-session and errors")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all aws CLI interop checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
