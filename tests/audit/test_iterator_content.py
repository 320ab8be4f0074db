"""IteratorContent: an HttpResponse built from a generator, iter() or an open file."""

from __future__ import annotations

from .tools import check_clean, check_findings


def test_generators_and_iterators():
    check_findings(
        """\
        from django.http import HttpResponse

        def rows():
            yield "a"

        def view(request):
            HttpResponse(rows())
            HttpResponse(x for x in "ab")
            HttpResponse(open("f"))
        """,
        [
            (7, "response_iterator_content"),
            (8, "response_iterator_content"),
            (9, "response_iterator_content"),
        ],
    )


def test_lists_strings_and_streaming_responses_are_clean():
    check_clean(
        """\
        from django.http import HttpResponse, StreamingHttpResponse

        def view(request):
            HttpResponse([1, 2])
            HttpResponse("".join(x for x in "ab"))
            StreamingHttpResponse(x for x in "ab")
        """
    )
