"""The historical-suites instrument's own machinery, without the network.

The runs themselves are ``tox -e py312-historical``; this keeps the committed
list loadable, the comparison strict in both directions, the import
rewrites minimal and the fetch to the files and hashes it names.
"""

from __future__ import annotations

import hashlib
import io
import sys
import tarfile

import pytest

pytest.importorskip("tomllib", reason="the historical-suites env runs on Python 3.11+ (tomllib)")

from tests.historical_suites import __main__ as cli  # noqa: E402
from tests.historical_suites import expected, fetch, support, transform  # noqa: E402

REASON = "Compares bytes with a str literal."


def entry(tests, releases=("1.4",), category="python2", reason=REASON, **cite):
    return expected.Entry(category, reason, list(releases), list(tests), **cite)


def write(tmp_path, entries):
    path = tmp_path / "list.toml"
    path.write_text(expected.dump(entries))
    return path


def test_the_committed_list_loads_and_every_entry_has_a_category_and_a_reason():
    entries = expected.load()
    assert entries
    assert all(e.category in expected.CATEGORIES and e.reason.strip() for e in entries)
    assert {e.category for e in entries} <= set(expected.CATEGORIES)


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"category": "flaky"}, "is not one of"),
        ({"reason": " "}, "say why"),
        ({"releases": ["1.7"]}, "unknown releases"),
        ({"tests": []}, "needs tests"),
        ({"category": "deliberate"}, "cites its entry"),
        ({"category": "deliberate", "difference": "no such text anywhere"}, "not in exactly one"),
        ({"category": "deliberate", "difference": "CVE-2021-23336", "unlisted": True}, "cites its entry"),
        ({"unlisted": True}, "only a deliberate difference"),
        ({"feature": "no_such_feature"}, "is not a feature id"),
    ],
)
def test_a_malformed_entry_is_refused(tmp_path, changes, complaint):
    bad = entry(["a.tests.T.test_x"])
    for name, value in changes.items():
        setattr(bad, name, value)
    with pytest.raises(SystemExit, match=complaint):
        expected.load(write(tmp_path, [bad]))


def test_a_deliberate_difference_citing_its_entry_loads(tmp_path):
    good = entry(["a.T.test_x"], releases=["1.11"], category="deliberate", difference="CVE-2021-23336")
    assert expected.load(write(tmp_path, [good])) == [good]


def test_a_combination_listed_twice_is_refused(tmp_path):
    path = write(tmp_path, [entry(["a.T.test_x"]), entry(["a.T.test_x"], releases=["1.4", "1.5"])])
    with pytest.raises(SystemExit, match="listed twice"):
        expected.load(path)


def test_write_keeps_what_still_fails_drops_what_passed_and_adds_new_failures_unreviewed(tmp_path):
    entries = [entry(["a.T.test_still", "a.T.test_passes_now"], releases=["1.4", "1.5"])]
    covered = {(test, "1.4") for test in ("a.T.test_still", "a.T.test_passes_now", "a.T.test_new")}
    failed = {("a.T.test_still", "1.4"), ("a.T.test_new", "1.4")}

    result = expected.updated(entries, covered, failed)

    assert expected.expected(result) == {
        ("a.T.test_still", "1.4"),
        ("a.T.test_still", "1.5"),
        # 1.5 did not run: what the list said about it stands.
        ("a.T.test_passes_now", "1.5"),
        ("a.T.test_new", "1.4"),
    }
    by_test = {test: e for e in result for test in e.tests}
    assert by_test["a.T.test_passes_now"].reason == REASON  # regrouped, reason inherited
    assert by_test["a.T.test_new"].category == by_test["a.T.test_new"].reason == ""
    path = write(tmp_path, result)
    assert expected.expected(expected.load(path, reviewed=False)) == expected.expected(result)
    with pytest.raises(SystemExit, match="say why"):
        expected.load(path)


def test_write_with_nothing_changed_leaves_the_list_as_it_was():
    entries = [entry(["a.T.test_x", "a.T.test_y"], releases=["1.4", "1.6"]), entry(["b.T.test_z"])]
    combos = expected.expected(entries)
    assert expected.updated(entries, combos, combos) == entries


def record(failures=(), passed=()):
    return {
        "tests_run": len(failures) + len(passed),
        "skipped": 0,
        "test_ids": [*failures, *passed],
        "failures": {test: {"kind": "failure", "detail": "AssertionError"} for test in failures},
    }


