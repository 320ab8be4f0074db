"""Fetching the ``django.http`` tests of old Django releases into the cache.

Old releases publish their tests only in the source distribution.  The sdist
of each release is downloaded with pip from the package index, checked
against the sha256 written here (pip refuses any other file), and only its
``django.http`` test folders are extracted, made importable on Python 3 by
``transform.py``, into ``.cache/historical-suites/<version>/``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import NamedTuple

from . import transform

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".cache" / "historical-suites"


class Release(NamedTuple):
    #: The last release of the series: the one its sdist is taken from.
    version: str
    #: sha256 of ``Django-<version>.tar.gz`` as published on the package index.
    sha256: str
    #: Test folders under the sdist's ``tests/``, extracted under their last name.
    folders: tuple[str, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The test packages, as extracted."""
        return tuple(folder.rpartition("/")[2] for folder in self.folders)


# The flag each suite runs at (HTTP_COMPAT_VERSION) and where its tests are.
# Before 1.6 the tests lived in tests/regressiontests/.
RELEASES = {
    "1.4": Release(
        "1.4.22",
        "d0e2c9d772fcab2cf9c09e1c05e711cf5fe5eb93225762b29f0739d65e0d1784",
        ("regressiontests/httpwrappers", "regressiontests/requests"),
    ),
    "1.5": Release(
        "1.5.12",
        "b3de77beb6e59b72071ca66f20c2ad34e1b90d39b0241e62c1f03c668ddd6ced",
        ("regressiontests/httpwrappers", "regressiontests/requests"),
    ),
    "1.6": Release(
        "1.6.11",
        "7e50e573e484435873b3515d7982d80093b2695aba17fd0ff024307454dc3a56",
        ("httpwrappers", "requests", "responses"),
    ),
    "1.8": Release(
        "1.8.19",
        "33d44a5cf9d333247a9a374ae1478b78b83c9b78eb316fc04adde62053b4c047",
        ("httpwrappers", "requests", "responses"),
    ),
    "1.11": Release(
        "1.11.29",
        "4200aefb6678019a0acf0005cd14cfce3a5e6b9b90d06145fcdd2e474ad4329c",
        ("httpwrappers", "requests", "responses"),
    ),
    "3.2": Release(
        "3.2.25",
        "7ca38a78654aee72378594d63e51636c04b8e28574f5505dff630895b5472777",
        ("httpwrappers", "requests", "responses"),
    ),
}

# Written last into a fetched suite: a suite without it is incomplete, and
# one written by another version of transform.py is made again.
STAMP = ".transformed"


def suite_dir(flag: str) -> Path:
    """The folder holding the test packages of release ``flag``, fetched if missing."""
    release = RELEASES[flag]
    target = CACHE / release.version
    if (target / STAMP).is_file() and (target / STAMP).read_text() == transform.VERSION:
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as work:
        sdist = _sdist(release, Path(work))
        built = Path(work) / "suite"
        extract(sdist, release.folders, built)
        transform.transform_tree(built)
        (built / STAMP).write_text(transform.VERSION)
        # Replaced by a rename, so an interrupted fetch never leaves a partial suite.
        shutil.rmtree(target, ignore_errors=True)
        try:
            os.rename(built, target)
        except OSError:
            if not (target / STAMP).is_file():  # not another run's copy
                raise
    return target


def _sdist(release: Release, work: Path) -> Path:
    """The release's sdist: kept in the cache once downloaded, its hash checked by pip."""
    kept = CACHE / "sdists" / f"Django-{release.version}.tar.gz"
    if kept.is_file() and sha256(kept) == release.sha256:
        return kept
    requirement = work / "requirement.txt"
    requirement.write_text(f"django=={release.version} --hash=sha256:{release.sha256}\n")
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes"]
    command += ["--no-binary", ":all:", "--dest", str(work), "-r", str(requirement)]
    print(f"Fetching the sdist of Django {release.version} ...", flush=True)
    if subprocess.run(command).returncode:
        raise SystemExit(f"Could not download Django {release.version}'s sdist with sha256 {release.sha256}")
    (downloaded,) = work.glob("[Dd]jango-*.tar.gz")
    if sha256(downloaded) != release.sha256:  # pip checked it; this guards the check itself
        raise SystemExit(f"{downloaded.name}: sha256 is not {release.sha256}")
    kept.parent.mkdir(exist_ok=True)
    os.replace(downloaded, kept)
    return kept


def sha256(path: Path) -> str:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def extract(sdist: Path, folders: tuple[str, ...], into: Path) -> None:
    """Extract ``<root>/tests/<folder>/`` of the archive as ``into/<last name of folder>/``."""
    with tarfile.open(sdist) as archive:
        root = archive.getnames()[0].split("/")[0]
        members = []
        for folder in folders:
            prefix = f"{root}/tests/{folder}/"
            found = [member for member in archive.getmembers() if member.name.startswith(prefix)]
            if not found:
                raise SystemExit(f"{sdist.name} has no tests/{folder}/")
            for member in found:
                member.name = f"{folder.rpartition('/')[2]}/{member.name[len(prefix) :]}"
                members.append(member)
        into.mkdir()
        archive.extractall(into, members=members, filter="data")
