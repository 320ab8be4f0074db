"""``user.is_authenticated()`` and ``is_anonymous()`` callable again.

They used to be methods.  A bound method is always truthy, so the
attribute must not simply become a method again: ``if user.is_authenticated:``
would then let every anonymous visitor in.  As Django 1.10-1.11 did, each is
a ``CallableBool``: it is the right boolean and can also be called.

Modern code reads the attribute too (third-party apps, ``JsonResponse``,
f-strings, Django's own system checks), so the object behaves as much like
a ``bool`` as an object that is not one can: see ``CallableBool``.

The patches go on ``AbstractBaseUser`` (so ``User`` and custom user models
built on it) and ``AnonymousUser``, and only when ``django.contrib.auth`` is
installed.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from django.apps import apps

from django_http_compat.state import Patch
from django_http_compat.warnings import warn


class CallableBool:
    """A boolean that old code may also call; calling it warns.

    It prints, formats, compares, hashes, indexes and combines with ``&``,
    ``|`` and ``^`` as its ``bool`` does, and the ``json`` encoders write it as
    ``true``/``false``.  What no object but ``True`` and ``False`` can do: be
    identical to them (``is True``) or pass ``isinstance(value, bool)``.
    """

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

    def __index__(self) -> int:
        return int(self.value)

    def __eq__(self, other: object) -> bool:
        return self.value == other

    def __ne__(self, other: object) -> bool:
        return self.value != other

    def __lt__(self, other: Any) -> Any:
        return self.value < other

    def __le__(self, other: Any) -> Any:
        return self.value <= other

    def __gt__(self, other: Any) -> Any:
        return self.value > other

    def __ge__(self, other: Any) -> Any:
        return self.value >= other

    def __hash__(self) -> int:
        return hash(self.value)

    def __and__(self, other: Any) -> Any:
        return self.value & other

    def __rand__(self, other: Any) -> Any:
        return other & self.value

    def __or__(self, other: Any) -> Any:
        return self.value | other

    def __ror__(self, other: Any) -> Any:
        return other | self.value

    def __xor__(self, other: Any) -> Any:
        return self.value ^ other

    def __rxor__(self, other: Any) -> Any:
        return other ^ self.value

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(self.value, format_spec)

    def __repr__(self) -> str:
        return repr(self.value)

    def __reduce__(self) -> str:
        # Pickled and copied as the module's own constant, so identity survives.
        return "CallableTrue" if self.value else "CallableFalse"


CallableTrue = CallableBool(True)
CallableFalse = CallableBool(False)

_always_true = property(lambda self: CallableTrue, doc="True; may also be called.")
_always_false = property(lambda self: CallableFalse, doc="False; may also be called.")


def _callable_unless_callable_bool(obj: object) -> bool:
    """``callable()`` for Django's auth checks, which a ``CallableBool`` passes as the attribute it is.

    From Django 6.1 ``check_user_model`` reports auth.C009/C010 when
    ``callable(user.is_anonymous)``; a method a user model defines itself is
    still reported.
    """
    return not isinstance(obj, CallableBool) and callable(obj)


@functools.cache
def _json_encoder_patch() -> Patch:
    """``json.JSONEncoder.default`` also writing a ``CallableBool``, as its bool.

    Every encoder of the ``json`` module, the C one included, hands an object
    it cannot write to ``default``, and the encoders built on it
    (``DjangoJSONEncoder``, the session and ``signing`` serializers, REST
    frameworks' renderers) end by calling it, so ``true``/``false`` come out
    wherever plain Django's bool would.
    """
    json_default = json.JSONEncoder.default  # read before any patching: this runs once

    @functools.wraps(json_default)
    def default(self: json.JSONEncoder, o: Any) -> Any:
        if isinstance(o, CallableBool):
            return o.value
        return json_default(self, o)

    return Patch(json.JSONEncoder, "default", default)


def patches() -> dict[str, list[Patch]]:
    # The auth models can be imported only once the app registry has them.
    if not apps.models_ready or not apps.is_installed("django.contrib.auth"):
        return {}
    from django.contrib.auth import checks
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

    targets: list[tuple[Any, Any, Any]] = [
        (AbstractBaseUser, _always_true, _always_false),
        (AnonymousUser, _always_false, _always_true),
    ]
    found = [
        patch
        for cls, authenticated, anonymous in targets
        for patch in (
            Patch(cls, "is_authenticated", authenticated),
            Patch(cls, "is_anonymous", anonymous),
        )
    ]
    found.append(_json_encoder_patch())
    if "callable" in checks.check_user_model.__code__.co_names:  # Django 6.1 and later
        found.append(Patch(checks, "callable", _callable_unless_callable_bool))
    return {"user_is_authenticated_method": found}
