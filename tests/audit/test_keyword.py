"""Keyword patterns: mimetype=, status=0, context_instance= and dictionary=."""

from __future__ import annotations

from .tools import check_clean, check_findings, check_fixed, check_not_fixable


def test_response_keywords():
    check_findings(
        """\
        from django.http import HttpResponse, JsonResponse
        from django.shortcuts import render_to_response

        def view(request):
            HttpResponse("", mimetype="text/plain")
            JsonResponse({}, status=0)
            render_to_response("t.html", {}, context_instance=None)
        """,
        [
            (2, "shortcuts_render_to_response"),
            (5, "response_mimetype"),
            (6, "response_falsy_status"),
            (7, "shortcuts_context_instance"),
            (7, "shortcuts_render_to_response"),
        ],
    )


def test_an_unimported_response_class_is_possible():
    check_findings("HttpResponse('', mimetype='a/b')\n", [(1, "response_mimetype", "possible")])


def test_a_true_status_and_other_calls_are_clean():
    check_clean(
        """\
        from django.http import HttpResponse

        HttpResponse("", status=200)
        send(mimetype="text/plain")
        """
    )


def test_a_class_of_the_module_named_like_django_s_is_not_django_s():
    check_clean("class HttpResponse:\n    pass\n\nHttpResponse(mimetype='a/b')\n")


def test_super_init_in_a_response_subclass():
    # issue 18 item 10: the enclosing class's bases tell what super().__init__ is.
    check_findings(
        """\
        from django import http
        from django.http import HttpResponse

        class CSVResponse(HttpResponse):
            def __init__(self, rows):
                super().__init__(rows, mimetype="text/csv")

        class Old(http.HttpResponseRedirect):
            def __init__(self, url):
                super(Old, self).__init__(url, mimetype="text/plain")

        class Explicit(HttpResponse):
            def __init__(self, data):
                HttpResponse.__init__(self, data, mimetype="text/plain")

        class Derived(CSVResponse):
            def __init__(self):
                super().__init__([], mimetype="text/csv")

        class NotAResponse(object):
            def __init__(self):
                super().__init__(mimetype="text/csv")
        """,
        [
            (6, "response_mimetype"),
            (10, "response_mimetype"),
            (14, "response_mimetype"),
            (18, "response_mimetype", "possible"),
        ],
    )


def test_the_rename_rewrite_and_when_it_is_left():
    check_fixed(
        "from django.http import HttpResponse\nHttpResponse('x', mimetype='text/csv')\n",
        "from django.http import HttpResponse\nHttpResponse('x', content_type='text/csv')\n",
    )
    check_not_fixable(
        "from django.http import HttpResponse\nHttpResponse(mimetype='a/b', content_type='c/d')\n"
    )
    # issue 18 item 4: **extra may hold content_type too.
    check_not_fixable("from django.http import HttpResponse\nHttpResponse('x', mimetype=m, **extra)\n")
