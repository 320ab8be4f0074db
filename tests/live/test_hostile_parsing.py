"""Hostile input against the legacy POST parsing and the absolute-Location rewrite, compared
with plain Django (the app absent: ``uninstall()`` in this process, a second server
outside it) through the test client and through real servers.

The app runs as code written for 1.4 (tests.live.settings_parsing): bodies of any content
type parsed, forms decoded with their charset, the multipart POST mutable and relative
Locations made absolute, behind Django's CSRF middleware.
"""

from __future__ import annotations

import codecs
import contextlib
import encodings
import encodings.aliases
import http.client
import json
import pkgutil
from urllib.parse import quote, urlsplit

import django
import pytest
from asgiref.sync import async_to_sync
from django.core.exceptions import BadRequest
from django.core.files.uploadhandler import FileUploadHandler
from django.http import QueryDict
from django.test import AsyncClient, Client, override_settings
from django.utils.datastructures import MultiValueDict

from django_http_compat import override, uninstall
from tests.golden.probes import MULTIPART, make_request, multipart
from tests.live.servers import running_live

FORM = "application/x-www-form-urlencoded"
CSRF_SECRET = "a" * 32  # an unmasked secret: valid as both the cookie and the header
parsing_settings = override_settings(
    ROOT_URLCONF="tests.live.parsing_urls",
    MIDDLEWARE=["django.middleware.csrf.CsrfViewMiddleware"],
    DATA_UPLOAD_MAX_MEMORY_SIZE=10_000,
    DATA_UPLOAD_MAX_NUMBER_FIELDS=50,
)


def legacy_and_plain(call):
    """``call()`` under the 1.4 flag, then under plain Django (the shim uninstalled)."""
    with parsing_settings:
        with override(version="1.4", warnings="ignore"):
            legacy = call()
        uninstall()
        plain = call()
    return legacy, plain


def _csrf_client() -> Client:
    client = Client(enforce_csrf_checks=True, HTTP_X_CSRFTOKEN=CSRF_SECRET)
    client.cookies["csrftoken"] = CSRF_SECRET
    return client


# --- charsets: every name Python's codec registry answers to -------------------------


def codec_names() -> list[str]:
    names = set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())
    names |= {module.name for module in pkgutil.iter_modules(encodings.__path__)}
    # Spellings a client may use, and names no codec has.
    names |= {"ZLIB", '"zlib"', "Rot13", "utf-8", "UTF-8", "x-user-defined", "binary"}
    return sorted(names)


def decodes(charset: str) -> bool | None:
    """Whether the legacy rule can decode a body in ``charset``; None when Django ignores it."""
    try:
        info = codecs.lookup(charset.strip('"'))
    except LookupError:
        return None
    if not info._is_text_encoding:
        return False
    # Some text codecs raise even when asked to replace (idna, undefined; punycode before Python 3.13).
    try:
        for value in (b"k", b"caf\xe9", b"x", b"v"):
            value.decode(info.name, "replace")
    except Exception:
        return False
    return True


def one_name_per_codec() -> list[str]:
    by_codec: dict[str, str] = {}
    for name in codec_names():
        with contextlib.suppress(LookupError):
            by_codec.setdefault(codecs.lookup(name.strip('"')).name, name)
    return sorted({*by_codec.values(), "ZLIB", '"zlib"', "x-user-defined"})


BODY = b"k=caf%E9&x=v"
CONTENT_TYPES = (FORM, "text/plain")


def expected_status(content_type: str, charset: str) -> int:
    """What the 1.4 flag answers: a form the charset cannot decode gets modern Django's 400."""
    if content_type == FORM and decodes(charset) is False:
        return 400
    return 200


def test_the_table_holds_every_kind_of_charset():
    kinds = {decodes(name) for name in codec_names()}
    assert kinds == {True, False, None}
    assert {"zlib", "base64", "hex", "rot13", "undefined", "uu", "bz2", "quopri"} <= set(codec_names())


def _post_every_charset() -> dict[tuple[str, str], tuple[int, bytes]]:
    client = Client(raise_request_exception=False)
    answers = {}
    for charset in codec_names():
        for content_type in CONTENT_TYPES:
            try:
                # generic(), not post(): post() would encode the body in the charset named.
                content = f"{content_type}; charset={charset}"
                response = client.generic("POST", "/post/", BODY, content_type=content)
                answers[content_type, charset] = (response.status_code, response.content)
            except Exception as exc:  # plain Django 4.2 fails on a form in a non-text charset
                answers[content_type, charset] = (-1, repr(exc).encode())
    return answers


