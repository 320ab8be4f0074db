"""How old releases turned a POST body into ``request.POST``.

Three rules changed (their releases are in the registry): bodies of any
content type were parsed as a query string (those of any ``multipart/``
type as a form, with their files), urlencoded bodies were decoded
with ``request.encoding``, and a multipart form's ``POST`` could be changed
in place.  The legacy parses read ``request.body`` and build a ``QueryDict``, so
``DATA_UPLOAD_MAX_MEMORY_SIZE`` and ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` hold.

The charset comes from the client, who may name any codec Python has; where
it cannot decode the body, modern Django's rule applies instead (a 400 for a
form, an empty ``POST`` for any other body).  Django's ``CsrfViewMiddleware``
reads ``POST`` for its token on every POST; plain Django would not parse a
body that is not a form for it, so the upload limits do not refuse such a body
there: they bind the code that reads ``POST`` itself.
"""

from __future__ import annotations

import functools
from contextvars import ContextVar
from io import BytesIO
from typing import Any

from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.http.request import RawPostDataException
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.datastructures import MultiValueDict

from django_http_compat.state import Patch, at_least, before, is_active
from django_http_compat.warnings import warn

MULTIPART = "multipart/form-data"
URLENCODED = "application/x-www-form-urlencoded"
# Set on the POST of a multipart request; changing it is then legacy, not an error.
MULTIPART_MARK = "_http_compat_multipart"

_original_body = HttpRequest.body
_original_load = HttpRequest._load_post_and_files
_original_parse_file_upload = HttpRequest.parse_file_upload
_original_assert_mutable = QueryDict._assert_mutable  # type: ignore[attr-defined]  # Django-private, not in the stubs
_original_check_token = CsrfViewMiddleware._check_token  # type: ignore[attr-defined]  # Django-private, not in the stubs


class _TokenRead:
    """``CsrfViewMiddleware`` reading ``request.POST`` for its token."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.deferred = False  # the legacy parse was left to the view


_token_read: ContextVar[_TokenRead | None] = ContextVar("http_compat_token_read", default=None)


def _query_dict(body: bytes, encoding: str | None) -> QueryDict | None:
    """``body`` parsed as a query string, or None when its charset cannot decode it.

    Some codecs are not text codecs (``zlib``, ``base64``, ``rot13``), and some
    refuse bytes even when asked to replace them (``idna``, ``punycode``,
    ``undefined``); ``QueryDict`` reports the latter as too many fields.
    """
    try:
        return QueryDict(body, encoding=encoding)
    except (LookupError, UnicodeError):
        return None
    except TooManyFieldsSent as exc:
        if isinstance(exc.__cause__, UnicodeError):
            return None
        raise


class StreamReadError(RawPostDataException):
    """The body was asked for after the stream was read.

    Releases 1.3 to 1.6 raised the built-in ``Exception`` there; code that
    told errors apart by class name still sees that name, and modern code
    still catches ``RawPostDataException``.
    """

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Its name is not where pickle would look the class up.
        return _stream_read_error, self.args


def _stream_read_error(*args: Any) -> StreamReadError:
    return StreamReadError(*args)


StreamReadError.__name__ = StreamReadError.__qualname__ = "Exception"


def _length_is_not_a_number(request: HttpRequest) -> bool:
    try:
        int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return False


def _length_ignored(request: HttpRequest) -> bool:
    """Is ``CONTENT_LENGTH`` not a number, so that the flagged release saw an empty body?"""
    if not is_active("request_invalid_content_length") or (at_least("1.3") and before("1.4")):
        return False
    return _length_is_not_a_number(request)


def _get_body(self: HttpRequest) -> bytes:
    if not hasattr(self, "_body") and not self._read_started and _length_ignored(self):  # type: ignore[attr-defined]  # Django-private, not in the stubs
        # What a stream limited to no bytes gives; the client's body is left unread.
        self._stream.close()
        self._stream = BytesIO()
        self._body = b""
    try:
        body: bytes = _original_body.fget(self)  # type: ignore[attr-defined]  # a property in Django, a method to the stubs
        return body  # (not through cast(), a call on every read of request.body)
    except RawPostDataException as exc:
        if type(exc) is RawPostDataException and is_active("request_body_exception_class"):
            raise StreamReadError(*exc.args) from None
        raise


body = property(_get_body, doc=_original_body.__doc__)


def _legacy_post(request: HttpRequest) -> tuple[Any, Any] | None:
    """The POST and FILES an old release would build for a POST request, or None where modern Django's rule applies."""
    if request._read_started and not hasattr(request, "_body"):  # type: ignore[attr-defined]  # Django-private, not in the stubs
        return None
    if _length_is_not_a_number(request):
        if _length_ignored(request):
            _ = request.body  # empties it
            return QueryDict(encoding=request._encoding), MultiValueDict()  # type: ignore[attr-defined]  # Django-private, not in the stubs
        return None  # modern Django's rule: no legacy parse of a body of unknown length
    content_type = request.content_type
    encoding = request._encoding  # type: ignore[attr-defined]  # Django-private, not in the stubs
    if content_type == URLENCODED:
        if encoding and encoding.lower() != "utf-8" and is_active("request_post_charset"):
            warn("request_post_charset")
            post = _query_dict(request.body, encoding)
            if post is None:
                # As Django does for a form over the limits: the 400 view's CSRF check reads POST again.
                request._mark_post_parse_error()  # type: ignore[attr-defined]  # Django-private, not in the stubs
                raise BadRequest(f"The form cannot be decoded with its charset {encoding!r}.")
            return post, MultiValueDict()
    elif content_type != MULTIPART and is_active("request_post_any_content_type"):
        if content_type and content_type.startswith("multipart"):
            # A form to these releases, over the limits in the CSRF check too.
            return _other_multipart(request)
        try:
            post = _query_dict(request.body, encoding)
        except (RequestDataTooBig, TooManyFieldsSent):
            token_read = _token_read.get()
            if token_read is None or token_read.request is not request:
                raise
            token_read.deferred = True
            return None
        if post:
            warn("request_post_any_content_type")
        return None if post is None else (post, MultiValueDict())
    return None


