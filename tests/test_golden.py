"""Replays every recorded scenario on modern Django with the matching HTTP_COMPAT_VERSION.

The recorded files hold what real Django releases returned (see
``tests/golden/record.py``).  A mismatch fails, unless it is listed in
``KNOWN_DIFFERENCES`` with its reason; that list must match exactly, so a
difference can neither appear nor disappear unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from django_http_compat import override
from tests.golden import probes
from tests.golden.differences import DIFFERENCES
from tests.golden.normalise import normalise

DATA = Path(__file__).parent / "golden" / "data"
RECORDINGS = {path.stem.removeprefix("django-"): path for path in sorted(DATA.glob("django-*.json"))}

KNOWN_DIFFERENCES = DIFFERENCES


def recorded(release: str) -> dict:
    return json.loads(RECORDINGS[release].read_text())


def replay(release: str) -> dict:
    with override(version=release, warnings="ignore"):
        return probes.run_all()


def _leaves(expected, actual, path=""):
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            yield from _leaves(expected.get(key), actual.get(key), f"{path}/{key}")
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (exp, act) in enumerate(zip(expected, actual, strict=False)):
            label = json.dumps(exp["call"]) if isinstance(exp, dict) and "call" in exp else str(index)
            yield from _leaves(exp, act, f"{path}/{label}")
    elif expected != actual:
        yield path


def mismatches(release: str) -> set[tuple[str, str]]:
    """(probe, leaf path) for every recorded value the replay does not reproduce."""
    expected = normalise(recorded(release)["probes"])
    actual = normalise(json.loads(json.dumps(replay(release))))
    return {(name, leaf) for name in expected for leaf in _leaves(expected[name], actual.get(name))}


def _explains(entry, release, probe, leaf) -> bool:
    releases, probe_prefix, leaf_part, _ = entry
    if release not in releases or not probe.startswith(probe_prefix):
        return False
    alternatives = leaf_part if isinstance(leaf_part, tuple) else (leaf_part,)
    return any(part in leaf for part in alternatives)


def test_recordings_cover_the_required_releases():
    assert {"1.1.4", "1.3.7", "1.4.22", "1.5.12", "1.6.11", "1.8.19", "1.11.29", "2.2.28", "3.2.25"} <= set(
        RECORDINGS
    )
    for release in RECORDINGS:
        assert set(recorded(release)["probes"]) == {p.name for p in probes.PROBES}


@pytest.mark.parametrize("release", RECORDINGS)
def test_replay_matches_recording(release):
    unexplained = sorted(
        (probe, leaf)
        for probe, leaf in mismatches(release)
        if not any(_explains(entry, release, probe, leaf) for entry in KNOWN_DIFFERENCES)
    )
    assert unexplained == []


def test_every_known_difference_still_occurs():
    found = {release: mismatches(release) for release in RECORDINGS}
    for entry in KNOWN_DIFFERENCES:
        for release in entry[0]:
            assert any(_explains(entry, release, probe, leaf) for probe, leaf in found[release]), (
                entry,
                release,
            )


def test_replay_would_catch_a_difference():
    """The comparison is live: a wrong shim answer shows up as a mismatch."""
    with override(version="1.6", features={"request_is_ajax": False}, warnings="ignore"):
        actual = normalise(json.loads(json.dumps(probes.run_all())))
    expected = normalise(recorded("1.6.11")["probes"])
    assert list(_leaves(expected["is_ajax"], actual["is_ajax"]))
