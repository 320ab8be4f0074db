"""Production mode: where nothing is warned about, counted or logged, entry points are served without ``warn()``.

The decision is the installer's, made each time it applies the
configurations (settings, ``install()``, ``override()``, ``keep_counting()``),
never per call; the entry point served otherwise warns and counts at the
user's line, as ``test_warnings.py`` and ``test_usage_counts.py`` check.
"""

from __future__ import annotations

import logging
from warnings import catch_warnings, simplefilter

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.test import RequestFactory, override_settings
from django.utils.datastructures import MultiValueDict

import django_http_compat
from django_http_compat import install, override, uninstall, usage_counts
from django_http_compat import warnings as compat_warnings
from django_http_compat.features import FEATURES_BY_ID
from django_http_compat.legacy import querydict, request, response_headers

PRODUCTION = {
    "HTTP_COMPAT_VERSION": "1.6",
    "HTTP_COMPAT_FEATURES": {"request_raw_post_data": True},
    "HTTP_COMPAT_WARNINGS": "ignore",
}


@pytest.fixture(autouse=True)
def nothing_reads_the_counts():
    was = usage_counts.counting
    usage_counts.keep_counting(False)
    usage_counts.reset()
    yield
    usage_counts.keep_counting(was)
    usage_counts.reset()


@pytest.fixture
def no_warn_calls(monkeypatch):
    """warn() fails the test if any entry point calls it."""

    def called(*args, **kwargs):
        raise AssertionError(f"warn{args} was called")

    for module in (request, querydict, response_headers):
        monkeypatch.setattr(module, "warn", called, raising=False)
    monkeypatch.setattr(compat_warnings, "warn", called)


def served(cls: type, name: str) -> object:
    value = vars(cls)[name]
    return value.fget if isinstance(value, property) else value


WARNED = [
    (MultiValueDict, "has_key", querydict.has_key),
    (MultiValueDict, "iteritems", querydict.iteritems),
    (MultiValueDict, "iterkeys", querydict.iterkeys),
    (MultiValueDict, "itervalues", querydict.itervalues),
    (MultiValueDict, "iterlists", querydict.iterlists),
    (HttpRequest, "is_ajax", request.is_ajax),
    (HttpRequest, "xreadlines", request.xreadlines),
    (HttpRequest, "raw_post_data", request._get_raw_post_data),
    (WSGIRequest, "REQUEST", request._get_REQUEST),
]


def test_production_mode_serves_the_work_alone():
    with override_settings(**PRODUCTION):
        for cls, name, entry in WARNED:
            assert served(cls, name) is entry.__silent__, name
        # The C or Django functions themselves, where they do the whole work.
        assert vars(MultiValueDict)["has_key"] is dict.__contains__
        assert vars(MultiValueDict)["iterkeys"] is dict.__iter__
        assert vars(MultiValueDict)["iteritems"] is querydict._items
        assert served(HttpResponseBase, "_headers") is response_headers._get_headers.__silent__
    for cls, name, entry in WARNED:  # the test settings warn
        assert served(cls, name) is entry, name


def test_production_mode_calls_do_the_same_work_without_warn(no_warn_calls):
    query = QueryDict("a=1&b=2&b=3")
    get = RequestFactory().get("/?name=alice", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    post = RequestFactory().post("/", "a=1", content_type="application/x-www-form-urlencoded")
    with override_settings(**PRODUCTION):
        assert query.has_key("b") is True and query.has_key("c") is False
        assert list(query.iteritems()) == [("a", "1"), ("b", "3")]
        assert list(query.iterkeys()) == ["a", "b"]
        assert list(query.itervalues()) == ["1", "3"]
        assert list(query.iterlists()) == [("a", ["1"]), ("b", ["2", "3"])]
        assert get.REQUEST["name"] == "alice" and get.REQUEST is get.REQUEST
        assert get.is_ajax() is True
        assert post.raw_post_data == b"a=1"
        response = HttpResponse("ok", content_type="text/plain")
        assert response._headers["content-type"] == ("Content-Type", "text/plain")
        response._headers["x-frame-options"] = ("X-Frame-Options", "DENY")
        assert response["X-Frame-Options"] == "DENY"
    with override_settings(**{**PRODUCTION, "HTTP_COMPAT_VERSION": "0.96"}):
        assert (
            served(HttpRequest, "has_key")
            is served(HttpRequest, "__contains__")
            is request._has_key.__silent__
        )
        assert get.has_key("name") and "name" in get and "other" not in get
    assert django_http_compat.usage() == {}


@pytest.mark.parametrize("warnings", ["ignore", "always"])
def test_has_key_is_python_2_s_dict_has_key_in_every_mode(warnings):
    query = QueryDict("a=1")
    with override_settings(**{**PRODUCTION, "HTTP_COMPAT_WARNINGS": warnings}), catch_warnings():
        simplefilter("ignore")
        with pytest.raises(TypeError, match="unhashable"):
            query.has_key(["a"])
        with pytest.raises(TypeError):
            query.has_key(key="a")  # positional only, as dict.has_key was
        with pytest.raises(TypeError):
            query.has_key()


def test_an_override_that_warns_serves_the_warned_entry_points_while_it_lasts():
    get = RequestFactory().get("/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    with override_settings(**PRODUCTION):
        assert served(HttpRequest, "is_ajax") is request.is_ajax.__silent__
        with override(warnings="once"), pytest.warns(DeprecationWarning) as caught:
            assert served(HttpRequest, "is_ajax") is request.is_ajax
            assert get.is_ajax() is True
        assert [(warning.filename, str(warning.message)) for warning in caught] == [
            (__file__, FEATURES_BY_ID["request_is_ajax"].warning_message)
        ]
        assert served(HttpRequest, "is_ajax") is request.is_ajax.__silent__
        assert get.is_ajax() is True
    (site,) = django_http_compat.usage()
    assert site[:2] == ("request_is_ajax", __file__)


def test_keep_counting_serves_the_counting_entry_points():
    query = QueryDict("a=1")
    with override_settings(**PRODUCTION):
        usage_counts.keep_counting()
        assert vars(MultiValueDict)["has_key"] is querydict.has_key
        for _ in range(3):
            query.has_key("a")
        usage_counts.keep_counting(False)
        assert vars(MultiValueDict)["has_key"] is dict.__contains__
        query.has_key("a")
    assert list(django_http_compat.usage().values()) == [3]


def test_first_uses_logged_at_info_serve_the_warned_entry_points(caplog):
    query = QueryDict("a=1")
    with caplog.at_level(logging.INFO, logger="django_http_compat"), override_settings(**PRODUCTION):
        assert vars(MultiValueDict)["has_key"] is querydict.has_key
        query.has_key("a")
    assert [record.pathname for record in caplog.records] == [__file__]


def test_install_arguments_choose_the_variants_and_uninstall_restores_django(reinstall):
    install(version="1.6", warnings="ignore")
    assert vars(MultiValueDict)["has_key"] is dict.__contains__
    install(version="1.6", warnings="once")
    assert vars(MultiValueDict)["has_key"] is querydict.has_key
    install(version="1.6", warnings="ignore")
    uninstall()
    assert "has_key" not in vars(MultiValueDict) and "iteritems" not in vars(MultiValueDict)
    assert "REQUEST" not in vars(WSGIRequest) and "_headers" not in vars(HttpResponseBase)
