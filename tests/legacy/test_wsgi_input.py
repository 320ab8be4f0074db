"""A wsgi.input with read() only (legacy/wsgi_input.py)."""

from __future__ import annotations

import pytest
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.handlers.wsgi import WSGIRequest
from django.test import override_settings

from django_http_compat import override, uninstall
from tests.golden.probes import MULTIPART, URLENCODED, multipart
from tests.golden.probes.common import environ_for
from tests.golden.probes.request import ReadOnlyInput
from tests.legacy.uses import check_use


def _request(body: bytes, content_type: str = URLENCODED, length: int | None = None) -> WSGIRequest:
    environ = environ_for("POST", "", body, content_type)
    environ["wsgi.input"] = ReadOnlyInput(body)
    if length is not None:
        environ["CONTENT_LENGTH"] = str(length)
    return WSGIRequest(environ)


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {"request_wsgi_input_read_only": ("3.2", lambda: dict(_request(b"a=1&b=2").POST))}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@override(version="1.6", warnings="ignore")
def test_the_body_is_read_no_further_than_content_length():
    request = _request(b"a=1&b=2", length=3)
    assert (request.body, dict(request.POST)) == (b"a=1", {"a": ["1"]})


@override(version="1.6", warnings="ignore")
def test_readline_is_looked_up_when_a_line_is_read():
    request = _request(b"a=1\nb=2")
    with pytest.raises(AttributeError, match="readline"):
        request.readline()


@override(version="3.2", warnings="ignore")
def test_an_input_that_is_no_stream_at_all_fails_only_when_the_body_is_read():
    environ = environ_for("GET", "a=1", b"", URLENCODED)
    environ["wsgi.input"] = ""  # as Django's own tests of 1.11 and 3.2 built a request
    request = WSGIRequest(environ)
    assert request.GET["a"] == "1"
    environ["CONTENT_LENGTH"] = "3"
    with pytest.raises(AttributeError, match="'str' object has no attribute 'read'"):
        _ = WSGIRequest(environ).body


@override(version="1.6", warnings="ignore")
def test_upload_limits_hold():
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10), pytest.raises(RequestDataTooBig):
        _ = _request(b"a=" + b"x" * 20).body
    with override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=3):
        with pytest.raises(TooManyFieldsSent):
            _ = _request(b"a&b&c&d").POST
        with pytest.raises(TooManyFieldsSent):
            _ = _request(multipart([(f"f{i}", "1") for i in range(4)]), MULTIPART).POST


def test_a_file_like_input_is_left_alone(reinstall):
    """An input with readline() is handed to Django as it is, at every flag."""
    environ = environ_for("POST", "", b"a=1", URLENCODED)
    with override(version="1.6", warnings="error"):  # no warning either
        stream = WSGIRequest(environ)._stream
    assert stream._readline == environ["wsgi.input"].readline
    uninstall()
    with pytest.raises(AttributeError, match="readline"):
        _request(b"a=1")
