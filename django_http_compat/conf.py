"""Reading and validating the ``HTTP_COMPAT_*`` settings.

Settings are read at the time of use, never cached here, so that
``override_settings`` and pytest-django's ``settings`` fixture need no extra
plumbing (the install machinery re-reads them on ``setting_changed``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .features import FEATURES_BY_ID, features_for
from .versions import InvalidVersion, Version, parse_version

WARNING_MODES = ("once", "always", "error", "ignore")
DEFAULT_WARNINGS = "once"


class ConfigError(ImproperlyConfigured):
    """A ``HTTP_COMPAT_*`` value is invalid; ``check_id`` is its system check id."""

    def __init__(self, check_id: str, message: str, hint: str) -> None:
        super().__init__(f"{message} {hint}")
        self.check_id = check_id
        self.message = message
        self.hint = hint


class Config(NamedTuple):
    """A resolved configuration: what the shim does right now."""

    version: Version | None
    features: frozenset[str]
    warnings: str

    def flagged_before(self, version: Version) -> bool:
        """True when the flagged release is older than ``version``.

        Features whose details changed between releases use this to pick the
        era; with no version set they behave as their last release did.
        """
        return self.version is not None and self.version < version


def read_settings() -> dict[str, Any]:
    """The raw settings, or the defaults when Django settings are not configured."""
    if not settings.configured:
        return {"version": None, "features": None, "warnings": DEFAULT_WARNINGS}
    return {
        "version": getattr(settings, "HTTP_COMPAT_VERSION", None),
        "features": getattr(settings, "HTTP_COMPAT_FEATURES", None),
        "warnings": getattr(settings, "HTTP_COMPAT_WARNINGS", DEFAULT_WARNINGS),
    }


def problems(version: object, features: object, warnings: object) -> list[ConfigError]:
    """Every configuration error, each naming the valid choices."""
    found = []
    if version is not None:
        try:
            parse_version(version)
        except InvalidVersion as exc:
            found.append(ConfigError("http_compat.E001", str(exc), ""))
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
                found.append(
                    ConfigError(
                        "http_compat.E002",
                        f"HTTP_COMPAT_FEATURES names unknown features: {', '.join(unknown)}.",
                        f"Valid feature ids: {', '.join(FEATURES_BY_ID)}.",
                    )
                )
    if warnings not in WARNING_MODES:
        found.append(
            ConfigError(
                "http_compat.E003",
                f"HTTP_COMPAT_WARNINGS={warnings!r} is not a warnings mode.",
                f"Choose one of: {', '.join(WARNING_MODES)}.",
            )
        )
    return found


def resolve(version: object, features: object, warnings: object) -> Config:
    """Validate raw values and compute the active feature set; raise ConfigError if invalid."""
    errors = problems(version, features, warnings)
    if errors:
        raise errors[0]
    parsed = None if version is None else parse_version(version)
    active = set(features_for(parsed))
    for name, enabled in (features or {}).items():  # type: ignore[union-attr]
        (active.add if enabled else active.discard)(name)
    return Config(parsed, frozenset(active), str(warnings))
