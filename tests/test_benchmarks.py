"""The benchmark suite's statements still run and compute what they claim, on every Django in the matrix.

The timings themselves belong to ``tox -e bench``; this only keeps the
declarations from rotting (django-compat-patcher's pairs need it installed,
so they are checked by the benchmark run itself).
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.live.servers import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import timed  # noqa: E402

SHIM_PAIRS = [name for name, pair in timed.PAIRS.items() if pair.setup == timed.COMPAT]


def test_every_shim_pair_leaves_its_check_true():
    done = subprocess.run(
        [sys.executable, "timed.py", "--check", *SHIM_PAIRS],
        cwd=REPO / "benchmarks",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["checked", str(len(SHIM_PAIRS))]


def test_every_api_case_names_a_registry_feature():
    from django_http_compat.features import FEATURES_BY_ID

    assert {case.feature for case in timed.API_CASES} <= set(FEATURES_BY_ID)


def test_the_usage_memory_script_counts_every_call_at_its_sites():
    for files, sites in (("one", 1), ("each", 300)):
        done = subprocess.run(
            [sys.executable, "usage_memory.py", "compat", "300", files],
            cwd=REPO / "benchmarks",
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        measured = json.loads(done.stdout)
        assert (measured["codes"], measured["sites"], measured["calls"]) == (300, sites, 300)


def test_the_attribution_sides_run_with_every_feature_they_turn_off():
    import attribution

    for turned_off in (attribution.PLAIN, attribution.ALL, attribution.FEATURES[0]):
        done = subprocess.run(
            [sys.executable, "attribution.py", turned_off, "2"],
            cwd=REPO / "benchmarks",
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr


def test_every_attributed_feature_is_a_registry_feature():
    import attribution

    from django_http_compat.features import FEATURES_BY_ID

    assert set(attribution.FEATURES) <= set(FEATURES_BY_ID)


def test_every_site_lookup_step_runs():
    import site_lookup

    for step in site_lookup.STEPS:
        done = subprocess.run(
            [sys.executable, "site_lookup.py", step, "10"],
            cwd=REPO / "benchmarks",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
