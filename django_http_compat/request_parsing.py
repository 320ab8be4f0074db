"""How old releases turned a POST body into ``request.POST``.

Three rules changed (their releases are in the registry): bodies of any
content type were parsed as a query string, urlencoded bodies were decoded
with ``request.encoding``, and a multipart form's ``POST`` could be changed
in place.  The legacy parses read ``request.body`` and build a ``QueryDict``, so
``DATA_UPLOAD_MAX_MEMORY_SIZE`` and ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` hold.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, QueryDict
from django.utils.datastructures import MultiValueDict

from .patching import Patch, is_active
from .warnings import warn

MULTIPART = "multipart/form-data"
URLENCODED = "application/x-www-form-urlencoded"
# Set on the POST of a multipart request; changing it is then legacy, not an error.
MULTIPART_MARK = "_http_compat_multipart"

_original_load = HttpRequest._load_post_and_files
_original_parse_file_upload = HttpRequest.parse_file_upload
_original_assert_mutable = QueryDict._assert_mutable


def _legacy_post(request: HttpRequest) -> QueryDict | None:
    """The POST an old release would build for a POST request, or None where modern Django's rule applies."""
    if request._read_started and not hasattr(request, "_body"):
        return None
    content_type = request.content_type
    encoding = request._encoding
    if content_type == URLENCODED:
        if encoding and encoding.lower() != "utf-8" and is_active("request_post_charset"):
            warn("request_post_charset")
            return QueryDict(request.body, encoding=encoding)
    elif content_type != MULTIPART and is_active("request_post_any_content_type"):
        post = QueryDict(request.body, encoding=encoding)
        if post:
            warn("request_post_any_content_type")
        return post
    return None


def _load_post_and_files(self: HttpRequest) -> None:
    post = None if self.method != "POST" else _legacy_post(self)
    if post is None:
        _original_load(self)
    else:
        self._post, self._files = post, MultiValueDict()


def parse_file_upload(self: HttpRequest, META: Any, post_data: Any) -> tuple[QueryDict, MultiValueDict]:
    post, files = _original_parse_file_upload(self, META, post_data)
    post.__dict__[MULTIPART_MARK] = True
    return post, files


def _assert_mutable(self: QueryDict) -> None:
    if self._mutable:  # every QueryDict while Django fills it
        return
    if self.__dict__.get(MULTIPART_MARK) and is_active("request_multipart_post_mutable"):
        warn("request_multipart_post_mutable")
        return
    _original_assert_mutable(self)


def patches() -> dict[str, list[Patch]]:
    load = Patch(HttpRequest, "_load_post_and_files", _load_post_and_files)
    return {
        "request_post_any_content_type": [load],
        "request_post_charset": [load],
        "request_multipart_post_mutable": [
            Patch(HttpRequest, "parse_file_upload", parse_file_upload),
            Patch(QueryDict, "_assert_mutable", _assert_mutable),
        ],
    }
