"""System checks: invalid ``HTTP_COMPAT_*`` settings, legacy settings left without effect, and
which legacy features are active."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Info, Warning

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
    warnings: list[CheckMessage] = []
    if getattr(settings, "DEFAULT_CONTENT_TYPE", None) and "response_default_content_type" not in active:
        warnings.append(
            Warning(
                "DEFAULT_CONTENT_TYPE is set but has no effect: Django 3.0 removed it, and the "
                "response_default_content_type feature is not active.",
                hint="Set HTTP_COMPAT_VERSION to 2.2 or older, turn the feature on in "
                "HTTP_COMPAT_FEATURES, or pass content_type= to the responses that need it.",
                id="http_compat.W001",
            )
        )
    version = raw["version"] or "not set (every non-conflicting legacy API)"
    return [
        *warnings,
        Info(
            f"django-http-compat: HTTP_COMPAT_VERSION {version}; "
            f"active legacy features: {', '.join(active) or 'none'}.",
            id="http_compat.I001",
        ),
    ]
