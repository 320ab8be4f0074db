"""The Django-suite instrument's own machinery: the list of expected failures and its updating.

The runs themselves are ``tox -e py313-djsuite-django61`` and friends; this
keeps the committed list loadable and ``--write`` honest.
"""

from __future__ import annotations

import unittest

import pytest

pytest.importorskip("tomllib", reason="the Django-suite envs run on Python 3.11+ (tomllib)")

from tests.django_suite import expected, recorder  # noqa: E402

REASON = "In 1.6 the header was absolute."


def entry(tests, runs=("1.6",), django=("5.2", "6.1"), feature="response_absolute_location", reason=REASON):
    return expected.Entry(feature, reason, list(runs), list(django), list(tests))


def test_the_committed_list_loads_with_a_feature_and_reason_for_every_entry():
    entries = expected.load()
    assert entries
    assert all(e.reason.strip() and e.tests for e in entries)


@pytest.mark.parametrize(
    ("field", "value", "complaint"),
    [
        ("feature", "no_such_feature", "is not a feature id"),
        ("reason", " ", "say why"),
        ("runs", ["1.7"], "unknown runs"),
        ("tests", [], "needs tests"),
    ],
)
def test_a_malformed_entry_is_refused(tmp_path, field, value, complaint):
    bad = entry(["a.tests.T.test_x"])
    setattr(bad, field, value)
    path = tmp_path / "list.toml"
    path.write_text(expected.dump([bad]))
    with pytest.raises(SystemExit, match=complaint):
        expected.load(path)


def test_a_combination_listed_twice_is_refused(tmp_path):
    path = tmp_path / "list.toml"
    path.write_text(expected.dump([entry(["a.T.test_x"]), entry(["a.T.test_x"], django=["6.1"])]))
    with pytest.raises(SystemExit, match="listed twice"):
        expected.load(path)


def test_write_keeps_what_still_fails_drops_what_passed_and_adds_new_failures_unreviewed(tmp_path):
    entries = [entry(["a.T.test_still", "a.T.test_passes_now"])]
    ran = {
        ("a.T.test_still", "1.6", "6.1"),
        ("a.T.test_passes_now", "1.6", "6.1"),
        ("a.T.test_new", "1.6", "6.1"),
    }
    failed = {("a.T.test_still", "1.6", "6.1"), ("a.T.test_new", "1.6", "6.1")}

    result = expected.updated(entries, ran.__contains__, failed)

    assert expected.expected(result) == {
        ("a.T.test_still", "1.6", "5.2"),
        ("a.T.test_still", "1.6", "6.1"),
        # Django 5.2 did not run: what the list said about it stands.
        ("a.T.test_passes_now", "1.6", "5.2"),
        ("a.T.test_new", "1.6", "6.1"),
    }
    by_test = {test: e for e in result for test in e.tests}
    assert by_test["a.T.test_still"].reason == REASON
    assert by_test["a.T.test_passes_now"].reason == REASON  # regrouped, reason inherited
    assert by_test["a.T.test_new"].feature == by_test["a.T.test_new"].reason == ""
    path = tmp_path / "list.toml"
    path.write_text(expected.dump(result))
    assert expected.expected(expected.load(path, reviewed=False)) == expected.expected(result)
    with pytest.raises(SystemExit, match="say why"):
        expected.load(path)


def test_write_with_nothing_changed_leaves_the_list_as_it_was():
    entries = [
        entry(["a.T.test_x", "a.T.test_y"]),
        entry(["b.T.test_z"], runs=["unset", "1.6"], django=["6.1"]),
    ]
    combos = expected.expected(entries)
    assert expected.updated(entries, combos.__contains__, combos) == entries


def test_a_failing_subtest_is_recorded_under_its_test():
    class Case(unittest.TestCase):
        def test_it(self):
            pass

    case = Case("test_it")
    subtest = unittest.case._SubTest(case, None, {"n": 1})
    assert recorder.test_id(subtest) == recorder.test_id(case) == case.id()
