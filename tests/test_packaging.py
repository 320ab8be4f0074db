"""What the package and its docs claim agrees with what CI runs and what the code defines.

Building and checking the distributions is ``tox -e packaging``
(``.ci/check_package.py``); these checks need no build.
"""

from __future__ import annotations

import configparser
import itertools
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def expand(pattern: str) -> list[str]:
    """tox's brace expansion: ``py{313,312}-django{61,60}`` -> four names."""
    parts = re.split(r"\{([^}]*)\}", pattern)
    choices = [[part] if n % 2 == 0 else part.split(",") for n, part in enumerate(parts)]
    return ["".join(combination) for combination in itertools.product(*choices)]


def tox_matrix() -> set[tuple[str, str]]:
    """(Python, Django) of every test environment in tox's env_list, as "3.12", "6.1"."""
    tox = configparser.ConfigParser()
    tox.read(REPO / "tox.ini")
    matrix = set()
    for pattern in tox["tox"]["env_list"].split():
        for name in expand(pattern):
            found = re.fullmatch(r"py3(\d+)-django(\d)(\d)", name)
            if found:
                matrix.add((f"3.{found[1]}", f"{found[2]}.{found[3]}"))
    return matrix


def setup_cfg() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg")
    return config


def test_the_matrix_is_read_from_tox():
    assert ("3.10", "4.2") in tox_matrix() and ("3.13", "6.1") in tox_matrix()
    assert ("3.13", "4.2") not in tox_matrix()


def test_the_classifiers_name_every_python_and_django_that_ci_runs_and_no_other():
    classifiers = setup_cfg()["metadata"]["classifiers"].split("\n")
    pythons = {
        c.rsplit(" ", 1)[1]
        for c in classifiers
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    }
    djangos = {c.rsplit(" ", 1)[1] for c in classifiers if re.fullmatch(r"Framework :: Django :: \d\.\d", c)}
    assert pythons == {python for python, _ in tox_matrix()}
    assert djangos == {django for _, django in tox_matrix()}
    assert not [c for c in classifiers if c.startswith("License ::")]  # the license is an SPDX expression


def test_the_requirements_match_the_oldest_python_and_django_that_ci_runs():
    options = setup_cfg()["options"]
    oldest_python = min((python for python, _ in tox_matrix()), key=lambda v: tuple(map(int, v.split("."))))
    assert options["python_requires"] == f">={oldest_python}"
    assert options["install_requires"].split() == [f"Django>={min(django for _, django in tox_matrix())}"]


def test_the_pytest_plugin_is_an_entry_point():
    entry_points = setup_cfg()["options.entry_points"]["pytest11"].split("\n")
    assert "django_http_compat = django_http_compat.pytest_plugin" in entry_points


def test_the_support_matrix_in_the_docs_is_what_ci_runs():
    text = (REPO / "docs" / "installation.rst").read_text()
    table = text[text.index("Supported versions") :].split("\n\n")[2].splitlines()
    header = re.split(r"\s{2,}", table[1].strip())
    assert header[0] == "Python"
    djangos = [cell.removeprefix("Django ") for cell in header[1:]]
    starts = [match.start() for match in re.finditer(r"=+", table[0])]
    documented = set()
    for row in table[3:-1]:
        cells = [row[start:end].strip() for start, end in zip(starts, [*starts[1:], None], strict=True)]
        documented |= {
            (cells[0], django) for django, cell in zip(djangos, cells[1:], strict=True) if cell == "yes"
        }
        assert set(cells[1:]) <= {"yes", ""}
    assert documented == tox_matrix()


def test_every_check_id_is_documented():
    code = "".join(path.read_text() for path in (REPO / "django_http_compat").glob("*.py"))
    ids = set(re.findall(r"http_compat\.[EW]\d{3}", code))
    assert ids >= {"http_compat.E001", "http_compat.W001", "http_compat.W004"}
    settings_page = (REPO / "docs" / "settings.rst").read_text()
    assert {check for check in ids if f"``{check}``" not in settings_page} == set()
    neighbours = (REPO / "docs" / "neighbours.rst").read_text()
    assert {
        check for check in ids if check.startswith("http_compat.W00") and check not in neighbours
    } == set()


def test_the_checks_link_the_docs_page_that_exists():
    from django_http_compat.checks import NEIGHBOURS_DOCS

    assert NEIGHBOURS_DOCS.endswith("/neighbours.html")
    assert (REPO / "docs" / "neighbours.rst").exists()
    assert "   neighbours\n" in (REPO / "docs" / "index.rst").read_text()
