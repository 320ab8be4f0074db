"""Putting the legacy contract onto Django's own classes, and taking it off again.

Why patch Django's classes in place rather than swap in subclasses: a views
module may have run ``from django.http import HttpResponse`` before
``django.setup()``, and Django builds requests and responses itself (handlers,
test client, 404 pages, ``CommonMiddleware``).  Only the original class
objects reach all of those, whatever the import order.

Only the features that are active get patched, so a feature that is off is
absent exactly as in plain Django.  Every attribute written is recorded with
what the class held before, and ``uninstall()`` puts those values back,
leaving Django's classes and modules as they were.

This is the top floor of the runtime: it imports every behaviour module
(``legacy/``) to collect its patches, while those modules read the
configuration from ``state.py`` below them.  Which configurations can be in
force at once, and how a context finds its own, is explained there.

Classes are shared, so what is patched is the union: the attributes wanted by
the process configuration and by every override entered anywhere.  Where all
of those agree, the class holds the plain legacy value (or Django's own), as
with a single configuration.  Where they disagree, it holds a guard that asks
the calling context on each access and serves either the legacy value or
exactly what the class would give without the patch.  So the *presence* of a
patched name in a class's or module's ``__dict__`` is process-wide; what it does
is not.  Overrides are counted, not stacked, so they may end in any order, and
the last one to end leaves Django as it found it.  ``docs/scope.rst`` lists
everything that stays process-wide.
"""

from __future__ import annotations

import abc
import builtins
import collections.abc
import functools
import importlib
import importlib.abc
import inspect
import pkgutil
import sys
from collections.abc import Callable
from types import FunctionType, MethodType, ModuleType
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from . import legacy, usage_counts
from .conf import read_settings, resolve
from .state import (
    Entered,
    Patch,
    current_config,
    entered_config,
    innermost,
    one_config,
    patched_here,
    process_config,
    state,
)
from .versions import format_version
from .warnings import reports_anything

_MISSING: Any = object()
_UNSET: Any = object()


def behaviour_modules() -> list[ModuleType]:
    """Every module of ``legacy/``, found by walking the package: no list of them is kept."""
    return [
        importlib.import_module(f"{legacy.__name__}.{info.name}")
        for info in pkgutil.iter_modules(legacy.__path__)
    ]


def awaited_modules() -> dict[str, frozenset[str]]:
    """Module name -> the features whose patches wait for it (a behaviour module's ``WAITS_FOR``)."""
    found: dict[str, frozenset[str]] = {}
    for module in behaviour_modules():
        for name, features in getattr(module, "WAITS_FOR", {}).items():
            found[name] = found.get(name, frozenset()) | frozenset(features)
    return found


def implementations() -> dict[str, list[Patch]]:
    """Feature id -> the patches that implement it, gathered from each behaviour module's ``patches()``."""
    found: dict[str, list[Patch]] = {}
    for module in behaviour_modules():
        for feature_id, patches in module.patches().items():
            found.setdefault(feature_id, []).extend(patches)
    return found


# --- guards: one attribute, two behaviours, chosen by the calling context ----------------


def _serves_here(features: frozenset[str]) -> bool:
    """Is one of ``features`` patched for the calling context?"""
    entered = entered_config()
    here = state.outside_features if entered is None else entered.features
    return not features.isdisjoint(here)


_stand_ins: dict[type, Any] = {}


def _stand_in(cls: type) -> Any:
    """An instance of an empty class named like ``cls``, for Python's own error about a missing method."""
    if cls not in _stand_ins:
        namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__}
        _stand_ins[cls] = type(cls.__name__, (), namespace)()
    return _stand_ins[cls]


def _contains_by_iteration(obj: Any, key: Any) -> bool:
    """``key in obj`` without ``__contains__``: Python's fallback to iterating ``obj``."""
    try:
        items = iter(obj)
    except TypeError:
        return key in _stand_in(type(obj))  # raises the TypeError Python gives
    return any(item is key or item == key for item in items)


