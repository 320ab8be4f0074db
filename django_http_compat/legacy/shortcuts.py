"""``django.shortcuts.render_to_response()``, with each era's arguments.

It renders through modern ``render_to_string()`` and builds an ordinary
``HttpResponse``, so templates, headers and validation are modern Django's.
Old keywords are accepted only while the flagged release had them:
``mimetype`` (the ``response_mimetype`` feature), ``context_instance`` and
``dictionary`` (``shortcuts_context_instance``).  A context instance supplies
the base values and, for a ``RequestContext``, the request, so context
processors run; the dictionary's values win over it, as they did.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.template import loader
from django.template.context import BaseContext

from django_http_compat.state import Patch, is_active
from django_http_compat.warnings import warn

_LEGACY_KEYWORDS = {
    "mimetype": "response_mimetype",
    "context_instance": "shortcuts_context_instance",
    "dictionary": "shortcuts_context_instance",
}


def render_to_response(
    template_name: str | list[str],
    context: dict[str, Any] | None = None,
    content_type: Any = None,
    status: Any = None,
    using: str | None = None,
    **legacy: Any,
) -> HttpResponse:
    """Render ``template_name`` with ``context`` into an HttpResponse."""
    if isinstance(content_type, BaseContext):
        # Up to 1.9 the third argument was context_instance, then content_type, status.
        if not is_active("shortcuts_context_instance"):
            # Later releases sent the Context's repr out as the Content-Type.
            raise TypeError("render_to_response()'s third argument is the content type, not a Context")
        legacy["context_instance"], content_type, status, using = content_type, status, using, None
    for name in legacy:
        feature_id = _LEGACY_KEYWORDS.get(name)
        if feature_id is None or not is_active(feature_id):
            raise TypeError(f"render_to_response() got an unexpected keyword argument {name!r}")
        warn(feature_id)
    if legacy.get("mimetype"):
        content_type = legacy["mimetype"]
    if "dictionary" in legacy:
        if context is not None:
            raise TypeError("render_to_response() got multiple values for argument 'context'")
        context = legacy["dictionary"]
    values: dict[str, Any] = {}
    request = None
    context_instance = legacy.get("context_instance")
    if context_instance is not None:
        values = context_instance.flatten()
        request = getattr(context_instance, "request", None)
    values.update(context or {})
    content = loader.render_to_string(template_name, values, request=request, using=using)
    return HttpResponse(content, content_type, status)


def patches() -> dict[str, list[Patch]]:
    """Nothing: ``render_to_response`` is served by name (``module_names``)."""
    return {}
