"""pytest plugin (the ``pytest11`` entry point): eras for a suite or a test, and a gate on new legacy calls.

``--http-compat-version=1.6`` runs the suite as if ``HTTP_COMPAT_VERSION``
said so (through ``override_settings``, so a test's own settings still win);
``@pytest.mark.http_compat("1.4")`` runs one test, its fixtures included,
under ``override()``; ``--http-compat-strict`` fails every test whose setup
or body makes a legacy call the allow-list does not name, so a team can stop
new legacy code in CI while the old code is migrated.

Nothing here imports Django until an option or the marker is used: pytest
loads the plugin in every run once the package is installed.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Generator, Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

_SNAPSHOT = pytest.StashKey[dict[tuple[str, str, int], int]]()
_ERA = pytest.StashKey[Any]()


class Allowed(NamedTuple):
    """One allow-list entry: a path glob, a feature id, or both."""

    path: str | None
    feature: str | None


class AllowList(NamedTuple):
    entries: tuple[Allowed, ...]

    def allows(self, site: tuple[str, str, int], root: Path) -> bool:
        feature, file, _ = site
        path = _relative(file, root)
        return any(
            (entry.feature is None or entry.feature == feature)
            and (entry.path is None or fnmatch.fnmatchcase(path, entry.path))
            for entry in self.entries
        )


_ALLOW = pytest.StashKey[AllowList]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("http-compat", "django-http-compat")
    group.addoption(
        "--http-compat-version",
        metavar="X.Y",
        help="run the suite as if HTTP_COMPAT_VERSION were X.Y",
    )
    group.addoption(
        "--http-compat-strict",
        action="store_true",
        help="fail tests that make a legacy django.http call the allow-list does not name",
    )
    group.addoption(
        "--http-compat-allow-file",
        metavar="PATH",
        help="a file of allowed legacy calls, one a line, added to the http_compat_allow ini option",
    )
    parser.addini(
        "http_compat_allow",
        type="linelist",
        default=[],
        help="legacy calls --http-compat-strict allows: FEATURE_ID, PATH_GLOB, or PATH_GLOB FEATURE_ID",
    )
    parser.addini("http_compat_allow_file", default="", help="a file of allowed legacy calls")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "http_compat(version, *, features=None, warnings=None): run this test under "
        "django_http_compat.override(version, features=..., warnings=...)",
    )
    version = config.getoption("http_compat_version")
    if version is not None:
        from .versions import InvalidVersion, parse_version

        try:
            parse_version(version)
        except InvalidVersion as exc:
            raise pytest.UsageError(f"--http-compat-version: {exc}") from None
    if config.getoption("http_compat_strict"):
        from .usage_counts import keep_counting

        config.stash[_ALLOW] = _allow_list(config)
        keep_counting()  # the allow list reads the counts, whatever the warnings mode


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    version = session.config.getoption("http_compat_version")
    if version is None:
        return
    from django.conf import settings

    if settings.configured or os.environ.get("DJANGO_SETTINGS_MODULE"):
        from django.test import override_settings

        era: Any = override_settings(HTTP_COMPAT_VERSION=version)
        era.enable()
        session.config.add_cleanup(era.disable)
    else:  # no Django project: the shim alone, as install() gives it
        from . import install, uninstall

        install(version=version)
        session.config.add_cleanup(uninstall)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before the fixtures are set up; left after they are torn down.
    marker = item.get_closest_marker("http_compat")
    if marker is not None:
        from . import override
        from .conf import ConfigError

        try:
            era = override(*marker.args, **marker.kwargs)
        except (ConfigError, TypeError) as exc:
            pytest.fail(f"@pytest.mark.http_compat: {exc}", pytrace=False)
        era.__enter__()
        item.stash[_ERA] = era
    if _ALLOW in item.config.stash:
        from .usage_counts import usage

        item.stash[_SNAPSHOT] = usage()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, Any, Any]:
    try:
        return (yield)
    finally:
        era = item.stash.get(_ERA, None)
        if era is not None:
            del item.stash[_ERA]
            era.__exit__(None, None, None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    result = yield  # a test that failed already is reported as it failed
    allow = item.config.stash.get(_ALLOW, None)
    if allow is not None:
        from .usage_counts import usage

        before = item.stash.get(_SNAPSHOT, {})
        made = {site: n - before.get(site, 0) for site, n in usage().items() if n > before.get(site, 0)}
        refused = {site: n for site, n in made.items() if not allow.allows(site, item.config.rootpath)}
        if refused:
            pytest.fail(_refusal(refused, item.config.rootpath), pytrace=False)
    return result


def _allow_list(config: pytest.Config) -> AllowList:
    lines = [(line, "the http_compat_allow ini option") for line in config.getini("http_compat_allow")]
    for path, base in (
        (config.getoption("http_compat_allow_file"), Path.cwd()),
        (config.getini("http_compat_allow_file"), config.rootpath),
    ):
        if path:
            file = Path(base, path)
            try:
                text = file.read_text(encoding="utf-8")
            except OSError as exc:
                raise pytest.UsageError(f"cannot read the allow file {file}: {exc.strerror or exc}") from None
            lines += [(line, str(file)) for line in text.splitlines()]
    return AllowList(tuple(_parse(lines)))


def _parse(lines: Iterable[tuple[str, str]]) -> Iterable[Allowed]:
    from .features import FEATURES_BY_ID

    for line, source in lines:
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) > 2:
            raise pytest.UsageError(
                f"{source}: {line!r} is not PATH_GLOB, FEATURE_ID or PATH_GLOB FEATURE_ID"
            )
        feature = fields[-1] if len(fields) == 2 or fields[0].isidentifier() else None
        if feature is not None and feature not in FEATURES_BY_ID:
            raise pytest.UsageError(f"{source}: unknown feature id {feature!r} in {line!r}")
        yield Allowed(fields[0] if len(fields) == 2 or feature is None else None, feature)


def _relative(file: str, root: Path) -> str:
    try:
        return Path(file).relative_to(root).as_posix()
    except ValueError:
        return Path(file).as_posix()


def _refusal(refused: dict[tuple[str, str, int], int], root: Path) -> str:
    from .features import FEATURES_BY_ID

    lines = ["legacy django.http calls not in the allow-list (--http-compat-strict):"]
    for (feature, file, line), n in sorted(refused.items(), key=lambda item: (item[0][1], item[0][2])):
        known = FEATURES_BY_ID.get(feature)
        use = f" — use {known.replacement}" if known else ""
        lines.append(f"  {_relative(file, root)}:{line}  {feature}, {n} call{'' if n == 1 else 's'}{use}")
    lines.append("Replace them, or allow them in http_compat_allow or the allow file.")
    return "\n".join(lines)
