"""Replaying the recordings on the shim, and listing every value that differs.

Used by ``tests/golden/test_golden.py`` and by ``tests/golden/pending.py`` (which
writes the list of differences still to be implemented).  Each recorded
release is replayed at its own ``HTTP_COMPAT_VERSION``: the probes are run
again, and the census is taken again and compared name by name.

A census difference carries what kind of difference it is in its leaf
(``/classes/HttpRequest/accepts (added, as in Django)``), judged against a
census of plain modern Django taken in another process without the app.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from tests.golden import probes
from tests.golden.normalise import normalise
from tests.golden.probes import census

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parent.parent.parent
RECORDINGS = {path.stem.removeprefix("django-"): path for path in sorted(DATA.glob("django-*.json"))}


class Mismatch(NamedTuple):
    """A recorded value the replay does not reproduce."""

    release: str
    probe: str
    leaf: str
    recorded: Any
    shim: Any


@functools.cache
def _recorded_text(release: str) -> str:
    return RECORDINGS[release].read_text()


def recorded(release: str) -> dict:
    return json.loads(_recorded_text(release))


def replay(release: str) -> dict:
    from django_http_compat import override

    with override(version=release, warnings="ignore"):
        return probes.run_all()


def leaves(expected: Any, actual: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """(path, expected, actual) of every leaf where the two differ."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            yield from leaves(expected.get(key), actual.get(key), f"{path}/{key}")
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (exp, act) in enumerate(zip(expected, actual, strict=True)):
            label = json.dumps(exp["call"]) if isinstance(exp, dict) and "call" in exp else str(index)
            yield from leaves(exp, act, f"{path}/{label}")
    elif expected != actual:
        yield path, expected, actual


def probe_mismatches(release: str) -> list[Mismatch]:
    expected = normalise(recorded(release)["probes"])
    actual = normalise(json.loads(json.dumps(replay(release))))
    return [
        Mismatch(release, name, leaf, exp, act)
        for name in expected
        for leaf, exp, act in leaves(expected[name], actual.get(name))
    ]


# --- the census ---------------------------------------------------------------------


@functools.cache
def universe() -> dict:
    """Every name any recorded census lists, so the replay looks each one up."""
    known: dict[str, dict[str, dict]] = {"modules": {}, "classes": {}}
    for release in RECORDINGS:
        for section, owners in recorded(release).get("census", {}).items():
            for owner, names in owners.items():
                if isinstance(names, dict):
                    known[section].setdefault(owner, {}).update(dict.fromkeys(names, ""))
    return known


_PLAIN_CENSUS = """
import json, sys
import django
from django.conf import settings
settings.configure(SECRET_KEY="plain", ALLOWED_HOSTS=["testserver"], DEFAULT_CHARSET="utf-8",
                   INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"])
django.setup()
from tests.golden.probes import census
sys.stdout.write(json.dumps(census.run(json.load(sys.stdin))))
"""


@functools.cache
def plain_census() -> dict:
    """The census of modern Django without the app, taken in a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", _PLAIN_CENSUS],
        input=json.dumps(universe()),
        capture_output=True,
        text=True,
        check=True,
        cwd=str(REPO),
        env=env,
    )
    return json.loads(result.stdout)


def shim_census(release: str | None) -> dict:
    """The shim's census with ``release`` as the process configuration.

    The census reads classes' ``__dict__``.  Under ``override()`` an attribute
    that the process configuration and the override disagree on holds a guard
    there (what it does follows the context, its presence is process-wide; see
    docs/scope.rst), so the census is taken with the flag installed instead.
    """
    from django_http_compat import install

    install(version=release, warnings="ignore")
    try:
        return census.run(universe())
    finally:
        install()


def _names(census_data: dict, section: str, owner: str) -> dict:
    names = census_data[section].get(owner)
    return names if isinstance(names, dict) else {}


def _params(description: str) -> list[str] | None:
    _, _, shape = description.partition(" ")
    if not shape.startswith("(") or shape == "(?)":
        return None
    inner = shape[1:-1]
    return inner.split(", ") if inner else []


def _layout(params: list[str]) -> tuple[list[str], dict[str, str], bool, bool]:
    """(positional names, {name: its text, with any default}, takes *args, takes **kwargs) of a shape."""
    positional: list[str] = []
    defaults: dict[str, str] = {}
    star = var_keyword = keyword_only = False
    for param in params:
        if param == "/":
            continue
        if param == "*":
            keyword_only = True
        elif param.startswith("**"):
            var_keyword = True
        elif param.startswith("*"):
            star = keyword_only = True
        else:
            name = param.split("=")[0]
            defaults[name] = param
            if not keyword_only:
                positional.append(name)
    return positional, defaults, star, var_keyword


def adds_optional_arguments(old: str, new: str) -> bool:
    """Every call ``old`` accepts, ``new`` accepts: it only adds optional parameters or defaults.

    ``new`` keeps old's positional parameters first and in order, and their
    defaults (one without a default may gain one), keeps old's
    ``*args``/``**kwargs``, and whatever it adds has a default or is
    ``*args``/``**kwargs``.
    """
    old_params, new_params = _params(old), _params(new)
    if old_params is None or new_params is None or old.split(" ")[0] != new.split(" ")[0]:
        return False
    old_positional, old_defaults, old_star, old_keywords = _layout(old_params)
    new_positional, new_defaults, new_star, new_keywords = _layout(new_params)
    return (
        new_positional[: len(old_positional)] == old_positional
        and all("=" in new_defaults[name] for name in new_positional[len(old_positional) :])
        and all(
            name in new_defaults and (new_defaults[name] == text or "=" not in text)
            for name, text in old_defaults.items()
        )
        and all("=" in text for name, text in new_defaults.items() if name not in old_defaults)
        and (new_star or not old_star)
        and (new_keywords or not old_keywords)
    )


def change(old: str | None, new: str | None, plain: str | None) -> str:
    """How a census entry differs: the tag its leaf ends with."""
    if old is None:
        return "added, as in Django" if new == plain else "added by the shim"
    if new is None:
        return "missing"
    if new == plain and adds_optional_arguments(old, new):
        return "changed, as in Django: optional arguments added"
    return "changed"


def census_mismatches(release: str, actual: dict | None = None) -> list[Mismatch]:
    """Census entries of ``release`` the shim (``actual``, else its census at that flag) differs in."""
    expected = recorded(release)["census"]
    if actual is None:
        actual = shim_census(release)
    plain = plain_census()
    found = []
    for section in ("modules", "classes"):
        for owner in sorted(set(expected[section]) | set(actual[section])):
            old, new = _names(expected, section, owner), _names(actual, section, owner)
            modern = _names(plain, section, owner)
            for name in sorted(set(old) | set(new)):
                if old.get(name) != new.get(name):
                    tag = change(old.get(name), new.get(name), modern.get(name))
                    leaf = f"/{section}/{owner}/{name} ({tag})"
                    found.append(Mismatch(release, "census", leaf, old.get(name), new.get(name)))
    return found


@functools.cache
def mismatches(release: str) -> tuple[Mismatch, ...]:
    """Every mismatch of the replay at ``release``'s flag (replayed once per process)."""
    return tuple(probe_mismatches(release) + census_mismatches(release))


def unexplained(release: str, differences) -> list[Mismatch]:
    """The mismatches no deliberate difference explains."""
    return [
        m for m in mismatches(release) if not any(d.explains(m.release, m.probe, m.leaf) for d in differences)
    ]
