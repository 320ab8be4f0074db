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

The configuration is process-wide: ``override()`` and ``override_settings``
change it for every thread, as patching classes must.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from .conf import Config, read_settings, resolve, settings_config
from .versions import format_version

_MISSING = object()
_UNSET: Any = object()


class Patch(NamedTuple):
    """One attribute that one or more features put on a Django class or module."""

    target: Any
    name: str
    value: Any


class _State:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.installed = False
        self.explicit: Config | None = None
        self.overrides: list[Config] = []
        self.originals: dict[tuple[Any, str], Any] = {}
        # ``config`` (the configuration legacy code obeys, also read by the
        # swap-import classes) is a plain attribute once set, because every
        # legacy call and every response reads it; until then it is worked
        # out on each read, as settings may not be configured yet.

    def __getattr__(self, name: str) -> Any:
        if name != "config":
            raise AttributeError(name)
        config = current_config()
        if settings.configured:
            self.config = config
        return config

    config: Config


state = _State()


def implementations() -> dict[str, list[Patch]]:
    """Feature id -> the patches that implement it, gathered from each concern's module."""
    from . import (
        auth,
        cookies,
        handler,
        names,
        querydict,
        reason_phrases,
        request,
        request_parsing,
        response,
        response_content,
        response_headers,
        uploads,
    )

    found: dict[str, list[Patch]] = {}
    modules = (
        request,
        request_parsing,
        querydict,
        uploads,
        auth,
        names,
        response,
        response_content,
        reason_phrases,
        response_headers,
        cookies,
        handler,
    )
    for module in modules:
        for feature_id, patches in module.patches().items():
            found.setdefault(feature_id, []).extend(patches)
    return found


def current_config() -> Config:
    """The configuration in force: innermost override, else install() args, else settings."""
    if state.overrides:
        return state.overrides[-1]
    if state.explicit is not None:
        return state.explicit
    # Invalid settings raise InvalidSettings (ImproperlyConfigured) rather than
    # quietly patching nothing: at start-up from the app's ready(), and from
    # override_settings, which then restores the previous settings.
    return settings_config()


def is_active(feature_id: str) -> bool:
    return feature_id in state.config.features


def flagged_before(version: tuple[int, int]) -> bool:
    """True when ``HTTP_COMPAT_VERSION`` names a release older than ``version`` (``Config.flagged_before``)."""
    return state.config.flagged_before(version)


def _apply(config: Config) -> None:
    """Make the patched attributes match ``config`` (all off when not installed)."""
    wanted: dict[tuple[Any, str], Any] = {}
    if state.installed:
        for feature_id, patches in implementations().items():
            if feature_id in config.features:
                for patch in patches:
                    wanted[(patch.target, patch.name)] = patch.value
    for key in list(state.originals):
        if key not in wanted:
            target, name = key
            original = state.originals.pop(key)
            if original is _MISSING:
                delattr(target, name)
            else:
                setattr(target, name, original)
    for (target, name), value in wanted.items():
        if (target, name) not in state.originals:
            state.originals[(target, name)] = vars(target).get(name, _MISSING)
        setattr(target, name, value)
    state.config = config


def refresh() -> None:
    with state.lock:
        _apply(current_config())


def install(version: Any = _UNSET, features: Any = None, warnings: Any = None) -> None:
    """Patch Django with the legacy contract.

    With no arguments the ``HTTP_COMPAT_*`` settings decide (and later changes
    to them take effect at once); with arguments, they decide until
    ``uninstall()``.  Invalid arguments raise ``ConfigError``.
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
        _apply(current_config())


def uninstall() -> None:
    """Remove every patch, restoring Django's classes and modules exactly."""
    with state.lock:
        state.installed = False
        state.explicit = None
        state.overrides.clear()
        _apply(current_config())


F = TypeVar("F", bound=Callable[..., Any])


class override:
    """Run code under another version or feature set; a context manager and a decorator.

    Installs the shim for the duration if it was not installed.  Fields left
    out are inherited: ``warnings`` from the configuration in force, and the
    feature set from ``version``.
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
        self._was_installed: list[bool] = []

    def __enter__(self) -> override:
        with state.lock:
            self._was_installed.append(state.installed)
            state.installed = True
            state.overrides.append(self.config)
            _apply(current_config())
        return self

    def __exit__(self, *exc_info: object) -> None:
        with state.lock:
            state.overrides.remove(self.config)
            state.installed = self._was_installed.pop()
            _apply(current_config())

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


@receiver(setting_changed)
def _setting_changed(*, setting: str, **kwargs: Any) -> None:
    """``override_settings`` / the ``settings`` fixture take effect immediately."""
    if setting.startswith("HTTP_COMPAT_"):
        refresh()
