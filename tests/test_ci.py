"""CI's reading of the JUnit report (.ci/check_junit.py): a real skip or an XPASS fails it,
an xfail does not and is listed with its reason."""
from __future__ import annotations

import importlib.util

import pytest

from tests.support import ROOT

spec = importlib.util.spec_from_file_location("check_junit", ROOT / ".ci" / "check_junit.py")
check_junit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_junit)

# Test cases as pytest's --junitxml writes them (pytest 8): passed, skipped, xfailed, XPASS(strict).
PASSED = '<testcase classname="tests.web.test_a" name="test_page" time="0.010" />'
SKIPPED = ('<testcase classname="tests.store.test_b" name="test_on_postgres" time="0.000">'
           '<skipped type="pytest.skip" message="PostgreSQL not reachable">tests/conftest.py:91: '
           'PostgreSQL not reachable</skipped></testcase>')
XFAILED = ('<testcase classname="tests.pipeline.test_shapes" name="test_event[gazetteer:4]" time="0.001">'
           '<skipped type="pytest.xfail" message="pending: a season word alone" /></testcase>')
XPASSED = ('<testcase classname="tests.pipeline.test_shapes" name="test_event[gazetteer:9]" time="0.001">'
           '<failure message="[XPASS(strict)] pending: a season word alone">[XPASS(strict)] pending: '
           'a season word alone</failure></testcase>')
FAILED = ('<testcase classname="tests.web.test_a" name="test_broken" time="0.001">'
          '<failure message="assert 1 == 2">assert 1 == 2</failure></testcase>')


def report(tmp_path, *cases: str) -> str:
    path = tmp_path / "junit.xml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">'
                    f'<testsuite name="pytest" tests="{len(cases)}">{"".join(cases)}</testsuite></testsuites>',
                    encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("cases, verdict", [
    ((PASSED, PASSED), 0),
    ((PASSED, XFAILED), 0),              # pending, not skipped
    ((PASSED, SKIPPED), 1),
    ((PASSED, XFAILED, SKIPPED), 1),
    ((PASSED, XPASSED), 1),
    ((PASSED, FAILED), 0),               # pytest's own exit status fails CI for this one
    ((), 1),                             # nothing ran
])
def test_verdict(tmp_path, capsys, cases, verdict):
    assert check_junit.main(report(tmp_path, *cases)) == verdict
    out, err = capsys.readouterr()
    assert out.startswith(f"CI: {len(cases)} tests, ")
    assert bool(err) == bool(verdict)


def test_the_summary_counts_each_outcome_and_lists_the_pending_reasons(tmp_path, capsys):
    check_junit.main(report(tmp_path, PASSED, SKIPPED, XFAILED, XPASSED))
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "CI: 4 tests, 1 skipped, 1 xfailed (pending), 1 xpassed",
        "CI: pending (xfail) tests.pipeline.test_shapes::test_event[gazetteer:4]: pending: a season word alone",
    ]
    assert "CI: skipped tests.store.test_b::test_on_postgres: PostgreSQL not reachable" in err
    assert "CI: XPASS tests.pipeline.test_shapes::test_event[gazetteer:9]" in err


def test_pytest_writes_the_shapes_the_check_reads(pytester):
    """The cases above are what this pytest writes: checked on a report it makes."""
    pytester.makepyfile(test_outcomes="""
        import pytest

        def test_passes():
            pass

        def test_skips():
            pytest.skip("no server")

        @pytest.mark.xfail(reason="pending: not yet", strict=True)
        def test_pending():
            assert False

        @pytest.mark.xfail(reason="pending: done already", strict=True)
        def test_done():
            pass
    """)
    pytester.runpytest("-p", "no:cacheprovider", "--junitxml=junit.xml").assert_outcomes(
        passed=1, skipped=1, xfailed=1, failed=1)
    found = check_junit.outcomes(str(pytester.path / "junit.xml"))
    assert {kind: [test for test, _ in cases] for kind, cases in found.items()} == {
        "skipped": ["test_outcomes::test_skips"], "xfailed": ["test_outcomes::test_pending"],
        "xpassed": ["test_outcomes::test_done"], "other": ["test_outcomes::test_passes"]}
    assert found["xfailed"][0][1] == "pending: not yet"
