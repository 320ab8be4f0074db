"""Response content as old releases held it (legacy/response_content.py).

Iterator content (``response_iterator_content``, flags below 1.7) streams until
something reads it, and is refused to ``write()`` in 0.96; ``str(response)``
gives the HTTP message.  Modern code meets iterator content too: the cache
middleware pickles responses, the ASGI handler sends them from its event loop, and a response built inside ``override()`` may be read after it
has ended.  Each case is compared with plain Django (the app uninstalled, or a
server without it) serving the same view with str content.
"""

from __future__ import annotations

import importlib
import os
import pickle
import re
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client, override_settings
from django.urls import path

from django_http_compat import override, uninstall
from django_http_compat.legacy.response_content import OwnPass
from tests.golden.probes import make_request
from tests.legacy.uses import check_use
from tests.legacy.wsgi import run_wsgi
from tests.live.content_urls import CALLS, page
from tests.live.servers import LIVE_SERVERS, get, running

REPO = Path(__file__).resolve().parents[2]
CACHE_MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    "django.middleware.cache.FetchFromCacheMiddleware",
]


def _masked(headers) -> list[tuple[str, str]]:
    """Headers by lower-case name, without the server's own, dates and the cache's Age (seconds) masked."""
    return sorted(
        (
            name.lower(),
            "SECONDS"
            if name.lower() == "age"
            else re.sub(r"\d\d:\d\d:\d\d", "TIME", re.sub(r"\d+ \w+ \d{4}", "DATE", value)),
        )
        for name, value in headers
        if name.lower() not in {"date", "server", "transfer-encoding"}
    )


# --- the cache middleware (pickling) ----------------------------------------------------


def served_twice(path: str, cache: dict) -> tuple[list, int]:
    """Two GETs through the cache middleware: what each answered, and how often the view ran."""
    CALLS.clear()
    with override_settings(
        ROOT_URLCONF="tests.live.content_urls", MIDDLEWARE=CACHE_MIDDLEWARE, CACHES={"default": cache}
    ):
        client = Client()
        responses = [client.get(path) for _ in range(2)]
    answered = [(r.status_code, _masked(r.items()), r.content) for r in responses]
    return answered, CALLS[path]


@pytest.mark.parametrize("backend", ["locmem", "filebased"])
@pytest.mark.parametrize(("kind", "version"), [("generator", "1.6"), ("list", "1.4"), ("list", "1.6")])
def test_a_kept_iterable_page_is_cached_as_plain_django_caches_its_str_twin(
    kind, version, backend, tmp_path, reinstall
):
    def cache(name: str) -> dict:
        return {
            "BACKEND": f"django.core.cache.backends.{backend}.{'LocMemCache' if backend == 'locmem' else 'FileBasedCache'}",
            "LOCATION": str(tmp_path / name),
        }

    with override(version=version, warnings="ignore"):
        legacy, legacy_calls = served_twice(f"/{kind}/page/", cache("legacy"))
    uninstall()
    plain, plain_calls = served_twice("/str/page/", cache("plain"))
    assert legacy == plain
    assert legacy[1][2] == b"<p>cached page</p>" and ("cache-control", "max-age=600") in legacy[1][1]
    assert legacy_calls == plain_calls == 1  # the second answer came from the cache


def test_a_pickled_response_closes_nothing_of_what_the_original_holds(reinstall):
    rows = b"id,name\r\n1,teapot\r\n"
    held = [Rows(), Rows(), Rows(), _Closable("a", "b")]
    with override(version="1.6", warnings="ignore"):
        read_first, unread, replaced, listed = (HttpResponse(content) for content in held)
        assert read_first.content == rows
        replaced.content = "c"
        originals = [read_first, unread, replaced, listed]
        copies = [pickle.loads(pickle.dumps(response)) for response in originals]
    uninstall()
    for copy in copies:
        assert type(copy._container) is list
        copy.close()
    assert [copy.content for copy in copies] == [rows, rows, b"c", b"ab"]
    assert unread.content == rows  # pickling read the iterator into the response itself
    closes = lambda: [content.events.count("close") for content in held[:3]] + [held[3].closes]  # noqa: E731
    assert closes() == [0, 0, 0, 0]  # a copy closes nothing of the original's
    for response in originals:
        response.close()
    assert closes() == [1, 1, 1, 1]  # each original closes what it was given, as 1.6 did


