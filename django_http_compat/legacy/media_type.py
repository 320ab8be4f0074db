"""``MediaType.is_all_types``, which Django 5.2 dropped when it began ranking Accept headers.

Code written for 3.1 to 5.1 asked ``MediaType(...).is_all_types`` for ``*/*``.
A Django up to 5.1 has it and uses it itself (``MediaType.match()``): the
patch answers the same there, and warns only when code outside Django asks.
"""

from __future__ import annotations

import sys

from django.http.request import MediaType

from django_http_compat.state import Patch
from django_http_compat.warnings import warn


def _is_all_types(self: MediaType) -> bool:
    if not sys._getframe(1).f_globals.get("__name__", "").startswith("django."):
        warn("request_media_type_is_all_types")
    return self.main_type == "*" and self.sub_type == "*"


is_all_types = property(_is_all_types, doc="Is this the media range ``*/*``?")


def patches() -> dict[str, list[Patch]]:
    return {"request_media_type_is_all_types": [Patch(MediaType, "is_all_types", is_all_types)]}