#: What Python does for these operations when the class has no such method.
_WITHOUT_METHOD: dict[str, Callable[[Any], Callable[..., Any]]] = {
    "__getitem__": lambda obj: lambda key: _stand_in(type(obj))[key],
    "__contains__": lambda obj: functools.partial(_contains_by_iteration, obj),
    "__next__": lambda obj: functools.partial(next, _stand_in(type(obj))),
}
#: Special names that are looked up as ordinary attributes, so that their
#: absence is an AttributeError (pickle's ``__getstate__`` on Python 3.10).
_ASKED_AS_ATTRIBUTES = frozenset({"__getstate__"})


def _is_data_descriptor(value: Any) -> bool:
    return hasattr(type(value), "__set__") or hasattr(type(value), "__delete__")


def _binder(value: Any) -> Callable[[Any, Any], Any] | None:
    """``(obj, owner) -> value`` as looked up through a class holding it (None for ``_MISSING``).

    Written out for functions and properties, the patches' usual kinds:
    calling ``type(value).__get__`` from Python costs several times more.
    """
    if value is _MISSING:
        return None
    if type(value) is FunctionType:
        return lambda obj, owner: value if obj is None else MethodType(value, obj)
    if type(value) is property and value.fget is not None:
        fget = value.fget
        return lambda obj, owner: value if obj is None else fget(obj)
    get = getattr(type(value), "__get__", None)
    if get is None:
        return lambda obj, owner: value
    return lambda obj, owner: get(value, obj, owner)


_features_here = patched_here


class _Guard:
    """What a class holds where live configurations disagree about one attribute.

    Each access serves ``legacy`` when the calling context has one of
    ``features``, and otherwise what the class would serve if it held
    ``original`` (``_MISSING``: nothing, so the classes after it in the MRO
    decide, then Python's own ``AttributeError`` or ``TypeError``).  Modern
    code meets guards on every request while an override runs elsewhere, so
    the common path is written out.
    """

    __slots__ = (
        "features",
        "legacy",
        "legacy_data",
        "legacy_get",
        "name",
        "original",
        "original_data",
        "original_get",
        "target",
    )

    def __init__(self, target: type, name: str, legacy: Any, original: Any, features: frozenset[str]) -> None:
        self.target = target
        self.name = name
        self.legacy, self.legacy_get, self.legacy_data = legacy, _binder(legacy), _is_data_descriptor(legacy)
        self.original, self.original_get = original, _binder(original)
        self.original_data = _is_data_descriptor(original)
        self.features = features
        special = name.startswith("__") and name not in _WITHOUT_METHOD and name not in _ASKED_AS_ATTRIBUTES
        if original is _MISSING and special and not any(name in vars(base) for base in target.__mro__[1:]):
            raise TypeError(f"what {target.__name__}.{name} does without the patch is not known here")

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        here = state.outside_features if innermost.get() is None else _features_here()
        get = self.original_get if self.features.isdisjoint(here) else self.legacy_get
        if get is not None:
            return get(obj, owner)
        return self._without(obj, owner)

    def served_here(self) -> Any:
        """The raw value the calling context is served (``_MISSING``: none), for introspection."""
        return self.original if self.features.isdisjoint(_features_here()) else self.legacy

    def _inherited(self, obj: Any, owner: type | None) -> Any:
        """What the classes after ``target`` in the MRO hold (``_MISSING`` for none)."""
        mro = (owner if obj is None else type(obj)).__mro__  # type: ignore[union-attr]
        after = mro[mro.index(self.target) + 1 :] if self.target in mro else mro
        for base in after:
            if self.name in vars(base):
                return vars(base)[self.name]
        return _MISSING

    def _without(self, obj: Any, owner: type | None) -> Any:
        """The lookup as Python does it with nothing in ``target``."""
        get = _binder(self._inherited(obj, owner))
        if get is not None:
            return get(obj, owner)
        if obj is None:
            raise AttributeError(
                f"type object {owner.__name__!r} has no attribute {self.name!r}",  # type: ignore[union-attr]
                name=self.name,
                obj=owner,
            )
        if self.name in _WITHOUT_METHOD:
            return _WITHOUT_METHOD[self.name](obj)
        raise AttributeError(
            f"{type(obj).__name__!r} object has no attribute {self.name!r}", name=self.name, obj=obj
        )


