# -*- coding: utf-8 -*-
"""What every probe needs: requests built as the WSGI handler builds them,
results in one shape on every Python, and the registry of probes.

Python 2.7 and every Django from 1.1 on import this package unchanged (the
recorder runs it under the old releases), so it keeps to their syntax.
"""
from __future__ import unicode_literals

import collections
import io
import re
import sys

PY2 = sys.version_info[0] == 2

#: Tag of probes that check behaviour no legacy feature declares: modern
#: Django's own contract, or a difference the shim keeps on purpose.
MODERN = "modern"

#: Ids of era behaviours the probes record that features.py does not declare
#: yet.  Each becomes a feature of that name (or is renamed to one) when it is
#: implemented; tests/golden/test_golden.py keeps this list and features.py apart.
UNDECLARED = (
    "http_response_helpers",
)

Probe = collections.namedtuple("Probe", "name features func")

#: Every probe, in registration order; ``probe()`` adds to it.
PROBES = []


def probe(*features):
    """Register the decorated ``probe_<name>`` as probe ``<name>``, checking ``features``.

    The feature ids name what a golden mismatch of the probe is about.
    """

    def register(func):
        assert func.__name__.startswith("probe_") and features, func
        PROBES.append(Probe(func.__name__[len("probe_") :], tuple(features), func))
        return func

    return register


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
        args = [text("%s" % (a,)) for a in exc.args]
        if isinstance(exc, ImportError):
            # Python 3.7+ names the module's file: where Django sits, not what it did.
            args = [re.sub(r" \([^()]*\.py\)$", "", a) for a in args]
        return {"error": type(exc).__name__, "args": args}


def kind(func):
    """Like ``outcome`` but keeps only the exception class, for messages Python words differently."""
    result = outcome(func)
    if "error" in result:
        return {"error": result["error"]}
    return result


def listing(value):
    """A method's result as (type name, sorted content): lists and iterators differ by type only."""
    return [type(value).__name__, sorted(text(v) if isinstance(v, bytes) else v for v in value)]


def caught(func):
    try:
        func()
    except Exception as exc:
        return exc
    return None


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")


def mask_addresses(value):
    """Object addresses in reprs differ on every run; keep only that there is one."""
    return _ADDRESS.sub(" at 0x...>", value)


_DATE = re.compile(r"[A-Z][a-z]{2}, \d\d[- ][A-Z][a-z]{2}[- ]\d{4} \d\d:\d\d:\d\d GMT")


def mask_dates(value):
    """Cookie dates depend on the clock; keep only their format (separators)."""
    if isinstance(value, list):
        return [mask_dates(v) for v in value]
    return _DATE.sub(lambda m: re.sub(r"[A-Za-z]", "a", re.sub(r"\d", "9", m.group(0))), value)


def environ_for(method="GET", query="", body=b"", content_type=None, headers=None):
    """The environ a WSGI server hands Django (native strings, as on each Python)."""
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
    return dict((native(k), native(v)) for k, v in environ.items())


def make_request(method="GET", query="", body=b"", content_type=None, headers=None):
    """A request built the way Django's WSGI handler builds one."""
    from django.core.handlers.wsgi import WSGIRequest

    return WSGIRequest(environ_for(method, query, body, content_type, headers))


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


def read_body(req):
    """``raw_post_data`` where the release (or the flag) has it, else ``body``."""
    if hasattr(type(req), "raw_post_data"):
        return req.raw_post_data
    return req.body


def served(path, query="", method="GET", environ=None):
    """Status line, sorted headers and body, as the WSGI handler hands them to the server."""
    from django.core.handlers.wsgi import WSGIHandler

    if environ is None:
        # As before the split: the environ of a built request (which Django edits).
        environ = make_request(method, query).environ
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
