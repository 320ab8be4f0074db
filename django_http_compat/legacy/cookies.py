"""Cookies of old eras: Expires dates with hyphens, and ``CompatCookie``.

Django computes an Expires date itself for ``set_cookie(max_age=...)``, for a
``datetime`` ``expires`` and in ``delete_cookie()``; old releases wrote them as
``Thu, 01-Jan-1970 00:00:00 GMT``.  Browsers accept both forms, so only code
comparing the exact text notices.  An ``expires`` string the caller wrote is
left exactly as given, in every era.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from django.http.cookie import SimpleCookie
from django.http.response import HttpResponseBase
from django.utils.http import http_date

from django_http_compat.state import Patch

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


@functools.wraps(_modern_set_cookie)
def _set_cookie(self: HttpResponseBase, key: str, *args: Any, **kwargs: Any) -> None:
    _modern_set_cookie(self, key, *args, **kwargs)
    expires = kwargs["expires"] if "expires" in kwargs else (args[2] if len(args) > 2 else None)
    if not isinstance(expires, str):  # Django wrote the date, so it writes it the old way
        _hyphenate_expires(self, key)


@functools.wraps(_modern_delete_cookie)
def _delete_cookie(self: HttpResponseBase, key: str, *args: Any, **kwargs: Any) -> None:
    _modern_delete_cookie(self, key, *args, **kwargs)
    _hyphenate_expires(self, key)


class CompatCookie(SimpleCookie):
    """The old name; ';' and ',' in values are quoted, as SimpleCookie itself now does."""


def patches() -> dict[str, list[Patch]]:
    return {
        "response_cookie_dates": [
            Patch(HttpResponseBase, "set_cookie", _set_cookie),
            Patch(HttpResponseBase, "delete_cookie", _delete_cookie),
        ]
    }
