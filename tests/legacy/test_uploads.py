"""Uploaded files answering as the dicts of 0.96 (legacy/uploads.py)."""

from __future__ import annotations

import warnings

import pytest
from django.template import Context, Template

from django_http_compat import override, uninstall, usage
from tests.golden.probes import MULTIPART, make_request, upload_body
from tests.legacy.uses import check_use, warns


@override(version="0.96")
def test_uploaded_files_answer_as_the_0_96_dicts():
    upload = make_request("POST", "", upload_body(), MULTIPART).FILES["doc"]
    with warns("request_files_dict"):
        assert (upload["filename"], upload["content-type"]) == ("notes.txt", "text/plain")
    with warns("request_files_dict"):
        assert upload["content"] == upload["content"] == b"line one\nline two"
    with warns("request_files_dict"):
        assert upload.keys() == ["filename", "content-type", "content"] and upload.has_key("content")
    with warns("request_files_dict"):
        assert upload.get("nope", "d") == "d"
    with pytest.raises(KeyError), warns("request_files_dict"):
        upload["nope"]
    assert upload.read() == b""  # and it is still the modern file object


def _counted() -> int:
    return sum(n for (feature_id, _, _), n in usage().items() if feature_id == "request_files_dict")


UPLOAD_TEMPLATE = "{{ f.name }}|{{ f.size }}|{{ f.content_type }}|{{ f.content }}|{{ f.filename }}"


def test_template_lookups_on_an_upload_are_not_legacy_calls_and_render_as_plain_django(reinstall):
    upload = make_request("POST", "", upload_body(), MULTIPART).FILES["doc"]
    before = _counted()
    with override(warnings="error"), warnings.catch_warnings():
        warnings.simplefilter("error")
        rendered = Template(UPLOAD_TEMPLATE).render(Context({"f": upload}))
    assert _counted() == before
    assert upload.tell() == 0  # {{ f.content }} read nothing
    uninstall()
    assert rendered == Template(UPLOAD_TEMPLATE).render(Context({"f": upload})) == "notes.txt|17|text/plain||"


def test_templates_of_0_96_see_the_dict_keys_without_a_warning():
    upload = make_request("POST", "", upload_body(), MULTIPART).FILES["doc"]
    before = _counted()
    with override(version="0.96", warnings="error"), warnings.catch_warnings():
        warnings.simplefilter("error")
        rendered = Template("{{ f.name }}|{{ f.size }}|{{ f.filename }}").render(Context({"f": upload}))
    assert (rendered, _counted()) == ("notes.txt|17|notes.txt", before)


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "request_files_dict": (
        "0.96",
        lambda: make_request("POST", "", upload_body(), MULTIPART).FILES["doc"]["content"],
    ),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)
