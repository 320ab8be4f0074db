# -*- coding: utf-8 -*-
"""Probes of the response side: constructors, headers, content, cookies, reason phrases."""
from __future__ import unicode_literals

from .common import (
    MODERN,
    kind,
    make_request,
    mask_dates,
    native,
    outcome,
    probe,
    serve,
    served,
    text,
)

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


@probe("response_mimetype", "response_positional_order")
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


@probe("response_upper_reason_phrases")
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


@probe("http_reason_phrase_tables")
def probe_reason_phrase_tables():
    import django.core.handlers.wsgi as wsgi
    import django.http

    response_module = getattr(django.http, "response", None)
    return {
        "REASON_PHRASES": outcome(lambda: [response_module.REASON_PHRASES[c] for c in (200, 404, 418)]),
        "STATUS_CODE_TEXT": outcome(lambda: [wsgi.STATUS_CODE_TEXT[c] for c in (200, 404)]),
    }


# --- response._headers ------------------------------------------------------------


@probe("response_private_headers")
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


#: label -> view body, for responses served through the handler by later probes.
SERVED = {}


def form_view(request):
    label = request.GET["form"]
    if label in SERVED:
        return SERVED[label](request)
    return dict(response_forms())[label]()


@probe("response_falsy_status", "response_absolute_location", "response_cookie_dates", "response_case_sensitive_headers")
def probe_response_forms():
    results = {}
    for label, build in response_forms():
        results[label] = {
            "built": outcome(lambda: _built(build())),
            "served": outcome(lambda: served("form/", "form=" + label)),
        }
    return results


@probe("response_case_sensitive_headers")
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


@probe("response_iterator_content")
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


@probe("response_iterator_content")
def probe_pickled_iterator_content():
    """A generator response read, then pickled, as the cache middleware pickles what it stores."""
    import pickle

    from django.http import HttpResponse

    def after_read():
        response = HttpResponse(_tracked()[0])
        response.content
        return text(pickle.loads(pickle.dumps(response, 2)).content)

    return {"after_read": outcome(after_read)}


def iterator_view(request):
    from django.http import HttpResponse

    return HttpResponse(_tracked()[0], content_type="text/plain")


# --- str(response), HttpResponseNotModified, DEFAULT_CONTENT_TYPE -----------


def _message(value):
    if "\n" not in value:
        return {"repr": value}
    ending = "\r\n" if "\r\n" in value else "\n"
    head, _, body = value.partition(ending + ending)
    return {"ending": ending, "head": sorted(head.split(ending)), "body": body}


@probe("response_str_message")
def probe_str_response():
    from django.http import HttpResponse

    response = HttpResponse("body", content_type="text/plain")
    response["X-A"] = "1"
    return {"str": outcome(lambda: _message(text(str(response)))), "streaming": _streaming_str()}


def _streaming_str():
    """str() of a streaming response (1.5 on), and the body it leaves."""
    import django.http

    if not hasattr(django.http, "StreamingHttpResponse"):
        return None
    response = django.http.StreamingHttpResponse(iter(["body"]), content_type="text/plain")
    response["X-A"] = "1"

    def message():
        value = text(str(response))
        return _message(value) if "\n" in value else "repr"  # Python 3: the object's repr

    return {"str": outcome(message), "body": [text(chunk) for chunk in response]}


@probe("response_not_modified_content_type")
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


@probe("response_default_content_type")
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


@probe("response_cookie_dates", "http_CompatCookie")
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


@probe("shortcuts_render_to_response", "shortcuts_context_instance")
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




# --- the response as its own iterator --------------------------------------------


@probe("response_own_iterator", "response_next_method")
def probe_response_own_iterator():
    from django.http import HttpResponse

    def passes(content):
        response = HttpResponse(content)
        return [text(list(response)), text(list(response))]

    def stepped(step):
        response = HttpResponse(["a", "b"])
        iter(response)
        return [outcome(lambda: text(step(response))) for _ in range(3)]

    response = HttpResponse("ab")
    return {
        "iter_is_self": outcome(lambda: iter(response) is response),
        "passes_string": outcome(lambda: passes("ab")),
        "passes_list": outcome(lambda: passes(["a", "b"])),
        "has_next": hasattr(HttpResponse("ab"), "next"),
        "next_method": outcome(lambda: text(HttpResponse("ab").next())),
        "builtin_next": outcome(lambda: text(next(HttpResponse("ab")))),
        "next_method_after_iter": outcome(lambda: stepped(lambda r: r.next())),
        "builtin_next_after_iter": outcome(lambda: stepped(next)),
    }