@pytest.mark.parametrize(
    ("failures", "status"),
    [
        (["a.T.test_listed"], 0),
        (["a.T.test_listed", "a.T.test_new"], 1),  # a failure the list does not name
        ([], 1),  # a listed failure that passed
    ],
)
def test_the_run_and_the_list_must_agree_in_both_directions(tmp_path, monkeypatch, failures, status):
    monkeypatch.setattr(expected, "LIST", write(tmp_path, [entry(["a.T.test_listed"])]))
    monkeypatch.setattr(cli, "run_release", lambda flag, results: record(failures, ["a.T.test_ok"]))
    monkeypatch.setattr(sys, "argv", ["historical", "--releases", "1.4"])
    assert cli.main() == status


def test_imports_of_removed_helpers_are_rewritten_and_line_numbers_kept():
    source = (
        "from __future__ import unicode_literals\n"
        "from django.utils import six\n"
        "from django.utils.six.moves.urllib.parse import urlencode\n"
        "from django.utils import unittest\n"
        "from StringIO import StringIO\n"
        "from django.test.utils import (override_settings,\n"
        "    str_prefix)\n"
        "from django.utils.timezone import utc\n"
        "from django.http import HttpRequest, build_request_repr\n"
        "from django.utils.http import cookie_date\n"
        "x = 1\n"
    )
    text, changes = transform.transform_source(source)
    lines = text.split("\n")
    assert len(lines) == len(source.split("\n"))
    assert lines[1:5] == [
        "import six",
        "from six.moves.urllib.parse import urlencode",
        "import unittest",
        "from tests.historical_suites.support import StringIO",
    ]
    assert lines[5] == (
        "from django.test.utils import override_settings; from tests.historical_suites.support import str_prefix"
    )
    assert lines[7] == "from tests.historical_suites.support import utc"
    # Names the app serves at a flag are left for it to serve.
    assert lines[8:11] == source.split("\n")[8:11]
    assert len(changes) == 6
    compile(text, "rewritten", "exec")


def test_a_module_without_removed_imports_is_left_byte_for_byte(tmp_path):
    source = "from django.http import HttpResponse\nimport unittest\n"
    assert transform.transform_source(source) == (source, [])
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "tests.py").write_text(source)
    assert transform.transform_tree(tmp_path) == []
    assert (tmp_path / "pkg" / "tests.py").read_text() == source


def test_the_python_2_stringio_stand_in_is_a_byte_stream_fed_str_literals():
    assert support.StringIO("name=value\xe9").read() == b"name=value\xe9"
    assert support.StringIO(b"raw").read() == b"raw"
    assert support.str_prefix("%(_)s'a'") == "'a'"


def sdist(tmp_path, files):
    path = tmp_path / "Django-9.9.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            member = tarfile.TarInfo(f"Django-9.9/{name}")
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    return path


def test_only_the_named_test_folders_are_extracted_under_their_last_name(tmp_path):
    path = sdist(
        tmp_path,
        {
            "tests/regressiontests/httpwrappers/tests.py": b"A = 1\n",
            "tests/regressiontests/cache/tests.py": b"B = 1\n",
            "django/http/__init__.py": b"",
        },
    )
    fetch.extract(path, ("regressiontests/httpwrappers",), tmp_path / "out")
    assert [p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.py")] == [
        "httpwrappers/tests.py"
    ]
    with pytest.raises(SystemExit, match="has no tests/requests/"):
        fetch.extract(path, ("requests",), tmp_path / "again")


def test_a_cached_sdist_is_used_only_while_its_hash_is_the_published_one(tmp_path, monkeypatch):
    monkeypatch.setattr(fetch, "CACHE", tmp_path)
    kept = tmp_path / "sdists" / "Django-9.9.tar.gz"
    kept.parent.mkdir()
    kept.write_bytes(b"the sdist")
    digest = hashlib.sha256(b"the sdist").hexdigest()
    assert fetch._sdist(fetch.Release("9.9", digest, ()), tmp_path) == kept

    downloads = []

    def refused_download(command, **kwargs):
        downloads.append(command)

        class Done:
            returncode = 1

        return Done()

    monkeypatch.setattr(fetch.subprocess, "run", refused_download)
    with pytest.raises(SystemExit, match="Could not download"):
        fetch._sdist(fetch.Release("9.9", "0" * 64, ()), tmp_path)
    (command,) = downloads
    assert "--require-hashes" in command


def test_every_release_names_a_sha256_and_its_test_folders():
    assert list(fetch.RELEASES) == ["1.4", "1.5", "1.6", "1.8", "1.11", "3.2"]
    for flag, release in fetch.RELEASES.items():
        assert release.version.startswith(f"{flag}.")
        assert len(release.sha256) == 64 and int(release.sha256, 16) >= 0
        assert {"httpwrappers", "requests"} <= set(release.labels)
