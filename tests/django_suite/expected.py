"""The list of Django tests expected to fail with the app installed, and why.

Each ``[[failure]]`` of ``expected_failures.toml`` names the feature that
makes some tests fail, why that failure is inherent to the feature, the runs
and the Django releases (major.minor) it happens on, and the tests.  An entry
stands for every combination of its tests, runs and releases.  ``--write``
updates the list from a run: tests that passed leave it, new failures come in
entries with an empty feature and reason, and the list refuses to load until
a person has written those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django_http_compat.features import FEATURES_BY_ID
from tests.expected_lists import expected, listed_twice, read_failures, toml_entry

LIST = Path(__file__).with_name("expected_failures.toml")
RUNS = ("unset", "1.6")

HEADER = """\
# Django tests that fail with django_http_compat installed, and why that is inherent.
#
# Checked by `python -m tests.django_suite` (tox envs py313-djsuite-django*), which
# fails when a run and this list disagree in either direction.  Each entry holds for
# every combination of its `tests`, `runs` ("unset": no HTTP_COMPAT_VERSION, or "1.6")
# and `django` (major.minor).  `feature` is the feature id that causes the failures,
# `reason` why a test cannot pass while that feature is on.  Update the tests with
# `python -m tests.django_suite --write`; write features and reasons by hand.
"""

Combination = tuple[str, str, str]  # test id, run, Django major.minor


@dataclass
class Entry:
    feature: str
    reason: str
    runs: list[str]
    django: list[str]
    tests: list[str] = field(default_factory=list)

    def combinations(self) -> set[Combination]:
        return {(test, run, release) for test in self.tests for run in self.runs for release in self.django}


def load(path: Path = LIST, *, reviewed: bool = True) -> list[Entry]:
    """The entries, or SystemExit naming every malformed one.

    ``reviewed=False`` accepts entries still waiting for a feature and a
    reason (what ``--write`` left), so that the list can be updated again.
    """
    entries, problems = [], []
    for number, item in enumerate(read_failures(path), 1):
        entry = Entry(
            feature=item.get("feature", ""),
            reason=item.get("reason", ""),
            runs=list(item.get("runs", [])),
            django=list(item.get("django", [])),
            tests=list(item.get("tests", [])),
        )
        where = f"{path.name} entry {number} ({entry.feature or 'no feature'})"
        if not entry.tests or not entry.runs or not entry.django:
            problems.append(f"{where}: needs tests, runs and django")
        if unknown := set(entry.runs) - set(RUNS):
            problems.append(f"{where}: unknown runs {sorted(unknown)}; runs are {', '.join(RUNS)}")
        if (reviewed or entry.feature) and entry.feature not in FEATURES_BY_ID:
            problems.append(f"{where}: {entry.feature!r} is not a feature id of features.py")
        if reviewed and not entry.reason.strip():
            problems.append(f"{where}: say why the failures are inherent (reason)")
        entries.append(entry)
    problems.extend(listed_twice(entries, path.name))
    if problems:
        raise SystemExit("\n".join(problems))
    return entries


def updated(
    entries: list[Entry], covered: Callable[[Combination], bool], failed: set[Combination]
) -> list[Entry]:
    """The list after a run that covered some combinations and produced the failures ``failed``.

    Combinations the run did not cover are kept.  A test stays in its entry
    while all of that entry's combinations for it are still wanted; the rest
    are regrouped into new entries that inherit the feature and reason of the
    test's old entry (empty for a test new to the list).
    """
    wanted = {combo for combo in expected(entries) if not covered(combo)} | failed
    result, template = [], {}
    for entry in entries:
        kept = []
        for test in entry.tests:
            own = Entry(entry.feature, entry.reason, entry.runs, entry.django, [test]).combinations()
            if own <= wanted:
                kept.append(test)
                wanted -= own
            else:
                template.setdefault(test, entry)
        if kept:
            result.append(Entry(entry.feature, entry.reason, entry.runs, entry.django, kept))
    per_test: dict[str, dict[str, set[str]]] = {}
    for test, run, release in wanted:
        per_test.setdefault(test, {}).setdefault(run, set()).add(release)
    new: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for test in sorted(per_test):
        old = template.get(test)
        by_releases: dict[tuple[str, ...], list[str]] = {}
        for run in RUNS:
            if run in per_test[test]:
                by_releases.setdefault(tuple(sorted(per_test[test][run])), []).append(run)
        for releases, runs in by_releases.items():
            key = (old.feature if old else "", old.reason if old else "", tuple(runs), releases)
            new.setdefault(key, []).append(test)
    for (feature, reason, runs, releases), tests in new.items():
        result.append(Entry(feature, reason, list(runs), list(releases), tests))
    return result


def dump(entries: Iterable[Entry]) -> str:
    """TOML text of the list."""
    fields = ("feature", "reason", "runs", "django")
    return HEADER + "".join(
        toml_entry([(name, getattr(entry, name)) for name in fields], entry.tests) for entry in entries
    )
