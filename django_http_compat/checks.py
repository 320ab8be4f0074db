"""System checks: invalid ``HTTP_COMPAT_*`` settings, legacy settings left without effect, and
which legacy features are active."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Info, Warning

from .conf import problems, read_settings
from .features import FEATURES, FEATURES_BY_ID
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
    default_type = FEATURES_BY_ID["response_default_content_type"]
    if getattr(settings, "DEFAULT_CONTENT_TYPE", None) and default_type.id not in active:
        warnings.append(
            Warning(
                f"DEFAULT_CONTENT_TYPE is set but has no effect: {default_type.warning_message}",
                hint=f"Set HTTP_COMPAT_VERSION to a release before {default_type.removed}, or turn "
                f"{default_type.id} on in HTTP_COMPAT_FEATURES.",
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
