"""Files from the package index, fetched once into ``.cache/`` and checked against a recorded sha256.

Tests that need them call ``fetch()``; when the index cannot be reached the
test is skipped and says so, except under CI (``CI`` set), where the index
is reachable and an unreachable one is a failure.  The index is PyPI's
simple API, or the one ``PIP_INDEX_URL`` names.
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple

import pytest

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".cache" / "audit-corpus"


class Release(NamedTuple):
    package: str
    version: str
    filename: str
    sha256: str


def _index() -> str:
    return os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")


def _download(release: Release) -> bytes:
    request = urllib.request.Request(
        f"{_index()}/{release.package}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        files = json.load(answer)["files"]
    (entry,) = [f for f in files if f["filename"] == release.filename]
    with urllib.request.urlopen(entry["url"], timeout=120) as answer:
        return answer.read()


def fetch(release: Release) -> Path:
    """The file of ``release`` in the cache, downloaded if missing; its hash is always checked."""
    path = CACHE / release.filename
    if not path.exists():
        try:
            data = _download(release)
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            if os.environ.get("CI"):
                raise
            pytest.skip(f"the package index is unreachable ({exc}); {release.filename} is not cached")
        CACHE.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".part")
        temporary.write_bytes(data)
        temporary.replace(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == release.sha256, f"{path} has sha256 {digest}, expected {release.sha256}"
    return path
