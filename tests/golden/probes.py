# -*- coding: utf-8 -*-
"""Scenarios run both on real old Django (to record) and on the shim (to replay).

This file must stay importable by Python 2.7 and by every Django from 1.1 on,
because the recorder runs it unchanged under the old releases.  Each probe
takes nothing and returns JSON-serialisable data; ``outcome()`` turns a
callable's result or exception into the same shape on every Python.
"""
from __future__ import unicode_literals

import io
import json
import re
import sys

PY2 = sys.version_info[0] == 2


def text(value):
    """Bytes (``str`` on Python 2) as text, so both Pythons record the same."""
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (list, tuple)):
        return [text(v) for v in value]
    return value


def native(value):
    """The native ``str`` type of the running Python, for WSGI environ items."""
    if PY2 and isinstance(value, type("")):
        return value.encode("latin-1")
    return value


def outcome(func):
    """``{"value": ...}`` or ``{"error": ExceptionName, "args": [...]}``."""
    try:
        return {"value": func()}
    except Exception as exc:  # recorded, not handled
        return {"error": type(exc).__name__, "args": [text("%s" % (a,)) for a in exc.args]}


def make_request(method="GET", query="", body=b"", content_type=None, headers=None):
    """A request built the way Django's WSGI handler builds one."""
    from django.core.handlers.wsgi import WSGIRequest

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": "/probe/",
        "SCRIPT_NAME": "",
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.BytesIO() if PY2 else io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "CONTENT_LENGTH": str(len(body)),
    }
    if content_type is not None:
        environ["CONTENT_TYPE"] = content_type
    environ.update(headers or {})
    # WSGI servers hand Python 2 code native byte strings, not unicode.
    environ = dict((native(k), native(v)) for k, v in environ.items())
    return WSGIRequest(environ)


URLENCODED = "application/x-www-form-urlencoded"
BOUNDARY = "BoUnDaRy"
MULTIPART = "multipart/form-data; boundary=" + BOUNDARY


def multipart(fields):
    parts = []
    for name, value in fields:
        parts.append(
            "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
            % (BOUNDARY, name, value)
        )
    parts.append("--%s--\r\n" % BOUNDARY)
    return "".join(parts).encode("utf-8")


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


def probe_request_overlap():
    req = make_request(
        "POST", "x=1&x=11&g=5&e=", b"x=2&x=22&p=1", URLENCODED
    )
    return _request_view(req)


def probe_request_get_only():
    return _request_view(make_request("GET", "x=1&g=2&g=3"))


def probe_request_empty():
    req = make_request("GET", "")
    R = req.REQUEST
    return {"bool": bool(R), "keys": sorted(R.keys()), "missing": outcome(lambda: R["x"])}


def read_body(req):
    """``raw_post_data`` where the release (or the flag) has it, else ``body``."""
    if hasattr(type(req), "raw_post_data"):
        return req.raw_post_data
    return req.body


def probe_request_repr():
    # One key only: Python 2 printed dicts in hash order.
    req = make_request("POST", "", b"b=2", URLENCODED)
    return {"repr": repr(req.REQUEST), "str": outcome(lambda: "%s" % (req.REQUEST,))}


def probe_request_non_ascii():
    req = make_request(
        "POST", "name=%C3%A9t%C3%A9&other=%C3%A9", b"name=caf%C3%A9", URLENCODED
    )
    R = req.REQUEST
    return {"name": R["name"], "getlist": R.getlist("name"), "other": R["other"]}


def probe_request_live_view():
    req = make_request("GET", "a=1")
    R = req.REQUEST
    get = req.GET
    get._mutable = True
    get["late"] = "v"
    return {"late": outcome(lambda: R["late"])}


def probe_request_multipart_then_body():
    req = make_request("POST", "f=0&q=1", multipart([("f", "1"), ("f", "2")]), MULTIPART)
    R = req.REQUEST
    return {
        "getlist_f": text(R.getlist("f")),
        "q": R["q"],
        "body_after": outcome(lambda: text(read_body(req))),
    }


