#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""sessionscope-cli against `sessionscope-emulator --tls` (a throw-away CA) as separate processes, as a user
runs them: the CA bundle from --ca-bundle, AWS_CA_BUNDLE and the profile's ca_bundle; without one the
certificate is refused (exit status 9, a sentence naming the host, subject, issuer and AWS_CA_BUNDLE) and
an export leaves no file; an unreadable or empty bundle is a configuration error (exit status 3).

Usage: cli_tls.py --cli PATH --emulator PATH
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
from emulator_process import DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, REGION, EmulatorProcess  # noqa: E402

EXIT_CONFIGURATION = 3  # app/cli/CliExitCode.h
EXIT_NETWORK = 9
SESSIONS = 25

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")
    return condition


def clean_environment(home, **extra):
    """A user's environment with nothing from this machine's AWS setup (no AWS_CA_BUNDLE of its own)."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("AWS_") and key not in ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR")}
    env.update(HOME=home, AWS_CONFIG_FILE=os.path.join(home, "config"),
               AWS_SHARED_CREDENTIALS_FILE=os.path.join(home, "credentials"),
               AWS_ACCESS_KEY_ID=DEMO_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY=DEMO_SECRET_ACCESS_KEY,
               AWS_REGION=REGION, XDG_CONFIG_HOME=os.path.join(home, ".config"))
    env.update(extra)
    return env


def run(cli, env, *arguments):
    result = subprocess.run([cli, *arguments], env=env, capture_output=True, text=True, timeout=120,
                            stdin=subprocess.DEVNULL)
    return result.returncode, result.stdout, result.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--emulator", required=True)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as home:
        ca = os.path.join(home, "emulator-ca.pem")
        with open(os.path.join(home, "config"), "w") as f:
            f.write("[default]\n")
        with EmulatorProcess(args.emulator, ["--tls", "--tls-ca-out", ca, "--sessions", str(SESSIONS),
                                             "--portals", "1"]) as emulator:
            endpoint = emulator.endpoint
            check(endpoint.startswith("https://127.0.0.1:"), f"endpoint {endpoint}")
            check(os.path.getsize(ca) > 0 and open(ca).read().startswith("-----BEGIN CERTIFICATE-----"),
                  "the CA file is complete when the first line is out")
            base = ["--endpoint-url", endpoint]

            code, out, err = run(args.cli, clean_environment(home), "portals", "--format", "json", *base,
                                 "--ca-bundle", ca)
            check(code == 0, f"portals with --ca-bundle: exit {code}: {err}")
            portal = json.loads(out)[0]["portalArn"].rsplit("/", 1)[1] if code == 0 else "0" * 36

            def sessions(env, *extra):
                return run(args.cli, env, "sessions", "--portal", portal, "--format", "jsonl", *base, *extra)

            expected = None
            variants = {
                "--ca-bundle": (clean_environment(home), ["--ca-bundle", ca]),
                "AWS_CA_BUNDLE": (clean_environment(home, AWS_CA_BUNDLE=ca), []),
                "REQUESTS_CA_BUNDLE": (clean_environment(home, REQUESTS_CA_BUNDLE=ca), []),
            }
            for name, (env, extra) in variants.items():
                code, out, err = sessions(env, *extra)
                ids = sorted(json.loads(line)["sessionId"] for line in out.splitlines() if line.strip())
                check(code == 0 and len(ids) == SESSIONS, f"sessions with {name}: exit {code}, {len(ids)} sessions: {err}")
                expected = expected or ids
                check(ids == expected, f"sessions with {name} differ from the first listing")

            # The profile's ca_bundle, and the precedence: flag > AWS_CA_BUNDLE > profile.
            profile_home = os.path.join(home, "profile")
            os.makedirs(profile_home)
            with open(os.path.join(profile_home, "config"), "w") as f:
                f.write(f"[profile tls]\nca_bundle = {ca}\naws_access_key_id = {DEMO_ACCESS_KEY_ID}\n"
                        f"aws_secret_access_key = {DEMO_SECRET_ACCESS_KEY}\n")
            env = clean_environment(profile_home)
            code, out, err = sessions(env, "--profile", "tls")
            check(code == 0 and len(out.splitlines()) == SESSIONS, f"profile ca_bundle: exit {code}: {err}")
            missing = os.path.join(home, "no-such-bundle.pem")
            code, _, err = sessions(clean_environment(profile_home, AWS_CA_BUNDLE=missing), "--profile", "tls")
            check(code == EXIT_CONFIGURATION and missing in err and "AWS_CA_BUNDLE" in err,
                  f"AWS_CA_BUNDLE wins over the profile: exit {code}: {err}")
            code, _, err = sessions(clean_environment(profile_home, AWS_CA_BUNDLE=missing), "--profile", "tls",
                                    "--ca-bundle", ca)
            check(code == 0, f"--ca-bundle wins over AWS_CA_BUNDLE: exit {code}: {err}")

            # No bundle: the certificate is refused, clearly, and an export writes nothing.
            output = os.path.join(home, "export.csv")
            code, out, err = run(args.cli, clean_environment(home), "sessions", "--portal", portal, *base,
                                 "--output", output)
            check(code == EXIT_NETWORK, f"no bundle: exit {code}, expected {EXIT_NETWORK}: {err}")
            for part in ("127.0.0.1", "CN=localhost", "CN=SessionScope emulator throw-away CA", "AWS_CA_BUNDLE"):
                check(part in err, f"the certificate error names {part!r}: {err}")
            check(err.count("retrying") == 0, f"a refused certificate is not retried: {err}")
            check(not os.path.exists(output), "a failed export leaves no file")
            leftovers = [name for name in os.listdir(home) if name.startswith("export")]
            check(not leftovers, f"a failed export leaves no temporary file: {leftovers}")

            # Bad bundles: configuration errors that name the file, found before any request.
            empty = os.path.join(home, "empty.pem")
            open(empty, "w").close()
            unreadable = os.path.join(home, "unreadable.pem")
            with open(unreadable, "w") as f:
                f.write(open(ca).read())
            os.chmod(unreadable, 0)
            cases = {"empty": empty, "missing": missing}
            if os.geteuid() != 0 and not os.access(unreadable, os.R_OK):  # root reads everything
                cases["unreadable"] = unreadable
            for name, path in cases.items():
                for how in ("flag", "environment"):
                    env = clean_environment(home, AWS_CA_BUNDLE=path) if how == "environment" else clean_environment(home)
                    extra = ["--ca-bundle", path] if how == "flag" else []
                    code, _, err = sessions(env, *extra)
                    check(code == EXIT_CONFIGURATION and path in err,
                          f"{name} bundle by {how}: exit {code}, expected {EXIT_CONFIGURATION}, naming {path}: {err}")
            os.chmod(unreadable, 0o600)

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("ok: sessionscope-cli over https with CA bundles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
