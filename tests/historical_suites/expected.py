"""The list of historical tests expected to fail, each with its reason.

Each ``[[failure]]`` of ``expected_failures.toml`` has a category (why the
test cannot pass: ``CATEGORIES``), a reason in words, the releases (flags)
it holds for and the tests.  A deliberate difference cites the entry of
tests/golden/differences.py that lists it (``difference``: a text of that
entry's reason) or the feature whose documented behaviour it is
(``feature``).  ``--write`` brings new failures in with an empty category
and reason, and the list refuses to load until a person has written them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django_http_compat.features import FEATURES_BY_ID
from tests.expected_lists import expected, listed_twice, read_failures, toml_entry
from tests.golden.differences import DIFFERENCES

from .fetch import RELEASES

LIST = Path(__file__).with_name("expected_failures.toml")

CATEGORIES = {
    "deliberate": "the shim differs on purpose (a listed difference, or modern behaviour kept)",
    "python2": "the test asserts what only Python 2 did (str is bytes, unicode, dict order ...)",
    "internals": "the test uses Django's internals or machinery that modern Django changed or removed",
    "pending": "a behaviour the shim should reproduce and does not yet",
}

HEADER = """\
# Tests of old Django's own django.http suites that fail at their release's flag, and why.
#
# Checked by `python -m tests.historical_suites` (tox env py312-historical), which
# fails when a run and this list disagree in either direction.  `category` is one of
# deliberate, python2, internals or pending (not reproduced yet).  A deliberate one
# cites its entry in tests/golden/differences.py (`difference`: a text of that
# entry's reason) or says `unlisted = true` (no entry yet); `feature` names the
# feature concerned, where there is one.
# Update the tests with `python -m tests.historical_suites --write`; write
# categories and reasons by hand.
"""

Combination = tuple[str, str]  # test id, release flag


@dataclass
class Entry:
    category: str
    reason: str
    releases: list[str]
    tests: list[str] = field(default_factory=list)
    feature: str = ""
    difference: str = ""
    #: A deliberate difference that tests/golden/differences.py does not list yet.
    unlisted: bool = False

    def combinations(self) -> set[Combination]:
        return {(test, release) for test in self.tests for release in self.releases}


def load(path: Path | None = None, *, reviewed: bool = True) -> list[Entry]:
    """The entries, or SystemExit naming every malformed one.

    ``reviewed=False`` accepts entries still waiting for a category and a
    reason (what ``--write`` left), so that the list can be updated again.
    """
    path = path or LIST
    entries, problems = [], []
    for number, item in enumerate(read_failures(path), 1):
        entry = Entry(
            category=item.get("category", ""),
            reason=item.get("reason", ""),
            releases=list(item.get("releases", [])),
            tests=list(item.get("tests", [])),
            feature=item.get("feature", ""),
            difference=item.get("difference", ""),
            unlisted=item.get("unlisted", False) is True,
        )
        where = f"{path.name} entry {number}"
        if not entry.tests or not entry.releases:
            problems.append(f"{where}: needs tests and releases")
        if unknown := set(entry.releases) - set(RELEASES):
            problems.append(f"{where}: unknown releases {sorted(unknown)}")
        if (reviewed or entry.category) and entry.category not in CATEGORIES:
            problems.append(f"{where}: category {entry.category!r} is not one of {', '.join(CATEGORIES)}")
        if reviewed and not entry.reason.strip():
            problems.append(f"{where}: say why the tests fail (reason)")
        if entry.feature and entry.feature not in FEATURES_BY_ID:
            problems.append(f"{where}: {entry.feature!r} is not a feature id of features.py")
        if entry.difference and sum(entry.difference in d.reason for d in DIFFERENCES) != 1:
            problems.append(
                f"{where}: difference {entry.difference!r} is not in exactly one listed difference"
            )
        if reviewed and entry.category == "deliberate" and bool(entry.difference) == entry.unlisted:
            problems.append(
                f"{where}: a deliberate difference cites its entry (difference) or says unlisted = true"
            )
        if entry.category != "deliberate" and (entry.difference or entry.unlisted):
            problems.append(f"{where}: only a deliberate difference cites differences.py")
        entries.append(entry)
    problems.extend(listed_twice(entries, path.name))
    if problems:
        raise SystemExit("\n".join(problems))
    return entries


def updated(entries: list[Entry], covered: set[Combination], failed: set[Combination]) -> list[Entry]:
    """The list after runs that covered ``covered`` and failed ``failed``.

    What the runs did not cover stays; a listed combination that passed
    leaves its entry; any other failure comes in an entry of its own
    release, with the category and reason of its test's old entry, empty
    for a test new to the list.
    """
    wanted = {combo for combo in expected(entries) if combo not in covered} | failed
    result, template = [], {}
    for entry in entries:
        kept = {combo for combo in entry.combinations() if combo not in covered or combo in failed}
        for test in entry.tests:
            template.setdefault(test, entry)
        releases = [r for r in entry.releases if any(combo[1] == r for combo in kept)]
        tests = [t for t in entry.tests if all((t, r) in kept for r in releases)]
        if tests and releases:
            result.append(Entry(**{**entry.__dict__, "releases": releases, "tests": tests}))
    # The rest, one entry per release and old entry (which lends its reason).
    groups: dict[tuple[int, str], list[str]] = {}
    for test, release in sorted(wanted - expected(result)):
        groups.setdefault((id(template.get(test)), release), []).append(test)
    by_id = {id(entry): entry for entry in entries}
    for (old, release), tests in groups.items():
        if old in by_id:
            result.append(Entry(**{**by_id[old].__dict__, "releases": [release], "tests": tests}))
        else:
            result.append(Entry("", "", [release], tests))
    return result


def dump(entries: Iterable[Entry]) -> str:
    """TOML text of the list; ``feature``, ``difference`` and ``unlisted`` only where set."""
    parts = [HEADER]
    for entry in entries:
        cites = [(name, getattr(entry, name)) for name in ("feature", "difference", "unlisted")]
        fields = [("category", entry.category), ("reason", entry.reason)]
        fields += [(name, value) for name, value in cites if value] + [("releases", entry.releases)]
        parts.append(toml_entry(fields, entry.tests))
    return "".join(parts)
