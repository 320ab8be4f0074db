"""render_to_response() with each era's arguments (legacy/shortcuts.py)."""

from __future__ import annotations

import importlib

import pytest
from django.http import BadHeaderError
from django.template import Context

from django_http_compat import override
from tests.legacy.uses import check_use, warns


def _render_to_response(**kwargs) -> bytes:
    shortcuts = importlib.import_module("django.shortcuts")
    return shortcuts.render_to_response("probe.html", {"value": 1}, **kwargs).content


@override(version="1.6")
def test_render_to_response_validates_headers_and_merges_contexts():
    with warns("shortcuts_render_to_response"):
        render_to_response = importlib.import_module("django.shortcuts").render_to_response
    with pytest.raises(BadHeaderError), warns("response_mimetype"):
        render_to_response("probe.html", {}, mimetype="text/plain\r\nSet-Cookie: x=1")
    with warns("shortcuts_context_instance"):
        response = render_to_response("probe.html", context_instance=Context({"value": "base"}), status=201)
    assert (response.status_code, response.content) == (201, b"probe base\n")
    with warns("shortcuts_context_instance"):
        response = render_to_response(
            "probe.html", {"value": "dict"}, Context({"value": "base"}), "text/plain"
        )
    assert (response.content, response["Content-Type"]) == (b"probe dict\n", "text/plain")
    with override(version="2.2"), pytest.raises(TypeError, match="not a Context"):
        render_to_response("probe.html", {}, Context({}))


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "shortcuts_render_to_response": ("2.2", _render_to_response),
    "shortcuts_context_instance": (
        "1.8",
        lambda: _render_to_response(context_instance=Context({"value": 2})),
    ),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)
