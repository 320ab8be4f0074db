"""Method patterns: is_ajax(), get_raw_uri(), xreadlines(), the py2 QueryDict methods, user methods."""

from __future__ import annotations

from .tools import check_clean, check_findings, check_fixed, check_not_fixable


def test_request_methods():
    check_findings(
        """\
        def view(request):
            request.is_ajax()
            request.get_raw_uri()
            request.xreadlines()
            request.user.is_authenticated()
        """,
        [
            (2, "request_is_ajax"),
            (3, "request_get_raw_uri"),
            (4, "request_xreadlines"),
            (5, "user_is_authenticated_method"),
        ],
    )


def test_argument_counts_and_keywords_must_match():
    check_clean("def view(request):\n    request.is_ajax(1)\n    request.get_raw_uri(strict=True)\n")


def test_has_key_only_on_known_receivers():
    check_findings(
        """\
        def view(request):
            request.GET.has_key("a")
            request.has_key("a")
            anything.has_key("a")
        """,
        [(2, "querydict_py2_methods"), (3, "request_getitem")],
    )


def test_py2_iterators_only_on_known_or_querydict_shaped_receivers():
    # issue 18 item 8: dicts, defaultdicts, parsed query strings and API payloads are not QueryDicts.
    check_findings(
        """\
        from collections import defaultdict
        from urllib.parse import parse_qs

        def view(request, payload, form):
            request.GET.iteritems()
            request.FILES.iterkeys()
            params = request.POST.copy()
            params.itervalues()
            counts = defaultdict(int)
            counts.iteritems()
            parse_qs(request.META["QUERY_STRING"]).iteritems()
            form.base_fields.iteritems()
            payload.iteritems()
            shaped = build()
            shaped.getlist("a")
            shaped.iteritems()
            other.iterlists()
        """,
        [
            (5, "querydict_py2_methods"),
            (6, "querydict_py2_methods"),
            (8, "querydict_py2_methods"),
            (16, "querydict_py2_methods", "possible"),
            (17, "querydict_py2_methods", "possible"),
        ],
    )


def test_rewrites():
    check_fixed(
        """\
        def view(request):
            if request.GET.has_key("a") and not request.POST.has_key("b"):
                return sorted(request.GET.iteritems()), request.is_ajax()
        """,
        """\
        def view(request):
            if "a" in request.GET and "b" not in request.POST:
                return sorted(request.GET.items()), request.headers.get("x-requested-with") == "XMLHttpRequest"
        """,
    )


def test_unpacked_arguments_are_not_fixable():
    # issue 18 item 4: has_key(*keys) would become ``*keys in q``.
    check_not_fixable("def view(request, keys):\n    return request.GET.has_key(*keys)\n")


def test_response_next_only_on_known_responses():
    check_findings(
        """\
        from django.http import HttpResponse

        def view(request, rows):
            response = HttpResponse(rows)
            iter(response)
            first = response.next()
            rows.next()
            next(response)
        """,
        [(6, "response_next_method")],
    )
