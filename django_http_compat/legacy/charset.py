"""The response charset of old eras: ``response._charset`` and ``content_type=''``.

Up to 1.7 a response's ``_charset`` was ``DEFAULT_CHARSET`` whatever its
Content-Type said, and code read it to learn how to encode; an empty
``content_type`` meant the default Content-Type, as no argument does.  Those
releases also encoded the content with that ``_charset``, against a header
naming another charset; the shim does not reproduce that (the client would
decode the body wrongly).  The charset the content is encoded with stays
modern Django's: the one given or assigned (kept where Django keeps it, in the
instance's ``_charset``), else the Content-Type's, else ``DEFAULT_CHARSET``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http.response import HttpResponseBase

from django_http_compat.state import Patch

_modern_charset = HttpResponseBase.__dict__["charset"]


def _charset_slot(self: HttpResponseBase) -> str:
    """``_charset`` as old code read it: the charset given or assigned, else ``DEFAULT_CHARSET``."""
    charset = self.__dict__.get("_charset")
    return settings.DEFAULT_CHARSET if charset is None else charset


def _set_charset_slot(self: HttpResponseBase, value: str | None) -> None:
    self.__dict__["_charset"] = value


class _WithoutExplicitCharset:
    """What modern Django's ``charset`` property reads of a response with no charset given.

    ``_charset()`` sets ``headers`` itself: most responses are built without a
    charset and encode their content with this one, and a Python
    ``__init__`` would be a call more for each.
    """

    __slots__ = ("headers",)
    _charset = None
    headers: Any


def _charset(self: HttpResponseBase) -> str:
    """Modern Django's answer, from the instance's own ``_charset`` rather than the legacy property."""
    charset = self.__dict__.get("_charset")
    if charset is not None:
        return charset  # type: ignore[no-any-return]
    without = _WithoutExplicitCharset()
    without.headers = self.headers
    return _modern_charset.fget(without)  # type: ignore[no-any-return]


def empty_content_type(kwargs: dict[str, Any]) -> None:
    """A keyword rule of ``response.py``: ``content_type=''`` means the default Content-Type."""
    if kwargs["content_type"] == "":
        del kwargs["content_type"]


def patches() -> dict[str, list[Patch]]:
    # The constructor half (empty_content_type) is registered by response.py.
    return {
        "response_default_charset": [
            Patch(HttpResponseBase, "_charset", property(_charset_slot, _set_charset_slot)),
            Patch(HttpResponseBase, "charset", property(_charset, _modern_charset.fset)),
        ]
    }