# --- content that is an iterable but not a string ------------------------------------


class _Iterator(object):
    """A hand-written iterator: iterating it never calls anything that counts."""

    def __init__(self, items, owner=None):
        self.items = list(items)
        self.index = 0
        self.owner = owner

    def __iter__(self):
        return self

    def __next__(self):
        if self.index >= len(self.items):
            raise StopIteration
        self.index += 1
        return self.items[self.index - 1]

    next = __next__


class Counted(object):
    """An iterable (not an iterator) that counts how often it is iterated and closed."""

    def __init__(self, items):
        self.items = items
        self.iterations = 0
        self.closes = 0

    def __iter__(self):
        self.iterations += 1
        return _Iterator(self.items, self)

    def close(self):
        self.closes += 1


class ClosableIterator(_Iterator):
    """An iterator with close(), as a file or a generator of a streaming view has."""

    def __init__(self, items):
        _Iterator.__init__(self, items)
        self.iterations = 0
        self.closes = 0

    def close(self):
        self.closes += 1


def _container_steps(make):
    """Each step's result, in order, with the iterable's counters after it."""
    from django.http import HttpResponse

    content = make()
    log = []

    def note(step, func):
        log.append([step, outcome(func), getattr(content, "iterations", None), getattr(content, "closes", None)])

    response = HttpResponse(content)
    note("built", lambda: None)
    note("chunks", lambda: text(list(response)))
    note("chunks_again", lambda: text(list(response)))
    note("content", lambda: text(response.content))
    note("content_again", lambda: text(response.content))
    note("chunks_after_content", lambda: text(list(response)))
    note("close", lambda: response.close())
    return log


def _content_first(make):
    from django.http import HttpResponse

    content = make()
    response = HttpResponse(content)
    first = text(response.content)
    chunks = text(list(response))
    counters = [getattr(content, "iterations", None), getattr(content, "closes", None)]
    response.close()
    return [first, chunks, counters, getattr(content, "closes", None)]


ITERABLES = [
    ("list", lambda: ["a", "b"]),
    ("tuple", lambda: ("a", "b")),
    ("counted", lambda: Counted(["a", "b"])),
    ("closable_iterator", lambda: ClosableIterator(["a", "b"])),
]


@probe("response_iterable_container", "response_deferred_close", "response_iterator_content")
def probe_iterable_content():
    results = {}
    for label, make in ITERABLES:
        results[label] = {
            "steps": outcome(lambda: _container_steps(make)),
            "content_first": outcome(lambda: _content_first(make)),
        }
    return results


@probe("response_deferred_close")
def probe_consumed_iterable_close():
    """When a closable iterable given as content is closed."""
    from django.http import HttpResponse

    def counts(make):
        content = make()
        response = HttpResponse(content)
        built = content.closes
        text(response.content)
        read = content.closes
        response.close()
        return [built, read, content.closes]

    return {
        "counted": outcome(lambda: counts(lambda: Counted(["a", "b"]))),
        "closable_iterator": outcome(lambda: counts(lambda: ClosableIterator(["a", "b"]))),
    }


# --- response._charset and content_type='' -------------------------------------------


@probe("response_default_charset")
def probe_response_charset():
    from django.http import HttpResponse

    def described(**kwargs):
        response = HttpResponse("caf\xe9", **kwargs)
        return {
            "_charset": getattr(response, "_charset", "missing"),
            "charset": getattr(response, "charset", "missing"),
            "content_type": response.get("Content-Type", None),
        }

    return {
        "default": outcome(lambda: described()),
        "latin1_header": outcome(lambda: described(content_type="text/plain; charset=iso-8859-1")),
        "no_charset_header": outcome(lambda: described(content_type="text/plain")),
        "empty_content_type": outcome(lambda: described(content_type="")),
        "none_content_type": outcome(lambda: described(content_type=None)),
    }


# --- bodies the handler removes ---------------------------------------------------


def _body_status(status):
    def view(request):
        from django.http import HttpResponse

        return HttpResponse("body", status=status)

    return view