def probe_request_urlencoded_then_body():
    req = make_request("POST", "", b"a=1&a=2", URLENCODED)
    return {"a": req.REQUEST["a"], "body_after": outcome(lambda: text(read_body(req)))}


def probe_request_body_then_request():
    req = make_request("POST", "", multipart([("a", "1")]), MULTIPART)
    body = text(read_body(req))
    return {"body_length": len(body), "a": outcome(lambda: req.REQUEST["a"])}


# --- request.is_ajax() -----------------------------------------------------


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


# --- mimetype= on response classes ------------------------------------------

# (class name, positional args, keyword args); a request object is prepended
# for TemplateResponse.
CONSTRUCTOR_CALLS = [
    ("HttpResponse", ["x"], {"mimetype": "text/plain"}),
    ("HttpResponse", ["x"], {"mimetype": "text/plain", "content_type": "text/html"}),
    ("HttpResponse", ["x"], {"mimetype": ""}),
    ("HttpResponse", ["x"], {"mimetype": None}),
    ("HttpResponse", ["x"], {"mimetype": "text/plain; charset=latin-1"}),
    ("HttpResponse", ["x"], {"mimetype": "application/json", "status": 404}),
    ("HttpResponse", ["x", "text/plain"], {}),
    ("HttpResponse", ["x", None, 404, "text/html"], {}),
    ("HttpResponse", ["x", "text/plain", 404, "text/html"], {}),
    ("HttpResponse", ["x", "text/plain", 404, "text/html", "text/css"], {}),
    ("HttpResponse", ["x", "text/plain", 404], {}),
    ("HttpResponse", ["x", "text/plain", 404], {"mimetype": "text/css"}),
    ("HttpResponse", ["x"], {"mimetype": "text/plain\r\nX-Evil: 1"}),
    ("HttpResponseRedirect", ["/to/"], {"mimetype": "text/plain"}),
    ("HttpResponsePermanentRedirect", ["/to/"], {"mimetype": "text/plain"}),
    ("HttpResponseRedirect", ["/to/", "body", "text/plain"], {}),
    ("HttpResponseNotFound", ["x"], {"mimetype": "text/plain"}),
    ("HttpResponseForbidden", ["x"], {"mimetype": "text/plain"}),
    ("HttpResponseGone", ["x"], {"mimetype": "text/plain"}),
    ("HttpResponseServerError", ["x"], {"mimetype": "text/plain"}),
    ("HttpResponseBadRequest", ["x"], {"mimetype": "text/plain"}),
    ("HttpResponseNotAllowed", [["GET", "POST"]], {"mimetype": "text/plain"}),
    ("HttpResponseNotModified", [], {"mimetype": "text/plain"}),
    ("StreamingHttpResponse", [["a", "b"]], {"mimetype": "text/plain"}),
    ("StreamingHttpResponse", [["a"], "text/plain", 404, "text/css"], {}),
    ("SimpleTemplateResponse", ["probe.html"], {"mimetype": "text/plain"}),
    ("TemplateResponse", ["probe.html"], {"mimetype": "text/plain"}),
]


def response_class(name):
    import django.http

    if name in ("SimpleTemplateResponse", "TemplateResponse"):
        try:
            import django.template.response as module
        except ImportError:  # Django < 1.3
            return None
    else:
        module = django.http
    return getattr(module, name, None)


def construct(name, args, kwargs):
    cls = response_class(name)
    if name == "TemplateResponse":
        args = [make_request()] + list(args)
    return cls(*args, **kwargs)


def probe_mimetype():
    results = []
    for name, args, kwargs in CONSTRUCTOR_CALLS:
        if response_class(name) is None:
            results.append({"call": [name, args, kwargs], "class": "missing"})
            continue

        def summary(name=name, args=args, kwargs=kwargs):
            response = construct(name, args, kwargs)
            return {
                "content_type": response.get("Content-Type", None),
                "status": response.status_code,
            }

        results.append({"call": [name, args, kwargs], "result": outcome(summary)})
    return results