def test_a_charset_that_cannot_decode_the_body_gets_modern_djangos_answer(reinstall):
    legacy, plain = legacy_and_plain(_post_every_charset)
    for (content_type, charset), (status, content) in legacy.items():
        key = (content_type, charset)
        assert status == expected_status(content_type, charset), key
        if content_type == FORM and decodes(charset) is False and django.VERSION >= (5, 0):
            assert (status, content) == plain[key], key
        if content_type != FORM and decodes(charset) is False:
            assert (status, content) == plain[key] == (200, b"[]"), key
        if content_type != FORM and decodes(charset) is not False:
            assert json.loads(content), key  # parsed, as 1.4 parsed any body


def test_an_undecodable_form_behind_csrf_gets_a_400(reinstall):
    """The 400 view's CSRF check reads POST again; a refusal that it raised anew would
    escape Django's handler.  Plain Django has that for every non-UTF-8 form (5.0 on), so
    the shim does better than plain Django here, as Django does for forms over the limits."""

    def answer():
        client = _csrf_client()
        client.raise_request_exception = False
        content_type = f"{FORM}; charset=zlib"
        try:
            return client.generic("POST", "/post/", BODY, content_type=content_type).status_code
        except Exception as exc:
            return f"{type(exc).__name__} escaped the handler"

    legacy, plain = legacy_and_plain(answer)
    assert legacy == 400
    # 4.2 decodes the form with the charset itself, and fails on it.
    assert plain == ("BadRequest" if django.VERSION >= (5, 0) else "LookupError") + " escaped the handler"


def test_a_charset_set_by_code_that_cannot_decode_the_body_gets_a_400():
    with override(version="1.4", warnings="ignore"):
        request = make_request("POST", "", BODY, FORM)
        request.encoding = "zlib"
        with pytest.raises(BadRequest):
            request.POST  # noqa: B018
        request = make_request("POST", "", BODY, "text/plain")
        request.encoding = "rot13"
        assert request.POST == {}


# --- CSRF and the upload limits ------------------------------------------------------


RAW_UPLOAD = b"x" * 30_000  # over DATA_UPLOAD_MAX_MEMORY_SIZE
MANY_FIELDS = b"&".join(b"f%d=1" % n for n in range(60))  # over DATA_UPLOAD_MAX_NUMBER_FIELDS


@pytest.mark.parametrize("upload", [RAW_UPLOAD, MANY_FIELDS], ids=["too big", "too many fields"])
def test_csrf_middleware_lets_a_view_stream_a_body_over_the_limits(reinstall, upload):
    def answers():
        client = _csrf_client()
        return [
            (response.status_code, response.content)
            for view in ("stream", "post", "body")
            for response in [client.post(f"/{view}/", upload, content_type="application/octet-stream")]
        ]

    legacy, plain = legacy_and_plain(answers)
    streamed, post, body = legacy
    assert streamed == plain[0] == (200, str(len(upload)).encode())
    assert post[0] == 400  # code that reads POST still meets the limit
    body_status = 400 if upload is RAW_UPLOAD else 200
    assert body[0] == plain[2][0] == body_status


def test_csrf_middleware_still_finds_its_token_in_a_body_within_the_limits(reinstall):
    def status():
        client = Client(enforce_csrf_checks=True)
        client.cookies["csrftoken"] = CSRF_SECRET
        body = f"csrfmiddlewaretoken={CSRF_SECRET}&a=1".encode()
        return client.post("/stream/", body, content_type="text/plain").status_code

    legacy, plain = legacy_and_plain(status)
    assert (legacy, plain) == (200, 403)  # 1.4 parsed any body, the token included


# --- upload handlers that answer with their own POST ----------------------------------


class AnsweringHandler(FileUploadHandler):
    """An upload handler whose handle_raw_input() answers the whole request itself."""

    def __init__(self, request, post):
        super().__init__(request)
        self.post = post

    def handle_raw_input(self, *args, **kwargs):
        return self.post, MultiValueDict()


class FormData(QueryDict):
    pass


@pytest.mark.parametrize(
    "post",
    [{"a": "1"}, "a=1", MultiValueDict({"a": ["1"]}), FormData("a=1")],
    ids=["dict", "str", "MultiValueDict", "QueryDict subclass"],
)
def test_an_upload_handler_may_answer_with_any_post(reinstall, post):
    def parsed():
        request = make_request("POST", "", multipart([("a", "1")]), MULTIPART)
        request.upload_handlers = [AnsweringHandler(request, post)]
        return request.POST

    with override(version="1.10", warnings="ignore"):
        legacy = parsed()
    uninstall()
    assert legacy is parsed() is post
    if isinstance(post, QueryDict):
        with override(version="1.10", warnings="ignore"):
            legacy["a"] = "2"  # the multipart POST of 1.10 could be changed
        assert post["a"] == "2"
    else:
        assert "_http_compat_multipart" not in getattr(post, "__dict__", {})


