"""Warning classes, the warnings modes and what a warning says."""

from __future__ import annotations

import contextvars
import threading
import warnings

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.http import JsonResponse
from django.test import RequestFactory

from django_http_compat import override, usage_counts
from django_http_compat.features import FEATURES
from django_http_compat.warnings import HttpCompatWarning
from tests.golden.probes import make_request


def test_the_written_out_warning_classes_are_the_registry_s_categories():
    from django_http_compat import warnings as compat_warnings

    written = {
        name
        for name, value in vars(compat_warnings).items()
        if isinstance(value, type) and issubclass(value, HttpCompatWarning) and value is not HttpCompatWarning
    }
    assert written == {feature.category_name for feature in FEATURES}
    assert set(compat_warnings.CATEGORIES) == written
    assert set(compat_warnings.__all__) == {*written, "HttpCompatWarning", "show_warnings", "warn"}
    for name in written:
        category = getattr(compat_warnings, name)
        assert category.__module__ == "django_http_compat.warnings" and category.__bases__ == (
            HttpCompatWarning,
        )


def test_warning_modes():
    request = RequestFactory().get("/")

    def calls():
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            for _ in range(3):
                request.is_ajax()
        return len(record)

    usage_counts.reset()  # "once" means the first use of the site in this process
    with override(warnings="once"):
        assert calls() == 1
        assert calls() == 0  # the same call site, already reported
    with override(warnings="always"):
        assert calls() == 3
    with override(warnings="ignore"):
        assert calls() == 0
    with override(warnings="error"), pytest.raises(HttpCompatWarning, match="request_is_ajax"):
        request.is_ajax()


@pytest.mark.parametrize(("mode", "warn_calls"), [("once", 1), ("ignore", 3), ("always", 3)])
def test_a_site_counted_before_is_counted_again_without_a_call_to_warn(monkeypatch, mode, warn_calls):
    """A repeat that only counts costs the entry point's own lookup; warn() is for new sites and warnings."""
    from django_http_compat import warnings as compat_warnings

    calls = []
    real_warn = compat_warnings.warn
    monkeypatch.setattr(
        compat_warnings, "warn", lambda *args, **kwargs: (calls.append(args), real_warn(*args, **kwargs))
    )
    request = RequestFactory().get("/")
    usage_counts.reset()
    was = usage_counts.counting
    usage_counts.keep_counting()  # "ignore" counts only for a reader of the counts
    try:
        with override(warnings=mode), warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            for _ in range(3):
                request.is_ajax()
        uses = {site: n for site, n in usage_counts.usage().items() if site[0] == "request_is_ajax"}
    finally:
        usage_counts.keep_counting(was)
    assert len(calls) == warn_calls
    assert list(uses.values()) == [3]


def test_a_site_first_counted_by_another_thread_on_its_way_still_warns_once(monkeypatch):
    """The entry point that finds a site whose counter its first caller has not used yet reports that first use."""
    request = RequestFactory().get("/")

    def call():
        request.is_ajax()  # the one call site

    real_lock = usage_counts._lock
    other_thread_ran = []

    class SecondCallerInTheGap:  # runs another caller just after the site's counter is made
        def __enter__(self):
            return real_lock.__enter__()

        def __exit__(self, *exc):
            real_lock.__exit__(*exc)
            if not other_thread_ran:
                other_thread_ran.append(True)
                other = threading.Thread(
                    target=contextvars.copy_context().run, args=(call,)
                )  # under "once" too
                other.start()
                other.join()

    usage_counts.reset()
    monkeypatch.setattr(usage_counts, "_lock", SecondCallerInTheGap())
    with override(warnings="once"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    monkeypatch.undo()
    assert other_thread_ran
    assert len(caught) == 1 and issubclass(caught[0].category, HttpCompatWarning)
    assert [n for site, n in usage_counts.usage().items() if site[0] == "request_is_ajax"] == [2]


def test_ignore_counts_nothing_without_a_reader_while_another_configuration_warns():
    request = RequestFactory().get("/")
    was = usage_counts.counting
    usage_counts.keep_counting(False)
    usage_counts.reset()
    try:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            for warnings_mode in ("once", "ignore", "ignore"):  # one site, counted under "once" first
                with override(warnings=warnings_mode):
                    request.is_ajax()
        uses = [n for site, n in usage_counts.usage().items() if site[0] == "request_is_ajax"]
    finally:
        usage_counts.keep_counting(was)
    assert uses == [1]


def test_warning_message_names_version_and_replacement():
    with override(warnings="always"), pytest.warns(HttpCompatWarning) as record:
        RequestFactory().get("/").is_ajax()
    assert str(record[0].message) == (
        'request.is_ajax() was removed in Django 4.0; use request.headers.get("x-requested-with") '
        '== "XMLHttpRequest" [request_is_ajax]'
    )
    assert record[0].category.__name__ == "RemovedInDjango40Warning"


def test_legacy_calls_warn_with_the_callers_line():
    request = RequestFactory().get("/")
    with override(warnings="always"), pytest.warns(HttpCompatWarning) as record:
        request.is_ajax()
        JsonResponse({}, mimetype="application/x-json")
    assert [w.filename for w in record] == [__file__, __file__]
    assert isinstance(make_request(), WSGIRequest)
