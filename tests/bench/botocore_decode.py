#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The botocore peer of bench_decode: parses the ListSessions pages bench_decode wrote (one body a line)
with botocore's REST-JSON response parser and the WorkSpaces Web output shape, which is what a botocore
client does with every answer, for at least MIN_SECONDS (default 2; at most 20,000 passes). Prints one
JSON result line.

Usage: botocore_decode.py PAGES.jsonl [MIN_SECONDS]
"""
import sys

sys.dont_write_bytecode = True

import json  # noqa: E402
import time  # noqa: E402

import botocore  # noqa: E402
import botocore.parsers  # noqa: E402
import botocore.session  # noqa: E402

MAX_PASSES = 20000


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    min_seconds = min(60.0, max(0.1, float(argv[2]))) if len(argv) == 3 else 2.0
    with open(argv[1], "rb") as pages:
        bodies = [line.rstrip(b"\n") for line in pages if line.strip()]
    model = botocore.session.get_session().get_service_model("workspaces-web")
    shape = model.operation_model("ListSessions").output_shape
    parser = botocore.parsers.create_parser("rest-json")
    responses = [{"status_code": 200, "headers": {"content-type": "application/json"}, "body": body}
                 for body in bodies]

    per_pass = sum(len(parser.parse(response, shape).get("sessions", [])) for response in responses)
    if not responses or per_pass == 0:
        print("botocore_decode: no sessions in the pages", file=sys.stderr)
        return 1

    passes = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while passes < MAX_PASSES and (passes == 0 or time.perf_counter() - start < min_seconds):
        for response in responses:
            parser.parse(response, shape)
        passes += 1
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    pages = passes * len(responses)
    print(json.dumps({
        "bench": "decode-botocore",
        "botocore": botocore.__version__,
        "pages": pages,
        "sessions": passes * per_pass,
        "sessionsPerPage": per_pass / len(responses),
        "bytesPerPage": sum(len(body) for body in bodies) / len(bodies),
        "seconds": seconds,
        "cpuSeconds": cpu,
        "nanosecondsPerSession": seconds * 1e9 / (passes * per_pass),
        "microsecondsPerPage": seconds * 1e6 / pages,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