def _not_modified_with_content(request):
    from django.http import HttpResponseNotModified

    return HttpResponseNotModified("body")


SERVED.update(
    {
        "body_200": _body_status(200),
        "body_100": _body_status(100),
        "body_101": _body_status(101),
        "body_204": _body_status(204),
        "body_304": _body_status(304),
        "not_modified_content": _not_modified_with_content,
    }
)


@probe("handler_body_removal", "response_not_modified_content")
def probe_handler_body_removal():
    results = {}
    for label in ("body_200", "body_100", "body_101", "body_204", "body_304", "not_modified_content"):
        results[label] = {
            "GET": outcome(lambda: served("form/", "form=" + label)),
            "HEAD": outcome(lambda: served("form/", "form=" + label, method="HEAD")),
        }
    return results


@probe("response_not_modified_content")
def probe_not_modified_content():
    from django.http import HttpResponseNotModified

    def built(*args, **kwargs):
        response = HttpResponseNotModified(*args, **kwargs)
        return [response.status_code, text(response.content)]

    return {
        "positional": outcome(lambda: built("body")),
        "keyword": outcome(lambda: built(content="body")),
        "empty": outcome(lambda: built()),
        "iterated": outcome(lambda: [text(chunk) for chunk in HttpResponseNotModified("body")]),
    }


# --- status codes outside the table ---------------------------------------------------


@probe("response_status_range")
def probe_status_range():
    from django.http import HttpResponse

    def built(code):
        response = HttpResponse("x", status=code)
        return [response.status_code, getattr(response, "reason_phrase", None)]

    results = []
    for code in (-1, 99, 100, 103, 599, 600, 999, 1000):
        results.append(
            {
                "call": code,
                "built": outcome(lambda: built(code)),
                "status_line": outcome(lambda: served("status/", "code=%d" % code)["status"]),
            }
        )
    return results


# --- cookies set with max_age ------------------------------------------------------------


@probe("response_cookie_max_age")
def probe_cookie_max_age():
    from django.http import HttpResponse

    def cookie(**kwargs):
        response = HttpResponse()
        response.set_cookie(native("k"), native("v"), **kwargs)
        morsel = response.cookies["k"]
        return {
            "output": mask_dates(text(morsel.OutputString())),
            "set": sorted(text(key) for key, value in morsel.items() if value),
        }

    return {
        "max_age": outcome(lambda: cookie(max_age=3600)),
        "max_age_zero": outcome(lambda: cookie(max_age=0)),
        "max_age_and_expires": outcome(lambda: cookie(max_age=60, expires="Thu, 01-Jan-2037 00:00:00 GMT")),
        "expires_only": outcome(lambda: cookie(expires="Thu, 01-Jan-2037 00:00:00 GMT")),
    }


# --- django.http.fix_location_header() ---------------------------------------------------


@probe("http_fix_location_header")
def probe_fix_location_header():
    import django.http as h

    def fixed(location, headers=None, path="/probe/"):
        def run():
            environ = dict(headers or {})
            environ["PATH_INFO"] = path
            request = make_request("GET", "", headers=environ)
            response = h.HttpResponse()
            if location is not None:
                response[native("Location")] = native(location)
            result = h.fix_location_header(request, response)
            return [result is response, text(result.get("Location", None))]

        return outcome(run)

    return {
        "relative": fixed("/to/"),
        "relative_path": fixed("../up/", path="/a/b/"),
        "absolute": fixed("http://example.com/x"),
        "host_with_port": fixed("/to/", headers={"HTTP_HOST": "localhost:8000"}),
        "https": fixed("/to/", headers={"wsgi.url_scheme": "https"}),
        "query": fixed("?page=2"),
        "empty": fixed(""),
        "none": fixed(None),
    }


# --- assertRedirects, where the handler made Location absolute ------------------------

#: The target of the redirects below: a page that answers 200.
REDIRECT_TARGET = "/form/?form=plain"


def _redirect_to(url):
    def view(request):
        from django.http import HttpResponseRedirect

        return HttpResponseRedirect(url)

    return view


SERVED.update(
    {
        "to_relative": _redirect_to(REDIRECT_TARGET),
        "to_testserver": _redirect_to("http://testserver" + REDIRECT_TARGET),
        "to_other_host": _redirect_to("http://other.example" + REDIRECT_TARGET),
        "to_missing": _redirect_to("/form/?form=not_found"),
    }
)

