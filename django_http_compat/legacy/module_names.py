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

import contextlib
import importlib
import importlib.abc
import importlib.util
import re
import sys
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from django_http_compat.features import HTTP_NAMES_SINCE, served_names, served_targets
from django_http_compat.state import Patch, at_least, is_active, patched_here
from django_http_compat.warnings import warn

if TYPE_CHECKING:
    from django.http import HttpRequest
    from django.http.response import HttpResponseBase

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


def _from_internet_explorer(request: HttpRequest) -> bool:
    agent = request.META.get("HTTP_USER_AGENT", "").upper()
    return "MSIE" in agent or "CHROMEFRAME" in agent


def fix_IE_for_attach(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """For Internet Explorer, an attachment without the no-cache and no-store directives (it could not save one with them)."""
    if not _from_internet_explorer(request) or not response.has_header("Content-Disposition"):
        return response
    if response.has_header("Pragma"):
        del response["Pragma"]
    if response.has_header("Cache-Control"):
        kept = [
            directive.strip()
            for directive in response["Cache-Control"].split(",")
            if directive.strip().lower() not in ("no-cache", "no-store")
        ]
        if kept:
            response["Cache-Control"] = ", ".join(kept)
        else:
            del response["Cache-Control"]
    return response


def fix_IE_for_vary(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """For Internet Explorer, no Vary header unless the content is HTML, plain text or SGML (it would not cache the rest)."""
    if not _from_internet_explorer(request):
        return response
    media_type = response.get("Content-Type", "").split(";", 1)[0]
    if media_type not in ("text/html", "text/plain", "text/sgml") and response.has_header("Vary"):
        del response["Vary"]
    return response


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


def _arrived(module_name: str, name: str) -> bool:
    """Had ``module_name`` got ``name`` by the flagged release?  (``django.http`` gained some late.)"""
    if module_name != "django.http":
        return True
    if name in HTTP_NAMES_SINCE["1.4"]:
        return at_least("1.4")
    if name in HTTP_NAMES_SINCE["1.3"]:
        return at_least("1.3")
    return True


def _served(module_name: str, name: str) -> bool:
    """Is ``module_name.name`` served in the calling context?"""
    legacy = LEGACY_NAMES.get((module_name, name))
    return legacy is not None and is_active(legacy.feature_id) and _arrived(module_name, name)


def _module_getattr(module_name: str) -> Callable[[str], Any]:
    def __getattr__(name: str) -> Any:
        gone = GONE_MODULES.get(f"{module_name}.{name}")
        if gone is not None and gone.served():
            return gone
        if not _served(module_name, name):
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        legacy = LEGACY_NAMES[(module_name, name)]
        warn(legacy.feature_id)
        return legacy.load()

    __getattr__.__qualname__ = __getattr__.__name__ = "__getattr__"
    return __getattr__


_GETTERS = {module_name: _module_getattr(module_name) for module_name, _ in LEGACY_NAMES}


class GoneModule(ModuleType):
    """A module Django no longer has (``django.http.utils``), holding what the flagged release had there.

    Importing it caches it in ``sys.modules`` and on its package, where every
    context would find it; so it takes itself out of both when it is used,
    and the next import asks the calling context again, as every served name does.
    """

    def names(self) -> set[str]:
        """The names it has in the calling context (none where its features are not patched)."""
        here = patched_here()
        return {
            name
            for (module_name, name), legacy in LEGACY_NAMES.items()
            if module_name == self.__name__ and legacy.feature_id in here and _served(module_name, name)
        }

    def served(self) -> bool:
        return bool(self.names())

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system's questions
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        self.forget_import()
        if name not in self.names():
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        return _GETTERS[self.__name__](name)

    def __dir__(self) -> list[str]:
        self.forget_import()
        return sorted(self.names() | set(vars(self)))

    def forget_import(self) -> None:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        package_name, _, name = self.__name__.rpartition(".")
        package = sys.modules.get(package_name)
        if package is not None and vars(package).get(name) is self:
            delattr(package, name)


#: Name -> the module, for each module of served names that Django no longer has.
GONE_MODULES = {name: GoneModule(name) for name in ("django.http.utils",)}


class _GoneModuleLoader(importlib.abc.Loader):
    def __init__(self, module: GoneModule) -> None:
        self.module = module

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return self.module

    def exec_module(self, module: ModuleType) -> None:
        pass  # it holds nothing: its names are looked up when asked for


class _GoneModuleFinder(importlib.abc.MetaPathFinder):
    """Finds a gone module where the calling context serves some name of it."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> ModuleSpec | None:
        module = GONE_MODULES.get(fullname)
        if module is None or not module.served():
            return None
        return importlib.util.spec_from_loader(fullname, _GoneModuleLoader(module))


class _MetaPath:
    """``sys.meta_path`` as the installer's patch target: a finder set here is on it until deleted.

    The finder asks the calling context itself, so it needs no guard (``asks_the_context``).
    """

    asks_the_context = True

    def __setattr__(self, name: str, finder: Any) -> None:
        if name in vars(self):
            delattr(self, name)
        vars(self)[name] = finder
        sys.meta_path.insert(0, finder)

    def __delattr__(self, name: str) -> None:
        finder = vars(self).pop(name)
        with contextlib.suppress(ValueError):
            sys.meta_path.remove(finder)
        for module in GONE_MODULES.values():
            module.forget_import()


META_PATH = _MetaPath()
_FINDER = _GoneModuleFinder()


def patches() -> dict[str, list[Patch]]:
    found: dict[str, list[Patch]] = {}
    for (module_name, _), legacy in LEGACY_NAMES.items():
        if module_name in GONE_MODULES:
            patch = Patch(META_PATH, "gone_modules", _FINDER)
            module_name = module_name.rpartition(".")[0]  # its package serves it by name
            features = [
                patch,
                Patch(importlib.import_module(module_name), "__getattr__", _GETTERS[module_name]),
            ]
        else:
            module = sys.modules.get(module_name) or importlib.import_module(module_name)
            features = [Patch(module, "__getattr__", _GETTERS[module_name])]
        for feature_id in (legacy.feature_id, *legacy.inside):
            for patch in features:
                if patch not in found.setdefault(feature_id, []):
                    found[feature_id].append(patch)
    return found
