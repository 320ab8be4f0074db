"""Fetching the test suite of the installed Django release.

Django publishes its tests only in the source distribution, so the sdist of
exactly the installed version is downloaded with pip (the package index is
the only source used) and its ``tests/`` folder extracted into
``.cache/django-suite/<version>/tests``, once per version.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import django

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".cache" / "django-suite"


def suite_dir(version: str = django.__version__) -> Path:
    """The extracted ``tests/`` folder of Django ``version``, fetched if missing."""
    target = CACHE / version / "tests"
    if (target / "runtests.py").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        sdist = _download(version, Path(work))
        extracted = Path(work) / "tests"
        _extract_tests(sdist, extracted)
        if not (extracted / "runtests.py").is_file():
            raise SystemExit(f"{sdist.name} has no tests/runtests.py")
        # A rename is atomic: an interrupted fetch never leaves a partial suite.
        try:
            os.rename(extracted, target)
        except OSError:
            if not (target / "runtests.py").is_file():  # not another run's copy
                raise
    return target


def _download(version: str, into: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
    command += ["--no-binary", ":all:", "--dest", str(into), f"django=={version}"]
    print(f"Fetching the test suite of Django {version} (its sdist) ...", flush=True)
    if subprocess.run(command).returncode:
        raise SystemExit(
            f"Could not download the sdist of Django {version}; a development "
            "version has no published test suite."
        )
    (sdist,) = into.glob("[Dd]jango-*.tar.gz")
    return sdist


def _extract_tests(sdist: Path, into: Path) -> None:
    """Extract ``<root>/tests/`` of the archive into ``into``, nothing else."""
    with tarfile.open(sdist) as archive:
        root = archive.getnames()[0].split("/")[0]
        prefix = f"{root}/tests/"
        members = []
        for member in archive.getmembers():
            if member.name.startswith(prefix):
                member.name = member.name[len(prefix) :]
                members.append(member)
        into.mkdir()
        archive.extractall(into, members=members, filter="data")