class _DataGuard(_Guard):
    """A guard for a property (or where Django has one): it also settles assignment and deletion.

    A data descriptor hides the instance's ``__dict__``, so where the value in
    force is not one, the instance's own attribute is looked up, set and
    deleted as Python would.
    """

    __slots__ = ()

    def _here(self, obj: Any) -> Any:
        value = self.original if self.features.isdisjoint(_features_here()) else self.legacy
        return self._inherited(obj, None) if value is _MISSING else value

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        here = state.outside_features if innermost.get() is None else _features_here()
        if self.features.isdisjoint(here):
            value, get, data = self.original, self.original_get, self.original_data
        else:
            value, get, data = self.legacy, self.legacy_get, self.legacy_data
        if value is _MISSING:
            value = self._inherited(obj, owner)
            get, data = _binder(value), _is_data_descriptor(value)
        if not data and obj is not None:
            namespace = obj.__dict__
            if self.name in namespace:
                return namespace[self.name]
        if get is not None:
            return get(obj, owner)
        return self._without(obj, owner)

    def __set__(self, obj: Any, new: Any) -> None:
        value = self._here(obj)
        if _is_data_descriptor(value):
            type(value).__set__(value, obj, new)
        else:
            obj.__dict__[self.name] = new

    def __delete__(self, obj: Any) -> None:
        value = self._here(obj)
        if _is_data_descriptor(value):
            type(value).__delete__(value, obj)
        elif self.name in obj.__dict__:
            del obj.__dict__[self.name]
        else:
            raise AttributeError(
                f"{type(obj).__name__!r} object has no attribute {self.name!r}", name=self.name, obj=obj
            )


def _module_guard(module: ModuleType, legacy: Any, original: Any, features: frozenset[str]) -> Any:
    """A module ``__getattr__`` (PEP 562) that serves legacy names only to contexts that have them."""

    def __getattr__(name: str) -> Any:
        if _serves_here(features):
            return legacy(name)
        if original is not _MISSING:
            return original(name)
        raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")

    __getattr__.legacy = legacy  # type: ignore[attr-defined]
    __getattr__.original = original  # type: ignore[attr-defined]
    return __getattr__


def _module_function_guard(
    module: ModuleType, name: str, legacy: Any, original: Any, features: frozenset[str]
) -> Any:
    """A module-level function that calls the legacy one only in contexts that have it.

    The module's own code looks the name up in its globals, then in builtins
    (``callable`` in ``django.contrib.auth.checks``); outside the feature the
    call goes where that lookup would have gone without the patch.
    """
    fallback = original if original is not _MISSING else getattr(builtins, name)

    @functools.wraps(legacy)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        return (legacy if _serves_here(features) else fallback)(*args, **kwargs)

    guarded.legacy = legacy  # type: ignore[attr-defined]
    guarded.original = original  # type: ignore[attr-defined]
    return guarded


