"""Every legacy feature of the 1.6 flag through real servers answers exactly as through the
test client: status line, headers and body."""

from __future__ import annotations

import http.client
import re

import pytest
from django.test import Client, override_settings

from tests.live.servers import running_live
from tests.live.urls import FEATURE_VIEWS

SERVERS = ("gunicorn-sync", "gunicorn-gthread", "uvicorn")
ASGI_SERVERS = {"uvicorn"}
SERVER_HEADERS = {"date", "server", "connection", "transfer-encoding", "content-length", "keep-alive"}
# (feature view, method, query, body, content type); the echo and twin views add the rest.
REQUESTS = [
    *[(name, "GET", "a=1&a=2&k=get", b"", None) for name in FEATURE_VIEWS if name != "post-charset"],
    ("merge-dict", "POST", "k=get", b"k=post&k=again", "application/x-www-form-urlencoded"),
    ("post-charset", "POST", "", b"k=caf\xe9", "application/x-www-form-urlencoded; charset=latin-1"),
]
live_settings = override_settings(
    ROOT_URLCONF="tests.live.urls",
    HTTP_COMPAT_VERSION="1.6",
    HTTP_COMPAT_FEATURES={"request_raw_post_data": True, "request_getitem": True},
    HTTP_COMPAT_WARNINGS="ignore",
    ALLOWED_HOSTS=["127.0.0.1", "testserver"],
)


def normal(headers) -> list[tuple[str, str]]:
    """Headers without the server's own, hosts and the clock's Max-Age masked."""
    return sorted(
        (
            name.lower(),
            re.sub(
                r"Max-Age=[1-9]\d*",
                "Max-Age=N",
                value.replace("127.0.0.1:PORT", "HOST").replace("testserver", "HOST"),
            ),
        )
        for name, value in headers
        if name.lower() not in SERVER_HEADERS
    )


@live_settings
def via_test_client() -> list:
    client = Client(HTTP_HOST="testserver")
    results = []
    for name, method, query, body, content_type in REQUESTS:
        path = f"/feature/{name}/?{query}"
        if method == "GET":
            response = client.get(path)
        else:
            response = client.generic("POST", path, body, content_type=content_type)
        cookies = [("Set-Cookie", morsel.OutputString()) for morsel in response.cookies.values()]
        headers = normal([*response.items(), *cookies])
        results.append((response.status_code, response.reason_phrase, headers, response.content))
    return results


def via_server(port: int) -> list:
    results = []
    for name, method, query, body, content_type in REQUESTS:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        headers = {"Content-Type": content_type} if content_type else {}
        connection.request(method, f"/feature/{name}/?{query}", body=body or None, headers=headers)
        response = connection.getresponse()
        items = [(k, re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", v)) for k, v in response.getheaders()]
        results.append((response.status, response.reason, normal(items), response.read()))
        connection.close()
    return results


@pytest.mark.server
@pytest.mark.parametrize("server", SERVERS)
def test_real_server_answers_as_the_test_client(server):
    expected = via_test_client()
    with running_live(server) as port:
        served = via_server(port)
    if server in ASGI_SERVERS:
        # ASGI sends only the status code; the server picks the reason phrase.
        served = [(status, None, *rest) for status, _, *rest in served]
        expected_here = [(status, None, *rest) for status, _, *rest in expected]
    else:
        expected_here = expected
    assert served == expected_here
    # The legacy behaviour is really there, not just equal on both sides.
    by_view = dict(zip([r[0] for r in REQUESTS], expected, strict=True))
    assert by_view["reason-phrase"][:2] == (404, "NOT FOUND")
    assert ("location", "http://HOST/next/") in by_view["redirect-content"][2]
    assert any(
        v.startswith("fixed=1; expires=Wed, 02-Jan-2030 03:04:05 GMT") for k, v in by_view["cookie-dates"][2]
    )
    assert by_view["post-charset"][3] == b'"caf\\u00e9"'
    assert by_view["iterable-container"][3] == b"<p>kept</p>!"
    assert by_view["own-iterator"][3] == b'[true, "a", "b", ""]'
