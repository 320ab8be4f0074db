"""System checks: invalid ``HTTP_COMPAT_*`` settings, and legacy settings left without effect.

A valid configuration adds no message at all, not even an Info: projects and
third-party apps compare ``run_checks()`` with exact lists.  The active
features are logged at start-up and printed by ``manage.py http_compat_report``.

Settings outside ``django.http`` that an old project still has, and that
modern Django ignores without a word, get a Warning saying what to write
instead: the app does not re-create them (``MIDDLEWARE_CLASSES``,
``TEMPLATE_*``, ``AUTH_PROFILE_MODULE``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning

from .conf import problems, read_settings
from .features import FEATURES_BY_ID
from .state import state

#: The docs page on what lies beyond ``django.http``, and the tools that migrate it.
NEIGHBOURS_DOCS = "https://django-http-compat.readthedocs.io/en/latest/neighbours.html"

#: The standalone template settings Django 1.8 replaced by ``TEMPLATES`` (and
#: 1.10 stopped reading), with where each value goes now.
TEMPLATE_SETTINGS = {
    "TEMPLATE_DIRS": "DIRS",
    "TEMPLATE_CONTEXT_PROCESSORS": 'OPTIONS["context_processors"]',
    "TEMPLATE_LOADERS": 'OPTIONS["loaders"]',
    "TEMPLATE_DEBUG": 'OPTIONS["debug"]',
    "TEMPLATE_STRING_IF_INVALID": 'OPTIONS["string_if_invalid"]',
    "ALLOWED_INCLUDE_ROOTS": "nothing: {% ssi %} went with it; use {% include %}",
}


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


def check_legacy_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return legacy_settings_messages(settings)


def legacy_settings_messages(project_settings: Any) -> list[CheckMessage]:
    """Warnings for the legacy settings ``project_settings`` (Django's settings object) still has."""
    messages: list[CheckMessage] = []
    middleware_classes = getattr(project_settings, "MIDDLEWARE_CLASSES", None)
    if middleware_classes and not project_settings.is_overridden("MIDDLEWARE"):
        messages.append(
            Warning(
                f"MIDDLEWARE_CLASSES is set and MIDDLEWARE is not, so none of its "
                f"{len(middleware_classes)} middleware run: Django reads only MIDDLEWARE since 2.0.",
                hint="Rename the setting MIDDLEWARE. A middleware class written for Django 1.9 or "
                "older also needs django.utils.deprecation.MiddlewareMixin as its first base class. "
                f"See {NEIGHBOURS_DOCS}",
                id="http_compat.W002",
            )
        )
    template_settings = [name for name in TEMPLATE_SETTINGS if hasattr(project_settings, name)]
    if template_settings:
        engine = (
            "Templates use TEMPLATES."
            if project_settings.TEMPLATES
            else "TEMPLATES is empty, so no template engine is configured."
        )
        moves = "; ".join(f"{name} to {TEMPLATE_SETTINGS[name]}" for name in template_settings)
        messages.append(
            Warning(
                f"{', '.join(template_settings)} {'is' if len(template_settings) == 1 else 'are'} set, "
                f"but Django has not read the TEMPLATE_* settings since 1.10. {engine}",
                hint=f"Move them into the DjangoTemplates entry of TEMPLATES ({moves}), then remove "
                f"them. See {NEIGHBOURS_DOCS}",
                id="http_compat.W003",
            )
        )
    if getattr(project_settings, "AUTH_PROFILE_MODULE", None):
        messages.append(
            Warning(
                "AUTH_PROFILE_MODULE is set, but Django 1.7 removed it and user.get_profile(), and "
                "django-http-compat does not re-create them.",
                hint="Give the profile model a OneToOneField to the user and follow it "
                "(request.user.profile), or use a custom user model. "
                f"See {NEIGHBOURS_DOCS}",
                id="http_compat.W004",
            )
        )
    return messages
