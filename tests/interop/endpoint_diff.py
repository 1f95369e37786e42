#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Differential test of endpoints: for every region botocore knows (the regions of every partition in its
endpoints.json and partitions.json, plus a few it does not list and a few that are not host labels) ×
{plain, FIPS, dual-stack, both} × WorkSpaces Web, Q Apps, STS (regional and legacy), the IAM Identity Center
portal and OIDC, the host botocore's request really goes to must be the host SessionScope resolves
(endpoint_probe), and where botocore refuses, SessionScope must refuse too.

botocore's host is taken from the request itself: a 'before-send' handler records its URL and answers with a
canned response, so nothing leaves this machine (client.meta.endpoint_url is not what a request uses). Both
sides read the settings from the environment (AWS_USE_FIPS_ENDPOINT, AWS_USE_DUALSTACK_ENDPOINT,
AWS_STS_REGIONAL_ENDPOINTS), with dummy credentials and no shared files.

SessionScope's partition table follows botocore 1.43. An older botocore (Debian's 1.29) carries older data:
its partitions.json gives the ISO partitions no dual-stack endpoints, and its IAM Identity Center rule sets
lack the GovCloud FIPS host names. For such a botocore only, a difference that this older data explains is
counted and named, not failed; every other difference fails. botocore 1.43 or later must match exactly.

Usage: endpoint_diff.py --probe PATH. Exits 77 without botocore.
"""
import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, _HERE)
from emulator_process import skip  # noqa: E402
from peer_client import expect_version, use_service_models  # noqa: E402

try:
    import botocore
    import botocore.session
    from botocore.awsrequest import AWSResponse
except ImportError:
    skip("botocore is not installed for this python3")

# The botocore whose data SessionScope's partition table and endpoint rules were written from.
TABLE_BOTOCORE = (1, 43)

# (service in the probe's words, botocore's service name, an operation that needs no real input)
SERVICES = [
    ("workspaces-web", "workspaces-web", lambda c: c.list_portals()),
    ("qapps", "qapps", lambda c: c.list_q_apps(instanceId="0f4e1c4b-1c2d-4e5f-8a9b-0c1d2e3f4a5b")),
    ("sts", "sts", lambda c: c.get_caller_identity()),
    ("sts-legacy", "sts", lambda c: c.get_caller_identity()),
    ("sso", "sso", lambda c: c.get_role_credentials(roleName="r", accountId="123456789012", accessToken="t")),
    ("sso-oidc", "sso-oidc", lambda c: c.create_token(clientId="c", clientSecret="s", grantType="g")),
]
HOST_PREFIX = {"sso": "portal.sso", "sso-oidc": "oidc"}

# Well-formed regions no partition lists (each partition's regionRegex decides, else "aws"), and names that
# are not host labels (botocore refuses them before any request).
EXTRA_REGIONS = ["ap-newcity-9", "us-gov-north-3", "cn-south-7", "us-iso-north-2", "us-isob-south-4",
                 "eu-isoe-north-2", "us-isof-west-5", "eusc-de-west-2", "zz-nowhere-1",
                 "us-east-1.example.com", "bad_region", "-us-east-1", "us-east-1-", "123", "a" * 64]


class _Raw:
    """The body of the canned answer, as urllib3's response offers it to botocore."""

    def __init__(self, body):
        self._body = io.BytesIO(body)

    def stream(self, **kwargs):
        yield self._body.read()

    def read(self, *args, **kwargs):
        return self._body.read(*args)


class _Sent(Exception):
    pass


def clean_environment(folder):
    for name in list(os.environ):
        if name.startswith("AWS_") and name != "AWS_DATA_PATH":
            del os.environ[name]
    nowhere = os.path.join(folder, "none")
    os.environ["AWS_CONFIG_FILE"] = nowhere
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = nowhere
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"


def known_regions(loader):
    regions = set()
    for name in ("endpoints", "partitions"):
        for partition in loader.load_data(name)["partitions"]:
            regions.update(partition["regions"].keys())
    return sorted(regions)


def botocore_hosts(session, cases):
    """{case: host or 'error: ...'} for each (service, region, fips, dualstack) case."""
    calls = {name: (service, call) for name, service, call in SERVICES}
    sent = []

    def before_send(request, **kwargs):
        sent.append(request.url)
        body = b"<GetCallerIdentityResponse/>" if "sts" in urllib.parse.urlsplit(request.url).netloc else b"{}"
        return AWSResponse(request.url, 200, {}, _Raw(body))

    from botocore.config import Config

    results = {}
    for case in cases:
        name, region, fips, dualstack = case
        service, call = calls[name]
        os.environ["AWS_USE_FIPS_ENDPOINT"] = "true" if fips else "false"
        os.environ["AWS_USE_DUALSTACK_ENDPOINT"] = "true" if dualstack else "false"
        os.environ["AWS_STS_REGIONAL_ENDPOINTS"] = "legacy" if name == "sts-legacy" else "regional"
        sent.clear()
        try:
            client = session.create_client(service, region_name=region,
                                           config=Config(retries={"max_attempts": 1}))
            client.meta.events.register("before-send", before_send)
            try:
                call(client)
            except Exception:
                # The canned answer may not parse for every operation; only a failure before sending counts.
                if not sent:
                    raise
            results[case] = urllib.parse.urlsplit(sent[0]).hostname
        except Exception as error:  # noqa: BLE001 - any refusal is an expected error on our side
            results[case] = f"error: {type(error).__name__}: {error}"
    return results


