"""What the two expected-failure lists share: reading, checking and writing the TOML.

``tests/django_suite`` (Django's own tests with the app installed) and
``tests/historical_suites`` (old Django's ``django.http`` tests at their
flag) each keep an ``expected_failures.toml`` of ``[[failure]]`` entries,
checked against a run in both directions.  Their entries hold different
fields; the file format, the "listed twice" rule and the comparison with a
run are the same, and live here once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

import tomllib

Combo = TypeVar("Combo", bound=tuple[str, ...])


class Listed(Protocol[Combo]):
    """An entry of a list: it stands for a set of (test, ...) combinations."""

    tests: list[str]
    reason: str

    def combinations(self) -> set[Combo]: ...


def read_failures(path: Path) -> list[dict[str, Any]]:
    """The raw ``[[failure]]`` tables of ``path``."""
    with open(path, "rb") as file:
        return list(tomllib.load(file).get("failure", []))


def listed_twice(entries: Iterable[Listed[Combo]], name: str) -> Iterator[str]:
    """A problem for each group of combinations that two entries both list."""
    seen: set[Combo] = set()
    for entry in entries:
        if twice := seen & entry.combinations():
            yield f"{name}: listed twice: {sorted(twice)}"
        seen |= entry.combinations()


def expected(entries: Iterable[Listed[Combo]]) -> set[Combo]:
    """Every combination the list says fails."""
    found: set[Combo] = set()
    for entry in entries:
        found |= entry.combinations()
    return found


def toml_entry(fields: Sequence[tuple[str, object]], tests: Iterable[str]) -> str:
    """One ``[[failure]]`` table; strings as JSON strings, which TOML reads alike."""
    lines = "".join(f"{name} = {json.dumps(value, ensure_ascii=False)}\n" for name, value in fields)
    listed = "".join(f"    {json.dumps(test)},\n" for test in tests)
    return f"\n[[failure]]\n{lines}tests = [\n{listed}]\n"


def disagreements(failed: set[str], should_fail: set[str], checked: set[str]) -> list[str]:
    """How one run and the list disagree: new failures, and listed tests in ``checked`` that passed."""
    return [f"  FAILED, not in the list: {test}" for test in sorted(failed - should_fail)] + [
        f"  listed, but did not fail: {test}" for test in sorted((should_fail - failed) & checked)
    ]


def write(path: Path, dump: Callable[[list[Any]], str], entries: list[Any], needs: str) -> str:
    """Write the list ``--write`` made; the summary line says how many entries still need ``needs``."""
    path.write_text(dump(entries))
    todo = sum(not entry.reason for entry in entries)
    return f"Wrote {len(entries)} entries to {path.name}; {todo} need {needs}."
