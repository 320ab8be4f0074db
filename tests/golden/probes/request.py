# -*- coding: utf-8 -*-
"""Probes of the request side: request.REQUEST, raw_post_data, QueryDict, POST parsing."""
from __future__ import unicode_literals

import io
import json

from .common import (
    MODERN,
    MULTIPART,
    URLENCODED,
    caught,
    kind,
    listing,
    make_request,
    multipart,
    native,
    outcome,
    probe,
    read_body,
    text,
    upload_body,
)

# --- request.REQUEST -------------------------------------------------------


def _request_view(req):
    R = req.REQUEST
    return {
        "type": type(R).__name__,
        "x": outcome(lambda: R["x"]),
        "getlist_x": outcome(lambda: text(R.getlist("x"))),
        "g": outcome(lambda: R["g"]),
        "getlist_g": outcome(lambda: text(R.getlist("g"))),
        "empty_value": outcome(lambda: R["e"]),
        "missing": outcome(lambda: R["missing"]),
        "getlist_missing": outcome(lambda: R.getlist("missing")),
        "get_missing": outcome(lambda: R.get("missing")),
        "get_missing_default": outcome(lambda: R.get("missing", "d")),
        "contains": [("x" in R), ("g" in R), ("nope" in R)],
        "has_key": outcome(lambda: [R.has_key("g"), R.has_key("nope")]),
        "keys": outcome(lambda: sorted(R.keys())),
        "keys_type": type(R.keys()).__name__,
        "items": outcome(lambda: sorted(R.items())),
        "values": outcome(lambda: sorted(R.values())),
        "iter": outcome(lambda: sorted(iter(R))),
        "bool": bool(R),
        "len": outcome(lambda: len(R)),
        "same_object": R is req.REQUEST,
    }


@probe("request_REQUEST")
def probe_request_overlap():
    req = make_request(
        "POST", "x=1&x=11&g=5&e=", b"x=2&x=22&p=1", URLENCODED
    )
    return _request_view(req)


@probe("request_REQUEST")
def probe_request_get_only():
    return _request_view(make_request("GET", "x=1&g=2&g=3"))


@probe("request_REQUEST")
def probe_request_empty():
    req = make_request("GET", "")
    R = req.REQUEST
    return {"bool": bool(R), "keys": sorted(R.keys()), "missing": outcome(lambda: R["x"])}


@probe("request_REQUEST", "datastructures_MergeDict")
def probe_request_repr():
    # One key only: Python 2 printed dicts in hash order.
    req = make_request("POST", "", b"b=2", URLENCODED)
    return {"repr": repr(req.REQUEST), "str": outcome(lambda: "%s" % (req.REQUEST,))}


@probe("request_REQUEST")
def probe_request_non_ascii():
    req = make_request(
        "POST", "name=%C3%A9t%C3%A9&other=%C3%A9", b"name=caf%C3%A9", URLENCODED
    )
    R = req.REQUEST
    return {"name": R["name"], "getlist": R.getlist("name"), "other": R["other"]}


@probe("request_REQUEST")
def probe_request_live_view():
    req = make_request("GET", "a=1")
    R = req.REQUEST
    get = req.GET
    get._mutable = True
    get["late"] = "v"
    return {"late": outcome(lambda: R["late"])}


@probe("request_REQUEST", "request_raw_post_data")
def probe_request_multipart_then_body():
    req = make_request("POST", "f=0&q=1", multipart([("f", "1"), ("f", "2")]), MULTIPART)
    R = req.REQUEST
    return {
        "getlist_f": text(R.getlist("f")),
        "q": R["q"],
        "body_after": outcome(lambda: text(read_body(req))),
    }


@probe("request_REQUEST", "request_raw_post_data")
def probe_request_urlencoded_then_body():
    req = make_request("POST", "", b"a=1&a=2", URLENCODED)
    return {"a": req.REQUEST["a"], "body_after": outcome(lambda: text(read_body(req)))}


@probe("request_REQUEST", "request_raw_post_data")
def probe_request_body_then_request():
    req = make_request("POST", "", multipart([("a", "1")]), MULTIPART)
    body = text(read_body(req))
    return {"body_length": len(body), "a": outcome(lambda: req.REQUEST["a"])}


# --- request.is_ajax() -----------------------------------------------------


