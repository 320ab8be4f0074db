"""Positional patterns: the era order of HttpResponse's arguments, content after a redirect's URL."""

from __future__ import annotations

from .tools import check_clean, check_findings, check_fixed, check_not_fixable


def test_four_positional_arguments_and_a_redirect_s_content():
    check_findings(
        """\
        from django.http import HttpResponse, HttpResponseRedirect

        HttpResponse(body, "text/plain", 201, "text/html")
        HttpResponseRedirect("/next/", "moved")
        """,
        [(3, "response_positional_order"), (4, "response_redirect_positional_content")],
    )


def test_fewer_arguments_and_keywords_are_clean():
    check_clean(
        """\
        from django.http import HttpResponse, HttpResponseRedirect

        HttpResponse(body, "text/plain", 201)
        HttpResponseRedirect("/next/")
        HttpResponseRedirect("/next/", content="moved")
        HttpResponse(*parts)
        """
    )


def test_the_keywords_rewrite():
    check_fixed(
        "from django.http import HttpResponseRedirect\nHttpResponseRedirect('/n/', 'moved', 'text/plain')\n",
        "from django.http import HttpResponseRedirect\nHttpResponseRedirect('/n/', content='moved', content_type='text/plain')\n",
    )
    check_not_fixable(
        "from django.http import HttpResponseRedirect\nHttpResponseRedirect('/n/', 'moved', **kw)\n"
    )


def test_a_local_subclass_s_own_positional_arguments_are_not_django_s():
    check_clean(
        """\
        from django.template.response import SimpleTemplateResponse

        class Page(SimpleTemplateResponse):
            def __init__(self, request, template, context, content_type, status):
                super().__init__(template, context, content_type, status)

        class Deeper(Page):
            def __init__(self, request):
                super().__init__(request, "t.html", {}, "text/html", 200)
        """
    )
