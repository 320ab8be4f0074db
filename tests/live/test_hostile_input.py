"""Hostile input against a live server: every legacy entry point answers exactly as its
modern twin does, injects nothing, and the server keeps answering afterwards."""

from __future__ import annotations

import http.client
import re
from urllib.parse import quote

import django
import pytest

from tests.live.servers import running_live
from tests.live.urls import ENTRY_POINTS

REQUEST_SIDE = ("request", "item", "raw", "lines", "ajax", "files")
SERVERS = ("gunicorn-gthread", "uvicorn")
# Headers the server or the clock decides; they differ between any two responses.
VOLATILE = {"date", "server", "connection", "keep-alive"}
BOUNDARY = "hostileboundary"


def multipart(*parts: tuple[str, bytes], close: bool = True) -> bytes:
    body = b""
    for disposition, content in parts:
        body += (
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; {disposition}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    return body + (f"--{BOUNDARY}--\r\n".encode() if close else b"")


FORM = "application/x-www-form-urlencoded"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
many_fields = "&".join(f"f{n}=1" for n in range(60))

# (case, method, query, body, content type, extra headers)
REQUEST_CASES = [
    ("plain", "GET", "k=1&k=2", b"", None, {}),
    ("invalid percent escapes", "GET", "k=%zz&k=%&%=1", b"", None, {}),
    ("invalid UTF-8 in the query", "GET", "k=%ff%fe&%c3=x", b"", None, {}),
    ("long query", "GET", "k=" + "a" * 3000, b"", None, {}),
    ("too many query fields", "GET", many_fields, b"", None, {}),
    ("invalid UTF-8 in a form body", "POST", "", b"k=%ff\xfe&j=\xc3", FORM, {}),
    ("body over the memory limit", "POST", "", b"k=" + b"a" * 30_000, FORM, {}),
    ("too many body fields", "POST", "", many_fields.encode(), FORM, {}),
    ("raw body over the limit", "POST", "", b"x\n" * 15_000, "text/plain", {}),
    ("JSON body", "POST", "k=get", b'{"k": "post"}', "application/json", {}),
    ("form in a non-text charset", "POST", "", b"k=caf%E9", FORM + "; charset=zlib", {}),
    ("form in a strict charset", "POST", "", b"k=caf%E9", FORM + "; charset=idna", {}),
    ("text in a non-text charset", "POST", "", b"k=v", "text/plain; charset=rot13", {}),
    (
        "too many files",
        "POST",
        "",
        multipart(*[(f'name="f{n}"; filename="f{n}.txt"', b"x") for n in range(6)]),
        MULTIPART,
        {},
    ),
    (
        "truncated multipart",
        "POST",
        "",
        multipart(('name="k"', b"value"), close=False)[:-4],
        MULTIPART,
        {},
    ),
    ("multipart without boundary", "POST", "", b"--x\r\n\r\n", "multipart/form-data", {}),
    (
        "malformed part header",
        "POST",
        "",
        b"--" + BOUNDARY.encode() + b"\r\nContent-Disposition\r\n\r\nv\r\n",
        MULTIPART,
        {},
    ),
    ("invalid UTF-8 header", "GET", "", b"", None, {"X-Requested-With": b"\xffXMLHttpRequest"}),
    (
        "non-ASCII header",
        "GET",
        "",
        b"",
        None,
        {"X-Requested-With": "XMLHttpRequest\u00e9".encode("latin-1")},
    ),
    ("invalid UTF-8 cookie", "GET", "", b"", None, {"Cookie": b"c=\xe9\xff; d"}),
]

# The cases modern Django answers with 400 when an entry point reads that part of the
# request (the limits, malformed multipart, a form in a charset that cannot decode it,
# refused by the shim on 4.2 too); every other case is a 200.
_FORM_LIMITS = (
    "too many query fields",
    "body over the memory limit",
    "too many body fields",
    "too many files",
    "multipart without boundary",
    "form in a non-text charset",
    "form in a strict charset",
)
REJECTED = {
    "request": _FORM_LIMITS,
    "item": _FORM_LIMITS,
    "files": _FORM_LIMITS,
    "raw": ("body over the memory limit", "raw body over the limit"),
}


def rejection_status(case: str) -> int:
    # Django 4.2 answers too many query-string fields with a 500, for modern code as for
    # legacy (the twins agree); Django 5.0 and later answer 400.
    if case == "too many query fields" and django.VERSION < (5, 0):
        return 500
    return 400


# (query name, query value, status modern Django gives)
INJECTIONS = ["Set-Cookie: injected=1", "X-Injected: 1"]
RESPONSE_CASES = {
    "mimetype": [
        ("t", "text/csv", 200),
        ("t", "text/plain\r\nSet-Cookie: injected=1", 500),
        ("t", "text/plain\nX-Injected: 1", 500),
        ("t", "text/\u00e9", 200),
        ("t", "text/\u2603", 200),
    ],
    "headers": [
        ("v", "fine", 200),
        ("v", "a\r\nSet-Cookie: injected=1", 500),
        ("v", "a\rX-Injected: 1", 500),
        ("v", "\u00e9", 200),
        ("v", "\u2603", 200),
    ],
    "redirect": [
        ("to", "/next/", 302),
        ("to", "javascript:alert(1)", 400),
        ("to", "data:text/html,x", 400),
        ("to", "ftp://example.com/", 302),
        ("to", "file:///etc/passwd", 400),
        ("to", "/a\r\nSet-Cookie: injected=1", 302),
        ("to", "//example.com/", 302),
        ("to", "/\u00e9/", 302),
    ],
    "cookie": [
        ("v", "plain", 200),
        ("v", "a;b", 200),
        ("v", "a\r\nSet-Cookie: injected=1", 200),
        ("v", "\u00e9", 200),
    ],
}


@pytest.fixture(scope="module", params=SERVERS)
def server(request):
    with running_live(request.param) as port:
        yield port


def send(port, method, path, body=b"", headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.putrequest(method, path)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    if method == "POST":
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body or None)
    response = connection.getresponse()
    headers = sorted(
        (name.lower(), re.sub(r"expires=[^;]*", "expires=<date>", value))
        for name, value in response.getheaders()
        if name.lower() not in VOLATILE
    )
    result = (response.status, headers, response.read())
    connection.close()
    return result


def assert_still_serving(port):
    assert send(port, "GET", "/ok/")[::2] == (200, b"ok")


@pytest.mark.server
@pytest.mark.parametrize("entry_point", REQUEST_SIDE)
def test_request_side_entry_points_answer_as_modern_django(server, entry_point):
    tried = 0
    for case, method, query, body, content_type, extra in REQUEST_CASES:
        headers = dict(extra)
        if content_type:
            headers["Content-Type"] = content_type
        path = f"/{{}}/{entry_point}/" + (f"?{query}" if query else "")
        legacy = send(server, method, path.format("legacy"), body, headers)
        modern = send(server, method, path.format("modern"), body, headers)
        assert legacy == modern, case
        rejected = case in REJECTED.get(entry_point, ())
        assert legacy[0] == (rejection_status(case) if rejected else 200), (case, legacy[0])
        assert_still_serving(server)
        tried += 1
    assert tried == len(REQUEST_CASES)


@pytest.mark.server
@pytest.mark.parametrize("entry_point", list(RESPONSE_CASES))
def test_response_side_entry_points_inject_nothing(server, entry_point):
    for name, value, status in RESPONSE_CASES[entry_point]:
        path = f"/{{}}/{entry_point}/?{name}={quote(value)}"
        legacy = send(server, "GET", path.format("legacy"))
        modern = send(server, "GET", path.format("modern"))
        assert legacy == modern, value
        assert legacy[0] == status, (value, legacy[0])
        assert "x-injected" not in {name for name, _ in legacy[1]}, value
        assert not [v for name, v in legacy[1] if name == "set-cookie" and v.startswith("injected")], value
        assert_still_serving(server)


def test_every_entry_point_is_covered():
    assert set(REQUEST_SIDE) | set(RESPONSE_CASES) == set(ENTRY_POINTS)