def kind(func):
    """Like ``outcome`` but keeps only the exception class, for messages Python words differently."""
    result = outcome(func)
    if "error" in result:
        return {"error": result["error"]}
    return result


def listing(value):
    """A method's result as (type name, sorted content): lists and iterators differ by type only."""
    return [type(value).__name__, sorted(text(v) if isinstance(v, bytes) else v for v in value)]


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


def probe_key_errors():
    from django.http import QueryDict
    from django.utils.datastructures import MultiValueDict

    single = QueryDict("a=1")
    multi = MultiValueDict({"a": ["1"]})
    return {
        "querydict": outcome(lambda: single["missing"]),
        "multivaluedict": outcome(lambda: multi["missing"]),
        "is_key_error": outcome(lambda: isinstance(_caught(lambda: single["missing"]), KeyError)),
        "get_default": single.get("missing", "d"),
    }


def _caught(func):
    try:
        func()
    except Exception as exc:
        return exc
    return None


# --- how POST is built -----------------------------------------------------


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


def probe_post_encoding_set_by_code():
    req = make_request("POST", "q=caf%E9", b"name=caf%E9", URLENCODED)
    req.encoding = "latin-1"
    return {"post": outcome(lambda: req.POST["name"]), "get": outcome(lambda: req.GET["q"])}


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


def upload_body():
    return (
        "--%s\r\n"
        'Content-Disposition: form-data; name="doc"; filename="C:\\\\docs\\\\notes.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
        "line one\nline two\r\n"
        "--%s\r\n"
        'Content-Disposition: form-data; name="title"\r\n\r\n'
        "Notes\r\n"
        "--%s--\r\n" % (BOUNDARY, BOUNDARY, BOUNDARY)
    ).encode("utf-8")


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


def _urlpatterns():
    try:
        from django.urls import re_path as url
    except ImportError:
        try:
            from django.conf.urls import url
        except ImportError:  # Django < 1.4
            from django.conf.urls.defaults import url
    return [
        url(r"^probe/$", probe_view),
        url(r"^status/$", status_view),
        url(r"^headers/$", headers_view),
        url(r"^form/$", form_view),
        url(r"^iterator/$", iterator_view),
    ]


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


# --- reason phrases ----------------------------------------------------------

STATUS_CODES = [200, 201, 306, 308, 404, 413, 414, 416, 418, 422, 429, 599]


def status_view(request):
    from django.http import HttpResponse

    code = int(request.GET["code"])
    if request.GET.get("late"):
        response = HttpResponse("x")
        response.status_code = code  # after construction
        return response
    return HttpResponse("x", status=code)


def headers_view(request):
    """Middleware-style code of the 1.x era: it edits the response's header dict."""
    from django.http import HttpResponse

    response = HttpResponse("x", content_type="text/plain")
    response["X-Drop"] = "1"
    try:
        headers = response._headers
    except AttributeError:
        return response
    headers["x-written"] = ("X-Written", "yes")
    del headers["x-drop"]
    return response


def probe_reason_phrases():
    from django.http import HttpResponse

    results = {}
    for code in STATUS_CODES:
        late = HttpResponse("x")
        late.status_code = code
        results[str(code)] = {
            "reason_phrase": outcome(lambda: HttpResponse("x", status=code).reason_phrase),
            "after_status_change": outcome(lambda: late.reason_phrase),
            "status_line": serve("status/", "code=%d" % code)[0],
            "status_line_late": serve("status/", "code=%d&late=1" % code)[0],
        }
    return results


