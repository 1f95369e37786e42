# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Signs requests with botocore's SigV4Auth and compares with SessionScope's Authorization headers.

Usage: python3 sigv4_oracle.py REQUESTS.jsonl

Each input line is a JSON object written by tst_sigv4botocore:
  id, method, url (our wire URL, query included), params ([key, value] decoded, in our order),
  headers ([name, value] as before signing, duplicates allowed), body (base64), accessKey, secretKey,
  token ("" for none), region, service, timestamp ("yyyymmddTHHMMSSZ", the signing time),
  authorization (ours), date (our Date header after signing, or null), modes (["url", "params"]).

For mode "url" botocore gets our wire URL as it is (so it reads the query from the URL: our wire
encoding must be the canonical one); for mode "params" it gets the URL without its query plus the
decoded parameters (so botocore encodes them itself).

Prints one JSON line per mismatch, then a summary line {"summary": {...}}.
Exit status: 0 all equal, 1 mismatches, 2 bad input, 77 botocore not installed.
"""

import base64
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interop"))
from peer_client import expect_version, signing_clock  # noqa: E402

try:
    import botocore
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"botocore is not installed: {error}", file=sys.stderr)
    sys.exit(77)


# The headers today's botocore leaves unsigned (hop-by-hop and proxy-rewritten ones, since botocore 1.31) and
# SessionScope too. Older botocore signs Connection, Keep-Alive and the like; the oracle gives it today's list
# so that the rest of its signing is still compared, and says so in its summary.
_UNSIGNED_TODAY = ["connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
                   "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id"]


def _align_unsigned_headers():
    """Today's unsigned-header list for an older botocore; the headers that were added, for the summary."""
    added = [name for name in _UNSIGNED_TODAY if name not in botocore.auth.SIGNED_HEADERS_BLACKLIST]
    botocore.auth.SIGNED_HEADERS_BLACKLIST[:] = sorted(set(botocore.auth.SIGNED_HEADERS_BLACKLIST) | set(added))
    return added


class _FixedClock:
    """The signing time of the request being signed; botocore reads it through peer_client.signing_clock."""

    def __init__(self):
        self.now = None


class _RecordingSigV4Auth(botocore.auth.SigV4Auth):
    """botocore's signer, keeping the canonical request it signed for the mismatch report."""

    last_canonical_request = None

    def canonical_request(self, request):
        result = super().canonical_request(request)
        self.last_canonical_request = result
        return result


def _sign(item, mode, clock):
    url = item["url"]
    params = None
    if mode == "params":
        url = url.split("?", 1)[0]
        params = [(key, value) for key, value in item["params"]]
    request = AWSRequest(
        method=item["method"],
        url=url,
        data=base64.b64decode(item["body"]),
        params=params,
    )
    for name, value in item["headers"]:
        request.headers[name] = value  # HTTPHeaders appends: duplicates stay, in order
    token = item["token"] or None
    credentials = Credentials(item["accessKey"], item["secretKey"], token)
    clock.now = datetime.datetime.strptime(item["timestamp"], "%Y%m%dT%H%M%SZ")
    signer = _RecordingSigV4Auth(credentials, item["service"], item["region"])
    signer.add_auth(request)
    canonical = signer.last_canonical_request or ""
    if token:
        canonical = canonical.replace(token, "<session token>")  # never print secrets
    return request, canonical


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    expect_version("botocore", botocore.__version__)
    clock = _FixedClock()
    counts = {"checked": 0, "url": 0, "params": 0, "mismatches": 0, "botocore": botocore.__version__,
              "unsignedHeadersAdded": _align_unsigned_headers()}
    with signing_clock(lambda: clock.now), open(argv[1], encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                modes = item.get("modes", ["url", "params"])
            except (ValueError, KeyError) as error:
                print(f"line {number}: {error}", file=sys.stderr)
                return 2
            counts["checked"] += 1
            for mode in modes:
                request, canonical = _sign(item, mode, clock)
                counts[mode] += 1
                theirs = request.headers.get("Authorization")
                their_date = request.headers.get("Date")
                if theirs != item["authorization"] or their_date != item.get("date"):
                    counts["mismatches"] += 1
                    print(json.dumps({
                        "id": item["id"],
                        "mode": mode,
                        "ours": item["authorization"],
                        "botocore": theirs,
                        "ourDate": item.get("date"),
                        "botocoreDate": their_date,
                        "botocoreCanonicalRequest": canonical,
                    }, ensure_ascii=True))
    print(json.dumps({"summary": counts}))
    return 1 if counts["mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
