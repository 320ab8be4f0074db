"""``response._charset`` and ``content_type=''`` of old eras (legacy/charset.py)."""

from __future__ import annotations

import pickle

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import override_settings

from django_http_compat import override
from tests.legacy.uses import check_use, warns

LATIN_1 = "text/plain; charset=iso-8859-1"

# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "response_default_charset": (
        "1.7",
        lambda: (
            HttpResponse("x", content_type=LATIN_1)._charset,
            HttpResponse("x", content_type="")["Content-Type"],
        ),
    ),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@override(version="1.7")
def test_content_is_still_encoded_in_the_charset_the_header_names():
    response = HttpResponse("caf\xe9", content_type=LATIN_1)
    assert (response._charset, response.charset, response.content) == ("utf-8", "iso-8859-1", b"caf\xe9")
    streaming = StreamingHttpResponse(["caf\xe9"], content_type=LATIN_1)
    assert (streaming._charset, b"".join(streaming)) == ("utf-8", b"caf\xe9")


@override(version="1.7")
def test_a_charset_given_or_assigned_is_what_charset_says():
    response = HttpResponse("x", charset="iso-8859-1")
    assert (response._charset, response.charset, response["Content-Type"]) == (
        "iso-8859-1",
        "iso-8859-1",
        "text/html; charset=iso-8859-1",
    )
    response._charset = "utf-16"
    response.content = "\xe9"
    assert (response.charset, response.content) == ("utf-16", "\xe9".encode("utf-16"))


@override(version="1.4")
def test_charset_follows_the_default_charset_setting():
    with override_settings(DEFAULT_CHARSET="iso-8859-1"):
        response = HttpResponse("caf\xe9", content_type="text/plain")
        assert (response._charset, response.content) == ("iso-8859-1", b"caf\xe9")


def test_a_response_built_at_1_7_is_modern_outside_the_override():
    with override(version="1.7"):
        response = HttpResponse("caf\xe9", content_type=LATIN_1)
    assert (response._charset, response.charset) == (None, "iso-8859-1")
    restored = pickle.loads(pickle.dumps(response))
    assert (restored._charset, restored.content) == (None, b"caf\xe9")


@pytest.mark.parametrize(("version", "content_type"), [("1.7", "text/html; charset=utf-8"), ("1.8", "")])
def test_empty_content_type_is_the_default_up_to_1_7(version, content_type):
    with override(version=version):
        assert HttpResponse("x", content_type="")["Content-Type"] == content_type
        assert StreamingHttpResponse([], content_type="")["Content-Type"] == content_type


def test_empty_content_type_takes_default_content_type_where_that_applies():
    with (
        override(version="1.7"),
        override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml"),
        warns("response_default_content_type"),
    ):
        assert HttpResponse("x", content_type="")["Content-Type"] == "application/xhtml+xml; charset=utf-8"
