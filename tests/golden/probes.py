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
    """``body``, or ``raw_post_data`` on releases before 1.4 that lacked it."""
    if hasattr(type(req), "body"):
        return req.body
    return req.raw_post_data


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
]


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
        ROOT_URLCONF=None,
        INSTALLED_APPS=[],
    )
    if hasattr(django, "setup"):
        django.setup()


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
