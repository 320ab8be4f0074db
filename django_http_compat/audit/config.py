"""Settings from ``[tool.django-http-compat]`` in ``pyproject.toml``.

The nearest ``pyproject.toml`` at or above the working directory is read
(or the file ``--config`` names).  Paths in it are relative to its directory.
Command-line options win over the file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TABLE = "django-http-compat"


class ConfigError(Exception):
    """The settings table is not valid; the message names the key."""


@dataclass
class Settings:
    #: The file the settings came from, or None.
    source: Path | None = None
    paths: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    #: Feature ids or codes: only these.
    features: list[str] = field(default_factory=list)
    #: Feature ids or codes: never these.
    ignore: list[str] = field(default_factory=list)
    #: The Django release the code is moving to: only features gone by then.
    target_version: str | None = None
    baseline: str | None = None
    max_file_size: int | None = None


_LISTS = ("paths", "exclude", "features", "ignore")
_KEYS = (*_LISTS, "target-version", "baseline", "max-file-size")


def find_pyproject(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(path: Path | None = None, start: Path | None = None) -> Settings:
    """The settings in ``path`` (or the nearest pyproject.toml); empty ones when there are none."""
    if path is None:
        path = find_pyproject((start or Path.cwd()).resolve())
        if path is None:
            return Settings()
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    table = data.get("tool", {}).get(TABLE)
    if table is None:
        return Settings(source=None)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.{TABLE}] must be a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(
            f"{path}: unknown key {unknown[0]!r} in [tool.{TABLE}]; valid keys: {', '.join(_KEYS)}"
        )
    settings = Settings(source=path)
    base = path.parent
    for key in _LISTS:
        value = table.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ConfigError(f"{path}: {key} must be a list of strings")
        setattr(settings, key, value)
    settings.paths = [str(base / p) for p in settings.paths]
    for key, attribute in (("target-version", "target_version"), ("baseline", "baseline")):
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{path}: {key} must be a string")
        setattr(settings, attribute, value)
    if settings.baseline is not None:
        settings.baseline = str(base / settings.baseline)
    size = table.get("max-file-size")
    if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size <= 0):
        raise ConfigError(f"{path}: max-file-size must be a positive number of bytes")
    settings.max_file_size = size
    return settings
