"""Record what real old Django releases do, as golden data for the test suite.

Run with ``tox -e record`` (or ``python -m tests.golden.record``).  For each
release below it installs Django into a cache folder with the matching old
interpreter, runs the ``probes`` package (every probe and the census) and the
legacy example project's recorder under it, and writes
``data/django-<version>.json``.  The normal test suite
never runs this; it only replays the committed files.

Old interpreters are found on ``PATH`` (``python2.7``, ``python3.8`` ...) or,
when pyenv is installed, among its versions.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = HERE / "data"
CACHE = REPO / ".cache" / "golden"

# Django release -> Python it is recorded under: 2.7 up to 1.10 (the Python most
# code of those releases ran on), then a Python each release supports.
RELEASES = {
    "1.1.4": "2.7",
    "1.2.7": "2.7",
    "1.3.7": "2.7",
    "1.4.22": "2.7",
    "1.5.12": "2.7",
    "1.6.11": "2.7",
    "1.7.11": "2.7",
    "1.8.19": "2.7",
    "1.9.13": "2.7",
    "1.10.8": "2.7",
    "1.11.29": "3.7",
    "2.0.13": "3.7",
    "2.1.15": "3.7",
    "2.2.28": "3.8",
    "3.0.14": "3.8",
    "3.1.14": "3.8",
    "3.2.25": "3.8",
}

# The bundled example project is written for Django 1.6.
EXAMPLE_RELEASES = {"1.6.11"}


def _runs(exe: str) -> bool:
    try:
        return subprocess.run([exe, "-c", "pass"], capture_output=True).returncode == 0
    except OSError:
        return False


def find_python(version: str) -> str:
    """``pythonX.Y`` from PATH, else from pyenv's versions (its shims may be inactive)."""
    name = f"python{version}"
    candidates = [shutil.which(name)]
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
        candidates += [str(d / "bin" / name) for d in sorted(Path(root, "versions").glob(f"{version}.*"))]
    except (OSError, subprocess.CalledProcessError):
        pass
    for exe in candidates:
        if exe and _runs(exe):
            return exe
    raise SystemExit(f"No working {name} on PATH or in pyenv; it is needed to record Django under it.")


def install(release: str, python: str) -> Path:
    target = CACHE / f"django-{release}"
    if not (target / "django" / "__init__.py").exists():
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "--target", str(target), f"django=={release}"],
            check=True,
        )
    return target


def run_under(python: str, django_dir: Path, script: Path) -> dict:
    """Run ``script`` (a file, or a package run with ``-m``) under ``python`` and that Django."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(django_dir), str(script.parent)]))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [python, "-m", script.name] if script.is_dir() else [python, str(script)]
    result = subprocess.run(command, env=env, capture_output=True, check=True, cwd=str(script.parent))
    return json.loads(result.stdout.decode("utf-8"))


def record(release: str) -> Path:
    python = find_python(RELEASES[release])
    django_dir = install(release, python)
    data = run_under(python, django_dir, HERE / "probes")
    example = REPO / "examples" / "legacy_project" / "record_responses.py"
    if release in EXAMPLE_RELEASES:
        data["example"] = run_under(python, django_dir, example)["responses"]
    out = DATA / f"django-{release}.json"
    out.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("releases", nargs="*", default=list(RELEASES), help="default: all")
    args = parser.parse_args(argv)
    DATA.mkdir(exist_ok=True)
    for release in args.releases:
        if release not in RELEASES:
            parser.error(f"unknown release {release!r}; choose from {', '.join(RELEASES)}")
        print(f"recorded {record(release).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