def probe_reason_phrase_tables():
    import django.core.handlers.wsgi as wsgi
    import django.http

    response_module = getattr(django.http, "response", None)
    return {
        "REASON_PHRASES": outcome(lambda: [response_module.REASON_PHRASES[c] for c in (200, 404, 418)]),
        "STATUS_CODE_TEXT": outcome(lambda: [wsgi.STATUS_CODE_TEXT[c] for c in (200, 404)]),
    }


# --- response._headers ------------------------------------------------------------


def probe_private_headers():
    from django.http import HttpResponse

    response = HttpResponse("x", content_type="text/plain")
    response["X-Foo"] = "bar"

    def run():
        h = response._headers
        out = {"items": sorted([k, list(v)] for k, v in h.items())}
        h["x-new"] = ("X-New", "1")
        out["after_set"] = response["x-new"]
        del h["x-foo"]
        out["after_del"] = response.has_header("X-Foo")
        out["get_missing"] = h.get("x-missing")
        out["contains"] = ["x-new" in h, "X-New" in h]
        out["evil"] = kind(lambda: h.__setitem__("x-evil", ("X-Evil", "a\r\nb")))
        out["evil_kept"] = response.has_header("X-Evil")
        response._headers = {"x-only": ("X-Only", "1")}
        out["replaced"] = sorted(response._headers)
        out["replaced_header"] = response["X-Only"]
        return out

    return {
        "headers": outcome(run),
        "served": serve("headers/"),
    }


# --- responses: constructor forms, as built and as served -------------------

_DATE = re.compile(r"[A-Z][a-z]{2}, \d\d[- ][A-Z][a-z]{2}[- ]\d{4} \d\d:\d\d:\d\d GMT")


def mask_dates(value):
    """Cookie dates depend on the clock; keep only their format (separators)."""
    if isinstance(value, list):
        return [mask_dates(v) for v in value]
    return _DATE.sub(lambda m: re.sub(r"[A-Za-z]", "a", re.sub(r"\d", "9", m.group(0))), value)


def _cookies(response):
    # Native strings: Python 2's Cookie module rejects unicode.
    response.set_cookie(native("plain"), native("1"), path=native("/p/"))
    response.set_cookie(native("quoted"), native("x;y,z"))
    response.set_cookie(native("aged"), native("1"), max_age=3600)
    response.delete_cookie(native("gone"))
    return response


def _header_case(response):
    response["x-lower"] = "v"
    response["X-Mixed-Case"] = "w"
    return response


def response_forms():
    """(label, builder) pairs; every builder runs on Django 1.1 and later."""
    import django.http as h

    return [
        ("plain", lambda: h.HttpResponse("hello")),
        ("content_type", lambda: h.HttpResponse("x", content_type="text/plain")),
        ("status_201", lambda: h.HttpResponse("x", status=201)),
        ("status_0", lambda: h.HttpResponse("x", status=0)),
        ("status_empty", lambda: h.HttpResponse("x", status="")),
        ("status_none", lambda: h.HttpResponse("x", status=None)),
        ("status_string", lambda: h.HttpResponse("x", status="404")),
        ("int_content", lambda: h.HttpResponse(123)),
        ("list_content", lambda: h.HttpResponse(["a", "b"])),
        ("non_ascii", lambda: h.HttpResponse("caf\u00e9")),
        ("latin1", lambda: h.HttpResponse("caf\u00e9", content_type="text/plain; charset=iso-8859-1")),
        ("not_found", lambda: h.HttpResponseNotFound("gone")),
        ("forbidden", lambda: h.HttpResponseForbidden("no")),
        ("gone", lambda: h.HttpResponseGone()),
        ("server_error", lambda: h.HttpResponseServerError("oops")),
        ("bad_request", lambda: h.HttpResponseBadRequest("bad")),
        ("not_allowed", lambda: h.HttpResponseNotAllowed(["GET", "POST"])),
        ("not_modified", lambda: h.HttpResponseNotModified()),
        ("redirect", lambda: h.HttpResponseRedirect("/to/")),
        ("redirect_absolute", lambda: h.HttpResponseRedirect("http://example.com/to/")),
        ("redirect_iri", lambda: h.HttpResponsePermanentRedirect("/caf\u00e9/?q=\u00e9")),
        ("redirect_unsafe", lambda: h.HttpResponseRedirect("javascript:alert(1)")),
        ("cookies", lambda: _cookies(h.HttpResponse("x"))),
        ("header_case", lambda: _header_case(h.HttpResponse("x"))),
    ]


