"""The request side: every legacy API present under its flag, warning, bounded by
Django's upload limits, and absent at a modern flag exactly as in plain Django.

Behaviour of each era is compared with recordings in test_golden.py; the
0.96-only APIs, which no installable release has, are checked here against
the 0.96 documentation (seed 003).
"""

from __future__ import annotations

import importlib

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import DisallowedHost
from django.http import QueryDict
from django.http.request import RawPostDataException
from django.template import Context, Template
from django.test import Client, override_settings
from django.utils.functional import SimpleLazyObject

from django_http_compat import override
from django_http_compat.features import FEATURES
from tests.golden.probes import MULTIPART, URLENCODED, make_request, multipart, upload_body
from tests.legacy.uses import check_use
from tests.models import Member

pytestmark = pytest.mark.filterwarnings("ignore::django_http_compat.warnings.HttpCompatWarning")


def _name(module: str, name: str):
    return getattr(importlib.import_module(module), name)


def _error_args(call):
    try:
        call()
    except KeyError as exc:
        return exc.args
    raise AssertionError("no KeyError")


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "request_REQUEST": ("1.6", lambda: make_request("GET", "a=1").REQUEST["a"]),
    "request_raw_post_data": ("1.5", lambda: make_request("POST", "", b"a=1", URLENCODED).raw_post_data),
    "request_getitem": ("0.96", lambda: make_request("GET", "a=1")["a"]),
    "request_files_dict": (
        "0.96",
        lambda: make_request("POST", "", upload_body(), MULTIPART).FILES["doc"]["content"],
    ),
    "request_get_raw_uri": ("3.2", lambda: make_request("GET", "a=1").get_raw_uri()),
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
    "request_long_repr": ("1.7", lambda: repr(make_request("GET", "a=1")).split("\n")[:3]),
    "request_is_ajax": (
        "3.1",
        lambda: make_request(headers={"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}).is_ajax(),
    ),
    "request_xreadlines": ("2.2", lambda: list(make_request("POST", "", b"a\nb", "text/plain").xreadlines())),
    "user_is_authenticated_method": ("1.11", lambda: AnonymousUser().is_authenticated()),
    "querydict_py2_methods": ("1.11", lambda: QueryDict("a=1").has_key("a")),
    "querydict_list_returns": ("1.11", lambda: QueryDict("a=1&b=2").keys()[1]),
    "querydict_key_error_args": ("1.6", lambda: _error_args(lambda: QueryDict("a=1")["b"])),
    "datastructures_MergeDict": ("1.8", lambda: _name("django.utils.datastructures", "MergeDict").__name__),
    "http_get_host": ("1.4", lambda: _name("django.http", "get_host")(make_request())),
    "http_build_request_repr": (
        "1.8",
        lambda: _name("django.http", "build_request_repr")(make_request())[:13],
    ),
    "http_module_names": ("1.4", lambda: _name("django.http", "smart_str")(b"x")),
}


def test_every_request_feature_has_a_use():
    assert set(USES) == {f.id for f in FEATURES if f.area == "request"}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


# --- upload limits -----------------------------------------------------------

LIMITS = {
    "memory": ({"DATA_UPLOAD_MAX_MEMORY_SIZE": 100}, multipart([("a", "v" * 300)]), MULTIPART),
    "fields": (
        {"DATA_UPLOAD_MAX_NUMBER_FIELDS": 3},
        multipart([(f"f{i}", "v") for i in range(5)]),
        MULTIPART,
    ),
    "files": ({"DATA_UPLOAD_MAX_NUMBER_FILES": 1}, None, MULTIPART),
    "memory_text": ({"DATA_UPLOAD_MAX_MEMORY_SIZE": 100}, b"a=" + b"v" * 300, "text/plain"),
    "fields_text": ({"DATA_UPLOAD_MAX_NUMBER_FIELDS": 3}, b"a=1&b=2&c=3&d=4&e=5", "text/plain"),
}

# (legacy accessor, the modern code replacing it, a release with the legacy one)
PAIRS = [
    ("REQUEST", "POST", "1.6"),
    ("raw_post_data", "body", "1.5"),
    ("getitem", "POST", "0.96"),
    ("FILES_dict", "FILES", "0.96"),
    ("POST", "QueryDict_of_body", "1.4"),  # a non-form body parsed as a form
]


def two_files() -> bytes:
    part = '--BoUnDaRy\r\nContent-Disposition: form-data; name="f{0}"; filename="f{0}.txt"\r\n\r\nx\r\n'
    return (part.format(1) + part.format(2) + "--BoUnDaRy--\r\n").encode()


def status(accessor: str, limit: str) -> int:
    limit_settings, body, content_type = LIMITS[limit]
    with override_settings(**limit_settings):
        response = Client().generic(
            "POST", f"/accessor/{accessor}/?a=get", body or two_files(), content_type=content_type
        )
    return response.status_code


# A non-form body reaches POST only through the any-content-type feature (the
# last pair), so only that pair meets the text bodies.
COMBINATIONS = [
    (*pair, limit) for pair in PAIRS for limit in LIMITS if limit.endswith("_text") == (pair[0] == "POST")
]


@pytest.mark.parametrize(("legacy", "modern", "release", "limit"), COMBINATIONS)
def test_upload_limits_hold_through_legacy_accessors(legacy, modern, release, limit):
    with override(version=release, warnings="ignore"):
        assert status(legacy, limit) == status(modern, limit)


@pytest.mark.parametrize(
    ("accessor", "release", "limits_refused"),
    [
        ("REQUEST", "1.6", {"memory", "fields", "files"}),
        ("raw_post_data", "1.5", {"memory", "memory_text"}),
        # 0.96 also parsed text bodies into POST, so those meet the limits too.
        ("getitem", "0.96", set(LIMITS)),
        ("FILES_dict", "0.96", set(LIMITS)),
        ("POST", "1.4", set(LIMITS)),
    ],
)
def test_limits_refuse_with_400(accessor, release, limits_refused):
    with override(version=release, warnings="ignore"):
        refused = {limit for limit in LIMITS if status(accessor, limit) == 400}
    assert refused == limits_refused


# --- 0.96 contract, from its documentation (no 0.96 release can be installed) -


@override(version="0.96")
def test_request_getitem_searches_post_then_get():
    request = make_request("POST", "a=get&g=1", b"a=post", URLENCODED)
    assert (request["a"], request["g"]) == ("post", "1")
    assert request.has_key("g") and "a" in request and "zz" not in request
    with pytest.raises(KeyError) as info:
        request["zz"]
    assert info.value.args == ("zz not found in either POST or GET",)


@override(version="0.96")
def test_uploaded_files_answer_as_the_0_96_dicts():
    upload = make_request("POST", "", upload_body(), MULTIPART).FILES["doc"]
    assert (upload["filename"], upload["content-type"]) == ("notes.txt", "text/plain")
    assert upload["content"] == upload["content"] == b"line one\nline two"
    assert upload.keys() == ["filename", "content-type", "content"] and upload.has_key("content")
    assert upload.get("nope", "d") == "d"
    with pytest.raises(KeyError):
        upload["nope"]
    assert upload.read() == b""  # and it is still the modern file object


@override(version="0.96")
def test_raw_post_data_after_a_multipart_parse_refuses_rather_than_lie():
    request = make_request("POST", "", multipart([("a", "1")]), MULTIPART)
    assert request.POST["a"] == "1"
    with pytest.raises(RawPostDataException, match="raw_post_data"):
        getattr(request, "raw_post_data")  # noqa: B009


# --- is_authenticated() ------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "authenticated"),
    [(AnonymousUser(), False), (User(pk=1), True), (Member(pk=1), True)],
    ids=["anonymous", "user", "custom_user_model"],
)
def test_is_authenticated_is_a_callable_boolean(user, authenticated):
    with override(version="1.8"):
        lazy = SimpleLazyObject(lambda: user)
        assert lazy.is_authenticated() is authenticated and lazy.is_anonymous() is not authenticated
        assert bool(user.is_authenticated) is authenticated and (not user.is_anonymous) is authenticated
        template = Template("{% if user.is_authenticated %}in{% else %}out{% endif %}")
        assert template.render(Context({"user": user})) == ("in" if authenticated else "out")


# --- security is not legacy ----------------------------------------------------


@override(version="1.4", warnings="ignore")
def test_get_host_still_validates_the_host():
    request = make_request(headers={"HTTP_HOST": "evil.example"})
    with pytest.raises(DisallowedHost):
        _name("django.http", "get_host")(request)


@override(version="1.10", warnings="ignore")
def test_only_a_multipart_post_becomes_mutable():
    form = make_request("POST", "g=1", multipart([("a", "1")]), MULTIPART)
    form.POST["a"] = "2"
    assert form.POST["a"] == "2"
    with pytest.raises(AttributeError, match="immutable"):
        form.GET["g"] = "2"
    with pytest.raises(AttributeError, match="immutable"):
        make_request("POST", "", b"a=1", URLENCODED).POST["a"] = "2"