#: (case, response, expected URL, keyword arguments).  The responses: the
#: redirect of each view above, one requested over https, one requested with
#: another host, and one followed by the test client.
ASSERT_REDIRECTS_CASES = [
    ("relative/as_relative", "to_relative", REDIRECT_TARGET, {}),
    ("relative/as_absolute", "to_relative", "http://testserver" + REDIRECT_TARGET, {}),
    ("relative/as_https", "to_relative", "https://testserver" + REDIRECT_TARGET, {}),
    ("relative/as_other_host", "to_relative", "http://other.example" + REDIRECT_TARGET, {}),
    ("relative/wrong_path", "to_relative", "/form/?form=other", {}),
    ("relative/not_fetched", "to_relative", REDIRECT_TARGET, {"fetch_redirect_response": False}),
    ("secure/as_relative", "secure", REDIRECT_TARGET, {}),
    ("secure/as_https", "secure", "https://testserver" + REDIRECT_TARGET, {}),
    ("secure/as_http", "secure", "http://testserver" + REDIRECT_TARGET, {}),
    ("request_host/as_relative", "request_host", REDIRECT_TARGET, {}),
    ("request_host/as_absolute", "request_host", "http://other.example" + REDIRECT_TARGET, {}),
    ("followed/as_relative", "followed", REDIRECT_TARGET, {}),
    ("followed/as_absolute", "followed", "http://testserver" + REDIRECT_TARGET, {}),
    ("followed/wrong_path", "followed", "/form/?form=other", {}),
    ("testserver/as_relative", "to_testserver", REDIRECT_TARGET, {}),
    ("testserver/as_absolute", "to_testserver", "http://testserver" + REDIRECT_TARGET, {}),
    ("other_host/as_relative", "to_other_host", REDIRECT_TARGET, {}),
    ("other_host/as_absolute", "to_other_host", "http://other.example" + REDIRECT_TARGET, {}),
    ("missing/as_relative", "to_missing", "/form/?form=not_found", {}),
    ("missing/target_404", "to_missing", "/form/?form=not_found", {"target_status_code": 404}),
    ("missing/not_fetched", "to_missing", "/form/?form=not_found", {"fetch_redirect_response": False}),
]


#: What ``Client.get(secure=True)`` (1.7 and later) puts in the environ.
HTTPS = {native("wsgi.url_scheme"): native("https"), native("SERVER_PORT"): native("443")}


def _test_case():
    from django.test import TestCase

    class Case(TestCase):
        def runTest(self):
            pass

    return Case()


@probe("response_absolute_location", "test_assert_redirects_strips_host")
def probe_assert_redirects():
    """What assertRedirects accepted, relative or absolute, for redirects through the test client."""
    import django.http
    from django.conf import settings
    from django.test.client import Client

    client = Client()
    requests = {
        "secure": lambda: client.get("/form/", {"form": "to_relative"}, **HTTPS),
        "request_host": lambda: client.get("/form/", {"form": "to_relative"}, SERVER_NAME=native("other.example")),
        "followed": lambda: client.get("/form/", {"form": "to_relative"}, follow=True),
    }
    for label in ("to_relative", "to_testserver", "to_other_host", "to_missing"):
        requests[label] = (lambda label: lambda: client.get("/form/", {"form": label}))(label)
    saved = settings.ALLOWED_HOSTS
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    # The test client of 1.3 and 1.4 puts a ``template`` property on the class
    # of each response it returns; the census must see django.http unchanged.
    classes = [c for c in vars(django.http).values() if isinstance(c, type)]
    templates = [(c, vars(c).get("template")) for c in classes]
    try:
        responses = dict((label, outcome(get)) for label, get in requests.items())
        results = {
            "locations": dict(
                (label, outcome(lambda: r["value"]["Location"])) for label, r in responses.items() if label != "followed"
            )
        }
        case = _test_case()
        for name, label, expected, kwargs in ASSERT_REDIRECTS_CASES:
            response = responses[label].get("value")
            results[name] = kind(lambda: case.assertRedirects(response, expected, **kwargs))
    finally:
        settings.ALLOWED_HOSTS = saved
        for cls, template in templates:
            if template is None and "template" in vars(cls):
                del cls.template
    return results


