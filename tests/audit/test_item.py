"""Item patterns: request[key], 0.96 upload dict keys, writes to a multipart request.POST."""

from __future__ import annotations

from .tools import check_clean, check_findings


def test_item_reads_and_writes():
    check_findings(
        """\
        def view(request):
            q = request["q"]
            upload = request.FILES["doc"]
            name = upload["filename"]
            request.POST["owner"] = 1
            request.POST.update({"a": 1})
        """,
        [
            (2, "request_getitem"),
            (4, "request_files_dict"),
            (5, "request_multipart_post_mutable"),
            (6, "request_multipart_post_mutable"),
        ],
    )


def test_dicts_get_and_a_replaced_post_are_clean():
    check_clean(
        """\
        def view(request, thing):
            thing["q"]
            request.GET["q"]
            request.FILES["doc"].name
            request.POST = request.POST.copy()
            request.POST["a"] = 1
        """
    )