@probe("request_is_ajax")
def probe_is_ajax():
    cases = [
        {},
        {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
        {"HTTP_X_REQUESTED_WITH": "xmlhttprequest"},
        {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest "},
        {"HTTP_X_REQUESTED_WITH": ""},
    ]
    results = []
    for headers in cases:
        value = make_request("GET", "", headers=headers).is_ajax()
        results.append([value, type(value).__name__])
    return results


# --- request.xreadlines() --------------------------------------------------


@probe("request_xreadlines")
def probe_xreadlines():
    body = b"one\ntwo\r\nthree\n\nlast"
    req = make_request("POST", "", body, "text/plain")
    lines = req.xreadlines()
    first = make_request("POST", "", body, "text/plain")
    first.read(2)
    return {
        "type": type(lines).__name__,
        "lines": text(list(lines)),
        "after_read": text(list(first.xreadlines())),
        "empty": text(list(make_request("POST", "", b"", "text/plain").xreadlines())),
        "same_as_iter": text(list(make_request("POST", "", body, "text/plain"))),
    }


# --- query strings ---------------------------------------------------------

QUERY_STRINGS = [
    "a=1&a=2&b=3",
    "a=&b&=c&&d=4",
    "sp=a+b&pct=a%20b&plus=%2B",
    "name=caf%C3%A9&cjk=%E4%B8%AD",
    "bad=%E9&partial=%C3&junk=%ZZ&lone=%",
    "semi=1;other=2",
    "k=v=w&k2==",
]


@probe(MODERN)
def probe_query_strings():
    results = []
    for query in QUERY_STRINGS:
        req = make_request("GET", query)
        get = req.GET
        results.append(
            {
                "query": query,
                "lists": sorted([k, v] for k, v in get.lists()),
                "last_values": sorted([k, get[k]] for k in get.keys()),
                "urlencode": outcome(lambda: sorted(get.urlencode().split("&"))),
            }
        )
    return results


# --- QueryDict and MultiValueDict methods ----------------------------------


@probe("querydict_py2_methods", "querydict_list_returns")
def probe_querydict_methods():
    from django.http import QueryDict

    q = QueryDict("a=1&a=2&b=3&c=")
    result = {
        "items": listing(q.items()),
        "keys": listing(q.keys()),
        "values": listing(q.values()),
        "lists": outcome(lambda: listing(q.lists())),
        "has_key": outcome(lambda: [q.has_key("a"), q.has_key("zz")]),
        "iteritems": outcome(lambda: listing(q.iteritems())),
        "iterkeys": outcome(lambda: listing(q.iterkeys())),
        "itervalues": outcome(lambda: listing(q.itervalues())),
        "iterlists": outcome(lambda: listing(q.iterlists())),
        "item_a": q["a"],
        "empty_value": q["c"],
        "get_missing": q.get("zz"),
        "getlist_a": q.getlist("a"),
        "getlist_missing": q.getlist("zz"),
        "immutable": outcome(lambda: q.__setitem__("a", "9")),
        "copy_is_mutable": outcome(lambda: q.copy().__setitem__("a", "9")),
        "keys_index": outcome(lambda: sorted(q.keys())[0]),
        "items_indexable": kind(lambda: q.items()[0]),
        "items_len": kind(lambda: len(q.items())),
    }
    return result


@probe("querydict_key_error_args")
def probe_key_errors():
    from django.http import QueryDict
    from django.utils.datastructures import MultiValueDict

    single = QueryDict("a=1")
    multi = MultiValueDict({"a": ["1"]})
    return {
        "querydict": outcome(lambda: single["missing"]),
        "multivaluedict": outcome(lambda: multi["missing"]),
        "is_key_error": outcome(lambda: isinstance(caught(lambda: single["missing"]), KeyError)),
        "get_default": single.get("missing", "d"),
    }


# --- how POST is built -----------------------------------------------------


@probe("request_post_any_content_type", "request_post_charset", "request_raw_post_data")
def probe_post_content_types():
    cases = [
        ("application/json", b'{"a": 1}'),
        ("text/plain", b"a=1&b=2"),
        ("application/xml", b"<a>1</a>"),
        ("application/octet-stream", b""),
        (URLENCODED, b"a=1&a=2"),
        (URLENCODED + "; charset=latin-1", b"name=caf%E9"),
        (URLENCODED + "; charset=utf-8", b"name=caf%C3%A9"),
    ]
    results = []
    for content_type, body in cases:
        req = make_request("POST", "", body, content_type)
        results.append(
            {
                "content_type": content_type,
                "post": outcome(lambda: sorted([k, v] for k, v in req.POST.lists())),
                "body_after": outcome(lambda: text(read_body(req))),
            }
        )
    return results


@probe("request_post_charset")
def probe_post_encoding_set_by_code():
    req = make_request("POST", "q=caf%E9", b"name=caf%E9", URLENCODED)
    req.encoding = "latin-1"
    return {"post": outcome(lambda: req.POST["name"]), "get": outcome(lambda: req.GET["q"])}


@probe("request_multipart_post_mutable")
def probe_post_mutability():
    urlencoded = make_request("POST", "g=1", b"a=1", URLENCODED)
    form = make_request("POST", "", multipart([("a", "1")]), MULTIPART)
    return {
        "urlencoded": outcome(lambda: urlencoded.POST.__setitem__("a", "2")),
        "get": outcome(lambda: urlencoded.GET.__setitem__("g", "2")),
        "multipart_set": outcome(lambda: form.POST.__setitem__("a", "2")),
        "multipart_after": outcome(lambda: form.POST.getlist("a")),
        "multipart_appendlist": outcome(lambda: form.POST.appendlist("b", "3")),
        "multipart_b": outcome(lambda: form.POST.getlist("b")),
    }


# --- raw_post_data and reading orders --------------------------------------


def _post_items(req):
    return sorted([k, v] for k, v in req.POST.lists())


@probe("request_raw_post_data", "request_REQUEST")
def probe_reading_orders():
    form = multipart([("a", "1"), ("a", "2"), ("b", "")])
    encoded = b"a=1&a=2&b="

    def run(steps, body, content_type):
        req = make_request("POST", "a=0&g=5", body, content_type)
        actions = {
            "raw": lambda: len(read_body(req)),
            "post": lambda: _post_items(req),
            "request": lambda: [req.REQUEST.getlist("a"), req.REQUEST.get("g")],
            "read": lambda: len(req.read()),
        }
        return [[step, outcome(actions[step])] for step in steps]

    results = []
    for name, body, content_type in (("multipart", form, MULTIPART), ("urlencoded", encoded, URLENCODED)):
        for steps in (
            ("raw", "post"),
            ("post", "raw"),
            ("raw", "request"),
            ("request", "raw"),
            ("raw", "read"),
            ("raw", "raw"),
        ):
            results.append({"body": name, "steps": list(steps), "result": run(steps, body, content_type)})
    return results


# --- uploaded files --------------------------------------------------------


@probe("request_files_dict")
def probe_uploaded_files():
    req = make_request("POST", "", upload_body(), MULTIPART)
    f = req.FILES["doc"]
    return {
        "files_keys": sorted(req.FILES.keys()),
        "post": _post_items(req),
        "name": f.name,
        "content_type": f.content_type,
        "size": f.size,
        "read": text(f.read()),
        "dict_filename": kind(lambda: f["filename"]),
        "dict_content_type": kind(lambda: f["content-type"]),
        "dict_content": kind(lambda: text(f["content"])),
        "dict_content_again": kind(lambda: text(f["content"])),
        "dict_missing": kind(lambda: f["nope"]),
    }


# --- request built by RequestFactory ----------------------------------------


@probe("request_REQUEST", "request_raw_post_data")
def probe_request_factory():
    try:
        from django.test.client import RequestFactory
    except ImportError:  # Django < 1.3
        return "missing"
    factory = RequestFactory()
    posted = factory.post("/p/?g=1&x=0", {"x": ["1", "2"], "e": "", "name": "caf\u00e9"})
    got = factory.get("/p/", {"a": "\u00e9", "b": ["1", "2"]})
    encoded = factory.post("/p/", "x=1&x=2", content_type=URLENCODED)
    return {
        "post_type": type(posted).__name__,
        "post_x": posted.REQUEST.getlist("x"),
        "post_g": posted.REQUEST["g"],
        "post_e": posted.REQUEST["e"],
        "post_name": posted.REQUEST["name"],
        "get_a": got.REQUEST["a"],
        "get_b": got.REQUEST.getlist("b"),
        "encoded_x": encoded.REQUEST.getlist("x"),
        "encoded_raw": outcome(lambda: text(read_body(encoded))),
    }


# --- through the WSGI handler ----------------------------------------------


def probe_view(request):
    """A view written as old code would: it reads the legacy APIs and reports."""
    from django.http import HttpResponse

    has = lambda name: hasattr(type(request), name)  # noqa: E731
    data = {
        "files": sorted(request.FILES.keys()),
        "raw": outcome(lambda: len(read_body(request))),
    }
    if has("REQUEST"):
        data["REQUEST"] = sorted([k, request.REQUEST.getlist(k)] for k in request.REQUEST.keys())
    if has("is_ajax"):
        data["is_ajax"] = request.is_ajax()
    return HttpResponse(json.dumps(data, sort_keys=True), content_type="application/json")


@probe("request_REQUEST", "request_raw_post_data", "request_is_ajax")
def probe_wsgi_handler():
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    cases = [
        ("GET", "a=1&a=2", b"", None, {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}),
        ("POST", "a=0&g=1", b"a=1&a=2&e=", URLENCODED, {}),
        ("POST", "g=1", upload_body(), MULTIPART, {}),
    ]
    results = []
    for method, query, body, content_type, headers in cases:
        environ = make_request(method, query, body, content_type, headers).environ
        environ[native("wsgi.input")] = io.BytesIO(body)
        captured = []
        chunks = handler(environ, lambda status, headers, exc_info=None: captured.append(status))
        content = b"".join(chunks)
        results.append({"status": text(captured[0]), "data": json.loads(content.decode("utf-8"))})
    return results


# --- the request's other legacy methods and module names --------------------


@probe("request_get_raw_uri")
def probe_get_raw_uri():
    req = make_request("GET", "a=1&b=%C3%A9", headers={"HTTP_HOST": "Example.COM:8080"})
    return {"raw_uri": outcome(lambda: req.get_raw_uri())}


HTTP_MODULE_NAMES = [
    "MultiValueDict", "ImmutableList", "MultiPartParser", "RESERVED_CHARS",
    "absolute_http_url_re", "str_to_unicode", "parse_qsl", "smart_str",
    "force_unicode", "iri_to_uri", "urlencode", "urljoin", "settings", "pformat",
    "HttpResponseRedirectBase", "validate_host", "host_validation_re",
    "cookie_date", "SuspiciousOperation", "RAISE_ERROR", "Morsel",
    "ImproperlyConfigured", "get_host", "build_request_repr",
]


@probe("http_module_names", "http_get_host", "datastructures_MergeDict")
def probe_module_names():
    import django.http
    import django.utils.datastructures

    present = [name for name in HTTP_MODULE_NAMES if hasattr(django.http, name)]
    http = django.http
    req = make_request("GET", "", headers={"HTTP_HOST": "testserver"})
    return {
        "django_http": present,
        "MergeDict": hasattr(django.utils.datastructures, "MergeDict"),
        "get_host": outcome(lambda: http.get_host(req)),
        "RESERVED_CHARS": outcome(lambda: http.RESERVED_CHARS),
        "absolute_url": outcome(lambda: [bool(http.absolute_http_url_re.match(u)) for u in ("HTTPS://x", "/x")]),
        "str_to_unicode": outcome(lambda: http.str_to_unicode(b"caf\xe9", "utf-8")),
        "cookie_date": outcome(lambda: http.cookie_date(1234567890)),
        "MultiValueDict": outcome(lambda: http.MultiValueDict({"a": ["1", "2"]})["a"]),
        "force_unicode": outcome(lambda: http.force_unicode(b"caf\xc3\xa9")),
        "iri_to_uri": outcome(lambda: http.iri_to_uri("/caf\u00e9/?q=1")),
    }


@probe("request_long_repr", "http_build_request_repr")
def probe_request_repr_dump():
    req = make_request("POST", "g=1", b"p=2", URLENCODED)
    req.POST  # parsed before META is replaced by a short, stable one
    req.META = {"REQUEST_METHOD": "POST", "SERVER_NAME": "testserver"}
    import django.http

    build = getattr(django.http, "build_request_repr", None)
    return {
        "repr": repr(req),
        "build": None if build is None else build(req, POST_override={}, META_override={}),
        "build_path": None if build is None else build(req, path_override="/other/", META_override={}),
    }


# --- user.is_authenticated() ------------------------------------------------


@probe("user_is_authenticated_method")
def probe_is_authenticated():
    from django.contrib.auth.models import AnonymousUser, User

    results = {}
    for name, user in (("anonymous", AnonymousUser()), ("user", User(pk=1, username="u"))):
        results[name] = {
            "called": outcome(lambda: [user.is_authenticated(), user.is_anonymous()]),
            "truth": [bool(user.is_authenticated), bool(user.is_anonymous)],
            "not": not user.is_authenticated,
            "equals": [user.is_authenticated == True, user.is_authenticated == False],  # noqa: E712
            "is_bool": [user.is_authenticated is True, user.is_authenticated is False],
            "callable": callable(user.is_authenticated),
            "in_set": outcome(lambda: user.is_authenticated in set([True])),
        }
    return results


