#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interop test: SessionScope and the AWS CLI share IAM Identity Center sign-ins through ~/.aws/sso/cache.

Against sessionscope-emulator, in a temporary HOME:
1. SessionScope signs in (sso_peer_helper login: the device flow, approved through the emulator), and the
   AWS CLI gets role credentials from that cached token;
2. the token is made to look expired: the AWS CLI renews it with the refresh token and rewrites the cache,
   and SessionScope gets role credentials from the file the CLI wrote;
3. (AWS CLI v2) the CLI signs in as `aws sso login` does, and SessionScope gets role credentials from that
   cache; SessionScope's own sign-in then reuses the client registration the CLI cached.

The AWS CLI v1 on a botocore with AWS_ENDPOINT_URL_SSO (1.31 and later) runs as itself: `aws sts
get-caller-identity --profile p`. The AWS CLI v2 2.9 cannot be pointed at another IAM Identity Center, so its
own code runs with the emulator's endpoint (awscli_v2_sso.py). v1 has no `aws sso login`: step 3 is v2 only.

Usage: sso_cache_interop.py --emulator PATH --helper PATH. Exits 77 (skip) when the aws CLI is missing.
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import urllib.request  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emulator_process import REGION, EmulatorProcess, skip  # noqa: E402
from peer_client import aws_for_peer, expect_version  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ACCOUNT = "444455556666"
ROLE = "Admin"
START_URL = "https://example.awsapps.com/start"
SESSION = "corp"
CONFIG = f"""[profile p]
sso_session = {SESSION}
sso_account_id = {ACCOUNT}
sso_role_name = {ROLE}
region = {REGION}

[sso-session {SESSION}]
sso_start_url = {START_URL}
sso_region = {REGION}
sso_registration_scopes = sso:account:access
"""

failures = []


def check(condition, message):
    print(("ok: " if condition else "FAIL: ") + message)
    if not condition:
        failures.append(message)
    return condition


def lines_of(output):
    found = {}
    for line in output.splitlines():
        key, _, value = line.partition(" ")
        found[key] = value
    return found


