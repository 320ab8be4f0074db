"""Uploaded files answering as the dicts of 0.96 (legacy/uploads.py)."""

from __future__ import annotations

import pytest

from django_http_compat import override
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