@pytest.mark.parametrize(("version", "rest_of_the_pass"), [("1.4", [b"a", b"b"]), ("1.6", [b"b"])])
def test_a_response_iterated_before_pickling_pickles_and_its_copy_starts_its_own_pass(
    version, rest_of_the_pass
):
    with override(version=version, warnings="ignore"):
        items = ["a", "b"]
        response = HttpResponse(items)
        assert next(iter(response)) == b"a"  # a pass over the list is under way
        copy = pickle.loads(pickle.dumps(response))  # the cache middleware's round trip
        assert list(copy) == [b"a", b"b"]
        assert list(response) == rest_of_the_pass  # up to 1.4 each iter() starts again
        assert type(response._container) is not list and response.content == copy.content == b"ab"


class _Marked(HttpResponse):
    """A response class with its own ``make_bytes``: it marks every chunk it makes."""

    def make_bytes(self, value):
        return b"<" + super().make_bytes(value) + b">"


def test_each_chunk_of_the_own_pass_is_made_by_the_response_s_own_make_bytes():
    with override(version="1.6", warnings="ignore"):
        plain = HttpResponse(["a", b"b"])
        marked = _Marked(["a"])
        streaming = StreamingHttpResponse(["a", b"b", 3])
        assert list(plain) == [b"a", b"b"] and type(plain._iterator) is OwnPass
        assert list(marked) == [b"<<a>>"]  # made when kept and again by the pass, as before
        assert [next(streaming), next(streaming), next(streaming)] == [b"a", b"b", b"3"]
        with pytest.raises(StopIteration):
            next(streaming)
    streaming.close()


def test_a_make_bytes_replaced_on_the_instance_makes_each_chunk_of_the_own_pass():
    with override(version="1.5", warnings="ignore"):
        response = HttpResponse([b"x"])
        response.make_bytes = lambda value: b"[" + bytes(value) + b"]"  # as mock.patch.object() does
        iter(response)
        assert next(response) == b"[[x]]"  # made when kept and again by the pass, as for a subclass's


# --- a response built inside override(), read after it has ended -----------------------


def test_a_response_built_inside_override_reads_correctly_after_it_ends():
    expected = b"<p>cached inside</p>"
    with override(version="1.4", warnings="ignore"):
        read_first, iterated_first, written, pickled = (HttpResponse(page("inside")) for _ in range(4))
        streamed = HttpResponse(page("inside"))
        assert list(streamed) == [b"<p>cached ", b"inside</p>"]  # inside, it still streams
    assert (read_first.content, list(read_first), read_first.content) == (expected, [expected], expected)
    assert (list(iterated_first), iterated_first.content) == ([expected], expected)
    written.write("!")
    assert written.content == expected + b"!"
    assert pickle.loads(pickle.dumps(pickled)).content == expected


@override(version="1.4", warnings="ignore")
def overridden_generator(request):
    return HttpResponse(page("inside override()"), content_type="text/plain")


def overridden_str(request):
    return HttpResponse("".join(page("inside override()")), content_type="text/plain")


urlpatterns = [path("generator/", overridden_generator), path("str/", overridden_str)]


def served_wsgi(path: str, middleware: list[str]) -> tuple[str, list, bytes]:

    environ = make_request("GET", "").environ
    environ["PATH_INFO"] = path
    captured = []
    with override_settings(ROOT_URLCONF=__name__, MIDDLEWARE=middleware):
        result = WSGIHandler()(
            environ, lambda status, headers, exc_info=None: captured.append((status, headers))
        )
        body = b"".join(result)
        result.close()
    status, headers = captured[0]
    return status, _masked(headers), body


