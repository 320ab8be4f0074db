"""The ground floor: the configuration legacy code obeys, and what the shim has patched.

Every legacy entry point reads ``state.config`` (through ``is_active()``,
``before("1.4")`` and ``at_least("1.4")``); ``installer.py`` writes it, and keeps the
record of every patch in ``state``.  This module imports only ``conf`` and
``versions``, so behaviour modules stand on it without reaching up to the
installer that imports them.

Two configurations can be in force at once.  The *process configuration*
(``install()`` arguments, else the ``HTTP_COMPAT_*`` settings) applies to all
code outside ``override()``; an ``override()`` applies to the code running
inside it, in its own thread or asyncio task (a ``contextvars`` variable, which
asyncio tasks and asgiref's ``sync_to_async``/``async_to_sync`` carry along).
``state.config`` is the one the calling code obeys.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import inspect
import threading
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from django.conf import settings

from .conf import Config, settings_config

F = TypeVar("F", bound=Callable[..., Any])


def delegates_to(wrapped: Callable[..., Any]) -> Callable[[F], F]:
    """``functools.wraps(wrapped)`` for a wrapper that hands every argument on to ``wrapped``.

    Such a wrapper accepts exactly the calls ``wrapped`` accepts, so it carries
    ``wrapped``'s signature itself: introspection that does not follow
    ``__wrapped__`` (the golden census) sees the call shape that holds rather
    than ``(self, *args, **kwargs)``.
    """

    def decorate(wrapper: F) -> F:
        functools.wraps(wrapped)(wrapper)
        wrapper.__signature__ = inspect.signature(wrapped)  # type: ignore[attr-defined]
        return wrapper

    return decorate


class Patch(NamedTuple):
    """One attribute that one or more features put on a Django class or module."""

    target: Any
    name: str
    value: Any


class Entered:
    """One entry into an ``override()``, live until that entry exits (or ``uninstall()``)."""

    __slots__ = ("config", "live", "outer", "owner")

    def __init__(self, config: Config, outer: Entered | None, owner: object) -> None:
        self.config = config
        self.outer = outer
        self.owner = owner
        self.live = True


#: The innermost override entered in the running thread or task.  A task or
#: ``sync_to_async`` call started inside an override copies it, so it holds
#: entries that may have ended since: readers skip those.
innermost: contextvars.ContextVar[Entered | None] = contextvars.ContextVar(
    "django_http_compat_override", default=None
)


def entered_config() -> Config | None:
    """The configuration of the innermost live override of the calling context, if any."""
    entry = innermost.get()
    while entry is not None:
        if entry.live:
            return entry.config
        entry = entry.outer
    return None


class _State:
    """What the shim has done, and ``config``: the configuration legacy code obeys.

    Every legacy call and every response reads ``state.config``.  While no
    override is live anywhere (and settings are configured) it is a plain
    attribute holding the process configuration, as cheap to read as one
    configuration ever was.  Otherwise it is absent, and ``__getattr__``
    answers for the calling context.  (A descriptor on the class, or
    switching the class, would slow down the plain read: CPython's attribute
    cache would then look up the instance dict the long way.)
    """

    config: Config

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.installed = False
        self.explicit: Config | None = None
        #: The process configuration, once settings are configured.
        self.process: Config | None = None
        #: The features patched for code outside every override.
        self.outside_features: frozenset[str] = frozenset()
        #: Every override entry that is live, in any thread or task.
        self.entered: list[Entered] = []
        self.originals: dict[tuple[Any, str], Any] = {}
        self.guards: dict[tuple[Any, str], Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name != "config":
            raise AttributeError(name)
        config = entered_config()
        if config is None:
            config = self.process
            if config is None:  # not worked out yet: settings may not be configured
                config = process_config()
                if settings.configured:
                    with self.lock:
                        if self.process is None and not self.entered:
                            self.process = self.config = config
        return config


state = _State()


def one_config(config: Config | None) -> None:
    """``state.config`` becomes the plain attribute ``config``, or (None) is asked of each context."""
    if config is not None:
        state.config = config
    else:
        with contextlib.suppress(AttributeError):
            del state.config


def current_config() -> Config:
    """The configuration in force in the calling context: its innermost override, else ``process_config()``."""
    entered = entered_config()
    if entered is not None:
        return entered
    return process_config()


def process_config() -> Config:
    """The configuration of code outside every override: install() args, else settings."""
    if state.explicit is not None:
        return state.explicit
    # Invalid settings raise InvalidSettings (ImproperlyConfigured) rather than
    # quietly patching nothing: at start-up from the app's ready(), and from
    # override_settings, which then restores the previous settings.
    return settings_config()


def patched_here() -> frozenset[str]:
    """The features patched for the calling context: those the installer's guards serve it."""
    entered = entered_config()
    return state.outside_features if entered is None else entered.features


def is_active(feature_id: str) -> bool:
    return feature_id in state.config.features


def before(release: str) -> bool:
    """Does the calling code's ``HTTP_COMPAT_VERSION`` name a release older than ``release`` (``"1.4"``)?"""
    return state.config.before(release)


def at_least(release: str) -> bool:
    """Is the calling code's flagged release ``release`` or later, or no version set?"""
    return state.config.at_least(release)
