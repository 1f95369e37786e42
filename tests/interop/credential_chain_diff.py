#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Differential test of the credentials chain: for each generated setup (shared files, environment, token
files, IAM Identity Center caches), botocore and SessionScope resolve credentials against the same emulator
and must end with the same access key id, or both fail with the same class of error.

Each side runs in its own process with its own copy of the setup's HOME, so neither reads a cache the other
wrote. The emulator gives every assumed role a deterministic access key id (role + source key), so the ids
compare across clients. botocore is the first python3's (or the one the CTest name promises); before 1.31 it
gets AWS_ENDPOINT_URL_<SERVICE> applied by credential_chain_botocore.py.

Usage: credential_chain_diff.py --emulator PATH --probe PATH [--only NAME]. Exits 77 without botocore.
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import datetime  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import urllib.request  # noqa: E402

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
from emulator_process import DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, REGION, EmulatorProcess, skip  # noqa: E402
from peer_client import expect_version  # noqa: E402

try:
    import botocore
except ImportError:
    skip("botocore is not installed for this python3")

MFA_CODE = "246810"
WEB_TOKEN = "sessionscope-diff-web-identity-token"
CONTAINER_TOKEN = "sessionscope-diff-container-token"
IMDS_ROLE = "diff-instance-role"
ACCOUNT = "123456789012"
START_URL = "https://diff.awsapps.com/start"


def role(name):
    return f"arn:aws:iam::{ACCOUNT}:role/{name}"