# --- Locations that urlsplit() refuses ----------------------------------------------


def refused_by_urlsplit(url: str) -> bool:
    try:
        urlsplit(url)
    except ValueError:
        return True
    return False


# The brackets of an IPv6 host, unbalanced or around something else; which of them
# urlsplit() refuses depends on the Python release.
HOSTILE_LOCATIONS = [
    to
    for to in ["//[", "http://[::1", "http://[::1/x", "//[::1]x/", "http://[evil]/", "http://a]b/", "//a[b]/"]
    if refused_by_urlsplit(to)
]


def test_the_hostile_locations_include_the_reported_ones():
    assert {"//[", "http://[::1"} <= set(HOSTILE_LOCATIONS)


def async_get(path, data):
    async def get():
        return await AsyncClient().get(path, data)

    return async_to_sync(get)()


@pytest.mark.parametrize("view", ["location", "async-location"])
def test_a_location_that_cannot_be_made_absolute_is_sent_unchanged(reinstall, view):
    def answers():
        results = []
        for get in (Client().get, async_get):
            for to in [*HOSTILE_LOCATIONS, "/next/"]:
                response = get(f"/{view}/", {"to": to})
                results.append((response.status_code, response["Location"], response.content))
        return results

    legacy, plain = legacy_and_plain(answers)
    expected = [(302, to, b"moved") for to in HOSTILE_LOCATIONS]
    rewritten = (302, "http://testserver/next/", b"moved")  # the rule still applies
    assert legacy == [*expected, rewritten, *expected, rewritten]
    assert plain == [*expected, (302, "/next/", b"moved")] * 2


# --- the same through real servers ----------------------------------------------------

SERVERS = ("gunicorn-gthread", "uvicorn")


@contextlib.contextmanager
def legacy_and_plain_servers(server):
    with (
        running_live(server, "tests.live.settings_parsing") as legacy,
        running_live(server, "tests.live.settings_parsing_plain") as plain,
    ):
        yield legacy, plain


@pytest.fixture(scope="module", params=SERVERS)
def servers(request):
    with legacy_and_plain_servers(request.param) as ports:
        yield ports


def send(port, method, path, body=b"", headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("Location"), response.read()
    finally:
        connection.close()


CSRF_HEADERS = {"Cookie": f"csrftoken={CSRF_SECRET}", "X-CSRFToken": CSRF_SECRET}


@pytest.mark.server
def test_servers_answer_every_charset_as_plain_django_where_the_charset_cannot_decode(servers):
    legacy_port, plain_port = servers
    names = one_name_per_codec()
    assert {decodes(name) for name in names} == {True, False, None}
    for charset in names:
        for content_type in CONTENT_TYPES:
            headers = {**CSRF_HEADERS, "Content-Type": f"{content_type}; charset={charset}"}
            legacy = send(legacy_port, "POST", "/post/", BODY, headers)
            plain = send(plain_port, "POST", "/post/", BODY, headers)
            key = (content_type, charset)
            assert legacy[0] == expected_status(content_type, charset), key
            # Plain Django answers a form it refuses behind CSRF with the server's own 500
            # (see test_an_undecodable_form_behind_csrf_gets_a_400); other bodies alike.
            if decodes(charset) is False and content_type != FORM:
                assert legacy == plain, key


@pytest.mark.server
def test_servers_let_a_view_stream_a_body_over_the_limit_behind_csrf(servers):
    legacy_port, plain_port = servers
    headers = {**CSRF_HEADERS, "Content-Type": "application/octet-stream"}
    legacy = send(legacy_port, "POST", "/stream/", RAW_UPLOAD, headers)
    assert legacy == send(plain_port, "POST", "/stream/", RAW_UPLOAD, headers) == (200, None, b"30000")
    assert send(legacy_port, "POST", "/post/", RAW_UPLOAD, headers)[0] == 400


@pytest.mark.server
@pytest.mark.parametrize("view", ["location", "async-location"])
def test_servers_send_a_location_that_cannot_be_made_absolute_unchanged(servers, view):
    legacy_port, plain_port = servers
    for to in HOSTILE_LOCATIONS:
        path = f"/{view}/?to={quote(to)}"
        legacy = send(legacy_port, "GET", path)
        assert legacy == send(plain_port, "GET", path) == (302, to, b"moved"), to
    rewritten = send(legacy_port, "GET", f"/{view}/?to=/next/")
    assert rewritten == (302, f"http://127.0.0.1:{legacy_port}/next/", b"moved")
