#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interop test: botocore, a client nobody here wrote, against sessionscope-emulator.

botocore signs every request itself (so the emulator's SigV4 verification is checked against an
independent signer), builds paths and queries its own way (greedy ARN labels, '+' '/' '=' in page
tokens, spaces and commas in usernames) and parses the answers and errors with its own code.

It runs with every botocore from 1.29 (Debian 12) to today's: older ones get the WorkSpaces Web and Q Apps
models through AWS_DATA_PATH (peer_client.py).

Usage: botocore_interop.py --emulator PATH. Exits 77 (skip) when botocore is not installed.
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import datetime  # noqa: E402
import itertools  # noqa: E402
import os  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from emulator_process import DEMO_ACCESS_KEY_ID, DEMO_SECRET_ACCESS_KEY, REGION, EmulatorProcess, skip  # noqa: E402
from peer_client import expect_version, require_operations, signing_clock, use_service_models  # noqa: E402

try:
    import botocore
    import botocore.auth
    import botocore.session
    from botocore.config import Config
    from botocore.exceptions import ClientError
except ImportError:
    skip("botocore is not installed for this python3")

SESSIONS = 600
MAX_PAGE = 40
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")
    return condition


def make_client(service, endpoint, key=DEMO_ACCESS_KEY_ID, secret=DEMO_SECRET_ACCESS_KEY, validate=True):
    session = botocore.session.Session()
    # No profile, no environment: only what we pass here.
    session.set_config_variable("config_file", os.devnull)
    session.set_config_variable("credentials_file", os.devnull)
    session.set_credentials(key, secret)
    config = Config(
        parameter_validation=validate,
        retries={"mode": "standard", "max_attempts": 1},
        connect_timeout=10,
        read_timeout=60,
    )
    return session.create_client(service, region_name=REGION, endpoint_url=endpoint, config=config)


def error_code(call):
    try:
        call()
    except ClientError as error:
        return error.response["Error"]["Code"], error.response["Error"].get("Message", "")
    return None, ""


def walk(client, portal_id, page_size, **filters):
    """All sessions of a query, page by page, by hand."""
    sessions, token, pages = [], None, 0
    while True:
        arguments = dict(filters, portalId=portal_id)
        if page_size is not None:
            arguments["maxResults"] = page_size
        if token:
            arguments["nextToken"] = token
        answer = client.list_sessions(**arguments)
        pages += 1
        limit = min(page_size or MAX_PAGE, MAX_PAGE)
        check(len(answer["sessions"]) <= limit, f"page larger than {limit} for {filters}")
        sessions.extend(answer["sessions"])
        token = answer.get("nextToken")
        if not token:
            return sessions, pages
        check(pages < 10000, "runaway pagination")
        if pages >= 10000:
            return sessions, pages


def key(session):
    return (session["startTime"], session["sessionId"])


def expected_for(everything, status=None, username=None, sortBy=None):
    rows = [s for s in everything
            if (status is None or s["status"] == status) and (username is None or s["username"] == username)]
    return sorted(rows, key=key, reverse=(sortBy != "StartTimeAscending"))