def probe_hosts(probe, cases, folder):
    lines = "".join(f"{name} {region} {int(fips)} {int(dualstack)}\n" for name, region, fips, dualstack in cases)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["HOME"] = folder
    env["QT_QPA_PLATFORM"] = "offscreen"
    answer = subprocess.run([probe], input=lines, capture_output=True, text=True, env=env, timeout=120)
    if answer.returncode != 0:
        print(f"FAIL: the probe exited with {answer.returncode}: {answer.stderr.strip()}")
        sys.exit(1)
    out = answer.stdout.splitlines()
    if len(out) != len(cases):
        print(f"FAIL: the probe answered {len(out)} lines for {len(cases)} cases: {answer.stderr.strip()}")
        sys.exit(1)
    return dict(zip(cases, out))


class OlderData:
    """What an older botocore's own data files say differently from the data SessionScope follows."""

    def __init__(self, session, loader, version):
        self.older = version < TABLE_BOTOCORE
        self.version = botocore.__version__
        self.partitions = loader.load_data("partitions")["partitions"]
        self.gov_fips_rule = {}
        for name, service, _ in SERVICES:
            if name in HOST_PREFIX:
                api = loader.determine_latest_version(service, "endpoint-rule-set-1")
                rules = loader.load_service_model(service, "endpoint-rule-set-1", api)
                self.gov_fips_rule[name] = '"aws-us-gov"' in json.dumps(rules)
        self.reasons = {}

    def partition(self, region):
        import re

        for partition in self.partitions:
            if region in partition["regions"]:
                return partition
        for partition in self.partitions:
            if re.match(partition["regionRegex"], region):
                return partition
        return self.partitions[0]

    def lists(self, region):
        import re

        return any(region in p["regions"] or re.match(p["regionRegex"], region) for p in self.partitions)

    def explains(self, case, theirs, ours):
        """The reason an older botocore's data gives for this difference, or None."""
        if not self.older:
            return None
        name, region, fips, dualstack = case
        partition = self.partition(region)
        outputs = partition["outputs"]
        if partition is self.partitions[0] and not self.lists(region) and not theirs.startswith("error:") \
                and not ours.endswith((".amazonaws.com", ".api.aws")):
            return f"botocore {self.version}'s partitions.json has no partition for {region} (it takes aws)"
        if dualstack and not outputs.get("supportsDualStack", True) and "does not support" in theirs \
                and not ours.startswith("error:"):
            return f"botocore {self.version}'s partitions.json gives {partition['id']} no dual-stack endpoints"
        if name in HOST_PREFIX and fips and not dualstack and partition["id"] == "aws-us-gov" \
                and not self.gov_fips_rule[name] and theirs == f"{HOST_PREFIX[name]}-fips.{region}.amazonaws.com" \
                and ours == f"{HOST_PREFIX[name]}.{region}.amazonaws.com":
            return f"botocore {self.version}'s {name} rule set predates its GovCloud FIPS host names"
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", required=True)
    args = parser.parse_args()
    expect_version("botocore", botocore.__version__)
    version = tuple(int(part) for part in botocore.__version__.split(".")[:2])

    with tempfile.TemporaryDirectory(prefix="sessionscope-endpoints-") as folder:
        clean_environment(folder)
        session = botocore.session.Session()
        if "qapps" not in session.get_available_services():
            use_service_models()
            session = botocore.session.Session()
        session.set_credentials("AKIDSESSIONSCOPEDIFF", "not-a-real-secret-key")
        loader = session.get_component("data_loader")
        regions = known_regions(loader) + EXTRA_REGIONS
        cases = [(name, region, fips, dualstack) for name, _, _ in SERVICES for region in regions
                 for fips in (False, True) for dualstack in (False, True)]

        started = time.monotonic()
        theirs = botocore_hosts(session, cases)
        ours = probe_hosts(args.probe, cases, folder)
        older = OlderData(session, loader, version)

    differences = []
    explained = {}
    for case in cases:
        a, b = theirs[case], ours[case]
        if a == b or (a.startswith("error:") and b.startswith("error:")):
            continue
        reason = older.explains(case, a, b)
        if reason:
            explained[reason] = explained.get(reason, 0) + 1
        else:
            differences.append((case, a, b))

    print(f"botocore {botocore.__version__}: {len(regions)} regions ({len(EXTRA_REGIONS)} of them unlisted or "
          f"invalid) x 4 settings x {len(SERVICES)} services = {len(cases)} cases, "
          f"{len(differences)} differences ({time.monotonic() - started:.1f} s)")
    hosts = sum(1 for case in cases if not theirs[case].startswith("error:"))
    print(f"  {hosts} cases reach a host in botocore, {len(cases) - hosts} botocore refuses (as must SessionScope)")
    for reason, count in sorted(explained.items()):
        print(f"  not compared, older data: {count} cases: {reason}")
    for (name, region, fips, dualstack), a, b in differences[:25]:
        print(f"DIFF {name} {region} fips={int(fips)} dualstack={int(dualstack)}: botocore {a!r}, "
              f"SessionScope {b!r}")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
