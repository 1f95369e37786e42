#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The AWS CLI as a peer for the assumed-role cache (~/.aws/cli/cache): a role the AWS CLI assumed is reused by
SessionScope without asking STS again, and the reverse, including a role with mfa_serial whose code is typed
only once.

"Without asking STS" is proven by pointing AWS_ENDPOINT_URL_STS at a closed port for the side that must reuse
the cache. Needs an AWS CLI whose botocore reads AWS_ENDPOINT_URL_STS (AWS CLI v1 with botocore >= 1.31, AWS
CLI v2 >= 2.13); older ones would send the AssumeRole to the real STS, so the test skips them, saying why.

Usage: awscli_role_cache.py --emulator PATH --probe PATH. Exits 77 without a suitable AWS CLI.
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
from emulator_process import DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, REGION, EmulatorProcess, skip  # noqa: E402
from peer_client import aws_for_peer, expect_version  # noqa: E402

MFA_CODE = "135790"
ACCOUNT = "123456789012"
CLOSED = "http://127.0.0.1:9"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)
    return condition


def aws_version(aws):
    answer = subprocess.run([aws, "--version"], capture_output=True, text=True, timeout=60)
    text = answer.stdout + answer.stderr
    cli = re.search(r"aws-cli/(\d+)\.(\d+)\.(\d+)", text)
    core = re.search(r"botocore/(\d+)\.(\d+)\.(\d+)", text)
    return cli, core, text.strip()


def environment(home, sts):
    return {"PATH": os.environ.get("PATH", ""), "HOME": home, "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION,
            "AWS_ENDPOINT_URL_STS": sts, "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "",
            "LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


def write_config(home):
    os.makedirs(os.path.join(home, ".aws"), exist_ok=True)
    with open(os.path.join(home, ".aws", "config"), "w") as file:
        file.write(f"[profile r]\nrole_arn = arn:aws:iam::{ACCOUNT}:role/Reader\nsource_profile = base\n"
                   f"[profile m]\nrole_arn = arn:aws:iam::{ACCOUNT}:role/Admin\nsource_profile = base\n"
                   f"mfa_serial = arn:aws:iam::{ACCOUNT}:mfa/alice\n"
                   f"[profile base]\naws_access_key_id = {DEMO_ACCESS_KEY_ID}\n"
                   f"aws_secret_access_key = {DEMO_SECRET_ACCESS_KEY}\n")


def cached_key_ids(home):
    ids = []
    for path in glob.glob(os.path.join(home, ".aws", "cli", "cache", "*.json")):
        with open(path) as file:
            ids.append(json.load(file)["Credentials"]["AccessKeyId"])
    return ids


def probe(arguments, home, sts, profile):
    answer = subprocess.run([arguments.probe, "--profile", profile], env=environment(home, sts),
                            capture_output=True, text=True, timeout=60)
    lines = [line for line in answer.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": "no-answer", "message": answer.stderr[-300:]}


def aws_identity(aws, home, sts, endpoint, profile, stdin=""):
    answer = subprocess.run([aws, "sts", "get-caller-identity", "--profile", profile, "--endpoint-url", endpoint,
                             "--output", "json"], env=environment(home, sts), input=stdin, capture_output=True,
                            text=True, timeout=60)
    if answer.returncode != 0:
        print(f"     aws said: {answer.stderr.strip()[-300:]}")
        return None
    return json.loads(answer.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--emulator", required=True)
    parser.add_argument("--probe", required=True)
    arguments = parser.parse_args()
    aws = aws_for_peer()
    if not aws:
        skip("the AWS CLI is not installed")
    cli, core, text = aws_version(aws)
    if not cli:
        skip(f"cannot tell the AWS CLI's version from {text!r}")
    expect_version("awscli", ".".join(cli.groups()))
    major, minor = int(cli.group(1)), int(cli.group(2))
    new_enough = (major == 1 and core and (int(core.group(1)), int(core.group(2))) >= (1, 31)) or \
                 (major == 2 and minor >= 13)
    if not new_enough:
        skip(f"{text.split()[0]} cannot point its AssumeRole at a local STS (AWS_ENDPOINT_URL_STS came with "
             "AWS CLI v1 on botocore 1.31 and v2.13); it would call the real STS")
    print(text)

    with EmulatorProcess(arguments.emulator, ["--mfa-code", MFA_CODE, "--require-mfa", "Admin",
                                              "--account", ACCOUNT]) as emulator:
        endpoint = emulator.endpoint
        with tempfile.TemporaryDirectory(prefix="role-cache-") as home:
            write_config(home)
            identity = aws_identity(aws, home, endpoint, endpoint, "r")
            check(identity is not None and ":assumed-role/Reader/" in identity.get("Arn", ""),
                  "the AWS CLI assumes the role against the emulator")
            ids = cached_key_ids(home)
            check(len(ids) == 1, f"the AWS CLI cached one assumed role ({len(ids)} file(s))")
            ours = probe(arguments, home, CLOSED, "r")
            check(bool(ids) and ours.get("accessKeyId") == ids[0],
                  f"SessionScope reuses the AWS CLI's cached role without STS: {ours.get('accessKeyId') or ours}")

            # mfa_serial: the code is typed once, to the AWS CLI; SessionScope, which has nobody to ask here,
            # still works from the cache.
            identity = aws_identity(aws, home, endpoint, endpoint, "m", stdin=MFA_CODE + "\n")
            check(identity is not None and ":assumed-role/Admin/" in identity.get("Arn", ""),
                  "the AWS CLI assumes the MFA role with the code")
            ours = probe(arguments, home, CLOSED, "m")
            check("accessKeyId" in ours, f"SessionScope reuses the MFA role without a code: {ours}")

        with tempfile.TemporaryDirectory(prefix="role-cache-") as home:
            write_config(home)
            ours = probe(arguments, home, endpoint, "r")
            check("accessKeyId" in ours, f"SessionScope assumes the role: {ours.get('accessKeyId') or ours}")
            check(cached_key_ids(home) == [ours.get("accessKeyId")], "SessionScope cached it where the AWS CLI looks")
            identity = aws_identity(aws, home, CLOSED, endpoint, "r")
            check(identity is not None and ":assumed-role/Reader/" in identity.get("Arn", ""),
                  "the AWS CLI reuses SessionScope's cached role without STS")
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


sys.exit(main())
