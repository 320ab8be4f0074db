"""Build the sdist and the wheel as PyPI would get them, and check them: ``tox -e packaging``.

``python -m build`` builds the sdist, then the wheel from the unpacked sdist,
so a file the build needs but the sdist lacks fails here.  The build must
print no warning (setuptools warns about deprecated metadata, such as a
license classifier); ``twine check --strict`` checks the metadata and that
the README renders; then the contents of both files are compared with what
they must and must not hold.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The sdist holds the package and what building it reads, nothing else
# (MANIFEST.in says why the tests stay out).
SDIST_TOP = {
    "CHANGELOG.rst",
    "LICENSE",
    "MANIFEST.in",
    "PKG-INFO",
    "README.rst",
    "django_http_compat",
    "django_http_compat.egg-info",
    "pyproject.toml",
    "setup.cfg",
}
WARNING = re.compile(r"\bwarning\b|deprecat|^\s*!!", re.IGNORECASE)


def build(out: Path) -> list[Path]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # it makes setuptools warn
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        env=env,
    )
    output = done.stdout + done.stderr
    if done.returncode:
        raise SystemExit(f"python -m build failed:\n{output}")
    warnings = [line for line in output.splitlines() if WARNING.search(line)]
    if warnings:
        raise SystemExit("python -m build warned:\n" + "\n".join(warnings))
    return sorted(out.iterdir())


def check_sdist(path: Path, problems: list[str]) -> None:
    with tarfile.open(path) as sdist:
        names = sdist.getnames()
    root = names[0].split("/")[0]
    top = {name.split("/")[1] for name in names if name.count("/") >= 1 and name.split("/")[1]}
    if top != SDIST_TOP:
        problems.append(f"sdist holds {sorted(top - SDIST_TOP)}, lacks {sorted(SDIST_TOP - top)}")
    for needed in (
        "django_http_compat/py.typed",
        "django_http_compat/management/commands/http_compat_report.py",
    ):
        if f"{root}/{needed}" not in names:
            problems.append(f"sdist lacks {needed}")


def check_wheel(path: Path, problems: list[str]) -> None:
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        info = next(name.split("/")[0] for name in names if name.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(wheel.read(f"{info}/METADATA").decode())
        entry_points = wheel.read(f"{info}/entry_points.txt").decode()
    stray = sorted({name.split("/")[0] for name in names} - {"django_http_compat", info})
    if stray:
        problems.append(f"wheel holds {stray} beside the package")
    if "django_http_compat/py.typed" not in names or f"{info}/licenses/LICENSE" not in names:
        problems.append("wheel lacks py.typed or the LICENSE")
    # (The classifiers are compared with tox's matrix by the test suite, in setup.cfg.)
    classifiers = metadata.get_all("Classifier", [])
    if metadata["License-Expression"] != "MIT" or any(c.startswith("License ::") for c in classifiers):
        problems.append("license: want License-Expression MIT and no license classifier")
    urls = {url.split(",")[0] for url in metadata.get_all("Project-URL", [])}
    if not {"Documentation", "Changelog", "Source", "Issues"} <= urls:
        problems.append(f"project URLs: {sorted(urls)}")
    if "django_http_compat = django_http_compat.pytest_plugin" not in entry_points:
        problems.append("the pytest11 entry point is missing")


def main(out: str) -> int:
    built = build(Path(out))
    subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, built)], check=True)
    problems: list[str] = []
    [sdist] = [path for path in built if path.name.endswith(".tar.gz")]
    [wheel] = [path for path in built if path.suffix == ".whl"]
    check_sdist(sdist, problems)
    check_wheel(wheel, problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(
            f"{sdist.name} ({sdist.stat().st_size} bytes) and {wheel.name} ({wheel.stat().st_size} bytes) pass."
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
