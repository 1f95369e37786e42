#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The AWS CLI v2's own IAM Identity Center code, pointed at the emulator, for sso_cache_interop.py.

Runs with the interpreter of the `aws` executable, importing its package: `login` is what `aws sso login`
runs (awscli.customizations.sso.utils.do_sso_login, which writes ~/.aws/sso/cache), `credentials` is the
CLI's credential chain for a profile (botocore's SSOProvider and SSOTokenProvider, which read the cache and
renew it). The AWS CLI 2.9 has no setting that points IAM Identity Center elsewhere (AWS_ENDPOINT_URL_SSO
came with 2.13), so the one change made here is the endpoint_url of the session's sso and sso-oidc clients.

Usage: awscli_v2_sso.py ENDPOINT login START_URL REGION SESSION | credentials PROFILE
Prints what sso_peer_helper prints: USER_CODE / SIGNED_IN, or ACCESS_KEY_ID; ERROR and exit 1 on failure.
HOME must already name the test's home folder (the CLI reads it at import time).
"""
import sys

sys.dont_write_bytecode = True

import json  # noqa: E402
import urllib.request  # noqa: E402

endpoint, command = sys.argv[1], sys.argv[2]

try:
    from awscli.botocore.session import Session
    from awscli.customizations.sso.utils import do_sso_login
except ImportError as error:
    print(f"UNSUPPORTED {error}")
    sys.exit(3)


def session_for(profile=None):
    session = Session(profile=profile)
    create_client = session.create_client

    def to_emulator(service_name, *args, **kwargs):
        if service_name in ("sso", "sso-oidc"):
            kwargs["endpoint_url"] = endpoint
        return create_client(service_name, *args, **kwargs)

    session.create_client = to_emulator
    return session


def approve(userCode, **kwargs):
    print(f"USER_CODE {userCode}", flush=True)
    request = urllib.request.Request(
        endpoint + "/_emulator/sso/approve", data=json.dumps({"userCode": userCode}).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as answer:
        answer.read()


try:
    if command == "login":
        start_url, region, session_name = sys.argv[3:6]
        token = do_sso_login(session_for(), region, start_url, on_pending_authorization=approve,
                             session_name=session_name, registration_scopes=["sso:account:access"])
        print(f"SIGNED_IN {token['expiresAt']}", flush=True)
    elif command == "credentials":
        credentials = session_for(sys.argv[3]).get_credentials()
        if credentials is None:
            print("ERROR - no credentials")
            sys.exit(1)
        print(f"ACCESS_KEY_ID {credentials.get_frozen_credentials().access_key}", flush=True)
    else:
        print(f"ERROR - unknown command {command}")
        sys.exit(2)
except Exception as error:  # the message, never a token: these errors carry none
    print(f"ERROR {type(error).__name__} {error}")
    sys.exit(1)
