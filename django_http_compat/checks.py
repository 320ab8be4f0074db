"""System checks: invalid ``HTTP_COMPAT_*`` settings, and legacy settings left without effect.

A valid configuration adds no message at all, not even an Info: projects and
third-party apps compare ``run_checks()`` with exact lists.  The active
features are logged at start-up and printed by ``manage.py http_compat_report``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning

from .conf import problems, read_settings
from .features import FEATURES_BY_ID
from .state import state


def check_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    raw = read_settings()
    errors: list[CheckMessage] = [
        Error(problem.message, hint=problem.hint or None, id=problem.check_id)
        for problem in problems(raw["version"], raw["features"], raw["warnings"])
    ]
    if errors:
        return errors
    default_type = FEATURES_BY_ID["response_default_content_type"]
    if getattr(settings, "DEFAULT_CONTENT_TYPE", None) and default_type.id not in state.config.features:
        return [
            Warning(
                f"DEFAULT_CONTENT_TYPE is set but has no effect: {default_type.warning_message}",
                hint=f"Set HTTP_COMPAT_VERSION to a release before {default_type.removed}, or turn "
                f"{default_type.id} on in HTTP_COMPAT_FEATURES.",
                id="http_compat.W001",
            )
        ]
    return []
