"""Property tests: for any query string and form body, each legacy accessor agrees with
its modern definition."""

from __future__ import annotations

import inspect
from urllib.parse import urlencode

from django.http import HttpResponse
from django.test import RequestFactory
from hypothesis import given, settings
from hypothesis import strategies as st

from django_http_compat import install, override, uninstall
from django_http_compat.legacy import response

factory = RequestFactory()
# Keys and values from the whole of Unicode (no surrogates, which cannot be encoded),
# including '&', '=', '%', '+' and spaces that the encoding must carry through.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=8)
pairs = st.lists(
    st.tuples(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=5), text), max_size=8
)
FORM = "application/x-www-form-urlencoded"
LEGACY = {
    "request_REQUEST": True,
    "request_raw_post_data": True,
    "request_getitem": True,
    "request_xreadlines": True,
}


def make(get_pairs, post_pairs):
    return factory.post(f"/?{urlencode(get_pairs)}", urlencode(post_pairs), content_type=FORM)


@settings(max_examples=150, deadline=None)
@given(pairs, pairs)
def test_request_searches_post_then_get(get_pairs, post_pairs):
    request = make(get_pairs, post_pairs)
    with override(version="1.6", features=LEGACY, warnings="ignore"):
        keys = {k for k, _ in get_pairs} | {k for k, _ in post_pairs} | {"absent"}
        for key in keys:
            source = request.POST if key in request.POST else request.GET
            assert (key in request.REQUEST) == (key in request.POST or key in request.GET)
            assert request.REQUEST.get(key) == source.get(key)
            assert request.REQUEST.getlist(key) == source.getlist(key)
            assert request.has_key(key) == (key in request.REQUEST)
            if key in request.REQUEST:
                assert request[key] == source[key]
        assert sorted(request.REQUEST) == sorted(set(request.POST) | set(request.GET))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["text/plain", FORM, "application/octet-stream"]))
def test_raw_post_data_is_the_body_and_xreadlines_is_iteration(body, content_type):
    with override(version="1.6", features=LEGACY, warnings="ignore"):
        request = factory.post("/", body, content_type=content_type)
        assert request.raw_post_data == request.body == body
        first, second = (factory.post("/", body, content_type=content_type) for _ in range(2))
        assert list(first.xreadlines()) == list(second)
        assert b"".join(factory.post("/", body, content_type=content_type).xreadlines()) == body


@settings(max_examples=100, deadline=None)
@given(pairs)
def test_python_2_querydict_methods_match_their_python_3_forms(get_pairs):
    with override(version="1.11", warnings="ignore"):
        query = factory.get(f"/?{urlencode(get_pairs)}").GET
        assert list(query.iteritems()) == list(query.items())
        assert list(query.iterkeys()) == list(query.keys())
        assert list(query.itervalues()) == list(query.values())
        assert list(query.iterlists()) == list(query.lists())
        for key, _ in get_pairs:
            assert query.has_key(key) and key in query


# Every modern way of calling the response constructor, keywords and positions alike.
MODERN_ARGUMENTS = st.tuples(
    st.lists(st.sampled_from(["text/plain", "application/json; charset=latin-1"]), max_size=1),
    st.fixed_dictionaries(
        {},
        optional={
            "status": st.sampled_from([None, 200, 201, 404, 599]),
            "reason": st.sampled_from([None, "Fine", "Custom Reason"]),
            "charset": st.sampled_from([None, "utf-8", "latin-1"]),
            "headers": st.sampled_from([None, {"X-A": "1"}, {"Content-Type": "text/csv"}]),
        },
    ),
)


def built(args, kwargs):
    try:
        response = HttpResponse(b"x", *args, **kwargs)
    except ValueError as refused:  # e.g. a Content-Type both in headers and as content_type
        return str(refused)
    return response.status_code, response.reason_phrase, response.charset, sorted(response.items())


@settings(max_examples=100, deadline=None)
@given(MODERN_ARGUMENTS)
def test_a_modern_response_is_built_exactly_as_plain_django_builds_it(arguments):
    """The era rules for arguments (and their short way for modern calls) change nothing modern."""
    args, kwargs = arguments
    era_rules = {"response_upper_reason_phrases": False, "response_default_content_type": True}
    with override(version="1.6", features=era_rules):
        shimmed = built(args, kwargs)
    uninstall()
    try:
        plain = built(args, kwargs)
    finally:
        install()
    assert shimmed == plain


def test_the_short_way_takes_modern_djangos_keywords():
    """The response constructor's short way names modern Django's keywords: a new one must fail here."""
    parameters = list(inspect.signature(response._modern_base_init).parameters)
    assert tuple(parameters[1:]) == response._MODERN_LAYOUT
