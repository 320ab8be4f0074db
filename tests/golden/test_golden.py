"""Replays every recorded scenario and census on modern Django with the matching HTTP_COMPAT_VERSION.

The recorded files hold what real Django releases returned (see
``tests/golden/record.py``).  Every value the replay does not reproduce must
be explained by exactly one of two lists, each required to match exactly, so
a difference can neither appear nor disappear unnoticed:

* ``tests/golden/differences.py``: deliberate differences, each with its reason;
* ``tests/golden/pending.json``: differences not implemented yet (regenerate it
  with ``python -m tests.golden.pending`` after implementing one).
"""

from __future__ import annotations

import json

import django
import pytest

from django_http_compat import install, override
from django_http_compat.features import FEATURES_BY_ID
from tests.golden import pending, probes
from tests.golden.differences import DIFFERENCES
from tests.golden.normalise import normalise
from tests.golden.probes import census
from tests.golden.probes.common import MODERN, UNDECLARED
from tests.golden.record import RELEASES
from tests.golden.replay import (
    RECORDINGS,
    adds_optional_arguments,
    census_mismatches,
    leaves,
    mismatches,
    plain_census,
    recorded,
    shim_census,
    universe,
)

MODERN_DJANGO = pending.modern_release()


def _explained(m) -> bool:
    return any(d.explains(m.release, m.probe, m.leaf) for d in DIFFERENCES)


def test_recordings_cover_the_required_releases():
    assert set(RECORDINGS) == set(RELEASES)
    for release in RECORDINGS:
        data = recorded(release)
        assert set(data["probes"]) == {p.name for p in probes.PROBES}
        assert set(data["census"]) == {"modules", "classes"}
        assert data["django"] == release


def test_probes_name_declared_features():
    """A golden mismatch names features; each tag is a feature id or listed as not declared yet."""
    assert not set(UNDECLARED) & set(FEATURES_BY_ID), "declared now: drop from UNDECLARED"
    for probe in probes.PROBES:
        assert probe.features, probe.name
        for feature_id in probe.features:
            assert feature_id in FEATURES_BY_ID or feature_id in UNDECLARED or feature_id == MODERN, (
                probe.name,
                feature_id,
            )


def _describe(found: set, listed: set) -> str:
    return json.dumps(
        {"not in pending.json": sorted(found - listed)[:20], "no longer found": sorted(listed - found)[:20]},
        indent=1,
    )


@pytest.mark.parametrize("release", RECORDINGS)
def test_replay_matches_recording(release):
    """Every mismatch is a deliberate difference or a pending one, and every pending one occurs."""
    found = {(m.release, m.probe, m.leaf) for m in mismatches(release) if not _explained(m)}
    listed = {entry for entry in pending.pending_for(MODERN_DJANGO) if entry[0] == release}
    assert found == listed, _describe(found, listed)


def test_pending_differences_are_not_deliberate():
    for entry in pending.load():
        assert not any(d.explains(entry["release"], entry["probe"], entry["leaf"]) for d in DIFFERENCES), (
            entry
        )


def test_every_known_difference_still_occurs():
    found = {release: mismatches(release) for release in RECORDINGS}
    for difference in DIFFERENCES:
        if difference.djangos and MODERN_DJANGO not in difference.djangos:
            continue  # occurs on other Djangos only
        for release in difference.releases:
            assert any(difference.explains(m.release, m.probe, m.leaf) for m in found[release]), (
                difference.reason,
                release,
            )


def test_replay_would_catch_a_difference():
    """The comparison is live: a wrong shim answer shows up as a mismatch."""
    with override(version="1.6", features={"request_is_ajax": False}, warnings="ignore"):
        actual = normalise(json.loads(json.dumps(probes.run_all())))
    expected = normalise(recorded("1.6.11")["probes"])
    assert list(leaves(expected["is_ajax"], actual["is_ajax"]))


# --- the census ---------------------------------------------------------------------


def test_census_of_the_running_django_is_plain_django():
    """At the running Django's own flag the shim changes no name, attribute or signature."""
    assert shim_census(MODERN_DJANGO) == plain_census()


def test_census_would_catch_a_missing_method():
    install(version="1.6", features={"request_is_ajax": False}, warnings="ignore")
    try:
        without = census.run(universe())
    finally:
        install()
    leaves_found = [m.leaf for m in census_mismatches("1.6.11", without)]
    assert "/classes/HttpRequest/is_ajax (missing)" in leaves_found
    assert "/classes/HttpRequest/is_ajax (missing)" not in [m.leaf for m in mismatches("1.6.11")]


def test_census_describes_call_shapes():
    described = recorded("1.6.11")["census"]["classes"]["HttpResponse"]
    assert described["set_cookie"].startswith("method (self, key, value=")
    assert described["status_code"] == "data = 200"
    assert census.shape(lambda a, b=b"", *c, d=None, **e: None) == '(a, b="", *c, d=None, **e)'
    assert census.shape(dict.get) == "(?)"


@pytest.mark.parametrize(
    ("old", "new", "extends"),
    [
        ("method (self)", "method (self, force_append_slash=False)", True),
        ("method (self, key)", "method (self, key, *args, **kwargs)", True),
        ("method (self, key)", "method (self, key, default)", False),
        ("method (self, a, b=1)", "method (self, b=1)", False),
        ("method (self)", "property", False),
        ("method (?)", "method (self, x=1)", False),
        (
            "method (self, data, safe=True, **kwargs)",
            "method (self, data, safe=True, extra=None, **kwargs)",
            True,
        ),
        (
            "method (self, query_string, mutable=False)",
            "method (self, query_string=None, mutable=False)",
            True,
        ),
        ("method (self, memo=None)", "method (self, memo)", False),
        ("method (self, key, default_list=())", "method (self, key, default_list=None)", False),
        ("method (self, a=1, *args)", "method (self, a=1)", False),
        ("method (self, s=1, encoding=None)", "method (self, *, s=1, encoding=None)", False),
        ("method (self, x, *args, **kwargs)", "method (self, *args, x=None, **kwargs)", False),
    ],
)
def test_optional_arguments_added(old, new, extends):
    assert adds_optional_arguments(old, new) is extends


def test_pending_list_covers_the_running_django():
    """pending.json was generated on this Django too (else the replay test is meaningless)."""
    assert MODERN_DJANGO in pending.generated_on(), django.get_version()
    assert all(set(entry["django"]) <= set(pending.generated_on()) for entry in pending.load())


def test_census_describes_a_delegating_wrapper_by_the_calls_it_accepts():
    """set_cookie's wrapper hands every argument on: the census reads Django's call shape on it."""
    from django.http.response import HttpResponseBase

    plain = census.describe_raw(vars(HttpResponseBase)["set_cookie"])
    install(version="1.6", warnings="ignore")
    try:
        patched = vars(HttpResponseBase)["set_cookie"]
        described = census.describe_raw(patched)
    finally:
        install()
    assert patched is not vars(HttpResponseBase)["set_cookie"]  # it was the shim's wrapper
    assert described == plain