@pytest.mark.parametrize("middleware", [[], ["django.middleware.common.CommonMiddleware"]])
def test_an_override_decorated_generator_view_is_served_as_plain_django_serves_its_str_twin(
    middleware, reinstall
):
    legacy = served_wsgi("/generator/", middleware)
    uninstall()
    plain = served_wsgi("/str/", middleware)
    assert legacy == plain
    assert legacy[2] == b"<p>cached inside override()</p>"


# --- under an ASGI server ----------------------------------------------------------------

SETUP_DATABASE = """
import django
django.setup()
from django.core.management import call_command
from tests.models import Member
call_command("migrate", run_syncdb=True, verbosity=0)
Member.objects.bulk_create([Member(email="ada@example.com"), Member(email="grace@example.com")])
"""


@pytest.fixture(scope="module")
def asgi(tmp_path_factory):
    """name -> (port, django.request log) of uvicorn at flag 1.6 ("shim") and without the app ("plain")."""
    folder = tmp_path_factory.mktemp("asgi")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "DJANGO_SETTINGS_MODULE": "tests.live.settings_content",
        "HTTP_COMPAT_TEST_DATABASE": str(folder / "db.sqlite3"),
        "HTTP_COMPAT_TEST_LOG": str(folder / "setup.log"),
    }
    subprocess.run([sys.executable, "-c", SETUP_DATABASE], cwd=REPO, env=env, check=True)
    shim_env = {**env, "HTTP_COMPAT_TEST_LOG": str(folder / "shim.log")}
    plain_env = {**env, "HTTP_COMPAT_TEST_LOG": str(folder / "plain.log"), "HTTP_COMPAT_TEST_PLAIN": "1"}
    with (
        running(LIVE_SERVERS["uvicorn"], cwd=REPO, env=shim_env) as shim,
        running(LIVE_SERVERS["uvicorn"], cwd=REPO, env=plain_env) as plain,
    ):
        yield {"shim": (shim, folder / "shim.log"), "plain": (plain, folder / "plain.log")}


def answered(port: int, path: str) -> tuple[int, list, bytes]:
    response = get(port, path)
    return response.status, _masked(response.getheaders()), response.body


@pytest.mark.server
def test_asgi_serves_a_generator_that_uses_the_orm_as_plain_django_serves_its_str_twin(asgi):
    legacy = answered(asgi["shim"][0], "/generator/members/")
    plain = answered(asgi["plain"][0], "/str/members/")
    assert legacy == plain
    assert legacy[0] == 200 and legacy[2] == b"members: ada@example.com, grace@example.com"


@pytest.mark.server
def test_asgi_serves_a_kept_queryset_as_plain_django_serves_its_str_twin(asgi):
    legacy = answered(asgi["shim"][0], "/iterable/emails/")
    plain = answered(asgi["plain"][0], "/str/emails/")
    assert legacy == plain
    assert legacy[0] == 200 and legacy[2] == b"ada@example.comgrace@example.com"


@pytest.mark.server
def test_asgi_answers_a_failing_generator_with_djangos_logged_500(asgi):
    legacy = answered(asgi["shim"][0], "/generator/missing/")
    plain = answered(asgi["plain"][0], "/str/missing/")
    assert legacy == plain
    assert legacy[0] == 500
    for name, logged_path in (("shim", "/generator/missing/"), ("plain", "/str/missing/")):
        log = asgi[name][1].read_text()
        assert f"internal server error: {logged_path}" in log.lower()  # upper case at flag 1.6
        assert "DoesNotExist: Member matching query does not exist." in log


@pytest.mark.server
def test_asgi_serves_other_connections_while_a_generator_blocks(asgi):
    for name, waiting_path in (("shim", "/generator/wait/"), ("plain", "/str/wait/")):
        port, key = asgi[name][0], uuid.uuid4().hex
        with ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(get, port, f"{waiting_path}?key={key}")
            for _ in range(200):  # until the view blocks; each try is a new connection to serve
                released = get(port, f"/release/?key={key}")
                if released.status != 409:
                    break
                time.sleep(0.02)
            assert (name, released.status, released.body) == (name, 200, b"ok")
            assert (name, waiting.result().body) == (name, b"released")  # not "stalled"


