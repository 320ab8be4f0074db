"""Names that old code imports from modules which no longer have them.

Each module gets a module-level ``__getattr__`` (PEP 562) while a feature
that serves names from it is active.  Python calls it only for names the
module lacks, so nothing Django defines is shadowed, ``dir()`` and
``__all__`` are untouched, and each access warns at the importing line.

Which names are served, for which feature and by which object, is registry
data (``ServedNames`` in ``features.py``, each target a dotted path imported
on first access); the few helpers no module has any more live here.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from django_http_compat.features import served_names, served_targets
from django_http_compat.state import Patch, is_active
from django_http_compat.warnings import warn

if TYPE_CHECKING:
    from django.http import HttpRequest

#: Helpers of the one-module ``django.http`` of 1.4 that no module has any more.
RESERVED_CHARS = "!*'();:@&=+$,/?%#[]"
absolute_http_url_re = re.compile(r"^https?://", re.I)


def str_to_unicode(s: Any, encoding: str) -> Any:
    """Bytes decoded with ``encoding``, bad bytes replaced; anything else unchanged."""
    if isinstance(s, bytes):
        return s.decode(encoding, "replace")
    return s


def get_host(request: HttpRequest) -> str:
    """``request.get_host()``, with its ALLOWED_HOSTS validation."""
    return request.get_host()


class LegacyName(NamedTuple):
    feature_id: str
    #: Returns the object; run on access so unused names import nothing.
    load: Callable[[], Any]
    #: Other features implemented inside the served object (its legacy arguments, say).
    inside: tuple[str, ...] = ()


def _attribute(path: str) -> Callable[[], Any]:
    module_name, _, name = path.rpartition(".")
    return lambda: getattr(importlib.import_module(module_name), name)


#: Other features implemented inside a served object (its legacy arguments, say).
_INSIDE = {"django.shortcuts.render_to_response": ("shortcuts_context_instance",)}

#: (module, name) -> the legacy name served there.  Which names are served,
#: for which feature and by which object, is registry data.
_TARGETS = served_targets()
LEGACY_NAMES: dict[tuple[str, str], LegacyName] = {
    (module, name): LegacyName(
        feature_id, _attribute(_TARGETS[f"{module}.{name}"]), _INSIDE.get(f"{module}.{name}", ())
    )
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
