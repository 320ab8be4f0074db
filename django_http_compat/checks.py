"""System checks: invalid ``HTTP_COMPAT_*`` settings, and which legacy features are active."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Info

from .conf import problems, read_settings
from .features import FEATURES
from .patching import state


def check_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    raw = read_settings()
    errors: list[CheckMessage] = [
        Error(problem.message, hint=problem.hint or None, id=problem.check_id)
        for problem in problems(raw["version"], raw["features"], raw["warnings"])
    ]
    if errors:
        return errors
    active = [f.id for f in FEATURES if f.id in state.config.features]
    version = raw["version"] or "not set (every non-conflicting legacy API)"
    return [
        Info(
            f"django-http-compat: HTTP_COMPAT_VERSION {version}; "
            f"active legacy features: {', '.join(active) or 'none'}.",
            id="http_compat.I001",
        )
    ]