def _guard(target: Any, name: str, legacy: Any, original: Any, features: frozenset[str]) -> Any:
    """The guard for one attribute, reused while it would be made the same."""
    if getattr(type(target), "asks_the_context", False):
        return legacy  # what it holds asks the calling context itself
    key = (target, name)
    guard = state.guards.get(key)
    if guard is None or guard.legacy is not legacy or guard.original is not original:
        if isinstance(target, ModuleType):
            if name == "__getattr__":
                guard = _module_guard(target, legacy, original, features)
            elif isinstance(legacy, FunctionType) and (original is not _MISSING or hasattr(builtins, name)):
                guard = _module_function_guard(target, name, legacy, original, features)
            else:
                raise TypeError(f"module attribute {target.__name__}.{name} cannot follow the context")
        else:
            data = _is_data_descriptor(legacy) or _is_data_descriptor(original)
            guard = (_DataGuard if data else _Guard)(target, name, legacy, original, features)
        state.guards[key] = guard
    return guard


# --- patches that wait for a module to be imported ----------------------------------------


class _LoaderThenPatch(importlib.abc.Loader):
    """Runs a module's own loader, then re-applies the patches, which now include the ones for it."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        module.__loader__ = module.__spec__.loader = self.loader  # type: ignore[union-attr]  # as if never wrapped; a module being executed has a spec
        with state.lock:
            _providers_once_ready.clear()
            _apply()


class _PatchWhenImported(importlib.abc.MetaPathFinder):
    """On ``sys.meta_path`` while a module some active patches wait for is not imported yet.

    ``django.test`` is the one: production code never imports it, so the
    installer must not either.  Finding the module is left to the finders
    after this one; only its loader is wrapped.
    """

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname not in _waiting:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(fullname, path, target)
            if spec is not None:
                if hasattr(spec.loader, "exec_module"):
                    spec.loader = _LoaderThenPatch(spec.loader)
                return spec
        return None


_waiting: set[str] = set()
_finder = _PatchWhenImported()


def _wait_for_imports(live: set[frozenset[str]]) -> None:
    """Keep ``_finder`` on ``sys.meta_path`` exactly while an active patch waits for a module."""
    _waiting.clear()
    if state.installed:
        for name, features in _awaited().items():
            if name not in sys.modules and any(not features.isdisjoint(each) for each in live):
                _waiting.add(name)
    if _waiting and _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
    elif not _waiting and _finder in sys.meta_path:
        sys.meta_path.remove(_finder)


@functools.cache
def _awaited() -> dict[str, frozenset[str]]:
    return awaited_modules()


# --- entry points without their warning, where nothing is reported -----------------------


_silent_properties: dict[int, tuple[property, property]] = {}


def _silent(value: Any) -> Any:
    """``value`` without its call to ``warn()``: the work of an entry point made by ``warnings.warned()``.

    A property gets a twin whose accessors are their works, made once, so
    that it is the same object each time it is served.
    """
    work = getattr(value, "__silent__", None)
    if work is not None:
        return work
    if type(value) is not property:
        return value
    known = _silent_properties.get(id(value))
    if known is None:
        accessors: list[Any] = [value.fget, value.fset, value.fdel]
        fget, fset, fdel = (getattr(accessor, "__silent__", accessor) for accessor in accessors)
        twin = value if [fget, fset, fdel] == accessors else property(fget, fset, fdel, value.__doc__)
        known = _silent_properties[id(value)] = (value, twin)
    return known[1]


# --- applying ------------------------------------------------------------------------------


_Providers = dict[tuple[Any, str], tuple[Any, frozenset[str]]]
_providers_once_ready: list[tuple[frozenset[str], _Providers]] = []


def _providers() -> _Providers:
    """(target, name) -> the legacy value and the features that put it there.

    Worked out once the app registry is ready (the auth patches need it), as
    ``override()`` asks on every entry and exit, and again once a module some
    patches wait for has been imported (by whatever path: the finder waits only
    while those patches are live).
    """
    imported = frozenset(name for name in _awaited() if name in sys.modules)
    if _providers_once_ready and _providers_once_ready[0][0] == imported:
        return _providers_once_ready[0][1]
    _providers_once_ready.clear()
    found: _Providers = {}
    for feature_id, patches in implementations().items():
        for patch in patches:
            key = (patch.target, patch.name)
            if key in found and found[key][0] is not patch.value:
                raise TypeError(
                    f"two behaviour modules put different values on {patch.target!r}.{patch.name}"
                )
            features = found[key][1] if key in found else frozenset()
            found[key] = (patch.value, features | {feature_id})
    if apps.ready:
        _providers_once_ready.append((imported, found))
    return found


#: Names put on a class as a guard even where every live configuration agrees.
#: CPython 3.13 keeps a class's ``__getitem__`` function in a cache of its own
#: for ``obj[key]`` (BINARY_SUBSCR_GETITEM), and 3.13.0 could keep calling the
#: function after a base class changed, so a patch taken off still answered
#: there.  A guard is not a function, so it is never cached that way.  Up to
#: 3.12 that cache is keyed on the type's version, which a patch changes, so
#: there every ``obj[key]`` of modern code is spared the guard.
_ALWAYS_GUARDED = frozenset({"__getitem__"} if sys.version_info >= (3, 13) else ())


def _apply(reread: bool = True) -> None:
    """Make the patched attributes serve every live configuration.  Call it holding ``state.lock``.

    ``reread=False`` (an override entered or left) keeps the process
    configuration known so far rather than reading the settings again.
    """
    process = state.process if not reread and state.process is not None else process_config()
    state.process = process if settings.configured else None
    state.outside_features = process.features if state.installed else frozenset()
    live = {state.outside_features, *(entry.config.features for entry in state.entered)}
    # Decided here, once per configuration, not on each legacy call; the process
    # configuration serves no code while the shim is not installed.
    configs = [process] if state.installed else []
    silent = not reports_anything([*configs, *(entry.config for entry in state.entered)])
    wanted: dict[tuple[Any, str], tuple[Any, frozenset[str], bool]] = {}
    for key, (value, features) in _providers().items():
        serving = {not features.isdisjoint(live_features) for live_features in live}
        if True in serving:
            served = _silent(value) if silent else value
            wanted[key] = (served, features, False not in serving and key[1] not in _ALWAYS_GUARDED)
    # Every guard is made before anything changes, so a refusal leaves the patches as they were.
    values = {
        (target, name): value
        if everywhere
        else _guard(
            target,
            name,
            value,
            state.originals.get((target, name), vars(target).get(name, _MISSING)),
            features,
        )
        for (target, name), (value, features, everywhere) in wanted.items()
    }
    special_changed = False
    for key in list(state.originals):
        if key not in wanted:
            target, name = key
            original = state.originals.pop(key)
            state.guards.pop(key, None)
            special_changed = special_changed or _is_special(target, name)
            if original is _MISSING:
                delattr(target, name)
            else:
                setattr(target, name, original)
    for (target, name), (_value, _features, everywhere) in wanted.items():
        if (target, name) not in state.originals:
            state.originals[(target, name)] = vars(target).get(name, _MISSING)
        value = values[(target, name)]
        if everywhere:
            state.guards.pop((target, name), None)
        if vars(target).get(name, _MISSING) is not value:
            special_changed = special_changed or _is_special(target, name)
            setattr(target, name, value)
    if special_changed:
        _forget_abc_answers()
    _wait_for_imports(live)
    one_config(None if state.entered else state.process)


def _is_special(target: Any, name: str) -> bool:
    return isinstance(target, type) and name.startswith("__") and name.endswith("__")


def _forget_abc_answers() -> None:
    """Make the ``collections.abc`` classes ask again once a patched special method came or went.

    ``isinstance(request, Container)`` looks for ``__contains__`` once per
    class and keeps the answer, so one asked while ``request[key]``'s
    ``__contains__`` was patched would outlive ``uninstall()``.
    """
    for value in vars(collections.abc).values():
        if isinstance(value, abc.ABCMeta):
            value._abc_caches_clear()  # type: ignore[attr-defined]


def refresh() -> None:
    with state.lock:
        _apply()


def install(version: Any = _UNSET, features: Any = None, warnings: Any = None) -> None:
    """Patch Django with the legacy contract.

    With no arguments the ``HTTP_COMPAT_*`` settings decide (and later changes
    to them take effect at once); with arguments, they decide until
    ``uninstall()``.  Invalid arguments raise ``ConfigError``.  Either way this
    is the process configuration: code inside an ``override()`` keeps its own.
    """
    with state.lock:
        if version is _UNSET and features is None and warnings is None:
            state.explicit = None
        else:
            base = read_settings()
            state.explicit = resolve(
                base["version"] if version is _UNSET else version,
                features,
                base["warnings"] if warnings is None else warnings,
            )
        state.installed = True
        _apply()


def uninstall() -> None:
    """Remove every patch, restoring Django's classes and modules exactly.

    Overrides still running anywhere end here, as if they had exited.
    """
    with state.lock:
        state.installed = False
        state.explicit = None
        for entry in state.entered:
            entry.live = False
        state.entered.clear()
        _apply()


F = TypeVar("F", bound=Callable[..., Any])


class override:
    """Run code under another version or feature set; a context manager and a decorator.

    It applies to the code running inside it, in its thread or asyncio task
    (and the tasks and ``sync_to_async`` calls started there while it lasts),
    never to other requests.  The shim is installed for it if it was not.
    Fields left out are inherited: ``warnings`` from the configuration in
    force, and the feature set from ``version``.
    """

    def __init__(self, version: Any = _UNSET, features: Any = None, warnings: Any = None) -> None:
        outer = current_config()
        self.config = resolve(
            (None if outer.version is None else format_version(outer.version))
            if version is _UNSET
            else version,
            features,
            outer.warnings if warnings is None else warnings,
        )
        #: This override's live entries: one per ``with`` block running it, anywhere.
        self._entries: list[Entered] = []

    def __enter__(self) -> override:
        with state.lock:
            entry = Entered(self.config, innermost.get(), self)
            state.entered.append(entry)
            self._entries.append(entry)
            try:
                _apply(reread=False)
            except BaseException:
                state.entered.remove(entry)
                self._entries.remove(entry)
                _apply(reread=False)
                raise
            innermost.set(entry)
        return self

    def __exit__(self, *exc_info: object) -> None:
        with state.lock:
            entry = innermost.get()
            if entry is not None and entry.owner is self:
                innermost.set(entry.outer)
            elif self._entries:
                # Left from another context than it was entered in (a fixture
                # torn down in another task, say): end its latest entry.
                entry = self._entries[-1]
            else:
                raise RuntimeError("override() exited more times than it was entered.")
            self._entries.remove(entry)
            if entry.live:
                entry.live = False
                state.entered.remove(entry)
                _apply(reread=False)

    def __call__(self, func: F) -> F:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def async_inner(*args: Any, **kwargs: Any) -> Any:
                with self:
                    return await func(*args, **kwargs)

            return async_inner  # type: ignore[return-value]

        if isinstance(func, type):
            raise TypeError("override() decorates functions and methods, not classes.")

        @functools.wraps(func)
        def inner(*args: Any, **kwargs: Any) -> Any:
            with self:
                return func(*args, **kwargs)

        return inner  # type: ignore[return-value]


def _counting_changed() -> None:
    """``keep_counting()`` decides between the entry points with and without their warning."""
    with state.lock:
        if state.installed:
            _apply(reread=False)


usage_counts.when_counting_changes(_counting_changed)


@receiver(setting_changed)
def _setting_changed(*, setting: str, **kwargs: Any) -> None:
    """``override_settings`` / the ``settings`` fixture take effect immediately."""
    if setting == "INSTALLED_APPS":
        _providers_once_ready.clear()  # django.contrib.auth may have come or gone
    if setting.startswith("HTTP_COMPAT_"):
        refresh()