def _read_at_construction() -> list[str]:
    log: list[str] = []

    def rows():
        log.append("read")
        yield "a"

    HttpResponse(rows())
    return log


class Rows:
    """A generator-like iterator that records what happened to it."""

    def __init__(self):
        self.events = []
        self._chunks = iter(["id,name\r\n", "1,teapot\r\n"])

    def __iter__(self):
        return self

    def __next__(self):
        self.events.append("next")
        return next(self._chunks)

    def close(self):
        self.events.append("close")


def rows_view(request):
    request.rows = Rows()
    return HttpResponse(request.rows, content_type="text/csv")


@override(version="1.6", warnings="ignore")
def test_an_iterator_response_streams_until_something_reads_it():
    rows = Rows()
    response = HttpResponse(rows)
    assert rows.events == []  # nothing read at construction
    assert list(response) == [b"id,name\r\n", b"1,teapot\r\n"]  # streamed, chunk by chunk
    response.close()
    assert rows.events[-1] == "close"
    rows = Rows()
    response = HttpResponse(rows)
    assert response.content == response.content == b"id,name\r\n1,teapot\r\n"  # the first read is kept
    response.write("2,kettle\r\n")
    assert response.tell() == len(response.getvalue()) == 29
    assert pickle.loads(pickle.dumps(response)).content == response.content  # what the cache middleware does


@override(version="1.6", warnings="ignore")
def test_an_iterator_response_is_served_whole_with_and_without_middleware():
    urls = "tests.legacy.response_urls"
    for middleware in ([], ["django.middleware.common.CommonMiddleware"]):
        status, _, chunks = run_wsgi("/rows/", ROOT_URLCONF=urls, MIDDLEWARE=middleware)
        assert (status, b"".join(chunks)) == ("200 OK", b"id,name\r\n1,teapot\r\n")
        assert len(chunks) == (2 if not middleware else 1)  # CommonMiddleware read it for Content-Length


def items_view(request):
    return HttpResponse(["id,name\r\n", "1,teapot\r\n", "2,kettle\r\n"], content_type="text/csv")


@pytest.mark.parametrize(("version", "after_common_middleware"), [("1.4", 3), ("1.6", 1)])
def test_a_list_response_is_served_one_chunk_per_item_until_its_content_is_read(
    version, after_common_middleware, reinstall
):
    urls, common = "tests.legacy.response_urls", ["django.middleware.common.CommonMiddleware"]
    with override(version=version, warnings="ignore"):
        served = [
            run_wsgi("/items/", ROOT_URLCONF=urls, MIDDLEWARE=middleware) for middleware in ([], common)
        ]
    uninstall()
    plain = [run_wsgi("/items/", ROOT_URLCONF=urls, MIDDLEWARE=middleware) for middleware in ([], common)]
    for (status, headers, chunks), (plain_status, plain_headers, plain_chunks) in zip(
        served, plain, strict=True
    ):
        assert (status, headers, b"".join(chunks)) == (plain_status, plain_headers, b"".join(plain_chunks))
    # CommonMiddleware reads .content for Content-Length: from 1.5 that joins the list.
    assert [len(chunks) for _, _, chunks in served] == [3, after_common_middleware]


@override(version="0.96", warnings="ignore")
def test_096_writing_to_an_iterator_response_raises_as_seed_003_says():
    response = HttpResponse(iter(["a", "b"]))
    with pytest.raises(Exception, match="is not writable"):
        response.write("c")
    with pytest.raises(Exception, match="cannot tell its position"):
        response.tell()
    assert response.content == b"ab"
    writable = HttpResponse()
    writable.write("<p>text</p>")
    assert writable.content == b"<p>text</p>"


# feature id -> (a release that had it, a use of it as old code wrote it)
class _Closable:
    """A closable iterable that is not an iterator (a file-like of the 1.7 era's code)."""

    def __init__(self, *chunks: str) -> None:
        self.chunks = chunks
        self.closes = 0

    def __iter__(self):
        return iter(self.chunks)

    def close(self) -> None:
        self.closes += 1


