"""How old releases turned a POST body into request.POST (legacy/request_parsing.py).

Hostile bodies and charsets, through the test client and real servers, are in
tests/live/test_hostile_parsing.py."""

from __future__ import annotations

import functools
import io

import pytest
from django.core.handlers.asgi import ASGIRequest
from django.core.handlers.wsgi import WSGIRequest
from django.http.request import RawPostDataException

from django_http_compat import override, uninstall
from tests.golden.probes import MULTIPART, URLENCODED, make_request, multipart
from tests.golden.probes.common import environ_for
from tests.legacy.uses import check_use, outcome


@override(version="1.10", warnings="ignore")
def test_only_a_multipart_post_becomes_mutable():
    form = make_request("POST", "g=1", multipart([("a", "1")]), MULTIPART)
    form.POST["a"] = "2"
    assert form.POST["a"] == "2"
    with pytest.raises(AttributeError, match="immutable"):
        form.GET["g"] = "2"
    with pytest.raises(AttributeError, match="immutable"):
        make_request("POST", "", b"a=1", URLENCODED).POST["a"] = "2"


def _bad_length(value: str, body: bytes = b"a=1&b=2", content_type: str = URLENCODED):
    environ = environ_for("POST", "", body, content_type)
    environ["CONTENT_LENGTH"] = value
    return WSGIRequest(environ)


def _bad_asgi_length(value: str):
    """An ASGI request: Django 6.1 reads its whole body whatever CONTENT_LENGTH says."""
    headers = [(b"content-length", value.encode()), (b"content-type", URLENCODED.encode())]
    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers, "query_string": b""}
    return ASGIRequest(scope, io.BytesIO(b"a=1&b=2"))


def _error_class_after_read() -> str:
    request = make_request("POST", "", b"a=1", "text/plain")
    request.read()
    try:
        _ = request.body
    except RawPostDataException as exc:
        return type(exc).__name__
    raise AssertionError("body read twice")


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "request_body_exception_class": ("1.6", _error_class_after_read),
    "request_invalid_content_length": (
        "1.9",
        lambda: (_bad_asgi_length("abc").body, dict(_bad_asgi_length("1.5").POST)),
    ),
    "request_post_any_content_type": (
        "1.4",
        lambda: dict(make_request("POST", "", b"a=1", "text/plain").POST),
    ),
    "request_post_charset": (
        "4.2",
        lambda: make_request("POST", "", b"n=caf%E9", URLENCODED + "; charset=latin-1").POST["n"],
    ),
    "request_multipart_post_mutable": (
        "1.10",
        lambda: make_request("POST", "", multipart([("a", "1")]), MULTIPART).POST.__setitem__("a", "2"),
    ),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


OTHER_MULTIPART = "multipart/mixed; boundary=BoUnDaRy"


@pytest.mark.parametrize(
    ("release", "post", "files"), [("1.4", {"title": ["Notes"]}, ["doc"]), ("1.5", {}, [])]
)
def test_any_multipart_type_is_parsed_as_a_form_up_to_1_4(release, post, files):
    from tests.golden.probes import upload_body

    with override(version=release, warnings="ignore"):
        for content_type in (OTHER_MULTIPART, "multipart/related; boundary=BoUnDaRy"):
            request = make_request("POST", "", upload_body(), content_type)
            assert dict(request.POST.lists()) == post
            assert sorted(request.FILES) == files


@pytest.mark.parametrize(
    ("limits", "body", "content_type"),
    [
        (
            {"DATA_UPLOAD_MAX_NUMBER_FIELDS": 2},
            multipart([("a", "1"), ("b", "2"), ("c", "3")]),
            OTHER_MULTIPART,
        ),
        ({"DATA_UPLOAD_MAX_MEMORY_SIZE": 100}, multipart([("a", "v" * 300)]), OTHER_MULTIPART),
        ({"DATA_UPLOAD_MAX_NUMBER_FILES": 0}, None, OTHER_MULTIPART),
        ({}, None, "multipart/mixed"),  # no boundary
    ],
)
def test_other_multipart_types_meet_the_upload_limits_with_a_400(limits, body, content_type):
    from django.test import Client, override_settings

    from tests.golden.probes import upload_body

    client = Client(enforce_csrf_checks=True)
    with override(version="1.4", warnings="ignore"), override_settings(**limits):
        response = client.post("/probe/", upload_body() if body is None else body, content_type=content_type)
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("release", "attribute", "name", "named"),
    [
        ("1.3", "raw_post_data", "Exception", "raw_post_data"),
        ("1.5", "raw_post_data", "Exception", "body"),
        ("1.6", "body", "Exception", "body"),
        ("1.7", "body", "RawPostDataException", "body"),
        ("1.2", "body", "RawPostDataException", "body"),
    ],
)
@pytest.mark.parametrize("step", ["multipart", "read", "xreadlines"])
def test_reading_the_body_after_the_stream_raises_a_class_named_exception_from_1_3_to_1_6(
    release, attribute, name, named, step
):
    with override(version=release, warnings="ignore"):
        if step == "multipart":
            request = make_request("POST", "", multipart([("a", "1")]), MULTIPART)
            _ = request.POST
        else:
            request = make_request("POST", "", b"one\ntwo", "text/plain")
            request.read() if step == "read" else list(request.readlines())
        with pytest.raises(RawPostDataException, match=f"access {named} after") as caught:
            getattr(request, attribute)
    assert type(caught.value).__name__ == name
    assert isinstance(caught.value, Exception)


@pytest.mark.parametrize(
    ("release", "empty"), [("1.2", True), ("1.3", False), ("1.4", True), ("1.9", True), ("1.10", False)]
)
@pytest.mark.parametrize("content_type", [URLENCODED, MULTIPART, "text/plain"])
def test_a_content_length_that_is_not_a_number_means_an_empty_body_up_to_1_9_but_1_3(
    release, empty, content_type, reinstall
):
    body = multipart([("a", "1")]) if content_type == MULTIPART else b"a=1&b=2"

    def read(value):
        request = _bad_length(value, body, content_type)
        return request.body, dict(request.POST), dict(request.FILES), request.body

    with override(version=release, warnings="ignore"):
        legacy = [outcome(functools.partial(read, value)) for value in ("abc", "1.5")]
        valid = _bad_length("7", body[:7], content_type).body
    uninstall()
    plain = [outcome(functools.partial(read, value)) for value in ("abc", "1.5")]
    assert legacy == ([("value", (b"", {}, {}, b""))] * 2 if empty else plain)
    assert valid == body[:7]


def test_the_error_named_exception_pickles():
    """Task queues and multiprocessing pickle exceptions; the class name alone cannot be looked up."""
    import pickle

    from django_http_compat.legacy.request_parsing import StreamReadError

    error = pickle.loads(pickle.dumps(StreamReadError("gone")))
    assert (type(error), error.args) == (StreamReadError, ("gone",))
