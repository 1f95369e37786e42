#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The botocore peer of `sessionscope-cli sessions --format jsonl`: every session of a portal, fetched with
botocore's own paginator and written as JSON Lines with the same fields and time format.

Usage: botocore_fetch.py --endpoint URL --portal-id ID --out FILE [--page-size 100]
Credentials and region come from the environment (AWS_ACCESS_KEY_ID, ...), as for the AWS CLI.
Prints the number of sessions written to stderr.
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402

import botocore.session  # noqa: E402
from botocore.config import Config  # noqa: E402


def iso(value):
    # The same text as SessionScope's TimeFormat::iso: UTC, milliseconds, "Z".
    utc = value.astimezone(datetime.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--portal-id", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--page-size", type=int, default=100)
    arguments = parser.parse_args()

    session = botocore.session.get_session()
    client = session.create_client(
        "workspaces-web",
        endpoint_url=arguments.endpoint,
        config=Config(retries={"mode": "standard"}),
    )
    paginator = client.get_paginator("list_sessions")
    count = 0
    with open(arguments.out, "w", encoding="utf-8") as out:
        for page in paginator.paginate(portalId=arguments.portal_id,
                                       PaginationConfig={"PageSize": arguments.page_size}):
            lines = []
            for item in page.get("sessions", []):
                row = {"sessionId": item["sessionId"], "username": item.get("username", ""),
                       "status": item.get("status", "")}
                if "startTime" in item:
                    row["startTime"] = iso(item["startTime"])
                if "endTime" in item:
                    row["endTime"] = iso(item["endTime"])
                row["portalArn"] = item.get("portalArn", "")
                lines.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
            if lines:
                out.write("\n".join(lines) + "\n")
            count += len(lines)
    print(f"botocore_fetch: {count} sessions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