def post_json(endpoint, path, body):
    request = urllib.request.Request(endpoint + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        text = answer.read()
        return json.loads(text) if text.strip() else {}


def sso_sign_in(endpoint):
    """A real device sign-in against the emulator's SSO OIDC, as a person would do it: the token fields the
    AWS CLI v2 caches."""
    client = post_json(endpoint, "/client/register", {"clientName": "diff", "clientType": "public",
                                                     "scopes": ["sso:account:access"]})
    device = post_json(endpoint, "/device_authorization", {"clientId": client["clientId"],
                                                          "clientSecret": client["clientSecret"],
                                                          "startUrl": START_URL})
    post_json(endpoint, "/_emulator/sso/approve", {"userCode": device["userCode"]})
    token = post_json(endpoint, "/token", {"clientId": client["clientId"], "clientSecret": client["clientSecret"],
                                           "grantType": "urn:ietf:params:oauth:grant-type:device_code",
                                           "deviceCode": device["deviceCode"]})
    return client, token


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def sso_cache(key, client, token, expires_in, with_refresh):
    now = datetime.datetime.now(datetime.timezone.utc)
    # An expired sign-in is expired at the service too: botocore before 1.31 trusts the service rather than
    # expiresAt for the legacy form, so the token must really be refused there.
    access_token = token["accessToken"] if expires_in > 0 else "expired-" + token["accessToken"][:12]
    entry = {"startUrl": START_URL, "region": REGION, "accessToken": access_token,
             "expiresAt": iso(now + datetime.timedelta(seconds=expires_in))}
    if with_refresh:
        entry.update({"clientId": client["clientId"], "clientSecret": client["clientSecret"],
                      "registrationExpiresAt": iso(now + datetime.timedelta(days=30)),
                      "refreshToken": token["refreshToken"]})
    name = hashlib.sha1(key.encode()).hexdigest() + ".json"
    return {f".aws/sso/cache/{name}": json.dumps(entry)}


def cases(endpoint, imds_v1_endpoint, sso):
    demo = f"aws_access_key_id = {DEMO_ACCESS_KEY_ID}\naws_secret_access_key = {DEMO_SECRET_ACCESS_KEY}\n"
    env_keys = {"AWS_ACCESS_KEY_ID": DEMO_ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY": DEMO_SECRET_ACCESS_KEY}
    process = "credential_process = python3 -c \"print('{\\\"Version\\\": 1, \\\"AccessKeyId\\\": " \
              "\\\"AKIAPROCESSDIFF00001\\\", \\\"SecretAccessKey\\\": \\\"p\\\"}')\"\n"
    sso_session = f"[sso-session corp]\nsso_start_url = {START_URL}\nsso_region = {REGION}\n" \
                  "sso_registration_scopes = sso:account:access\n"
    sso_profile = f"sso_session = corp\nsso_account_id = {ACCOUNT}\nsso_role_name = ReadOnly\n"
    legacy_sso = f"sso_start_url = {START_URL}\nsso_region = {REGION}\nsso_account_id = {ACCOUNT}\n" \
                 "sso_role_name = ReadOnly\n"
    client, token = sso
    container = {"AWS_CONTAINER_CREDENTIALS_FULL_URI": endpoint + "/_emulator/container-credentials",
                 "AWS_CONTAINER_AUTHORIZATION_TOKEN": CONTAINER_TOKEN}
    imds = {"AWS_EC2_METADATA_SERVICE_ENDPOINT": endpoint + "/", "AWS_EC2_METADATA_DISABLED": "false"}
    yield dict(name="environment keys", env=env_keys)
    yield dict(name="environment beats default profile", env=env_keys,
               credentials="[default]\naws_access_key_id = AKIADEFAULTDIFF00001\naws_secret_access_key = d\n")
    yield dict(name="explicit profile beats environment", env=env_keys, profile="p",
               credentials="[p]\naws_access_key_id = AKIAPROFILEDIFF00001\naws_secret_access_key = p\n")
    yield dict(name="explicit profile missing", env=env_keys, profile="nope", credentials="[p]\n" + demo)
    yield dict(name="AWS_PROFILE", env={"AWS_PROFILE": "p"},
               credentials="[p]\naws_access_key_id = AKIAPROFILEDIFF00001\naws_secret_access_key = p\n")
    yield dict(name="AWS_DEFAULT_PROFILE and AWS_PROFILE", env={"AWS_PROFILE": "p", "AWS_DEFAULT_PROFILE": "q"},
               credentials="[p]\naws_access_key_id = AKIAPROFILEDIFF00001\naws_secret_access_key = p\n"
                           "[q]\naws_access_key_id = AKIAPROFILEDIFF00002\naws_secret_access_key = q\n")
    yield dict(name="AWS_PROFILE missing", env={"AWS_PROFILE": "nope"}, credentials="[p]\n" + demo)
    yield dict(name="nothing anywhere", env={"AWS_EC2_METADATA_DISABLED": "true"})
    yield dict(name="credentials file beats process", profile="p",
               credentials="[p]\naws_access_key_id = AKIACREDFILEDIFF0001\naws_secret_access_key = c\n",
               config="[profile p]\n" + process)
    yield dict(name="process beats config file keys", profile="p",
               config="[profile p]\naws_access_key_id = AKIACONFIGDIFF000001\naws_secret_access_key = c\n" + process)
    yield dict(name="assume role from keys", profile="r",
               config=f"[profile r]\nrole_arn = {role('Reader')}\nsource_profile = base\n[profile base]\n" + demo)
    yield dict(name="assume role chain of three", profile="r3",
               config=f"[profile r3]\nrole_arn = {role('Three')}\nsource_profile = r2\n"
                      f"[profile r2]\nrole_arn = {role('Two')}\nsource_profile = r1\n"
                      f"[profile r1]\nrole_arn = {role('One')}\nsource_profile = base\n[profile base]\n" + demo)
    yield dict(name="assume role cycle", profile="a",
               config=f"[profile a]\nrole_arn = {role('A')}\nsource_profile = b\n"
                      f"[profile b]\nrole_arn = {role('B')}\nsource_profile = a\n")
    yield dict(name="assume role sourcing itself", profile="s",
               config=f"[profile s]\nrole_arn = {role('Self')}\nsource_profile = s\n" + demo)
    yield dict(name="role beats credential_process", profile="r",
               config=f"[profile r]\nrole_arn = {role('Reader')}\nsource_profile = base\n" + process
                      + "[profile base]\n" + demo)
    yield dict(name="credential_source Environment", profile="r", env=env_keys,
               config=f"[profile r]\nrole_arn = {role('FromEnv')}\ncredential_source = Environment\n")
    yield dict(name="credential_source Ec2InstanceMetadata", profile="r", env=imds,
               config=f"[profile r]\nrole_arn = {role('FromImds')}\ncredential_source = Ec2InstanceMetadata\n")
    yield dict(name="credential_source EcsContainer", profile="r", env=container,
               config=f"[profile r]\nrole_arn = {role('FromEcs')}\ncredential_source = EcsContainer\n")
    yield dict(name="credential_source and source_profile", profile="r", env=env_keys,
               config=f"[profile r]\nrole_arn = {role('Both')}\ncredential_source = Environment\n"
                      "source_profile = base\n[profile base]\n" + demo)
    yield dict(name="credential_source unknown", profile="r",
               config=f"[profile r]\nrole_arn = {role('Odd')}\ncredential_source = Mainframe\n")
    yield dict(name="source_profile missing", profile="r",
               config=f"[profile r]\nrole_arn = {role('Orphan')}\nsource_profile = gone\n")
    yield dict(name="role with external id and session name", profile="r",
               config=f"[profile r]\nrole_arn = {role('Partner')}\nsource_profile = base\nexternal_id = x-42\n"
                      "role_session_name = diff-session\nduration_seconds = 1800\n[profile base]\n" + demo)
    mfa = f"[profile m]\nrole_arn = {role('Admin')}\nsource_profile = base\n" \
          f"mfa_serial = arn:aws:iam::{ACCOUNT}:mfa/alice\n[profile base]\n" + demo
    yield dict(name="MFA right code", profile="m", config=mfa, mfa=MFA_CODE)
    yield dict(name="MFA wrong code", profile="m", config=mfa, mfa="000000")
    yield dict(name="MFA role without a code", profile="nomfa",
               config=f"[profile nomfa]\nrole_arn = {role('Admin')}\nsource_profile = base\n[profile base]\n" + demo)
    token_file = {"token": WEB_TOKEN}
    yield dict(name="web identity from environment", files=token_file,
               env={"AWS_WEB_IDENTITY_TOKEN_FILE": "$HOME/token", "AWS_ROLE_ARN": role("Pod"),
                    "AWS_ROLE_SESSION_NAME": "pod-1"})
    yield dict(name="web identity from profile", profile="w", files=token_file,
               config=f"[profile w]\nrole_arn = {role('Pod')}\nweb_identity_token_file = $HOME/token\n")
    yield dict(name="web identity rejected token", profile="w", files={"token": "not-a-token"},
               config=f"[profile w]\nrole_arn = {role('Pod')}\nweb_identity_token_file = $HOME/token\n")
    yield dict(name="web identity unreadable token file", profile="w",
               config=f"[profile w]\nrole_arn = {role('Pod')}\nweb_identity_token_file = $HOME/missing\n")
    yield dict(name="role_arn with web identity is web identity", profile="w", files=token_file,
               config=f"[profile w]\nrole_arn = {role('Pod')}\nweb_identity_token_file = $HOME/token\n"
                      "source_profile = base\n[profile base]\n" + demo)
    yield dict(name="environment beats web identity", files=token_file,
               env={**env_keys, "AWS_WEB_IDENTITY_TOKEN_FILE": "$HOME/token", "AWS_ROLE_ARN": role("Pod")})
    yield dict(name="IAM Identity Center session", profile="s", config="[profile s]\n" + sso_profile + sso_session,
               files=sso_cache("corp", client, token, 3600, True))
    yield dict(name="IAM Identity Center legacy", profile="s", config="[profile s]\n" + legacy_sso,
               files=sso_cache(START_URL, client, token, 3600, False))
    yield dict(name="IAM Identity Center not signed in", profile="s",
               config="[profile s]\n" + sso_profile + sso_session)
    yield dict(name="IAM Identity Center expired, no refresh token", profile="s",
               config="[profile s]\n" + legacy_sso, files=sso_cache(START_URL, client, token, -60, False))
    yield dict(name="IAM Identity Center expired, refreshed", profile="s",
               config="[profile s]\n" + sso_profile + sso_session, files=sso_cache("corp", client, token, -60, True))
    yield dict(name="IAM Identity Center malformed cache", profile="s",
               config="[profile s]\n" + sso_profile + sso_session,
               files={f".aws/sso/cache/{hashlib.sha1(b'corp').hexdigest()}.json": "{not json"})
    yield dict(name="role sourced from IAM Identity Center", profile="r",
               config=f"[profile r]\nrole_arn = {role('FromSso')}\nsource_profile = s\n[profile s]\n"
                      + sso_profile + sso_session, files=sso_cache("corp", client, token, 3600, True),
               botocore_crash="botocore 1.29 crashes (AttributeError) on an sso_session profile used as a "
                              "source_profile; newer botocore assumes the role")
    yield dict(name="container", env=container)
    yield dict(name="container wrong token",
               env={**container, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "wrong"})
    yield dict(name="container token from file", files={"ctoken": CONTAINER_TOKEN},
               botocore_needs="AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
               env={"AWS_CONTAINER_CREDENTIALS_FULL_URI": container["AWS_CONTAINER_CREDENTIALS_FULL_URI"],
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": "$HOME/ctoken"})
    yield dict(name="instance metadata v2", env=imds)
    yield dict(name="instance metadata v1 fallback",
               env={"AWS_EC2_METADATA_SERVICE_ENDPOINT": imds_v1_endpoint + "/"})
    yield dict(name="instance metadata disabled", env={**imds, "AWS_EC2_METADATA_DISABLED": "true"})
    # The one place SessionScope departs from botocore on purpose (issue 13: "explicit --profile (strict)"): a
    # profile named on the command line that has no credentials is an error, not a silent switch to the
    # machine's role. botocore only drops the environment keys then and goes on to container and IMDS.
    yield dict(name="explicit profile never falls back to the machine", profile="p", env=imds,
               config="[profile p]\nregion = us-east-1\n", ours={"error": "credentials"},
               why="an explicit --profile is strict in SessionScope; botocore falls back to IMDS")


def run(command, home, case, endpoint):
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION,
           "AWS_ENDPOINT_URL_STS": endpoint, "AWS_ENDPOINT_URL_SSO": endpoint, "AWS_ENDPOINT_URL_SSO_OIDC": endpoint,
           "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9/", "AWS_METADATA_SERVICE_TIMEOUT": "1",
           "LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    for name, value in case.get("env", {}).items():
        env[name] = value.replace("$HOME", home)
    if case.get("profile"):
        command = command + ["--profile", case["profile"]]
    if case.get("mfa"):
        command = command + ["--mfa-code", case["mfa"]]
    answer = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    lines = [line for line in answer.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"error": "no-answer", "message": (answer.stdout + answer.stderr)[-400:]}
    return json.loads(lines[-1])


def prepare(folder, case):
    os.makedirs(os.path.join(folder, ".aws"), exist_ok=True)
    for relative, text in [(".aws/config", case.get("config")), (".aws/credentials", case.get("credentials")),
                           *case.get("files", {}).items()]:
        if text is None:
            continue
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as file:
            file.write(text.replace("$HOME", folder))


def same(ours, theirs):
    if "accessKeyId" in theirs or "accessKeyId" in ours:
        return ours.get("accessKeyId") == theirs.get("accessKeyId")
    return ours.get("error") == theirs.get("error")


def botocore_reads(variable):
    """True when this botocore's credential code knows `variable` (a feature test, not a version guess)."""
    import botocore.credentials

    with open(botocore.credentials.__file__) as file:
        return variable in file.read()


def verdict(case, ours, theirs):
    """"same", "intended" (a documented departure, and ours is what it should be), "n/a" (this botocore
    cannot take part: it lacks the feature, or crashes where newer ones answer; ours must have answered)
    or "DIFFERENT"."""
    if "botocore_needs" in case and not botocore_reads(case["botocore_needs"]):
        return "n/a" if "accessKeyId" in ours else "DIFFERENT"
    if "botocore_crash" in case and theirs.get("error", "").startswith("other:"):
        return "n/a" if "accessKeyId" in ours else "DIFFERENT"
    if "ours" in case:
        return "intended" if all(ours.get(k) == v for k, v in case["ours"].items()) else "DIFFERENT"
    return "same" if same(ours, theirs) else "DIFFERENT"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--emulator", required=True)
    parser.add_argument("--probe", required=True)
    parser.add_argument("--only")
    arguments = parser.parse_args()
    expect_version("botocore", botocore.__version__)
    print(f"botocore {botocore.__version__} from {os.path.dirname(botocore.__file__)}")

    identity = ["--mfa-code", MFA_CODE, "--require-mfa", "Admin", "--web-identity-token", WEB_TOKEN,
                "--container-authorization-token", CONTAINER_TOKEN, "--imds-role", IMDS_ROLE, "--account", ACCOUNT]
    failures = []
    with EmulatorProcess(arguments.emulator, identity) as emulator, \
            EmulatorProcess(arguments.emulator, identity + ["--imds-disable-v2", "--imds-v1"]) as imds_v1:
        sso = sso_sign_in(emulator.endpoint)
        botocore_side = [sys.executable, os.path.join(_HERE, "credential_chain_botocore.py")]
        for case in cases(emulator.endpoint, imds_v1.endpoint, sso):
            if arguments.only and arguments.only != case["name"]:
                continue
            with tempfile.TemporaryDirectory(prefix="chain-diff-") as root:
                answers = {}
                for side, command in (("botocore", botocore_side), ("sessionscope", [arguments.probe])):
                    home = os.path.join(root, side)
                    prepare(home, case)
                    answers[side] = run(command, home, case, emulator.endpoint)
                ours, theirs = answers["sessionscope"], answers["botocore"]
                result = verdict(case, ours, theirs)
                shown = ours.get("accessKeyId") or f"{ours.get('error')} ({ours.get('code', '')})"
                print(f"{result:9} {case['name']}: {shown}")
                if result == "n/a":
                    why = case.get("botocore_crash") or f"this botocore does not read {case.get('botocore_needs')}"
                    print(f"          (not compared: {why}; botocore said {theirs.get('code') or theirs})")
                if result == "intended":
                    print(f"          (on purpose: {case['why']}; botocore: {theirs.get('accessKeyId') or theirs})")
                elif result == "DIFFERENT":
                    failures.append(case["name"])
                    print(f"          botocore:     {json.dumps(theirs)}")
                    print(f"          sessionscope: {json.dumps(ours)}")
                elif "error" in ours and "message" in ours:
                    print(f"          ({ours['message'][:160]})")
    print(f"{len(failures)} difference(s)" + (": " + ", ".join(failures) if failures else ""))
    return 1 if failures else 0


sys.exit(main())
