"""Replays every recorded scenario on modern Django with the matching HTTP_COMPAT_VERSION.

The recorded files hold what real Django releases returned (see
``tests/golden/record.py``).  A mismatch fails, unless it is listed in
``KNOWN_DIFFERENCES`` with its reason; that list must match exactly, so a
difference can neither appear nor disappear unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path

import django
import pytest

from django_http_compat import override
from tests.golden import probes
from tests.golden.normalise import normalise

DATA = Path(__file__).parent / "golden" / "data"
RECORDINGS = {path.stem.removeprefix("django-"): path for path in sorted(DATA.glob("django-*.json"))}

# (releases, probe prefix, text the differing leaf's path contains (or a tuple of
# alternatives), why the shim differs on purpose).
KNOWN_DIFFERENCES: list[tuple[tuple[str, ...], str, str | tuple[str, ...], str]] = [
    (
        ("1.1.4",),
        "mimetype",
        '"text/plain\\r\\nX-Evil: 1"',
        "Security: Django 1.1 let a newline in mimetype inject a header; the shim refuses it "
        "with BadHeaderError as modern Django does.",
    ),
    (
        ("1.4.22", "1.5.12", "1.6.11"),
        "request_multipart_then_body",
        "/body_after/error",
        "Modern request.body raises RawPostDataException, a subclass of the plain Exception "
        "these releases raised, so their except clauses still catch it.",
    ),
    (
        ("1.1.4", "1.3.7"),
        "request_",
        "/body_after",
        "raw_post_data is not provided yet (issue #3); the probe falls back to it before 1.4.",
    ),
    (("1.1.4",), "request_body_then_request", "/value/a", "raw_post_data is not provided yet (issue #3)."),
    (
        ("1.1.4",),
        "request_repr",
        "/value/",
        "MergeDict had no repr before 1.4 (an object address); the shim always gives the 1.4 form.",
    ),
    (
        ("1.1.4", "1.3.7", "1.4.22", "1.5.12"),
        "mimetype",
        '["x", "text/plain", 404, "text/html", "text/css"]',
        "Too many positional arguments: the shim's TypeError names the era's order instead of "
        "Python 2's argument count.",
    ),
    (
        ("1.1.4", "1.3.7", "1.4.22"),
        "mimetype",
        (
            '"HttpResponseRedirect", ["/to/"',
            '"HttpResponsePermanentRedirect"',
            '"HttpResponseNotAllowed"',
            '"StreamingHttpResponse"',
            'TemplateResponse"',
        ),
        "Modern classes and signatures accept more than these releases did (new classes, "
        "extra arguments); code written for them never relied on the TypeError.",
    ),
    (
        ("1.1.4", "1.3.7", "1.4.22"),
        "mimetype",
        '"HttpResponseNotModified"',
        "Before 1.5 a 304 kept its Content-Type; modern Django drops it (conflict C-17, issue #4).",
    ),
    (
        ("1.6.11",),
        "mimetype",
        "TemplateResponse",
        "Django 1.6 passed a template response's mimetype into the reason-phrase slot and kept "
        "text/html; the shim sets the Content-Type as the 1.6 documentation describes.",
    ),
]

if django.VERSION >= (5, 2):
    KNOWN_DIFFERENCES.append(
        (
            (
                "1.1.4",
                "1.3.7",
                "1.4.22",
                "1.5.12",
                "1.6.11",
                "1.8.19",
                "1.11.29",
                "2.2.28",
                "3.1.14",
                "3.2.25",
            ),
            "mimetype",
            '["/to/", "body", "text/plain"]',
            "Django 5.2 made preserve_request the second positional argument of redirects (issue #4).",
        )
    )


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
        assert set(recorded(release)["probes"]) == {name for name, _ in probes.PROBES}


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