def _built(response):
    return {
        "status_code": response.status_code,
        "content": text(response.content),
        "headers": sorted([text(k), text(v)] for k, v in response.items()),
        "cookies": sorted(mask_dates(text(m.OutputString())) for m in response.cookies.values()),
    }


def bad_request_view(request, exception=None):
    """handler400: Django's own page differs between releases; the status is what counts."""
    from django.http import HttpResponseBadRequest

    return HttpResponseBadRequest("bad request", content_type="text/plain")


def server_error_view(request):
    """handler500, for the same reason (and Django 1.1 requires one in the URLconf)."""
    from django.http import HttpResponseServerError

    return HttpResponseServerError("server error", content_type="text/plain")


# Dotted paths: Django 1.1 accepts nothing else here.
handler400 = "probes.bad_request_view"
handler500 = "probes.server_error_view"


def form_view(request):
    return dict(response_forms())[request.GET["form"]]()


def served(path, query=""):
    """Status line, sorted headers and body, as the WSGI handler hands them to the server."""
    from django.core.handlers.wsgi import WSGIHandler

    environ = make_request("GET", query).environ
    environ[native("PATH_INFO")] = native("/" + path)
    captured = []
    body = b"".join(
        WSGIHandler()(environ, lambda status, headers, exc_info=None: captured.append((status, headers)))
    )
    status, headers = captured[0]
    return {
        "status": text(status),
        # Surrounding whitespace is not part of an HTTP field value (Django 6.0 dropped
        # the space its Set-Cookie values used to start with).
        "headers": sorted([text(k), mask_dates(text(v).strip())] for k, v in headers),
        "body": text(body),
    }


def serve(path, query=""):
    """(status line, sorted headers) of ``served()``, the shape older scenarios record."""
    result = served(path, query)
    return result["status"], result["headers"]


def probe_response_forms():
    results = {}
    for label, build in response_forms():
        results[label] = {
            "built": outcome(lambda: _built(build())),
            "served": outcome(lambda: served("form/", "form=" + label)),
        }
    return results


def probe_header_case():
    from django.http import HttpResponse

    response = HttpResponse("x")
    response["X-Foo"] = "1"

    def deleted(name):
        r = HttpResponse("x")
        r["X-Foo"] = "1"
        del r[name]
        return r.has_header("X-Foo")

    return {
        "exact": outcome(lambda: response["X-Foo"]),
        "lower": outcome(lambda: response["x-foo"]),
        "has_header": response.has_header("x-foo"),
        "contains": outcome(lambda: "x-foo" in response),
        "del_lower_leaves": outcome(lambda: deleted("x-foo")),
        "headers_attribute": hasattr(response, "headers") and type(response.headers).__name__,
    }


# --- content from an iterator -----------------------------------------------


def _tracked():
    log = []

    def gen():
        log.append("start")
        yield "a"
        yield "b"
        log.append("end")

    return gen(), log


