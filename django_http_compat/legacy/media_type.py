"""``MediaType.is_all_types``, which Django 5.2 dropped when it began ranking Accept headers.

Code written for 3.1 to 5.1 asked ``MediaType(...).is_all_types`` for ``*/*``;
on a Django that still has it, the shim patches nothing.
"""

from __future__ import annotations

from django.http.request import MediaType

from django_http_compat.state import Patch
from django_http_compat.warnings import warn


def _is_all_types(self: MediaType) -> bool:
    warn("request_media_type_is_all_types")
    return self.main_type == "*" and self.sub_type == "*"


is_all_types = property(_is_all_types, doc="Is this the media range ``*/*``?")
#: Django up to 5.1 has it itself (read before any patch).
_NATIVE = "is_all_types" in vars(MediaType)


def patches() -> dict[str, list[Patch]]:
    return {
        "request_media_type_is_all_types": [] if _NATIVE else [Patch(MediaType, "is_all_types", is_all_types)]
    }
