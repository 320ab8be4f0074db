"""install(), uninstall(), override() and settings changes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from django_http_compat import install, override, uninstall

REPO = Path(__file__).resolve().parent.parent


def run_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{REPO}{':'}{REPO / 'examples' / 'legacy_project'}", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_uninstall_restores_django_exactly():
    """Every feature on, then uninstall(): every attribute of every touched module and class is
    the same object as in plain Django; a modern flag leaves the same state."""
    out = run_python(
        """
        import django, inspect
        from django.conf import settings
        settings.configure(
            INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django_http_compat"],
            HTTP_COMPAT_VERSION="6.1",
        )
        django.setup()  # installs the shim; 6.1 must patch nothing
        import django.http, django.http.response, django.http.request
        import django.core.handlers.wsgi as wsgi, django.core.handlers.asgi as asgi
        import django.template.response as tr, django.utils.datastructures as ds
        import django.core.files.uploadedfile as uploads, django.contrib.auth.models as auth_models
        import django.contrib.auth.base_user as base_user
        import django.core.handlers.base as base, django.shortcuts as shortcuts, django.utils.http as uhttp
        import django.core.serializers.json as serializers_json, django.contrib.auth.checks as auth_checks
        import django.middleware.csrf as csrf
        import django.core.handlers.exception as exception, django.test.testcases as testcases
        from django_http_compat import install, uninstall, patching
        from django_http_compat.features import FEATURES
        modules = [django.http, django.http.response, django.http.request, wsgi, asgi, tr, ds,
                   uploads, auth_models, base_user, base, shortcuts, uhttp, serializers_json, auth_checks, csrf,
                   exception, testcases]
        classes = {c for m in modules for c in vars(m).values() if inspect.isclass(c)}
        def snapshot():
            return {(t, k): v for t in [*modules, *classes] for k, v in list(vars(t).items())}
        at_modern = snapshot()
        uninstall()
        plain = snapshot()
        install(version="0.96", features={f.id: True for f in FEATURES})
        during = snapshot()
        targets = {(p.target, p.name) for ps in patching.implementations().values() for p in ps}
        assert {(t, n) for t, n in targets if during.get((t, n), None) is not plain.get((t, n), None)} == targets
        uninstall()
        after = snapshot()
        for state in (at_modern, after):
            assert state.keys() == plain.keys(), set(state) ^ set(plain)
            assert all(state[k] is plain[k] for k in plain)
        print("restored", len(plain), "patched", len(targets))
        """
    )
    assert out.startswith("restored")


def test_import_order_does_not_matter_for_classes():
    """Code that imported django.http's classes before django.setup() sees the legacy contract.

    Names Django removed (render_to_response, MergeDict, ...) exist only once
    the app is set up; views modules are imported after that, by the URLconf.
    """
    out = run_python(
        """
        import os
        os.environ["DJANGO_SETTINGS_MODULE"] = "legacy_project.settings"
        from django.http import HttpResponse  # before setup, as a module-level import would
        import django
        django.setup()
        print(HttpResponse(mimetype="text/csv")["Content-Type"])
        from shop import views
        from django.test import RequestFactory
        print(views.export_csv(RequestFactory().get("/export/"))["Content-Type"])
        """
    )
    assert out.split() == ["text/csv", "text/csv"]


@pytest.mark.usefixtures("reinstall")
def test_install_uninstall_in_process():
    uninstall()
    assert not hasattr(HttpRequest, "is_ajax")
    with pytest.raises(TypeError, match="mimetype"):
        HttpResponse("x", mimetype="text/plain")
    install(version="1.6")
    assert hasattr(HttpRequest, "is_ajax")
    with pytest.warns(DeprecationWarning, match="response_mimetype"):
        assert HttpResponse("x", mimetype="text/plain")["Content-Type"] == "text/plain"


@pytest.mark.usefixtures("reinstall")
def test_install_rejects_bad_arguments():
    with pytest.raises(ImproperlyConfigured, match="0.96, 1.0, 1.1"):
        install(version="1.12")
    with pytest.raises(ImproperlyConfigured, match="request_is_ajax"):
        install(features={"is_ajax": True})


def test_override_as_context_manager():
    request = RequestFactory().get("/")
    with override(version="5.2"):
        assert not hasattr(request, "is_ajax")
    with pytest.warns(DeprecationWarning, match="request_is_ajax"):
        assert request.is_ajax() is False


def test_override_as_decorator_sync_and_async():
    @override(version="4.0")
    def modern():
        return hasattr(HttpRequest, "is_ajax")

    @override(version="3.1")
    async def legacy():
        return hasattr(HttpRequest, "is_ajax")

    assert modern() is False
    assert async_to_sync(legacy)() is True
    assert hasattr(HttpRequest, "is_ajax")


def test_override_nests_and_unwinds():
    with override(version="1.2"):
        assert not hasattr(HttpRequest, "xreadlines")  # xreadlines arrived in 1.3
        with override(version="2.2"):
            assert hasattr(HttpRequest, "xreadlines")
            assert not hasattr(RequestFactory().get("/"), "REQUEST")
        assert not hasattr(HttpRequest, "xreadlines")
    assert hasattr(HttpRequest, "xreadlines")


def test_override_settings_takes_effect_immediately():
    request = RequestFactory().get("/?a=1")
    with override_settings(HTTP_COMPAT_VERSION="1.9"):
        assert not hasattr(request, "REQUEST")
        assert hasattr(request, "is_ajax")
    with override_settings(HTTP_COMPAT_FEATURES={"request_is_ajax": False}):
        assert not hasattr(request, "is_ajax")
    with pytest.warns(DeprecationWarning, match="request_REQUEST"):
        assert request.REQUEST["a"] == "1"


def test_settings_fixture_takes_effect_immediately(settings):
    settings.HTTP_COMPAT_VERSION = "5.2"
    assert not hasattr(HttpRequest, "is_ajax")
    settings.HTTP_COMPAT_VERSION = "3.2"
    assert hasattr(HttpRequest, "is_ajax")
