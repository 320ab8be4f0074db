"""Differences from the recordings that are still to be implemented.

``pending.json`` holds every mismatch of the replay that no deliberate
difference (``differences.py``) explains: one entry a line, with the
recorded and the shim's value and the modern Django feature releases it
occurs on.  It is a to-do list, not a list of decisions: implementing a
behaviour removes its entries.  ``tests/golden/test_golden.py`` requires the list to
match the replay exactly, so an entry can neither appear nor disappear
unnoticed.

Rewrite the running Django's entries after a change with::

    python -m tests.golden.pending

(run it once under each supported Django; other releases' entries are kept).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

PENDING = Path(__file__).parent / "pending.json"


def modern_release() -> str:
    import django

    return "{}.{}".format(*django.VERSION[:2])


def _read() -> dict:
    return json.loads(PENDING.read_text()) if PENDING.exists() else {"generated_on": [], "pending": []}


def load() -> list[dict]:
    return _read()["pending"]


def generated_on() -> list[str]:
    """The modern Djangos the list was last written on (an empty list says nothing by itself)."""
    return _read()["generated_on"]


def key(entry: dict) -> tuple[str, str, str]:
    return entry["release"], entry["probe"], entry["leaf"]


@functools.cache
def pending_for(modern: str) -> frozenset[tuple[str, str, str]]:
    """(recorded release, probe, leaf) of every entry pending on that modern Django."""
    return frozenset(key(entry) for entry in load() if modern in entry["django"])


def _order(entry: dict) -> tuple:
    release = tuple(int(part) for part in entry["release"].split("."))
    return release, entry["probe"], entry["leaf"], json.dumps(entry["shim"], sort_keys=True)


def write(modern: str, mismatches) -> int:
    """Replace ``modern``'s entries by ``mismatches``; the number written for it."""
    from tests.golden.probes import PROBES

    features = {p.name: list(p.features) for p in PROBES}
    entries = []
    for entry in load():
        entry["django"] = [v for v in entry["django"] if v != modern]
        if entry["django"]:
            entries.append(entry)
    same = {(key(e), json.dumps(e["recorded"]), json.dumps(e["shim"])): e for e in entries}
    for m in mismatches:
        found = same.get(((m.release, m.probe, m.leaf), json.dumps(m.recorded), json.dumps(m.shim)))
        if found is None:
            found = {
                "release": m.release,
                "probe": m.probe,
                "features": features.get(m.probe, []),
                "leaf": m.leaf,
                "recorded": m.recorded,
                "shim": m.shim,
                "django": [],
            }
            entries.append(found)
        found["django"] = sorted(set(found["django"]) | {modern}, key=lambda v: tuple(map(int, v.split("."))))
    entries.sort(key=_order)
    lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries]
    djangos = sorted({*generated_on(), modern}, key=lambda v: tuple(map(int, v.split("."))))
    PENDING.write_text(
        f'{{"generated_on": {json.dumps(djangos)}, "pending": [\n' + ",\n".join(lines) + "\n]}\n"
    )
    return len(mismatches)


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from tests.golden.differences import DIFFERENCES
    from tests.golden.replay import RECORDINGS, unexplained

    found = [m for release in RECORDINGS for m in unexplained(release, DIFFERENCES)]
    count = write(modern_release(), found)
    print(f"{count} pending differences on Django {modern_release()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
