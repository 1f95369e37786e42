#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""botocore's side of the credentials differential (credential_chain_diff.py): resolves credentials from this
process's environment and shared files with botocore's default chain, fetches them once and prints one JSON
line like credential_chain_probe does: {"accessKeyId": ...} or {"error": <SessionScope's category>, ...}.

Options: --profile NAME, --mfa-code CODE (answers botocore's MFA prompt; without it the prompt fails).
botocore before 1.31 does not read AWS_ENDPOINT_URL_<SERVICE>; for those, the same variables are applied
here by giving create_client the endpoint_url, so every botocore talks to the emulator the same way.
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import getpass  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402

import botocore  # noqa: E402
import botocore.session  # noqa: E402
from botocore import exceptions  # noqa: E402

# botocore's exceptions, most specific first, as SessionScope's error categories.
CATEGORIES = [
    (exceptions.ProfileNotFound, "configuration"),
    (getattr(exceptions, "InfiniteLoopConfigError", ()), "configuration"),
    (exceptions.InvalidConfigError, "configuration"),
    (getattr(exceptions, "UnauthorizedSSOTokenError", ()), "credentials"),
    (getattr(exceptions, "SSOTokenLoadError", ()), "credentials"),
    (getattr(exceptions, "PendingAuthorizationExpiredError", ()), "credentials"),
    (exceptions.PartialCredentialsError, "credentials"),
    (exceptions.NoCredentialsError, "credentials"),
    (exceptions.CredentialRetrievalError, "credentials"),
    (getattr(exceptions, "RefreshWithMFAUnsupportedError", ()), "credentials"),
    # botocore lets some failures out raw: an unreadable web identity token file (FileNotFoundError), an SSO
    # cache file that is not JSON (KeyError from its JSON cache). Each means "no credentials from this
    # setup", which SessionScope reports as a credentials error with a sentence.
    (OSError, "credentials"),
    (KeyError, "credentials"),
    (ValueError, "credentials"),
]
CLIENT_ERRORS = {
    "AccessDenied": "access-denied",
    "AccessDeniedException": "access-denied",
    "ExpiredToken": "credentials",
    "ExpiredTokenException": "credentials",
    "InvalidIdentityToken": "credentials",
    "InvalidClientTokenId": "credentials",
    "UnauthorizedException": "credentials",
    "RegionDisabledException": "configuration",
    "ValidationError": "validation",
}


def category(error):
    if isinstance(error, exceptions.ClientError):
        code = error.response.get("Error", {}).get("Code", "")
        return CLIENT_ERRORS.get(code, "other:" + code), code
    for kind, name in CATEGORIES:
        if kind and isinstance(error, kind):
            return name, type(error).__name__
    return "other:" + type(error).__name__, type(error).__name__


def apply_endpoint_variables(session):
    """botocore < 1.31: AWS_ENDPOINT_URL_<SERVICE> and AWS_ENDPOINT_URL as newer botocore reads them."""
    original = session.create_client

    def create_client(service_name, *args, **kwargs):
        if not kwargs.get("endpoint_url"):
            variable = "AWS_ENDPOINT_URL_" + service_name.upper().replace("-", "_")
            url = os.environ.get(variable) or os.environ.get("AWS_ENDPOINT_URL")
            if url:
                kwargs["endpoint_url"] = url
        return original(service_name, *args, **kwargs)

    session.create_client = create_client


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile")
    parser.add_argument("--mfa-code")
    arguments = parser.parse_args()

    def prompt(text):
        if arguments.mfa_code is None:
            raise exceptions.CredentialRetrievalError(provider="assume-role", error_msg="no MFA code to give")
        return arguments.mfa_code

    getpass.getpass = prompt
    result = {}
    try:
        session = botocore.session.Session(profile=arguments.profile)
        version = tuple(int(part) for part in botocore.__version__.split(".")[:2])
        if version < (1, 31):
            apply_endpoint_variables(session)
        provider = session.get_component("credential_provider").get_provider("assume-role")
        provider._prompter = prompt
        credentials = session.get_credentials()
        if credentials is None:
            raise exceptions.NoCredentialsError()
        frozen = credentials.get_frozen_credentials()
        result = {"accessKeyId": frozen.access_key, "method": getattr(credentials, "method", "")}
    except Exception as error:  # noqa: BLE001 - every failure is an answer here
        name, code = category(error)
        # The message can quote a token file's name but never a secret: botocore puts none in its errors.
        result = {"error": name, "code": code, "message": str(error)}
    print(json.dumps(result))


main()
