"""Cookies of old eras: Expires dates with hyphens, Max-Age alone, and ``CompatCookie``.

Django computes an Expires date itself for ``set_cookie(max_age=...)``, for a
``datetime`` ``expires`` and in ``delete_cookie()``; old releases wrote them as
``Thu, 01-Jan-1970 00:00:00 GMT``.  Browsers accept both forms, so only code
comparing the exact text notices.  An ``expires`` string the caller wrote is
left exactly as given, in every era.  Up to 1.2 ``max_age`` set Max-Age
alone: Django added the matching Expires date (for clients without Max-Age)
only from 1.3.
"""

from __future__ import annotations

import re
from typing import Any

from django.http.cookie import SimpleCookie
from django.http.response import HttpResponseBase
from django.utils.http import http_date

from django_http_compat.state import Patch, delegates_to, is_active

_RFC_7231_DATE = re.compile(r"^(\w{3}), (\d\d) (\w{3}) (\d{4}) ")
_modern_set_cookie = HttpResponseBase.set_cookie
_modern_delete_cookie = HttpResponseBase.delete_cookie


def hyphenate(date: str) -> str:
    """``Thu, 01 Jan 1970 00:00:00 GMT`` -> ``Thu, 01-Jan-1970 00:00:00 GMT``."""
    return _RFC_7231_DATE.sub(r"\1, \2-\3-\4 ", date)


def cookie_date(epoch_seconds: float | None = None) -> str:
    """A timestamp as an old cookie date, ``Wdy, DD-Mon-YYYY HH:MM:SS GMT``."""
    return hyphenate(http_date(epoch_seconds))


def _hyphenate_expires(response: HttpResponseBase, key: str) -> None:
    morsel = response.cookies[key]
    if morsel["expires"]:
        morsel["expires"] = hyphenate(morsel["expires"])


def _argument(name: str, position: int, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """A ``set_cookie`` argument after the key, given by keyword or by ``position`` in ``args``."""
    return kwargs[name] if name in kwargs else (args[position] if len(args) > position else None)


@delegates_to(_modern_set_cookie)
def _set_cookie(self: HttpResponseBase, key: str, *args: Any, **kwargs: Any) -> None:
    _modern_set_cookie(self, key, *args, **kwargs)
    expires = _argument("expires", 2, args, kwargs)
    if (
        not expires
        and _argument("max_age", 1, args, kwargs) is not None
        and is_active("response_cookie_max_age")
    ):
        self.cookies[key]["expires"] = ""  # the date Django computed from max_age
    elif not isinstance(expires, str) and is_active("response_cookie_dates"):
        _hyphenate_expires(self, key)  # Django wrote the date, so it writes it the old way


@delegates_to(_modern_delete_cookie)
def _delete_cookie(self: HttpResponseBase, key: str, *args: Any, **kwargs: Any) -> None:
    _modern_delete_cookie(self, key, *args, **kwargs)
    _hyphenate_expires(self, key)


class CompatCookie(SimpleCookie):
    """The old name; ';' and ',' in values are quoted, as SimpleCookie itself now does."""


SET_COOKIE = Patch(HttpResponseBase, "set_cookie", _set_cookie)


def patches() -> dict[str, list[Patch]]:
    return {
        "response_cookie_dates": [SET_COOKIE, Patch(HttpResponseBase, "delete_cookie", _delete_cookie)],
        "response_cookie_max_age": [SET_COOKIE],
    }
