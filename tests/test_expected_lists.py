"""The comparison of a run with an expected-failures list, shared by both suites' lists."""

from __future__ import annotations

import pytest

tomllib = pytest.importorskip("tomllib", reason="the suites' lists are read on Python 3.11+ (tomllib)")

from tests.expected_lists import disagreements, toml_entry  # noqa: E402


def test_new_failures_and_listed_passes_are_reported_only_where_the_run_checked():
    found = disagreements(
        failed={"a", "new"}, should_fail={"a", "passed", "not_run"}, checked={"a", "passed"}
    )
    assert found == ["  FAILED, not in the list: new", "  listed, but did not fail: passed"]
    assert disagreements(failed={"a"}, should_fail={"a"}, checked={"a"}) == []


def test_an_entry_reads_back_as_written():
    fields = [("reason", 'a "quoted" reason, café'), ("releases", ["1.4", "1.5"]), ("unlisted", True)]
    text = toml_entry(fields, ["x.T.test_a", "x.T.test_b"])
    assert tomllib.loads(text)["failure"] == [{**dict(fields), "tests": ["x.T.test_a", "x.T.test_b"]}]
