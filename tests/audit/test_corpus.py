"""Recall and false alarms on real old code: the corpus of tests/audit/corpus.py.

``python -m tests.audit.test_corpus`` prints the figures.
"""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from django_http_compat.audit import audit_paths

from .corpus import CORPUS, Package
from .pypi import CACHE, fetch


def unpacked(package: Package) -> Path:
    archive = fetch(package.release)
    top = CACHE / archive.name.removesuffix(".tar.gz")
    if not top.is_dir():
        with tarfile.open(archive) as tar:
            tar.extractall(CACHE, filter="data")
    return top


def compare(package: Package) -> tuple[set, set, set]:
    """(sites found, sites missed, false alarms) of one package."""
    top = unpacked(package)
    report = audit_paths([top])
    assert report.skipped == [] and report.errors == []
    found = {
        (Path(f.path).relative_to(top).as_posix(), f.line, f.feature, f.certainty) for f in report.findings
    }
    expected = set(package.sites)
    return found & expected, expected - found, found - expected


@pytest.mark.parametrize("package", CORPUS, ids=lambda p: p.release.filename.removesuffix(".tar.gz"))
def test_every_hand_checked_site_is_found_and_nothing_else(package):
    hits, missed, false_alarms = compare(package)
    assert (sorted(missed), sorted(false_alarms)) == ([], [])
    flagged_lines = {(site[0], site[1]) for site in hits}
    assert [lookalike for lookalike in package.lookalikes if lookalike[:2] in flagged_lines] == []


def test_the_corpus_is_real_code():
    assert len(CORPUS) >= 5
    assert sum(len(p.sites) for p in CORPUS) >= 50
    assert len({site[2] for p in CORPUS for site in p.sites}) >= 8


if __name__ == "__main__":
    total = found = alarms = 0
    for package in CORPUS:
        hits, missed, false_alarms = compare(package)
        total += len(package.sites)
        found += len(hits)
        alarms += len(false_alarms)
        print(
            f"{package.release.filename}: {len(hits)}/{len(package.sites)} found, {len(false_alarms)} false alarms"
        )
        for site in sorted(missed):
            print("  missed", *site)
        for site in sorted(false_alarms):
            print("  false alarm", *site)
    print(f"recall {found}/{total} = {found / total:.1%}; {alarms} false alarms")
