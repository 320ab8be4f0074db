"""``user.is_authenticated()`` and ``is_anonymous()`` callable again.

They used to be methods.  A bound method is always truthy, so the
attribute must not simply become a method again: ``if user.is_authenticated:``
would then let every anonymous visitor in.  As Django 1.10-1.11 did, each is
a ``CallableBool``: it is the right boolean and can also be called.

The patches go on ``AbstractBaseUser`` (so ``User`` and custom user models
built on it) and ``AnonymousUser``, and only when ``django.contrib.auth`` is
installed.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from .patching import Patch
from .warnings import warn


class CallableBool:
    """A boolean that old code may also call; calling it warns."""

    # Templates must test it, not call it.
    do_not_call_in_templates = True
    __slots__ = ("value",)

    def __init__(self, value: bool) -> None:
        self.value = value

    def __bool__(self) -> bool:
        return self.value

    def __call__(self) -> bool:
        warn("user_is_authenticated_method")
        return self.value

    def __eq__(self, other: object) -> bool:
        return self.value == other

    def __ne__(self, other: object) -> bool:
        return self.value != other

    def __hash__(self) -> int:
        return hash(self.value)

    def __or__(self, other: object) -> bool:
        return bool(self.value or other)

    __ror__ = __or__

    def __and__(self, other: object) -> bool:
        return bool(self.value and other)

    __rand__ = __and__

    def __repr__(self) -> str:
        return f"CallableBool({self.value!r})"


CallableTrue = CallableBool(True)
CallableFalse = CallableBool(False)

_always_true = property(lambda self: CallableTrue, doc="True; may also be called.")
_always_false = property(lambda self: CallableFalse, doc="False; may also be called.")


def patches() -> dict[str, list[Patch]]:
    # The auth models can be imported only once the app registry has them.
    if not apps.models_ready or not apps.is_installed("django.contrib.auth"):
        return {}
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

    targets: list[tuple[Any, Any, Any]] = [
        (AbstractBaseUser, _always_true, _always_false),
        (AnonymousUser, _always_false, _always_true),
    ]
    return {
        "user_is_authenticated_method": [
            patch
            for cls, authenticated, anonymous in targets
            for patch in (
                Patch(cls, "is_authenticated", authenticated),
                Patch(cls, "is_anonymous", anonymous),
            )
        ]
    }
