"""ListUse: the result of q.keys() and friends indexed, sorted in place or measured."""

from __future__ import annotations

from .tools import check_findings, check_fixed


def test_list_uses():
    check_findings(
        """\
        def view(request):
            keys = request.GET.keys()
            keys.sort()
            first = request.POST.items()[0]
            size = len(request.GET.values())
            fine = len(request.GET.keys())
            also_fine = sorted(request.GET.keys())
            return keys, first, size, fine, also_fine
        """,
        [(2, "querydict_list_returns"), (4, "querydict_list_returns"), (5, "querydict_list_returns")],
    )


def test_the_list_rewrite():
    check_fixed(
        "def view(request):\n    return request.GET.items()[0]\n",
        "def view(request):\n    return list(request.GET.items())[0]\n",
    )