# --- the request log -----------------------------------------------------------------


def _status_only(code):
    def view(request):
        from django.http import HttpResponse

        return HttpResponse("x", status=code)

    return view


def _not_found():
    from django.http import Http404

    return Http404("no such page")


def _forbidden():
    from django.core.exceptions import PermissionDenied

    return PermissionDenied()


def _raising(make):
    def view(request):
        raise make()

    return view


SERVED.update(
    {
        "raise_404": _raising(_not_found),
        "raise_403": _raising(_forbidden),
        "raise_500": _raising(lambda: ValueError("boom")),
        "return_503": _status_only(503),
    }
)


@probe("response_upper_reason_phrases")
def probe_request_log():
    """What the django.request logger said about error responses, and the status line sent.

    DEBUG is on, as under runserver, where these lines are read: Django's own
    404 and 500 pages then need no templates.
    """
    import logging

    from django.conf import settings

    records = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append([record.levelname, text(record.getMessage()), getattr(record, "status_code", None)])

    logger = logging.getLogger("django.request")
    handler, level, propagate, debug = Collect(), logger.level, logger.propagate, settings.DEBUG
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # nothing on the console
    settings.DEBUG = True
    results = {}
    try:
        for label in ("raise_404", "not_found", "raise_403", "raise_500", "server_error", "return_503"):
            del records[:]
            status = outcome(lambda: served("form/", "form=" + label)["status"])
            results[label] = {"status": status, "log": list(records)}
    finally:
        settings.DEBUG = debug
        logger.propagate = propagate
        logger.setLevel(level)
        logger.removeHandler(handler)
    return results


# --- old behaviour the shim does not bring back (each a listed difference) ---------


@probe(MODERN)
def probe_delete_prefixed_cookies():
    """Browsers ignore a __Secure-/__Host- cookie set without Secure, so the deletion needs it."""
    from django.http import HttpResponse

    def deleted(name):
        response = HttpResponse()
        response.delete_cookie(native(name))
        return mask_dates(text(response.cookies[name].OutputString()))

    return dict((name, outcome(lambda: deleted(name))) for name in ("__Secure-k", "__Host-k", "plain"))


@probe(MODERN)
def probe_response_constructor_forms():
    """Keyword arguments later releases added to the constructor."""
    from django.http import HttpResponse

    def built(**kwargs):
        response = HttpResponse("x", **kwargs)
        return [response.get("Content-Type", None), response.get("X-A", None)]

    return {
        "charset": outcome(lambda: built(charset="iso-8859-1")),
        "headers": outcome(lambda: built(headers={"X-A": "1"})),
        "reason": outcome(lambda: built(reason="Fine")),
    }


@probe("http_reason_phrase_tables")
def probe_reason_phrase_tables_whole():
    """The tables in full, where each release had them (418 arrived in 1.6)."""
    import django.core.handlers.wsgi as wsgi
    import django.http

    def table(mapping):
        return sorted([code, text(phrase)] for code, phrase in mapping.items())

    return {
        "REASON_PHRASES": outcome(lambda: table(django.http.response.REASON_PHRASES)),
        "STATUS_CODE_TEXT": outcome(lambda: table(wsgi.STATUS_CODE_TEXT)),
    }


@probe(MODERN)
def probe_non_ascii_header_value():
    """A header value that is not ASCII: refused up to 1.4 on Python 2, kept as Latin-1 later."""
    import django.http

    response = django.http.HttpResponse()

    def assign():
        response["X-Name"] = "caf\u00e9"
        return text(response["X-Name"])  # Python 2 releases store the Latin-1 bytes

    return {"assigned": outcome(assign)}


@probe("http_CompatibleStreamingHttpResponse")
def probe_compatible_streaming_response():
    """Reading .content consumes the stream and keeps it as one chunk; assigning replaces it."""
    import django.http

    cls = getattr(django.http, "CompatibleStreamingHttpResponse", None)
    if cls is None:
        return None
    response = cls(iter(["a", "b"]))
    read = [text(response.content), text(response.content)]
    chunks = [text(chunk) for chunk in response]
    response.content = "new"
    return {
        "streaming": response.streaming,
        "read": read,
        "chunks": chunks,
        "assigned": [text(chunk) for chunk in response],
    }
