"""Each --fix rewrite keeps behaviour: old code under its old flag, fixed code under the old and
the newest flag, give the same results for the same requests."""

from __future__ import annotations

import textwrap

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import RequestFactory

from django_http_compat import override
from django_http_compat.audit import audit_source
from django_http_compat.audit.autofix import fix_source
from django_http_compat.features import FEATURES, FEATURES_BY_ID
from django_http_compat.versions import RELEASES, format_version, parse_version

factory = RequestFactory()


def requests():
    """A spread of requests: query strings, form and raw bodies, headers, users."""
    made = [
        factory.get("/"),
        factory.get("/?a=1&a=2&b=&c=%C3%A9"),
        factory.get("/?b=2", HTTP_X_REQUESTED_WITH="XMLHttpRequest"),
        factory.get("/", HTTP_X_REQUESTED_WITH="xmlhttprequest"),
        factory.post("/?a=get", {"a": "post", "d": ["1", "2"]}),
        factory.post("/", "line one\nline two\n\nlast", content_type="text/plain"),
        factory.post("/", b"", content_type="application/octet-stream"),
    ]
    for index, request in enumerate(made):
        request.user = User(username="u") if index % 2 else AnonymousUser()
    return made


# (feature, old source defining view(request), what the fixed source must contain)
CASES = [
    ("request_raw_post_data", "def view(request):\n    return request.raw_post_data\n", "request.body"),
    ("request_is_ajax", "def view(request):\n    return request.is_ajax()\n", '"XMLHttpRequest"'),
    ("request_is_ajax", "def view(request):\n    return not request.is_ajax()\n", '!= "XMLHttpRequest"'),
    ("request_is_ajax", "def view(request):\n    return 1 + request.is_ajax()\n", "1 + (request.headers"),
    ("request_is_ajax", "def view(request):\n    return False == request.is_ajax()\n", "False == (request"),
    (
        "request_xreadlines",
        "def view(request):\n    return [line for line in request.xreadlines()]\n",
        "for line in request]",
    ),
    (
        "request_xreadlines",
        "def view(request):\n    lines = request.xreadlines()\n    return next(lines, None), list(lines)\n",
        "iter(request)",
    ),
    (
        "user_is_authenticated_method",
        "def view(request):\n    return bool(request.user.is_authenticated()), bool(request.user.is_anonymous())\n",
        "request.user.is_authenticated)",
    ),
    (
        "querydict_py2_methods",
        "def view(request):\n"
        "    return (request.GET.has_key('a'), not request.GET.has_key('b'),\n"
        "            request.POST.has_key('a' if request.GET else 'd'), request.GET.copy().has_key('c'))\n",
        "'b' not in request.GET",
    ),
    (
        "querydict_py2_methods",
        "def view(request):\n"
        "    q = request.GET\n"
        "    return (sorted(q.iteritems()), sorted(q.iterkeys()), sorted(q.itervalues()),\n"
        "            sorted(request.POST.iterlists()))\n",
        "sorted(q.items())",
    ),
    (
        "querydict_list_returns",
        "def view(request):\n"
        "    keys = request.GET.keys()  # a list in Python 2\n"
        "    keys.sort()\n"
        "    first = request.POST.items()[0] if request.POST else None\n"
        "    return keys, first, len(request.GET.lists())\n",
        "keys = list(request.GET.keys())  # a list in Python 2",
    ),
    (
        "response_mimetype",
        "from django.http import HttpResponse, HttpResponseNotFound\n"
        "def view(request):\n"
        "    r = HttpResponse('x', mimetype='text/csv')\n"
        "    n = HttpResponseNotFound(mimetype='text/plain', content='gone')\n"
        "    return r['Content-Type'], r.content, n.status_code, n['Content-Type']\n",
        "content_type='text/csv'",
    ),
    (
        "response_redirect_positional_content",
        "from django.http import HttpResponseRedirect\n"
        "def view(request):\n"
        "    r = HttpResponseRedirect('/next/', 'moved', 'text/plain')\n"
        "    return r.status_code, r['Location'], r['Content-Type'], r.content\n",
        "HttpResponseRedirect('/next/', content='moved', content_type='text/plain')",
    ),
]


def last_release_with(feature_id: str) -> str:
    removed = FEATURES_BY_ID[feature_id].removed_version
    return format_version(max(v for v in map(parse_version, RELEASES) if v < removed))


def run_view(source: str, version: str) -> list:
    namespace: dict = {}
    exec(compile(source, "view.py", "exec"), namespace)
    with override(version=version, warnings="ignore"):
        return [namespace["view"](request) for request in requests()]


def fixed(source: str) -> str:
    findings = audit_source("view.py", source)
    new, done, _ = fix_source(source.encode(), findings)
    assert done, "nothing was rewritten"
    return new.decode()


@pytest.mark.parametrize(("feature_id", "source", "expected"), CASES)
def test_rewrite_keeps_behaviour(feature_id, source, expected):
    new_source = fixed(source)
    assert expected in new_source, new_source
    assert audit_source("view.py", new_source) == []  # nothing legacy is left
    old = last_release_with(feature_id)
    before = run_view(source, old)
    assert run_view(new_source, old) == before
    assert run_view(new_source, RELEASES[-1]) == before
    assert fix_source(new_source.encode(), audit_source("view.py", new_source))[0].decode() == new_source


def test_every_declared_rewrite_has_an_equivalence_case():
    declared = {
        feature.id
        for feature in FEATURES
        for pattern in feature.patterns
        if getattr(pattern, "fix", None) is not None
    }
    assert declared == {case[0] for case in CASES}


def test_fix_keeps_comments_and_formatting_and_leaves_the_uncertain():
    source = textwrap.dedent(
        """\
        # -*- coding: utf-8 -*-
        def view(request, other):
            data = request.raw_post_data   # the body, as bytes
            other.is_ajax()  # receiver unknown: listed, not rewritten
            return HttpResponse(data,
                                mimetype = "text/plain")  # HttpResponse not imported
        """
    )
    findings = audit_source("view.py", source)
    new, done, _ = fix_source(source.encode(), findings)
    assert [f.feature for f in done] == ["request_raw_post_data"]
    assert new.decode() == source.replace("request.raw_post_data", "request.body")
    left = {(f.feature, f.certain) for f in audit_source("view.py", new.decode())}
    assert left == {("request_is_ajax", False), ("response_mimetype", False)}


def test_mimetype_is_left_when_content_type_is_also_given():
    source = "from django.http import HttpResponse\nr = HttpResponse(mimetype='a/b', content_type='c/d')\n"
    (finding,) = audit_source("view.py", source)
    assert finding.certain and not finding.fixable
