#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""sessionscope-cli through a real proxy (tinyproxy, started here), as a user behind a company proxy runs
it: https to `sessionscope-emulator --tls` through CONNECT (HTTPS_PROXY, AWS_CA_BUNDLE), http to the plain
emulator forwarded (HTTP_PROXY); with Basic authentication from the proxy URL; a wrong or missing password
is a clear 407 error (exit status 3, not retried, no output file); NO_PROXY variants go direct (the proxy
log shows no request, and HTTPS_PROXY at a dead port proves it); a dead proxy is named in the error.

Usage: cli_proxy.py --cli PATH --emulator PATH
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
from emulator_process import DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, REGION, EmulatorProcess  # noqa: E402
from tinyproxy_process import TinyproxyProcess, dead_port, require_tinyproxy  # noqa: E402

EXIT_CONFIGURATION = 3  # app/cli/CliExitCode.h
EXIT_NETWORK = 9
SESSIONS = 25
USER, PASSWORD = "alice", "Pr0xy-S3cret"
PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy",
                   "ALL_PROXY", "all_proxy", "REQUEST_METHOD")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")
    return condition


def clean_environment(home, **extra):
    """A user's environment without this machine's AWS or proxy settings."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("AWS_") and key not in PROXY_VARIABLES
           and key not in ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR")}
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


def session_ids(out):
    return sorted(json.loads(line)["sessionId"] for line in out.splitlines() if line.strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--emulator", required=True)
    args = parser.parse_args()
    require_tinyproxy()

    data = ["--sessions", str(SESSIONS), "--portals", "1", "--seed", "7"]
    with tempfile.TemporaryDirectory() as home:
        ca = os.path.join(home, "emulator-ca.pem")
        with open(os.path.join(home, "config"), "w") as f:
            f.write("[default]\n")
        with EmulatorProcess(args.emulator, data + ["--tls", "--tls-ca-out", ca]) as tls, \
                EmulatorProcess(args.emulator, data) as plain:
            tls_port = int(tls.endpoint.rsplit(":", 1)[1])
            plain_port = int(plain.endpoint.rsplit(":", 1)[1])
            env_tls = dict(AWS_CA_BUNDLE=ca)

            code, out, err = run(args.cli, clean_environment(home, **env_tls), "portals", "--format", "json",
                                 "--endpoint-url", tls.endpoint)
            check(code == 0, f"portals direct over https: exit {code}: {err}")
            portal = json.loads(out)[0]["portalArn"].rsplit("/", 1)[1] if code == 0 else "0" * 36

            def sessions(endpoint, env, *extra):
                return run(args.cli, env, "sessions", "--portal", portal, "--format", "jsonl",
                           "--endpoint-url", endpoint, *extra)

            code, out, err = sessions(tls.endpoint, clean_environment(home, **env_tls))
            expected = session_ids(out)
            check(code == 0 and len(expected) == SESSIONS, f"direct listing: exit {code}: {err}")

            dead = f"http://127.0.0.1:{dead_port()}"
            with TinyproxyProcess(connect_ports=[tls_port]) as proxy:
                # https through CONNECT; loopback is proxied (no default NO_PROXY, as with the AWS CLI).
                for variable, value in (("HTTPS_PROXY", proxy.url), ("https_proxy", proxy.url),
                                        ("HTTPS_PROXY", proxy.host_port)):  # without a scheme: http://
                    mark = proxy.mark()
                    code, out, err = sessions(tls.endpoint, clean_environment(home, **env_tls, **{variable: value}))
                    check(code == 0 and session_ids(out) == expected,
                          f"https through {variable}={value}: exit {code}: {err}")
                    connects = [r for r in proxy.requests_since(mark) if r.startswith(f"CONNECT 127.0.0.1:{tls_port} ")]
                    check(connects, f"{variable}={value}: the proxy saw a CONNECT: {proxy.requests_since(mark)}")

                # https_proxy wins over HTTPS_PROXY (a dead one here).
                code, out, err = sessions(tls.endpoint, clean_environment(home, **env_tls, HTTPS_PROXY=dead,
                                                                          https_proxy=proxy.url))
                check(code == 0 and session_ids(out) == expected, f"https_proxy wins: exit {code}: {err}")

                # http is forwarded through HTTP_PROXY; HTTPS_PROXY alone leaves http direct.
                mark = proxy.mark()
                code, out, err = sessions(plain.endpoint, clean_environment(home, HTTP_PROXY=proxy.url))
                check(code == 0 and session_ids(out) == expected, f"http through HTTP_PROXY: exit {code}: {err}")
                forwarded = [r for r in proxy.requests_since(mark)
                             if r.startswith(f"GET http://127.0.0.1:{plain_port}/portals/{portal}/sessions")]
                check(forwarded, f"the proxy forwarded the http requests: {proxy.requests_since(mark)}")
                mark = proxy.mark()
                code, out, err = sessions(plain.endpoint, clean_environment(home, HTTPS_PROXY=proxy.url))
                check(code == 0 and not proxy.requests_since(mark),
                      f"HTTPS_PROXY leaves http direct: exit {code}, {proxy.requests_since(mark)}: {err}")

                # NO_PROXY variants go direct: the proxy sees nothing, and a dead HTTPS_PROXY is not tried.
                for no_proxy in ("127.0.0.1", "*", "127.0.0.0/8", f"127.0.0.1:{tls_port}", "example.com, .0.0.1",
                                 "localhost,127.0.0.1"):
                    for https_proxy in (proxy.url, dead):
                        mark = proxy.mark()
                        code, out, err = sessions(tls.endpoint, clean_environment(
                            home, **env_tls, HTTPS_PROXY=https_proxy, NO_PROXY=no_proxy, AWS_MAX_ATTEMPTS="1"))
                        check(code == 0 and session_ids(out) == expected and not proxy.requests_since(mark),
                              f"NO_PROXY={no_proxy} with {https_proxy} goes direct: exit {code}, "
                              f"{proxy.requests_since(mark)}: {err}")
                # no_proxy (lower case) wins; an entry for another port or host does not bypass.
                for extra in (dict(NO_PROXY="127.0.0.1", no_proxy="example.com"),
                              dict(NO_PROXY=f"127.0.0.1:{plain_port}"), dict(NO_PROXY="127.0.0.2,10.0.0.0/8")):
                    mark = proxy.mark()
                    code, out, err = sessions(tls.endpoint, clean_environment(home, **env_tls, HTTPS_PROXY=proxy.url,
                                                                              **extra))
                    check(code == 0 and proxy.requests_since(mark), f"{extra} still uses the proxy: exit {code}, "
                          f"{proxy.requests_since(mark)}: {err}")

                # --debug says which proxy and from where.
                code, _, err = sessions(tls.endpoint, clean_environment(home, **env_tls, HTTPS_PROXY=proxy.url,
                                                                        NO_PROXY="example.com"), "--debug")
                check(code == 0 and f"proxy: https: {proxy.url}, http: direct; not for: example.com "
                      "(HTTPS_PROXY, NO_PROXY)" in err, f"--debug names the proxy: {err}")

            # A dead proxy: a network error that names the proxy, not AWS's host.
            code, _, err = sessions(tls.endpoint, clean_environment(home, **env_tls, HTTPS_PROXY=dead,
                                                                    AWS_MAX_ATTEMPTS="1"))
            check(code == EXIT_NETWORK and dead.split("//")[1] in err and "proxy" in err,
                  f"a dead proxy is named: exit {code}: {err}")

            # A proxy whose rules refuse the tunnel (tinyproxy's ConnectPort): the error says what it answered.
            with TinyproxyProcess(connect_ports=[plain_port]) as strict:
                code, _, err = sessions(tls.endpoint, clean_environment(home, **env_tls, HTTPS_PROXY=strict.url))
                check(code == EXIT_CONFIGURATION and f"The proxy {strict.host_port} does not allow connections to "
                      "127.0.0.1" in err and "403" in err and "retrying" not in err,
                      f"a refused tunnel: exit {code}: {err}")

            # Basic authentication with the URL's credentials, over https and http.
            with TinyproxyProcess(connect_ports=[tls_port], user=USER, password=PASSWORD) as proxy:
                good = proxy.url_with(USER, PASSWORD)
                code, out, err = sessions(tls.endpoint, clean_environment(home, **env_tls, HTTPS_PROXY=good))
                check(code == 0 and session_ids(out) == expected, f"https with proxy credentials: exit {code}: {err}")
                code, out, err = sessions(plain.endpoint, clean_environment(home, HTTP_PROXY=good))
                check(code == 0 and session_ids(out) == expected, f"http with proxy credentials: exit {code}: {err}")
                code, _, err = sessions(tls.endpoint, clean_environment(home, **env_tls, HTTPS_PROXY=good), "--debug")
                check(PASSWORD not in err and f"http://{USER}:***@{proxy.host_port}" in err,
                      f"--debug hides the proxy password: {err}")

                # A wrong password and none at all: a clear 407 error, exit 3, not retried, no file.
                cases = {
                    "wrong password (https)": (tls.endpoint, dict(env_tls, HTTPS_PROXY=proxy.url_with(USER, "wrong")),
                                               "refused the user name and password"),
                    "wrong password (http)": (plain.endpoint, dict(HTTP_PROXY=proxy.url_with(USER, "wrong")),
                                              "refused the user name and password"),
                    "no password (https)": (tls.endpoint, dict(env_tls, HTTPS_PROXY=proxy.url),
                                            "asked for a user name and password"),
                    "no password (http)": (plain.endpoint, dict(HTTP_PROXY=proxy.url),
                                           "asked for a user name and password"),
                }
                for name, (endpoint, extra, sentence) in cases.items():
                    output = os.path.join(home, "export.csv")
                    code, _, err = run(args.cli, clean_environment(home, **extra), "sessions", "--portal", portal,
                                       "--endpoint-url", endpoint, "--output", output)
                    check(code == EXIT_CONFIGURATION, f"{name}: exit {code}, expected {EXIT_CONFIGURATION}: {err}")
                    check(sentence in err and proxy.host_port in err, f"{name}: the error says {sentence!r}: {err}")
                    check("wrong" not in err and "retrying" not in err, f"{name}: no password, no retry: {err}")
                    check(not os.path.exists(output), f"{name}: a failed export leaves no file")

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("ok: sessionscope-cli through tinyproxy (CONNECT, forwarding, Basic auth, NO_PROXY)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
