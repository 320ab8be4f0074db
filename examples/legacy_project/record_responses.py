# -*- coding: utf-8 -*-
"""The example project's requests, and what a Django answers to them.

Run by ``tests/golden/record.py`` under real old Django (Python 2.7 for 1.6)
to record the responses, and imported by the test suite to replay the same
requests on modern Django with the shim.  Keep it Python 2 compatible.
"""
from __future__ import unicode_literals

import io
import json
import os
import sys

PY2 = sys.version_info[0] == 2

UPLOAD = (
    b'--XyZ\r\nContent-Disposition: form-data; name="doc"; filename="list.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\ntea\nkettle\r\n--XyZ--\r\n"
)

# (method, path with query, body, content type, extra environ)
REQUESTS = [
    ("GET", "/", b"", None, {}),
    ("GET", "/search/?q=tea", b"", None, {}),
    ("POST", "/search/?q=kettle&page=2", b"q=tea", "application/x-www-form-urlencoded", {}),
    ("GET", "/search/?q=t&tag=a&tag=b", b"", None, {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}),
    ("GET", "/search/?q=t", b"", None, {"HTTP_X_REQUESTED_WITH": "xmlhttprequest"}),
    ("POST", "/search/?page=3", b"q=te&tag=x", "application/x-www-form-urlencoded",
     {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}),
    ("POST", "/lines/", b"one\ntwo\r\nthree-long\n\nend", "text/plain", {}),
    ("POST", "/lines/", b"", "text/plain", {}),
    ("GET", "/lines/", b"", None, {}),
    ("GET", "/export/", b"", None, {}),
    ("GET", "/items/1/", b"", None, {}),
    ("GET", "/items/9/", b"", None, {}),
    ("GET", "/legacy-created/", b"", None, {}),
    ("POST", "/note/?text=from-get", b"text=from-post", "application/x-www-form-urlencoded", {}),
    ("GET", "/note/?text=caf%C3%A9", b"", None, {}),
    ("GET", "/note/", b"", None, {}),
    ("GET", "/filters/?b=2&a=1&a=3&sort=1", b"", None, {}),
    ("GET", "/filters/", b"", None, {}),
    ("POST", "/upload/", UPLOAD, "multipart/form-data; boundary=XyZ", {}),
    ("GET", "/report/", b"", None, {}),
    ("GET", "/go/?to=2", b"", None, {"HTTP_HOST": "testserver"}),
    ("GET", "/page/", b"", None, {}),
]


def native(value):
    if PY2 and isinstance(value, type("")):
        return value.encode("latin-1")
    return value


def environ_for(method, path, body, content_type, extra):
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
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
    if content_type:
        environ["CONTENT_TYPE"] = content_type
    environ.update(extra)
    return dict((native(k), native(v)) for k, v in environ.items())


def summary(status, headers, body):
    """Status code, Django's headers sorted by lower-cased name, body as latin-1 text."""
    if isinstance(body, bytes):
        body = body.decode("latin-1")
    pairs = sorted([name.lower(), value] for name, value in headers)
    return {"status": int(status), "headers": pairs, "body": body}


def via_wsgi(handler):
    results = []
    for method, path, body, content_type, extra in REQUESTS:
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"] = status.split(" ", 1)[0]
            captured["headers"] = headers

        chunks = handler(environ_for(method, path, body, content_type, extra), start_response)
        content = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        results.append(summary(captured["status"], captured["headers"], content))
    return results


def via_client(client):
    results = []
    for method, path, body, content_type, extra in REQUESTS:
        if method == "GET":
            response = client.get(path, **extra)
        else:
            response = client.post(path, body, content_type=content_type, **extra)
        results.append(summary(response.status_code, response.items(), response.content))
    return results


if __name__ == "__main__":
    import warnings

    warnings.simplefilter("ignore")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    os.environ["DJANGO_SETTINGS_MODULE"] = "legacy_project.settings"
    from legacy_project import settings as project_settings

    # Old Django runs the project without the shim, as it did back then, and
    # with the settings and URL import it had before the changes modern Django
    # needs outside django.http (see the comments in settings.py and urls.py).
    project_settings.INSTALLED_APPS = tuple(
        app for app in project_settings.INSTALLED_APPS if app != "django_http_compat"
    )
    project_settings.MIDDLEWARE_CLASSES = tuple(project_settings.MIDDLEWARE)
    project_settings.TEMPLATE_DIRS = tuple(project_settings.TEMPLATES[0]["DIRS"])
    import django

    try:
        import django.urls  # noqa: F401 (Django 2.0 and later)
    except ImportError:
        import types

        import django.conf.urls

        sys.modules["django.urls"] = types.ModuleType(native("django.urls"))
        sys.modules["django.urls"].re_path = django.conf.urls.url

    if hasattr(django, "setup"):
        django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.client import Client

    data = {"responses": {"client": via_client(Client()), "wsgi": via_wsgi(WSGIHandler())}}
    out = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write(out if not PY2 else out.encode("utf-8"))
