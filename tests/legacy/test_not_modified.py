"""A 304 that holds content, as up to 1.4 (legacy/not_modified.py)."""

from __future__ import annotations

import pickle

import pytest
from django.http import HttpResponseNotModified

from django_http_compat import override
from tests.legacy.uses import check_use


def _built_with_content() -> tuple[int, bytes]:
    response = HttpResponseNotModified("body")
    return response.status_code, response.content


USES = {"response_not_modified_content": ("1.4", _built_with_content)}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@override(version="1.4")
def test_content_set_on_a_304_is_read_back_but_never_iterated():
    response = HttpResponseNotModified(content=b"body")
    assert response.content == b"body"
    assert list(response) == []  # what a WSGI server reads
    response.content = ["a", "b"]
    assert (response.content, list(response)) == (b"ab", [])
    response.content = b""
    assert (response.content, list(response)) == (b"", [])


@override(version="1.4")
def test_a_304_with_content_pickles_with_it():
    response = HttpResponseNotModified("body")
    assert pickle.loads(pickle.dumps(response)).content == b"body"


def test_outside_the_flag_a_304_built_with_content_has_none():
    with override(version="1.4"):
        response = HttpResponseNotModified("body")
    assert (response.content, list(response)) == (b"", [])
    with override(version="1.5"), pytest.raises(AttributeError, match="You cannot set content to a 304"):
        HttpResponseNotModified("body")