class Peer:
    def __init__(self, aws, helper, emulator):
        self.aws = aws
        self.helper = helper
        self.emulator = emulator
        version = subprocess.run([aws, "--version"], capture_output=True, text=True, timeout=120)
        text = version.stdout + version.stderr
        match = re.search(r"aws-cli/([0-9.]+)", text)
        if not match:
            skip(f"{aws} --version does not say which AWS CLI it is")
        self.version = match.group(1)
        expect_version("awscli", self.version)
        self.major = int(self.version.split(".")[0])
        self.interpreter = None
        if self.major >= 2:
            with open(os.path.realpath(aws), "rb") as script:
                first = script.readline().decode(errors="replace")
            if not first.startswith("#!") or "python" not in first:
                skip(f"aws-cli/{self.version} is not a Python script whose package this test can run")
            self.interpreter = first[2:].split()[0]
        else:
            botocore = re.search(r"botocore/([0-9]+)\.([0-9]+)", text)
            if not botocore or (int(botocore.group(1)), int(botocore.group(2))) < (1, 31):
                skip(f"aws-cli/{self.version} predates AWS_ENDPOINT_URL_SSO, so it cannot reach the emulator")

    def environment(self, home):
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        aws_dir = os.path.join(home, ".aws")
        os.makedirs(aws_dir, exist_ok=True)
        with open(os.path.join(aws_dir, "config"), "w") as config:
            config.write(CONFIG)
        open(os.path.join(aws_dir, "credentials"), "w").close()
        env.update({
            "HOME": home,
            "AWS_CONFIG_FILE": os.path.join(aws_dir, "config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(aws_dir, "credentials"),
            "AWS_DEFAULT_REGION": REGION,
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_PAGER": "",
            "AWS_ENDPOINT_URL_SSO": self.emulator,
            "AWS_ENDPOINT_URL_SSO_OIDC": self.emulator,
        })
        return env

    def approve(self, user_code):
        request = urllib.request.Request(
            self.emulator + "/_emulator/sso/approve", data=json.dumps({"userCode": user_code}).encode(),
            headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status

    def ours_login(self, env):
        process = subprocess.Popen([self.helper, "login", "p"], env=env, stdout=subprocess.PIPE, text=True)
        try:
            first = process.stdout.readline().strip()
            if first.startswith("USER_CODE "):
                self.approve(first.split(" ", 1)[1])
            rest, _ = process.communicate(timeout=120)
        except BaseException:
            process.kill()
            raise
        return process.returncode, lines_of(first + "\n" + rest)

    def ours_credentials(self, env):
        done = subprocess.run([self.helper, "credentials", "p"], env=env, capture_output=True, text=True,
                              timeout=120)
        return done.returncode, lines_of(done.stdout)

    def cli_reads(self, env):
        """The CLI's role credentials for profile p: (ok, what it said)."""
        shutil.rmtree(os.path.join(env["HOME"], ".aws", "cli", "cache"), ignore_errors=True)
        if self.major >= 2:
            done = subprocess.run([self.interpreter, os.path.join(HERE, "awscli_v2_sso.py"), self.emulator,
                                   "credentials", "p"], env=env, capture_output=True, text=True, timeout=180)
            found = lines_of(done.stdout)
            return done.returncode == 0 and "ACCESS_KEY_ID" in found, found.get("ACCESS_KEY_ID") or done.stdout
        done = subprocess.run([self.aws, "sts", "get-caller-identity", "--profile", "p", "--endpoint-url",
                               self.emulator, "--output", "json"], env=env, capture_output=True, text=True,
                              timeout=180)
        if done.returncode != 0:
            return False, done.stderr.strip()[-400:]
        arn = json.loads(done.stdout).get("Arn", "")
        return f":{ACCOUNT}:assumed-role/{ROLE}/" in arn, arn

    def cli_login(self, env):
        done = subprocess.run([self.interpreter, os.path.join(HERE, "awscli_v2_sso.py"), self.emulator, "login",
                               START_URL, REGION, SESSION], env=env, capture_output=True, text=True, timeout=180)
        return done.returncode, lines_of(done.stdout)


def token_path(home):
    return os.path.join(home, ".aws", "sso", "cache", hashlib.sha1(SESSION.encode()).hexdigest() + ".json")


def read_json(path):
    with open(path) as file:
        return json.load(file)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--emulator", required=True)
    parser.add_argument("--helper", required=True)
    args = parser.parse_args()
    aws = aws_for_peer()
    if aws is None:
        skip("the aws CLI is not installed")

    with EmulatorProcess(args.emulator) as emulator, tempfile.TemporaryDirectory() as scratch:
        peer = Peer(aws, args.helper, emulator.endpoint)
        print(f"AWS CLI {peer.version} ({'its own package' if peer.major >= 2 else 'the aws command'})")

        # 1. SessionScope signs in; the AWS CLI uses the token.
        home = os.path.join(scratch, "ours")
        env = peer.environment(home)
        code, said = peer.ours_login(env)
        if not check(code == 0 and "SIGNED_IN" in said, f"SessionScope signs in ({said.get('ERROR', 'ok')})"):
            return
        token = read_json(token_path(home))
        check(sorted(token) == sorted(["startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret",
                                       "registrationExpiresAt", "refreshToken"]),
              f"the token file has the AWS CLI's fields: {sorted(token)}")
        code, ours = peer.ours_credentials(env)
        check(code == 0 and "ACCESS_KEY_ID" in ours, f"SessionScope gets role credentials ({ours.get('ERROR', 'ok')})")
        ok, what = peer.cli_reads(env)
        check(ok, f"the AWS CLI gets role credentials from SessionScope's token: {what}")
        if peer.major >= 2:
            check(what == ours.get("ACCESS_KEY_ID"), "both get the same role's credentials")

        # 2. The token looks expired: the CLI renews it and rewrites the cache; SessionScope reads that file.
        token["expiresAt"] = "2000-01-01T00:00:00Z"
        with open(token_path(home), "w") as file:
            json.dump(token, file)
        ok, what = peer.cli_reads(env)
        check(ok, f"the AWS CLI renews an expired token with its refresh token: {what}")
        renewed = read_json(token_path(home))
        check(renewed["accessToken"] != token["accessToken"], "the AWS CLI rewrote the cached token")
        check(renewed["expiresAt"] > "2001", f"with a new expiry: {renewed['expiresAt']}")
        code, said = peer.ours_credentials(env)
        check(code == 0 and said.get("ACCESS_KEY_ID") == ours.get("ACCESS_KEY_ID"),
              f"SessionScope gets role credentials from the token the AWS CLI renewed ({said.get('ERROR', 'ok')})")

        # 3. The AWS CLI signs in as `aws sso login` does; SessionScope uses its token and its registration.
        if peer.major < 2:
            print("note: the AWS CLI v1 has no `aws sso login`; step 3 needs the AWS CLI v2")
        else:
            home = os.path.join(scratch, "cli")
            env = peer.environment(home)
            code, said = peer.cli_login(env)
            if check(code == 0 and "SIGNED_IN" in said, f"the AWS CLI signs in ({said.get('ERROR', 'ok')})"):
                code, said = peer.ours_credentials(env)
                check(code == 0 and said.get("ACCESS_KEY_ID") == ours.get("ACCESS_KEY_ID"),
                      f"SessionScope gets role credentials from the CLI's token ({said.get('ERROR', 'ok')})")
                cache = os.path.join(home, ".aws", "sso", "cache")
                before = sorted(os.listdir(cache))
                cli_client = read_json(token_path(home))["clientId"]
                code, said = peer.ours_login(env)
                check(code == 0, f"SessionScope signs in after the CLI ({said.get('ERROR', 'ok')})")
                check(sorted(os.listdir(cache)) == before, f"no second registration file: {before}")
                check(read_json(token_path(home))["clientId"] == cli_client,
                      "SessionScope's sign-in reused the client registration the AWS CLI cached")

    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("PASS")


if __name__ == "__main__":
    main()
