# -*- coding: utf-8 -*-
"""Scenarios run both on real old Django (to record) and on the shim (to replay).

The recorder runs this package unchanged under the old releases, as the
top-level package ``probes`` (``python -m probes``), so every module in it
stays importable by Python 2.7 and by every Django from 1.1 on.  The test
suite imports it as ``tests.golden.probes``.

Each probe takes nothing, returns JSON-serialisable data and is registered
with the feature ids it checks (``common.probe``); ``census`` lists what the
modules and classes offer.
"""
from __future__ import unicode_literals

from . import request, response  # noqa: F401  (registers their probes)
from .common import (  # noqa: F401  (used by the test suite and tests/urls.py)
    MULTIPART,
    PROBES,
    URLENCODED,
    make_request,
    multipart,
    outcome,
    upload_body,
)
from .request import probe_view  # noqa: F401
from .response import (  # noqa: F401
    bad_request_view,
    form_view,
    headers_view,
    iterator_view,
    server_error_view,
    status_view,
)


def run_all():
    return dict((p.name, outcome(p.func)) for p in PROBES)


def routes():
    """The URL patterns the probes serve through the WSGI handler."""
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
