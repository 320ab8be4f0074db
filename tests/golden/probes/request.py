# -*- coding: utf-8 -*-
"""Probes of the request side: request.REQUEST, raw_post_data, QueryDict, POST parsing."""
from __future__ import unicode_literals

import copy
import io
import json

from .common import (
    BOUNDARY,
    MODERN,
    MULTIPART,
    URLENCODED,
    caught,
    environ_for,
    kind,
    listing,
    make_request,
    mask_addresses,
    multipart,
    native,
    outcome,
    probe,
    read_body,
    served,
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
    return {
        "repr": mask_addresses(repr(req.REQUEST)),
        "str": outcome(lambda: mask_addresses("%s" % (req.REQUEST,))),
    }


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


@probe("request_post_any_content_type")
def probe_post_other_multipart_types():
    """Before 1.5 every content type starting with "multipart" went to the multipart parser."""
    results = []
    for subtype in ("mixed", "related", "form-data"):
        content_type = "multipart/%s; boundary=%s" % (subtype, BOUNDARY)
        req = make_request("POST", "", upload_body(), content_type)
        results.append(
            {
                "content_type": content_type,
                "post": outcome(lambda: _post_items(req)),
                "files": outcome(lambda: sorted(req.FILES.keys())),
            }
        )
    no_boundary = make_request("POST", "", upload_body(), "multipart/mixed")
    results.append({"content_type": "multipart/mixed", "post": kind(lambda: _post_items(no_boundary))})
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
def probe_request_long_repr_secrets():
    """Secret-looking COOKIES and META keys in the long repr and build_request_repr()."""
    req = make_request("GET", "")
    req.GET, req.POST  # parsed before META is replaced
    req.COOKIES = {"sessionkey": "cookie-secret"}
    req.META = {"API_KEY": "meta-secret"}
    import django.http

    build = getattr(django.http, "build_request_repr", None)
    return {"repr": repr(req), "build": None if build is None else build(req)}


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




# --- bytes that are not UTF-8, in query strings and urlencoded bodies ------------

# Text here is latin-1 for bytes: "\xe9" is the raw byte E9 in the environ.
NON_UTF8_QUERIES = [
    "q=caf\xe9",
    "q=caf%E9",
    "caf\xe9=1",
    "caf%E9=1",
    "k\xe9=v\xe9&k%E9=v%E9",
    "q=caf%C3%A9&r=caf\xc3\xa9",
]


def _lists(querydict):
    return sorted([k, v] for k, v in querydict.lists())


@probe("querydict_bytes_decoding")
def probe_non_utf8_query_strings():
    results = []
    for query in NON_UTF8_QUERIES:
        req = make_request("GET", query)
        results.append({"call": query, "GET": outcome(lambda: _lists(req.GET))})
    return results


@probe("querydict_bytes_decoding")
def probe_non_utf8_bodies():
    results = []
    for query in NON_UTF8_QUERIES:
        body = query.encode("latin-1")
        req = make_request("POST", "", body, URLENCODED)
        results.append({"call": query, "POST": outcome(lambda: _lists(req.POST))})
    return results


@probe("querydict_bytes_decoding")
def probe_non_utf8_querydict():
    from django.http import QueryDict

    cases = [
        ("bytes", b"q=caf\xe9&caf\xe9=1", None),
        ("bytes_escaped", b"q=caf%E9&caf%E9=1", None),
        ("bytes_latin1", b"q=caf%E9&r=caf\xe9", "latin-1"),
        ("text_escaped", "q=caf%E9&caf%E9=1", None),
        ("text_non_ascii", "q=caf\xe9&caf\xe9=1", None),
    ]
    results = []
    for label, query, encoding in cases:
        results.append(
            {"call": label, "lists": outcome(lambda: _lists(QueryDict(query, encoding=encoding)))}
        )
    return results


# --- the body after the stream was read -----------------------------------------


def _read_first(step):
    if step == "multipart":
        req = make_request("POST", "", multipart([("a", "1")]), MULTIPART)
        req.POST
    else:
        req = make_request("POST", "", b"one\ntwo", "text/plain")
        if step == "read":
            req.read()
        else:
            list(req.xreadlines())
    return req


@probe("request_raw_post_data", "request_body_exception_class")
def probe_body_after_stream_read():
    results = {}
    for step in ("multipart", "read", "xreadlines"):
        results[step] = {
            "body": outcome(lambda: len(_read_first(step).body)),
            "raw_post_data": outcome(lambda: len(_read_first(step).raw_post_data)),
        }
    return results


# --- CONTENT_LENGTH that is not a number ----------------------------------------


@probe("request_invalid_content_length")
def probe_invalid_content_length():
    from django.core.handlers.wsgi import WSGIRequest

    def build(value):
        environ = environ_for("POST", "", b"a=1&b=2", URLENCODED)
        environ[native("CONTENT_LENGTH")] = native(value)
        return WSGIRequest(environ)

    results = []
    for value in ("abc", "", "1.5", "-1", " 7"):
        results.append(
            {
                "call": value,
                "body": outcome(lambda: text(read_body(build(value)))),
                "POST": outcome(lambda: _lists(build(value).POST)),
            }
        )
    return results


# --- get_full_path() of paths that need escaping --------------------------------


@probe("request_unescaped_full_path")
def probe_full_path():
    # PATH_INFO as a WSGI server gives it: UTF-8 bytes, seen as latin-1 text.
    cases = [
        ("/caf\xc3\xa9/", "q=%C3%A9"),
        ("/a b/", ""),
        ("/a%20b/", "x=1"),
        ("/p/", "q=a b"),
        ("/semi;colon/", ""),
    ]
    results = []
    for path, query in cases:
        req = make_request("GET", query, headers={"PATH_INFO": path})
        results.append(
            {
                "call": [path, query],
                "path": outcome(lambda: req.path),
                "full_path": outcome(lambda: req.get_full_path()),
                "absolute_uri": outcome(lambda: req.build_absolute_uri()),
            }
        )
    return results


# --- request.COOKIES ---------------------------------------------------------------


def _cookies_of(header):
    req = make_request("GET", "", headers={"HTTP_COOKIE": header})
    return sorted([text(k), text(v)] for k, v in req.COOKIES.items())


@probe("request_keyless_cookies")
def probe_keyless_cookie_chunks():
    headers = ["a=1; b; c=3", "b", "a=1;;c=3", "a=1; ; c=3", "=x; a=1", "a=1; b=; c"]
    return [{"call": h, "COOKIES": outcome(lambda: _cookies_of(h))} for h in headers]


@probe(MODERN)
def probe_cookie_parser():
    """The strict modern parser stays (the old one allowed CVE-2016-7401)."""
    headers = ['a=1; b=x[y]; c=3', 'a="q w"; b=2', "a=1, b=2", "a=1; b=\xe9; c=3", "a=1; $Path=/; b=2"]
    return [{"call": h, "COOKIES": outcome(lambda: _cookies_of(h))} for h in headers]


# --- MergeDict's repr ---------------------------------------------------------------


@probe("datastructures_MergeDict")
def probe_merge_dict_repr():
    from django.http import QueryDict
    from django.utils import datastructures

    def build():
        return datastructures.MergeDict(QueryDict("a=1"), QueryDict("b=2"))

    return {
        "repr": outcome(lambda: mask_addresses(repr(build()))),
        "str": outcome(lambda: mask_addresses("%s" % (build(),))),
        "of_dicts": outcome(lambda: mask_addresses(repr(datastructures.MergeDict({"a": 1}, {})))),
    }


# --- wsgi.input that is not a file ------------------------------------------------


class ReadOnlyInput(object):
    """A wsgi.input with a read() method and nothing else."""

    def __init__(self, data):
        self._data = data

    def read(self, size=-1):
        if size is None or size < 0:
            size = len(self._data)
        chunk, self._data = self._data[:size], self._data[size:]
        return chunk


@probe("request_wsgi_input_read_only")
def probe_wsgi_input_read_only():
    from django.core.handlers.wsgi import WSGIRequest

    body = b"a=1&a=2&e="

    def environ():
        env = environ_for("POST", "g=1", body, URLENCODED)
        env[native("wsgi.input")] = ReadOnlyInput(body)
        return env

    def form():
        env = environ_for("POST", "", upload_body(), MULTIPART)
        env[native("wsgi.input")] = ReadOnlyInput(upload_body())
        return env

    return {
        "POST": outcome(lambda: _lists(WSGIRequest(environ()).POST)),
        "body": outcome(lambda: text(read_body(WSGIRequest(environ())))),
        "multipart": outcome(lambda: _lists(WSGIRequest(form()).POST)),
        "served": outcome(lambda: served("probe/", environ=environ())),
    }


# --- module names of each release ---------------------------------------------------

HTTP_NAMES_BY_RELEASE = [
    "HttpResponseRedirectBase", "validate_host", "Cookie", "SimpleCookie", "CompatCookie",
    "fix_location_header", "conditional_content_removal", "REASON_PHRASES", "STATUS_CODE_TEXT",
    "parse_cookie", "UnreadablePostError", "RawPostDataException", "StreamingHttpResponse",
    "JsonResponse", "FileResponse", "HttpResponseBase", "HttpResponseRedirect", "QueryDict",
]


def kind_of(value):
    import inspect

    if inspect.ismodule(value):
        return "module"
    if inspect.isclass(value):
        return "class"
    if inspect.isfunction(value) or inspect.isbuiltin(value):
        return "function"
    return "data"


def _helpers_module():
    import importlib

    return importlib.import_module("django.http.utils")


@probe(
    "http_module_names",
    "http_response_helpers",
    "http_conditional_content_removal",
    "http_cookie_module",
    "utils_http_urllib_parse",
    "request_media_type_is_all_types",
)
def probe_module_names_by_release():
    import django.http as http
    import django.utils.http as utils_http
    from django.http import HttpResponse, HttpResponseRedirect

    def fixed():
        req = make_request("GET", "", headers={"HTTP_HOST": "testserver"})
        response = http.fix_location_header(req, HttpResponseRedirect("/to/"))
        return response["Location"]

    def removed(method, status):
        req = make_request(method, "")
        response = http.conditional_content_removal(req, HttpResponse("body", status=status))
        return [text(response.content), response.get("Content-Length", None)]

    def media_type(value):
        from django.http.request import MediaType

        return MediaType(value).is_all_types

    return {
        "django_http": dict(
            (name, kind_of(getattr(http, name))) for name in HTTP_NAMES_BY_RELEASE if hasattr(http, name)
        ),
        "http_utils": outcome(lambda: sorted(n for n in dir(_helpers_module()) if not n.startswith("_"))),
        "Cookie_SimpleCookie": outcome(lambda: hasattr(http.Cookie, "SimpleCookie")),
        "fix_location_header": outcome(fixed),
        "conditional_content_removal": outcome(
            lambda: [removed("HEAD", 200), removed("GET", 304), removed("GET", 200)]
        ),
        "urllib_parse": outcome(lambda: callable(utils_http.urllib_parse.quote)),
        "is_all_types": outcome(lambda: [media_type("*/*"), media_type("text/html")]),
    }


# --- old behaviour the shim does not bring back (each a listed difference) ---------


@probe(MODERN)
def probe_querydict_internal_lists():
    """getlist() returned the stored list, so changing it changed an immutable QueryDict."""
    from django.http import QueryDict

    def changed(mutable):
        q = QueryDict("a=1", mutable=mutable)
        q.getlist("a").append("x")
        return q.getlist("a")

    return {"immutable": outcome(lambda: changed(False)), "mutable": outcome(lambda: changed(True))}


@probe(MODERN)
def probe_querydict_copies():
    """Which copies share their lists with the original."""
    from django.http import QueryDict
    from django.utils.datastructures import MultiValueDict

    def after(make_copy, original):
        duplicate = make_copy(original)
        duplicate.appendlist("a", "2")
        return [original.getlist("a"), duplicate.getlist("a")]

    return {
        "querydict_copy_module": outcome(lambda: after(copy.copy, QueryDict("a=1", mutable=True))),
        "querydict_copy_method": outcome(lambda: after(lambda q: q.copy(), QueryDict("a=1", mutable=True))),
        "multivaluedict_copy_module": outcome(lambda: after(copy.copy, MultiValueDict({"a": ["1"]}))),
        "multivaluedict_copy_method": outcome(lambda: after(lambda q: q.copy(), MultiValueDict({"a": ["1"]}))),
    }


@probe(MODERN)
def probe_querydict_update_forms():
    from django.http import QueryDict
    from django.utils.datastructures import MultiValueDict

    def updated(*args, **kwargs):
        q = QueryDict("a=1", mutable=True)
        q.update(*args, **kwargs)
        return _lists(q)

    return {
        "dict": outcome(lambda: updated({"a": "2"})),
        "multivaluedict": outcome(lambda: updated(MultiValueDict({"a": ["2", "3"]}))),
        "pairs": outcome(lambda: updated([("a", "2"), ("b", "3")])),
        "keywords": outcome(lambda: updated(b="3")),
    }


@probe(MODERN)
def probe_querydict_constructor_forms():
    from django.http import QueryDict

    return {
        "no_query_string": outcome(lambda: _lists(QueryDict())),
        "none": outcome(lambda: _lists(QueryDict(None))),
        "mutable_keyword": outcome(lambda: _lists(QueryDict(mutable=True))),
        "fromkeys": outcome(lambda: _lists(QueryDict.fromkeys(["a", "b"], value="v"))),
    }


@probe(MODERN)
def probe_forwarded_host():
    """X-Forwarded-Host counts only with USE_X_FORWARDED_HOST (not set here)."""
    req = make_request("GET", "", headers={"HTTP_HOST": "testserver", "HTTP_X_FORWARDED_HOST": "evil.example"})
    return {"host": outcome(lambda: req.get_host())}


@probe(MODERN)
def probe_body_limits():
    """Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE and forms over DATA_UPLOAD_MAX_NUMBER_FIELDS (defaults)."""
    large = b"a=" + b"x" * (2621440 + 1)
    many = "&".join("f%d=1" % i for i in range(1001)).encode("ascii")
    return {
        "large_body": outcome(lambda: len(read_body(make_request("POST", "", large, URLENCODED)))),
        "large_post": outcome(lambda: len(make_request("POST", "", large, URLENCODED).POST["a"])),
        "many_fields": outcome(lambda: len(make_request("POST", "", many, URLENCODED).POST)),
        "many_query_fields": outcome(lambda: len(make_request("GET", many.decode("ascii")).GET)),
    }


@probe(MODERN)
def probe_get_after_encoding_set():
    """Setting request.encoding re-decodes a GET that was read already, except at 1.7-1.10.

    There GET was cached where the encoding setter did not look, so it stayed
    decoded the old way; UTF-8 bytes show it, which every release decodes alike.
    """
    req = make_request("GET", "q=caf%E9")
    before = req.GET["q"]
    req.encoding = "latin-1"
    utf8 = make_request("GET", "q=caf%C3%A9")
    utf8_before = utf8.GET["q"]
    utf8.encoding = "latin-1"
    return {
        "before": before,
        "after": outcome(lambda: req.GET["q"]),
        "utf8_before": utf8_before,
        "utf8_after": outcome(lambda: utf8.GET["q"]),
    }


def _with_settings(func, **values):
    """``func()`` with these settings assigned, then restored (no override_settings before 1.4)."""
    from django.conf import settings

    missing = object()
    saved = dict((name, getattr(settings, name, missing)) for name in values)
    for name, value in values.items():
        setattr(settings, name, value)
    try:
        return func()
    finally:
        for name, value in saved.items():
            if value is missing:
                delattr(settings, name)
            else:
                setattr(settings, name, value)


def _host(host):
    return make_request("GET", "", headers={"HTTP_HOST": host}).get_host()


@probe(MODERN)
def probe_get_host_debug_without_allowed_hosts():
    """DEBUG on, ALLOWED_HOSTS empty: any Host before CVE-2016-9014 was fixed, then localhost names only."""

    def hosts():
        return dict((host, kind(lambda: _host(host))) for host in ("example.com", "localhost"))

    return _with_settings(hosts, DEBUG=True, ALLOWED_HOSTS=[])


@probe(MODERN)
def probe_get_host_disallowed_message():
    """The message of the error for a Host outside ALLOWED_HOSTS, and for one that is not a domain."""

    def hosts():
        return dict((host, outcome(lambda: _host(host))) for host in ("evil.example", "evil.example:8000", "bad_host"))

    return _with_settings(hosts, DEBUG=False, ALLOWED_HOSTS=["testserver"])
