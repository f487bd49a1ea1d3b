"""CI's verdict on pytest's JUnit report: every required suite ran.

JUnit writes a skip, an xfail and (with pytest's older writers) an XPASS all as <skipped>;
this tells them apart. A real skip fails CI (a suite whose server or browser was missing),
an XPASS fails it (a pending case now passes: its xfail mark must go), and no test at all
fails it. An xfail is a known pending case: allowed, and listed with its reason so that it
stays in sight. Usage: python3 .ci/check_junit.py test-artifacts/junit.xml
"""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

XFAIL_TYPE = "pytest.xfail"
XPASS_MESSAGES = ("[XPASS(strict)]", "xfail-marked test passes unexpectedly")


def outcomes(path: str) -> dict[str, list[tuple[str, str]]]:
    """(test id, message) of each test by outcome: skipped, xfailed, xpassed, other."""
    found: dict[str, list[tuple[str, str]]] = {"skipped": [], "xfailed": [], "xpassed": [], "other": []}
    for case in ET.parse(path).getroot().iter("testcase"):
        test = f"{case.get('classname', '')}::{case.get('name', '')}"
        kind, message = "other", ""
        for child in case:
            message = child.get("message", "")
            if message.startswith(XPASS_MESSAGES):
                kind = "xpassed"
            elif child.tag == "skipped":
                kind = "xfailed" if child.get("type") == XFAIL_TYPE else "skipped"
        found[kind].append((test, message))
    return found


def main(path: str) -> int:
    found = outcomes(path)
    tests = sum(len(cases) for cases in found.values())
    print(f"CI: {tests} tests, {len(found['skipped'])} skipped, {len(found['xfailed'])} xfailed (pending), "
          f"{len(found['xpassed'])} xpassed")
    for test, reason in found["xfailed"]:
        print(f"CI: pending (xfail) {test}: {reason}")
    problems = [f"CI: skipped {test}: {reason}" for test, reason in found["skipped"]]
    problems += [f"CI: XPASS {test}: {reason} (it passes now: remove its xfail mark)"
                 for test, reason in found["xpassed"]]
    if tests == 0:
        problems.append("CI: no test ran")
    elif found["skipped"]:
        problems.append("CI: a required suite was skipped (see the 'short test summary' above)")
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