def _closes_when_built_and_read_and_closed() -> list[int]:
    content = _Closable("a", "b")
    response = HttpResponse(content)
    counts = [content.closes]
    assert response.content == b"ab"
    counts.append(content.closes)
    response.close()
    return [*counts, content.closes]


def _items_appended_after_construction() -> bytes:
    items = ["a"]
    response = HttpResponse(items)
    items.append("b")
    return response.content


def _own_iteration() -> list:
    response = HttpResponse("ab")
    return [iter(response) is response, list(response), list(response)]


def _next_method() -> bytes:
    response = HttpResponse("ab")
    iter(response)
    return response.next()


def _compatible_streaming_content() -> tuple[bytes, list[bytes]]:
    response = importlib.import_module("django.http").CompatibleStreamingHttpResponse(iter([b"a", b"b"]))
    return response.content, list(response)


USES = {
    "http_CompatibleStreamingHttpResponse": ("1.6", _compatible_streaming_content),
    "response_iterator_content": ("1.6", _read_at_construction),
    "response_iterable_container": ("1.6", _items_appended_after_construction),
    "response_own_iterator": ("1.6", _own_iteration),
    "response_next_method": ("1.6", _next_method),
    "response_deferred_close": ("1.8", _closes_when_built_and_read_and_closed),
    "response_str_message": ("1.6", lambda: str(HttpResponse("body", content_type="text/plain"))),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@pytest.mark.parametrize(("version", "counts"), [("1.7", [0, 0, 1]), ("1.9", [0, 0, 1]), ("1.10", [1, 1, 1])])
def test_a_closable_iterable_is_closed_by_response_close_from_1_7_to_1_9(version, counts):
    with override(version=version):
        assert _closes_when_built_and_read_and_closed() == counts


@override(version="1.8")
def test_deferred_close_through_the_wsgi_handler_and_after_replaced_content():
    content = _Closable("a")
    response = HttpResponse(content)
    response.content = "new"  # the old iterable is still closed at the end, as in 1.8
    assert (response.content, content.closes) == (b"new", 0)
    response.close()
    assert content.closes == 1

    handled = []

    def view(request):
        handled.append(_Closable("served"))
        return HttpResponse(handled[0])

    urlconf = type("urls", (), {"urlpatterns": [path("closable/", view)]})
    environ = make_request("GET").environ
    environ["PATH_INFO"] = "/closable/"
    with override_settings(ROOT_URLCONF=urlconf):
        result = WSGIHandler()(environ, lambda status, headers, exc_info=None: None)
        assert (b"".join(result), handled[0].closes) == (b"served", 0)
        result.close()
    assert handled[0].closes == 1


@override(version="1.8")
def test_a_response_holding_a_deferred_close_pickles_and_its_copy_closes_nothing():
    generator = (chunk for chunk in ["a", "b"])
    response = HttpResponse(generator)
    copy = pickle.loads(pickle.dumps(response))  # the cache middleware's round trip
    copy.close()
    assert (copy.content, response.content) == (b"ab", b"ab")
    content = _Closable("x")
    original = HttpResponse(content)
    pickle.loads(pickle.dumps(original)).close()
    assert content.closes == 0
    original.close()
    assert content.closes == 1


@override(version="1.8")
def test_an_error_closing_the_iterable_is_ignored_as_django_ignores_it():
    content = _Closable("x")
    content.close = lambda: 1 / 0  # type: ignore[method-assign]
    response = HttpResponse(content)
    response.close()
    assert response.closed


class _CountsPasses:
    """An iterable that is not an iterator, counting how often a pass over it starts."""

    def __init__(self, *chunks: str) -> None:
        self.chunks = chunks
        self.passes = 0

    def __iter__(self):
        self.passes += 1
        return iter(self.chunks)


@pytest.mark.parametrize("version", ["0.96", "1.4", "1.5", "1.6", "1.7", "6.1"])
def test_building_a_response_and_reading_its_content_starts_one_pass_over_the_iterable(version):
    with override(version=version, warnings="ignore"):
        content = _CountsPasses("a", "b")
        response = HttpResponse(content)
        assert response.content == b"ab"
    assert content.passes == 1
