"""Names that old code imports from modules which no longer have them.

Each module gets a module-level ``__getattr__`` (PEP 562) while a feature
that serves names from it is active.  Python calls it only for names the
module lacks, so nothing Django defines is shadowed, ``dir()`` and
``__all__`` are untouched, and each access warns at the importing line.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from typing import Any, NamedTuple

from django_http_compat.features import served_names
from django_http_compat.state import Patch, is_active
from django_http_compat.warnings import warn


class LegacyName(NamedTuple):
    feature_id: str
    #: Returns the object; run on access so unused names import nothing.
    load: Callable[[], Any]
    #: Other features implemented inside the served object (its legacy arguments, say).
    inside: tuple[str, ...] = ()


def _attribute(path: str) -> Callable[[], Any]:
    module_name, _, name = path.rpartition(".")
    return lambda: getattr(importlib.import_module(module_name), name)


def _str_to_unicode(s: Any, encoding: str) -> str:
    """Bytes decoded with ``encoding``, bad bytes replaced; anything else unchanged."""
    if isinstance(s, bytes):
        return s.decode(encoding, "replace")
    return s


def _merge_dict() -> Any:
    from .datastructures import MergeDict

    return MergeDict


def _get_host() -> Any:
    def get_host(request: Any) -> str:
        """``request.get_host()``, with its ALLOWED_HOSTS validation."""
        return request.get_host()

    return get_host


def _build_request_repr() -> Any:
    from .request import build_request_repr

    return build_request_repr


def _render_to_response() -> Any:
    from .shortcuts import render_to_response

    return render_to_response


def _compat_cookie() -> Any:
    from .cookies import CompatCookie

    return CompatCookie


def _phrase_table() -> Any:
    from .reason_phrases import UPPER_CASE_PHRASES

    return dict(UPPER_CASE_PHRASES)


_HTTP_1_4 = {
    "MultiValueDict": _attribute("django.utils.datastructures.MultiValueDict"),
    "ImmutableList": _attribute("django.utils.datastructures.ImmutableList"),
    "MultiPartParser": _attribute("django.http.multipartparser.MultiPartParser"),
    "RESERVED_CHARS": lambda: "!*'();:@&=+$,/?%#[]",
    "absolute_http_url_re": lambda: re.compile(r"^https?://", re.I),
    "str_to_unicode": lambda: _str_to_unicode,
    "parse_qsl": _attribute("urllib.parse.parse_qsl"),
    "smart_str": _attribute("django.utils.encoding.smart_str"),
    "force_unicode": _attribute("django.utils.encoding.force_str"),
    "iri_to_uri": _attribute("django.utils.encoding.iri_to_uri"),
    "urlencode": _attribute("urllib.parse.urlencode"),
    "urljoin": _attribute("urllib.parse.urljoin"),
    "settings": _attribute("django.conf.settings"),
    "pformat": _attribute("pprint.pformat"),
    "HttpResponseRedirectBase": _attribute("django.http.response.HttpResponseRedirectBase"),
    "validate_host": _attribute("django.http.request.validate_host"),
    "host_validation_re": _attribute("django.http.request.host_validation_re"),
    "cookie_date": _attribute("django_http_compat.legacy.cookies.cookie_date"),
    "SuspiciousOperation": _attribute("django.core.exceptions.SuspiciousOperation"),
    "ImproperlyConfigured": _attribute("django.core.exceptions.ImproperlyConfigured"),
    "RAISE_ERROR": _attribute("django.http.request.RAISE_ERROR"),
    "Morsel": _attribute("http.cookies.Morsel"),
}

#: Dotted name -> what loads it.  Which names are served, and for which
#: feature, is registry data (``features.served_names()``).
_LOADERS: dict[str, Callable[[], Any]] = {
    "django.utils.datastructures.MergeDict": _merge_dict,
    "django.http.get_host": _get_host,
    "django.http.build_request_repr": _build_request_repr,
    **{f"django.http.{name}": load for name, load in _HTTP_1_4.items()},
    "django.http.response.REASON_PHRASES": _phrase_table,
    "django.core.handlers.wsgi.STATUS_CODE_TEXT": _phrase_table,
    "django.http.CompatCookie": _compat_cookie,
    "django.utils.http.cookie_date": _attribute("django_http_compat.legacy.cookies.cookie_date"),
    "django.shortcuts.render_to_response": _render_to_response,
}
#: Other features implemented inside a served object (its legacy arguments, say).
_INSIDE = {"django.shortcuts.render_to_response": ("shortcuts_context_instance",)}

#: (module, name) -> the legacy name served there.
LEGACY_NAMES: dict[tuple[str, str], LegacyName] = {
    (module, name): LegacyName(feature_id, _LOADERS[f"{module}.{name}"], _INSIDE.get(f"{module}.{name}", ()))
    for (module, name), feature_id in served_names().items()
}


def _module_getattr(module_name: str) -> Callable[[str], Any]:
    def __getattr__(name: str) -> Any:
        legacy = LEGACY_NAMES.get((module_name, name))
        if legacy is None or not is_active(legacy.feature_id):
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        warn(legacy.feature_id)
        return legacy.load()

    __getattr__.__qualname__ = __getattr__.__name__ = "__getattr__"
    return __getattr__


_GETTERS = {module_name: _module_getattr(module_name) for module_name, _ in LEGACY_NAMES}


def patches() -> dict[str, list[Patch]]:
    found: dict[str, list[Patch]] = {}
    for (module_name, _), legacy in LEGACY_NAMES.items():
        module = sys.modules.get(module_name) or importlib.import_module(module_name)
        patch = Patch(module, "__getattr__", _GETTERS[module_name])
        for feature_id in (legacy.feature_id, *legacy.inside):
            if patch not in found.setdefault(feature_id, []):
                found[feature_id].append(patch)
    return found