def probe_iterator_content():
    from django.http import HttpResponse

    def read_twice():
        it, log = _tracked()
        response = HttpResponse(it)
        out = {"at_construction": list(log)}
        out["content"] = [text(response.content), text(response.content)]
        out["iterated"] = text(b"".join(response))
        return out

    def iterate_twice():
        it, log = _tracked()
        response = HttpResponse(it)
        return [text(b"".join(response)), text(b"".join(response)), list(log)]

    def write_then_read():
        response = HttpResponse(_tracked()[0])
        response.write("c")
        return text(response.content)

    def tell():
        response = HttpResponse(_tracked()[0])
        return [response.tell(), text(response.content)]

    def list_write():
        response = HttpResponse(["a", "b"])
        response.write("c")
        return text(response.content)

    def assigned():
        response = HttpResponse()
        it, log = _tracked()
        response.content = it
        return [list(log), text(response.content), text(response.content)]

    return {
        "read_twice": outcome(read_twice),
        "iterate_twice": outcome(iterate_twice),
        "write_then_read": outcome(write_then_read),
        "tell": outcome(tell),
        "list_write": outcome(list_write),
        "assigned": outcome(assigned),
        "served": served("iterator/"),
    }


def iterator_view(request):
    from django.http import HttpResponse

    return HttpResponse(_tracked()[0], content_type="text/plain")


def probe_pickled_iterator_content():
    """A generator response read, then pickled, as the cache middleware pickles what it stores."""
    import pickle

    from django.http import HttpResponse

    def after_read():
        response = HttpResponse(_tracked()[0])
        response.content
        return text(pickle.loads(pickle.dumps(response, 2)).content)

    return {"after_read": outcome(after_read)}


# --- str(response), HttpResponseNotModified, DEFAULT_CONTENT_TYPE -----------


def _message(value):
    if "\n" not in value:
        return {"repr": value}
    ending = "\r\n" if "\r\n" in value else "\n"
    head, _, body = value.partition(ending + ending)
    return {"ending": ending, "head": sorted(head.split(ending)), "body": body}


def probe_str_response():
    from django.http import HttpResponse

    response = HttpResponse("body", content_type="text/plain")
    response["X-A"] = "1"
    return {"str": outcome(lambda: _message(text(str(response))))}


def probe_not_modified():
    from django.http import HttpResponseNotModified

    def set_content():
        response = HttpResponseNotModified()
        response.content = "x"
        return text(response.content)

    return {
        "content_type": HttpResponseNotModified().get("Content-Type", None),
        "set_content": outcome(set_content),
        "constructed_with_content": outcome(lambda: text(HttpResponseNotModified("x").content)),
    }


def probe_default_content_type():
    import django.http as h
    from django.conf import settings

    missing = object()
    before = getattr(settings, "DEFAULT_CONTENT_TYPE", missing)
    settings.DEFAULT_CONTENT_TYPE = "application/xhtml+xml"
    try:
        return {
            "default": h.HttpResponse("x")["Content-Type"],
            "explicit": h.HttpResponse("x", content_type="text/plain")["Content-Type"],
            "not_found": h.HttpResponseNotFound("x")["Content-Type"],
            "redirect": h.HttpResponseRedirect("/to/")["Content-Type"],
        }
    finally:
        if before is missing:
            del settings.DEFAULT_CONTENT_TYPE
        else:
            settings.DEFAULT_CONTENT_TYPE = before


# --- cookies ----------------------------------------------------------------


def probe_cookies():
    import django.http as h

    def compat_cookie():
        cookie = h.CompatCookie()
        cookie[native("k")] = native("a;b,c")
        return [type(cookie).__name__, text(cookie["k"].OutputString())]

    return {
        "cookies_type": type(h.HttpResponse().cookies).__name__,
        "CompatCookie": outcome(compat_cookie),
        "served": served("form/", "form=cookies")["headers"],
    }


# --- render_to_response() and render() ----------------------------------------


