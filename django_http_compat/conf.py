"""Reading and validating the ``HTTP_COMPAT_*`` settings.

Settings are read at the time of use, never cached here, so that
``override_settings`` and pytest-django's ``settings`` fixture need no extra
plumbing (the install machinery re-reads them on ``setting_changed``).
"""

from __future__ import annotations

from collections.abc import Mapping
from difflib import get_close_matches
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

from .features import FEATURES, FEATURES_BY_ID, Feature, features_for
from .versions import RELEASES, VERSION_OF, InvalidVersion, Version, format_version, parse_version

WARNING_MODES = ("once", "always", "error", "ignore")
DEFAULT_WARNINGS = "once"


class ConfigError(ImproperlyConfigured):
    """A ``HTTP_COMPAT_*`` value is invalid; ``check_id`` is its system check id."""

    def __init__(self, check_id: str, message: str, hint: str = "") -> None:
        super().__init__(f"({check_id}) {message}" + (f"\n\tHINT: {hint}" if hint else ""))
        self.check_id = check_id
        self.message = message
        self.hint = hint


class InvalidSettings(ImproperlyConfigured):
    """The ``HTTP_COMPAT_*`` settings are invalid: every problem, worded as the system check words it."""

    def __init__(self, errors: list[ConfigError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


class Config(NamedTuple):
    """A resolved configuration: what the shim does right now."""

    version: Version | None
    features: frozenset[str]
    warnings: str

    def before(self, release: str) -> bool:
        """Does ``HTTP_COMPAT_VERSION`` name a release older than ``release`` (``"1.4"``)?

        Features whose details changed within their versions pick the era
        with this and ``at_least()``, taking the release names the registry
        declares in ``Feature.changes``.  With no version set a feature behaves
        as its last release did, so nothing is ``before`` anything.
        """
        return self.version is not None and self.version < VERSION_OF[release]

    def at_least(self, release: str) -> bool:
        """Is the flagged release ``release`` or later, or no version set?  (``not before(release)``)"""
        return self.version is None or self.version >= VERSION_OF[release]

    def active_features(self) -> list[Feature]:
        """The features this configuration turns on, in registry order."""
        return [feature for feature in FEATURES if feature.id in self.features]

    def describe(self) -> str:
        """One line naming the version and the active features (start-up log, report command)."""
        version = (
            "not set (every legacy API that cannot break modern code)"
            if self.version is None
            else repr(format_version(self.version))
        )
        active = ", ".join(feature.id for feature in self.active_features()) or "none"
        return (
            f"HTTP_COMPAT_VERSION {version}, HTTP_COMPAT_WARNINGS {self.warnings!r}; "
            f"active legacy features ({len(self.features)}): {active}."
        )


def read_settings() -> dict[str, Any]:
    """The raw settings, or the defaults when Django settings are not configured."""
    if not settings.configured:
        return {"version": None, "features": None, "warnings": DEFAULT_WARNINGS}
    return {
        "version": getattr(settings, "HTTP_COMPAT_VERSION", None),
        "features": getattr(settings, "HTTP_COMPAT_FEATURES", None),
        "warnings": getattr(settings, "HTTP_COMPAT_WARNINGS", DEFAULT_WARNINGS),
    }


def _evaluated(version: object) -> object:
    """A lazy string (``lazy(...)``, ``gettext_lazy``) is the string it gives: as settings, Django takes them so."""
    return str(version) if isinstance(version, Promise) else version


def problems(version: object, features: object, warnings: object) -> list[ConfigError]:
    """Every configuration error, each naming the valid choices."""
    version = _evaluated(version)
    found = []
    if version is not None:
        try:
            parse_version(version)
        except InvalidVersion as exc:
            found.append(_version_error(version, exc))
    if features is not None:
        if not isinstance(features, Mapping) or not all(isinstance(v, bool) for v in features.values()):
            found.append(
                ConfigError(
                    "http_compat.E002",
                    f"HTTP_COMPAT_FEATURES={features!r} must be a dict of feature id to True/False.",
                    'For example {"request_is_ajax": False}.',
                )
            )
        else:
            unknown = sorted(str(name) for name in features if name not in FEATURES_BY_ID)
            if unknown:
                found.append(_unknown_features_error(unknown))
    if warnings not in WARNING_MODES:
        found.append(
            ConfigError(
                "http_compat.E003",
                f"HTTP_COMPAT_WARNINGS={warnings!r} is not a warnings mode.",
                f"Choose one of: {', '.join(WARNING_MODES)}.",
            )
        )
    return found


def _version_error(version: object, exc: InvalidVersion) -> ConfigError:
    """E001, with a hint for the likeliest slip: the release written as a number."""
    if isinstance(version, bool) or not isinstance(version, (int, float)):
        return ConfigError("http_compat.E001", str(exc))
    written = str(version)
    # As numbers 1.10 == 1.1 (and 2 == 2.0), so the number cannot say which
    # release was meant: offer every release it could have been written for.
    meant = [written, f"{written}0" if "." in written else f"{written}.0"]
    releases = [repr(release) for release in meant if release in RELEASES]
    if not releases:
        return ConfigError("http_compat.E001", str(exc))
    if len(releases) == 1:
        hint = f"Write it as a string: HTTP_COMPAT_VERSION = {releases[0]}."
    else:
        hint = (
            f"Write it as a string: HTTP_COMPAT_VERSION = {releases[0]} or {releases[1]} "
            f"(as numbers, {meant[1]} and {meant[0]} are equal, so a number cannot tell them apart)."
        )
    return ConfigError(
        "http_compat.E001",
        f"HTTP_COMPAT_VERSION={version!r} is a number; a Django release is named by a string.",
        hint,
    )


def _unknown_features_error(unknown: list[str]) -> ConfigError:
    """E002 for misspelt ids: the closest valid id of each, else the whole list."""
    guesses = {name: get_close_matches(name, FEATURES_BY_ID, n=1) for name in unknown}
    hint = " ".join(f"Did you mean {guess[0]!r} for {name!r}?" for name, guess in guesses.items() if guess)
    if not all(guesses.values()):
        hint = f"{hint} Valid feature ids: {', '.join(FEATURES_BY_ID)}.".lstrip()
    return ConfigError(
        "http_compat.E002", f"HTTP_COMPAT_FEATURES names unknown features: {', '.join(unknown)}.", hint
    )


def settings_config() -> Config:
    """The configuration the ``HTTP_COMPAT_*`` settings select; ``InvalidSettings`` lists every problem."""
    raw = read_settings()
    errors = problems(raw["version"], raw["features"], raw["warnings"])
    if errors:
        raise InvalidSettings(errors)
    return resolve(raw["version"], raw["features"], raw["warnings"])


def resolve(version: object, features: object, warnings: object) -> Config:
    """Validate raw values and compute the active feature set; raise ConfigError if invalid."""
    errors = problems(version, features, warnings)
    if errors:
        raise errors[0]
    parsed = None if version is None else parse_version(_evaluated(version))
    active = set(features_for(parsed))
    for name, enabled in (features or {}).items():  # type: ignore[attr-defined]  # problems() found a dict
        (active.add if enabled else active.discard)(name)
    return Config(parsed, frozenset(active), str(warnings))