def test_listing(ww, portal_id):
    everything, _ = walk(ww, portal_id, MAX_PAGE, sortBy="StartTimeAscending")
    ids = [s["sessionId"] for s in everything]
    check(len(ids) == SESSIONS, f"full walk returned {len(ids)} sessions, expected {SESSIONS}")
    check(len(set(ids)) == len(ids), "full walk has duplicates")
    check([key(s) for s in everything] == sorted(key(s) for s in everything), "full walk is not in start order")
    for s in everything:
        check(s["status"] in ("Active", "Terminated"), f"status {s['status']}")
        check(s["portalArn"].endswith("/" + portal_id), "portalArn of a session")
        if s["status"] == "Terminated":
            check("endTime" in s and s["endTime"] > s["startTime"], f"endTime of {s['sessionId']}")
        else:
            check("endTime" not in s, f"active session {s['sessionId']} has an endTime")

    # Usernames worth filtering on: the hostile ones and the most frequent one.
    counts = {}
    for s in everything:
        counts[s["username"]] = counts.get(s["username"], 0) + 1
    frequent = max(counts, key=counts.get)
    usernames = [None, frequent, "Smith, John", "user+tag@example.com", "=1+2", "-2+3", "@SUM(A1:A9)",
                 "trailing space ", "line\nbreak", "O'Brien, Siobhán \"Shiv\"", "山田太郎", "nobody@example.com"]
    usernames.append(next(u for u in counts if len(u) == 256))
    page_sizes = itertools.cycle([7, None, 3, MAX_PAGE, 1000, 1])
    walks = 0
    for status, sort_by, username in itertools.product([None, "Active", "Terminated"],
                                                        [None, "StartTimeAscending", "StartTimeDescending"],
                                                        usernames):
        filters = {k: v for k, v in (("status", status), ("sortBy", sort_by), ("username", username)) if v is not None}
        want = expected_for(everything, status, username, sort_by)
        page_size = next(page_sizes)
        if page_size == 1 and len(want) > 60:
            page_size = 13  # keep the number of requests reasonable
        got, pages = walk(ww, portal_id, page_size, **filters)
        walks += 1
        got_ids = [s["sessionId"] for s in got]
        check(len(set(got_ids)) == len(got_ids), f"duplicates for {filters}")
        check(got_ids == [s["sessionId"] for s in want],
              f"{filters} page {page_size}: {len(got_ids)} sessions, expected {len(want)} (or another order)")
        effective = min(page_size or MAX_PAGE, MAX_PAGE)
        check(pages == max(1, -(-len(want) // effective)), f"{filters}: {pages} pages")
        for s in got:
            check(status is None or s["status"] == status, f"status filter {status}")
            check(username is None or s["username"] == username, f"username filter {username!r}")
    print(f"ok: {walks} filtered walks match the independent full walk")

    # botocore's own paginator, tokens passed back untouched.
    paginator = ww.get_paginator("list_sessions")
    got = [s["sessionId"] for page in paginator.paginate(portalId=portal_id, status="Terminated",
                                                         PaginationConfig={"PageSize": 9})
           for s in page["sessions"]]
    check(got == [s["sessionId"] for s in expected_for(everything, "Terminated")], "paginator walk")
    tokens = []
    answer = ww.list_sessions(portalId=portal_id, maxResults=5)
    while answer.get("nextToken") and len(tokens) < 40:
        tokens.append(answer["nextToken"])
        answer = ww.list_sessions(portalId=portal_id, maxResults=5, nextToken=answer["nextToken"])
    check(any(c in t for t in tokens for c in "+/"), "page tokens should contain '+' or '/'")
    check(all(t.endswith("=") for t in tokens), "page tokens are padded base64")

    # The sessionId filter.
    one = everything[len(everything) // 2]
    got = ww.list_sessions(portalId=portal_id, sessionId=one["sessionId"])["sessions"]
    check([s["sessionId"] for s in got] == [one["sessionId"]], "sessionId filter")
    print("ok: paginator, tokens and sessionId filter")
    return everything


def test_get_and_expire(ww, portal_id, everything):
    active = [s for s in everything if s["status"] == "Active"]
    check(len(active) >= 2, "some sessions are active")
    target = active[0]
    detail = ww.get_session(portalId=portal_id, sessionId=target["sessionId"])["session"]
    check(detail["sessionId"] == target["sessionId"] and detail["username"] == target["username"], "GetSession")
    check(1 <= len(detail["clientIpAddresses"]) <= 3, "clientIpAddresses")
    check(detail["status"] == "Active" and "endTime" not in detail, "GetSession of an active session")

    answer = ww.expire_session(portalId=portal_id, sessionId=target["sessionId"])
    check(answer["ResponseMetadata"]["HTTPStatusCode"] == 200, "ExpireSession status")
    detail = ww.get_session(portalId=portal_id, sessionId=target["sessionId"])["session"]
    check(detail["status"] == "Terminated", "expired session is Terminated")
    check(detail.get("endTime") is not None and detail["endTime"] >= detail["startTime"], "expired session endTime")
    still_active = [s["sessionId"] for s in walk(ww, portal_id, None, status="Active")[0]]
    check(target["sessionId"] not in still_active, "expired session left the Active list")
    check(ww.expire_session(portalId=portal_id, sessionId=target["sessionId"])["ResponseMetadata"]["HTTPStatusCode"] == 200,
          "expiring twice succeeds")
    print("ok: GetSession, ExpireSession")


def test_qapps(endpoint, everything):
    qapps = make_client("qapps", endpoint)
    instance = "5e5510e5-c0de-4d3e-8a5b-0000000000d1"
    found = {}
    for s in everything[:60]:
        try:
            found[s["sessionId"]] = qapps.get_q_app_session_metadata(instanceId=instance, sessionId=s["sessionId"])
        except ClientError as error:
            check(error.response["Error"]["Code"] == "ResourceNotFoundException", "Q Apps lookup error code")
    check(len(found) >= 10, f"{len(found)} of 60 sessions have Q Apps metadata")
    for session_id, metadata in found.items():
        check(metadata["sessionId"] == session_id, "Q Apps sessionId")
        check(metadata["sessionArn"].startswith("arn:aws:qapps:"), "Q Apps sessionArn")
        check(isinstance(metadata["sharingConfiguration"]["enabled"], bool), "sharingConfiguration.enabled")
        check(isinstance(metadata["sessionOwner"], bool), "sessionOwner")
    owned = next(i for i, m in found.items() if m["sessionOwner"])
    updated = qapps.update_q_app_session_metadata(
        instanceId=instance, sessionId=owned, sessionName="Revue d’équipe ✓",
        sharingConfiguration={"enabled": True, "acceptResponses": True, "revealCards": False})
    check(updated["sessionName"] == "Revue d’équipe ✓", "UpdateQAppSessionMetadata name")
    check(updated["sharingConfiguration"] == {"enabled": True, "acceptResponses": True, "revealCards": False},
          "UpdateQAppSessionMetadata sharing")
    check("sessionOwner" not in updated, "Update's answer has no sessionOwner")
    again = qapps.get_q_app_session_metadata(instanceId=instance, sessionId=owned)
    check(again["sessionName"] == "Revue d’équipe ✓" and again["sharingConfiguration"]["acceptResponses"] is True,
          "the update was kept")
    not_owned = next((i for i, m in found.items() if not m["sessionOwner"]), None)
    if check(not_owned is not None, "some Q Apps sessions belong to others"):
        code, _ = error_code(lambda: qapps.update_q_app_session_metadata(
            instanceId=instance, sessionId=not_owned, sharingConfiguration={"enabled": False}))
        check(code == "AccessDeniedException", f"updating someone else's session: {code}")
    code, _ = error_code(lambda: qapps.get_q_app_session_metadata(instanceId="no-such-instance", sessionId=owned))
    check(code == "ResourceNotFoundException", f"unknown instance: {code}")
    print(f"ok: Q Apps metadata ({len(found)} sessions)")


def test_errors(endpoint, portal_id):
    ww = make_client("workspaces-web", endpoint)
    code, message = error_code(lambda: ww.list_sessions(portalId="00000000-0000-4000-8000-000000000000"))
    check(code == "ResourceNotFoundException", f"missing portal: {code}")

    lenient = make_client("workspaces-web", endpoint, validate=False)  # botocore refuses maxResults=0 itself
    code, message = error_code(lambda: lenient.list_sessions(portalId=portal_id, maxResults=0))
    check(code == "ValidationException" and "maxResults" in message, f"maxResults=0: {code} {message}")
    code, _ = error_code(lambda: lenient.list_sessions(portalId=portal_id, nextToken="bm90IGEgdG9rZW4+Lw=="))
    check(code == "ValidationException", f"forged token: {code}")
    code, _ = error_code(lambda: lenient.get_session(portalId=portal_id, sessionId="not-a-session"))
    check(code == "ValidationException", f"bad session id: {code}")

    wrong_key = make_client("workspaces-web", endpoint, key="AKIAWRONGKEYWRONGKEY")
    code, _ = error_code(lambda: wrong_key.list_portals())
    check(code == "UnrecognizedClientException", f"wrong key: {code}")
    wrong_secret = make_client("workspaces-web", endpoint, secret="not-the-secret")
    code, message = error_code(lambda: wrong_secret.list_portals())
    check(code == "InvalidSignatureException" and "does not match" in message, f"wrong secret: {code}")

    stale = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(hours=1)
    with signing_clock(lambda: stale):
        code, message = error_code(lambda: ww.list_portals())
    check(code == "InvalidSignatureException" and message.startswith("Signature expired"),
          f"stale timestamp: {code} {message}")
    print("ok: error codes")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--emulator", required=True)
    options = parser.parse_args()
    print(f"botocore {botocore.__version__} ({sys.executable}), service models: {use_service_models()}")
    expect_version("botocore", botocore.__version__)
    arguments = ["--seed", "17", "--portals", "3", "--sessions", str(SESSIONS), "--max-page", str(MAX_PAGE)]
    with EmulatorProcess(options.emulator, arguments) as emulator:
        def create(service):
            return make_client(service, emulator.endpoint)

        ww = require_operations(create, "workspaces-web", "list_portals", "get_portal", "list_sessions",
                                "get_session", "expire_session")
        require_operations(create, "qapps", "get_q_app_session_metadata", "update_q_app_session_metadata")
        portals, token = [], None
        while True:  # ListPortals has no botocore paginator: by hand, one portal per page
            answer = ww.list_portals(maxResults=1, **({"nextToken": token} if token else {}))
            portals.extend(answer["portals"])
            token = answer.get("nextToken")
            if not token or len(portals) > 10:
                break
        check(len(portals) == 3, f"{len(portals)} portals")
        active = next(p for p in portals if p["portalStatus"] == "Active")
        detail = ww.get_portal(portalArn=active["portalArn"])["portal"]  # the ARN as a greedy path label
        check(detail["portalArn"] == active["portalArn"] and detail["displayName"] == active["displayName"],
              "GetPortal")
        portal_id = active["portalArn"].rsplit("/", 1)[1]
        everything = test_listing(ww, portal_id)
        test_get_and_expire(ww, portal_id, everything)
        test_qapps(emulator.endpoint, everything)
        test_errors(emulator.endpoint, portal_id)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all botocore interop checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
