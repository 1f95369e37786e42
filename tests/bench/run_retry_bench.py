#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Retry modes against a throttling service: standard and adaptive, the same work, the same limit.

Starts `sessionscope-emulator --throttle-rps RATE:BURST` (a service-side token bucket that answers
429 ThrottlingException above RATE requests per second) afresh for every run, and has sessionscope-cli
export one portal's sessions with their client IP addresses: ListSessions pages plus one GetSession per
session, up to four in flight. Each run reports the throttled answers and the requests the emulator
counted (GET /_emulator/stats), the rows written and the wall time.

    run_retry_bench.py --cli CLI --emulator EMULATOR [--results tests/bench/RESULTS.md]
    run_retry_bench.py --cli CLI --emulator EMULATOR --check   # CTest: adaptive mode completes the work

With --results, the "Retry modes" section of RESULTS.md is replaced (or appended); nothing else changes.
Everything runs over loopback with bounded timeouts.
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SOURCE, "tests", "interop"))
from emulator_process import DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, REGION, EmulatorProcess  # noqa: E402

SECTION_START = "<!-- retry-modes:start -->"
SECTION_END = "<!-- retry-modes:end -->"


def client_environment(home, mode, attempts):
    """A clean environment, as a user's: demo credentials, empty AWS files, the retry mode under test."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "PYTHONUNBUFFERED"}
    config = os.path.join(home, "aws-config")
    credentials = os.path.join(home, "aws-credentials")
    for path in (config, credentials):
        open(path, "w").close()
    env.update({
        "AWS_ACCESS_KEY_ID": DEMO_ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY": DEMO_SECRET_ACCESS_KEY,
        "AWS_REGION": REGION,
        "AWS_CONFIG_FILE": config,
        "AWS_SHARED_CREDENTIALS_FILE": credentials,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_RETRY_MODE": mode,
        "AWS_MAX_ATTEMPTS": str(attempts),
        "XDG_CONFIG_HOME": os.path.join(home, "xdg-config"),
        "LC_ALL": "C.UTF-8",
    })
    os.makedirs(env["XDG_CONFIG_HOME"], exist_ok=True)
    return env


def stats(endpoint):
    with urllib.request.urlopen(endpoint + "/_emulator/stats", timeout=10) as answer:
        return json.load(answer)


def run_once(args, mode, home):
    emulator_args = ["--portals", "1", "--sessions", str(args.sessions), "--max-page", "50",
                     "--throttle-rps", f"{args.rate}:{args.burst}"]
    with EmulatorProcess(args.emulator, emulator_args) as emulator:
        env = client_environment(home, mode, args.attempts)
        portals = subprocess.run([args.cli, "portals", "--endpoint-url", emulator.endpoint, "--format", "json"],
                                 env=env, capture_output=True, text=True, timeout=60)
        if portals.returncode != 0:
            raise RuntimeError(f"portals failed: {portals.stderr.strip()}")
        portal = json.loads(portals.stdout)[0]["portalArn"].rsplit("/", 1)[1]
        before = stats(emulator.endpoint)
        output = os.path.join(home, f"sessions-{mode}.jsonl")
        started = time.monotonic()
        done = subprocess.run([args.cli, "sessions", "--endpoint-url", emulator.endpoint, "--portal", portal,
                               "--columns", "sessionId,clientIpAddresses", "--format", "jsonl",
                               "--output", output], env=env, capture_output=True, text=True, timeout=600)
        wall = time.monotonic() - started
        after = stats(emulator.endpoint)
    rows = 0
    if done.returncode == 0:
        with open(output, encoding="utf-8") as f:
            rows = sum(1 for line in f if line.strip())
    return {
        "mode": mode,
        "exit": done.returncode,
        "stderr": done.stderr.strip()[-400:],
        "rows": rows,
        "throttled": after["throttled"] - before["throttled"],
        "requests": (after["throttled"] + after["admitted"]) - (before["throttled"] + before["admitted"]),
        "wall": wall,
    }


def check(args):
    with tempfile.TemporaryDirectory(prefix="sessionscope-retry-") as home:
        result = run_once(args, "adaptive", home)
    print(json.dumps(result))
    if result["exit"] != 0:
        print(f"FAIL: adaptive mode did not complete the work: {result['stderr']}", file=sys.stderr)
        return 1
    if result["rows"] != args.sessions:
        print(f"FAIL: {result['rows']} rows instead of {args.sessions}", file=sys.stderr)
        return 1
    if result["throttled"] < 1:
        # Not a failure of the client, but then this test did not test what it says.
        print("FAIL: the emulator never throttled; raise --sessions or lower --rate", file=sys.stderr)
        return 1
    print(f"PASS: adaptive mode exported {result['rows']} sessions through a {args.rate}/s limit "
          f"({result['throttled']} throttled of {result['requests']} requests)")
    return 0


def report(args):
    runs = {"standard": [], "adaptive": []}
    with tempfile.TemporaryDirectory(prefix="sessionscope-retry-") as home:
        for round_number in range(args.rounds):
            for mode in ("standard", "adaptive") if round_number % 2 == 0 else ("adaptive", "standard"):
                result = run_once(args, mode, home)
                print(f"round {round_number + 1} {mode}: {json.dumps(result)}", flush=True)
                runs[mode].append(result)
    lines = [
        SECTION_START,
        "## Retry modes against a throttling service",
        "",
        f"`tests/bench/run_retry_bench.py` ({time.strftime('%Y-%m-%d')}, {args.rounds} rounds, modes alternating): "
        f"`sessionscope-emulator --throttle-rps {args.rate}:{args.burst}` (429 ThrottlingException above "
        f"{args.rate} requests/s, bucket of {args.burst}), fresh for each run; `sessionscope-cli sessions "
        f"--columns sessionId,clientIpAddresses` over one portal of {args.sessions} sessions (ListSessions pages "
        f"of 50 plus one GetSession per session, up to 4 in flight), `AWS_MAX_ATTEMPTS={args.attempts}`. "
        "Medians; throttled and requests as the emulator counted them.",
        "",
        "| mode | completed | rows | throttled answers | requests | wall time (s) |",
        "|---|---|---|---|---|---|",
    ]
    for mode in ("standard", "adaptive"):
        results = runs[mode]
        completed = sum(1 for r in results if r["exit"] == 0)
        lines.append(
            f"| {mode} | {completed}/{len(results)} | {statistics.median(r['rows'] for r in results):.0f} "
            f"| {statistics.median(r['throttled'] for r in results):.0f} "
            f"| {statistics.median(r['requests'] for r in results):.0f} "
            f"| {statistics.median(r['wall'] for r in results):.2f} |")
    standard = statistics.median(r["throttled"] for r in runs["standard"])
    adaptive = statistics.median(r["throttled"] for r in runs["adaptive"])
    lines += ["", f"Adaptive mode drew {adaptive:.0f} throttled answers against standard mode's {standard:.0f}: "
              "its client-side rate limiter (botocore's CUBIC token bucket) slows down after the first "
              "throttle instead of retrying into the limit."]
    standard_wall = statistics.median(r["wall"] for r in runs["standard"])
    adaptive_wall = statistics.median(r["wall"] for r in runs["adaptive"])
    if adaptive_wall > standard_wall:
        lines += ["", f"It took {adaptive_wall / standard_wall:.1f}× the wall time: the limiter keeps the send rate "
                  "below the service's limit (CUBIC probes back up slowly), where standard mode runs into the limit "
                  "and lets the service refuse the excess. Adaptive mode buys fewer refused requests (and less "
                  "load on a shared account quota), not speed."]
    lines.append(SECTION_END)
    section = "\n".join(lines) + "\n"
    print(section)
    if args.results:
        text = open(args.results, encoding="utf-8").read() if os.path.exists(args.results) else ""
        pattern = re.compile(re.escape(SECTION_START) + ".*?" + re.escape(SECTION_END) + "\n?", re.S)
        text = pattern.sub(section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
        with open(args.results, "w", encoding="utf-8") as f:
            f.write(text)
    return 0 if adaptive < standard else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--emulator", required=True)
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--burst", type=int, default=5)
    parser.add_argument("--attempts", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--results")
    parser.add_argument("--check", action="store_true", help="CTest: adaptive mode completes the work")
    args = parser.parse_args()
    return check(args) if args.check else report(args)


if __name__ == "__main__":
    sys.exit(main())
