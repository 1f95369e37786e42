#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The botocore peer of bench_signing: signs the requests bench_signing wrote, with botocore's SigV4Auth.

Usage: botocore_signing.py REQUESTS.jsonl [MIN_SECONDS]
First signs each request once and checks that botocore's Authorization header equals ours (so both sides
did the same work); then signs them all over and over for at least MIN_SECONDS (default 2; at most 2,000
passes) and prints one JSON result line. Exit 1 on any mismatch.
"""
import sys

sys.dont_write_bytecode = True

import base64  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402

import botocore  # noqa: E402
import botocore.auth  # noqa: E402
from botocore.awsrequest import AWSRequest  # noqa: E402
from botocore.credentials import Credentials  # noqa: E402

MAX_PASSES = 2000


class Clock:
    """Pins botocore's signing time to each request's timestamp (as the C++ side signs with a fixed one)."""

    def __init__(self):
        self.now = None
        if hasattr(botocore.auth, "get_current_datetime"):
            botocore.auth.get_current_datetime = lambda *args, **kwargs: self.now
        else:  # older botocore reads datetime.datetime.utcnow() inside botocore.auth
            clock = self

            class _DateTime(datetime.datetime):
                @classmethod
                def utcnow(cls):
                    return clock.now

            class _Module:
                datetime = _DateTime

                def __getattr__(self, name):
                    return getattr(datetime, name)

            botocore.auth.datetime = _Module()


def load(path):
    items = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            item = json.loads(line)
            request = AWSRequest(method=item["method"], url=item["url"], data=base64.b64decode(item["body"]))
            for name, value in item["headers"]:
                request.headers[name] = value
            credentials = Credentials(item["accessKey"], item["secretKey"], item["token"] or None)
            signer = botocore.auth.SigV4Auth(credentials, item["service"], item["region"])
            when = datetime.datetime.strptime(item["timestamp"], "%Y%m%dT%H%M%SZ")
            items.append((request, signer, when, item["authorization"]))
    return items


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    min_seconds = min(60.0, max(0.1, float(argv[2]))) if len(argv) == 3 else 2.0
    clock = Clock()
    items = load(argv[1])

    mismatches = 0
    for request, signer, when, ours in items:
        clock.now = when
        signer.add_auth(request)
        if request.headers.get("Authorization") != ours:
            mismatches += 1
    if mismatches:
        print(f"botocore_signing: {mismatches} of {len(items)} signatures differ from ours", file=sys.stderr)
        return 1

    passes = 0
    signatures = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while passes < MAX_PASSES and (passes == 0 or time.perf_counter() - start < min_seconds):
        for request, signer, when, _ in items:
            clock.now = when
            signer.add_auth(request)
        signatures += len(items)
        passes += 1
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(json.dumps({
        "bench": "signing-botocore",
        "botocore": botocore.__version__,
        "requests": len(items),
        "passes": passes,
        "signatures": signatures,
        "seconds": seconds,
        "cpuSeconds": cpu,
        "signaturesPerSecond": signatures / seconds,
        "microsecondsPerSignature": seconds * 1e6 / signatures,
        "verified": len(items),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