def _other_multipart(request: HttpRequest) -> tuple[Any, Any]:
    """``multipart/mixed``, ``multipart/related`` ...: parsed as a form, with its files.

    Django's own multipart parser reads it, so its field, file and size limits hold.
    """
    warn("request_post_any_content_type")
    data = BytesIO(request._body) if hasattr(request, "_body") else request
    try:
        return request.parse_file_upload(request.META, data)
    except (MultiPartParserError, TooManyFilesSent):
        request._mark_post_parse_error()  # type: ignore[attr-defined]  # as Django does for a broken form; not in the stubs
        raise


@functools.wraps(_original_load)
def _load_post_and_files(self: HttpRequest) -> None:
    legacy = None if self.method != "POST" else _legacy_post(self)
    if legacy is None:
        _original_load(self)
    else:
        self._post, self._files = legacy  # type: ignore[attr-defined]  # Django-private, not in the stubs


@functools.wraps(_original_check_token)
def _check_token(self: CsrfViewMiddleware, request: HttpRequest) -> Any:
    """Django's CSRF check, with a body it would not parse left unparsed when a limit refuses it.

    The check then finds its token in the header, as in plain Django, and the
    view that streams the body gets it; a view that reads ``POST`` meets the limit.
    """
    token_read = _TokenRead(request)
    reset = _token_read.set(token_read)
    try:
        return _original_check_token(self, request)
    finally:
        _token_read.reset(reset)
        if token_read.deferred:  # the view's own read parses the body
            request.__dict__.pop("_post", None)
            request.__dict__.pop("_files", None)


@functools.wraps(_original_parse_file_upload)
def parse_file_upload(self: HttpRequest, META: Any, post_data: Any) -> tuple[Any, Any]:
    post, files = _original_parse_file_upload(self, META, post_data)
    # An upload handler's handle_raw_input() may answer with any object.
    if isinstance(post, QueryDict):
        post.__dict__[MULTIPART_MARK] = True
    return post, files


@functools.wraps(_original_assert_mutable)
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
        "request_body_exception_class": [Patch(HttpRequest, "body", body)],
        "request_invalid_content_length": [Patch(HttpRequest, "body", body), load],
        "request_post_any_content_type": [load, Patch(CsrfViewMiddleware, "_check_token", _check_token)],
        "request_post_charset": [load],
        "request_multipart_post_mutable": [
            Patch(HttpRequest, "parse_file_upload", parse_file_upload),
            Patch(QueryDict, "_assert_mutable", _assert_mutable),
        ],
    }