def probe_shortcuts():
    import django.shortcuts as shortcuts

    def rendered(func, *args, **kwargs):
        def run():
            response = getattr(shortcuts, func)(*args, **kwargs)
            return [response.status_code, response["Content-Type"], text(response.content).strip()]

        return outcome(run)

    def context(**values):
        from django.template import Context

        return Context(values)

    request = make_request()
    return {
        "rtr": rendered("render_to_response", "probe.html", {"value": 1}),
        "rtr_mimetype": rendered("render_to_response", "probe.html", {"value": 1}, mimetype="text/plain"),
        "rtr_content_type": rendered(
            "render_to_response", "probe.html", {"value": 1}, content_type="text/plain"
        ),
        "rtr_context_instance": rendered(
            "render_to_response", "probe.html", {"value": 1}, context_instance=context(value=2)
        ),
        "rtr_positional_context": rendered("render_to_response", "probe.html", {"value": 1}, context(value=2)),
        "rtr_dictionary": rendered("render_to_response", "probe.html", dictionary={"value": 3}),
        "rtr_status": rendered("render_to_response", "probe.html", {"value": 1}, status=404),
        "render_mimetype": rendered("render", request, "probe.html", {"value": 1}, mimetype="text/plain"),
        "render_content_type": rendered(
            "render", request, "probe.html", {"value": 1}, content_type="text/plain", status=201
        ),
    }


PROBES = [
    ("request_overlap", probe_request_overlap),
    ("request_get_only", probe_request_get_only),
    ("request_empty", probe_request_empty),
    ("request_repr", probe_request_repr),
    ("request_non_ascii", probe_request_non_ascii),
    ("request_live_view", probe_request_live_view),
    ("request_multipart_then_body", probe_request_multipart_then_body),
    ("request_urlencoded_then_body", probe_request_urlencoded_then_body),
    ("request_body_then_request", probe_request_body_then_request),
    ("is_ajax", probe_is_ajax),
    ("xreadlines", probe_xreadlines),
    ("mimetype", probe_mimetype),
    ("query_strings", probe_query_strings),
    ("querydict_methods", probe_querydict_methods),
    ("key_errors", probe_key_errors),
    ("post_content_types", probe_post_content_types),
    ("post_encoding_set_by_code", probe_post_encoding_set_by_code),
    ("post_mutability", probe_post_mutability),
    ("reading_orders", probe_reading_orders),
    ("uploaded_files", probe_uploaded_files),
    ("request_factory", probe_request_factory),
    ("wsgi_handler", probe_wsgi_handler),
    ("get_raw_uri", probe_get_raw_uri),
    ("module_names", probe_module_names),
    ("request_repr_dump", probe_request_repr_dump),
    ("is_authenticated", probe_is_authenticated),
    ("reason_phrases", probe_reason_phrases),
    ("reason_phrase_tables", probe_reason_phrase_tables),
    ("private_headers", probe_private_headers),
    ("response_forms", probe_response_forms),
    ("header_case", probe_header_case),
    ("iterator_content", probe_iterator_content),
    ("pickled_iterator_content", probe_pickled_iterator_content),
    ("str_response", probe_str_response),
    ("not_modified", probe_not_modified),
    ("default_content_type", probe_default_content_type),
    ("cookies", probe_cookies),
    ("shortcuts", probe_shortcuts),
]

urlpatterns = []


def run_all():
    return dict((name, outcome(func)) for name, func in PROBES)


def configure_old_django(template_dir):
    """Settings for a bare old Django; the replay side uses tests.settings."""
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="golden",
        ALLOWED_HOSTS=["*"],
        DEFAULT_CHARSET="utf-8",
        TEMPLATE_DIRS=[template_dir],
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [template_dir],
            }
        ],
        ROOT_URLCONF="probes",
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
        MIDDLEWARE_CLASSES=(),
        MIDDLEWARE=[],
    )
    if hasattr(django, "setup"):
        django.setup()
    # ROOT_URLCONF imports this file again, as the module "probes".
    import probes

    probes.urlpatterns[:] = _urlpatterns()


if __name__ == "__main__":
    import os
    import warnings

    warnings.simplefilter("ignore")
    configure_old_django(os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates"))
    import django

    data = {"django": django.get_version(), "python": "%d.%d" % sys.version_info[:2]}
    data["probes"] = run_all()
    out = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write(out if not PY2 else out.encode("utf-8"))
