"""install(), uninstall(), override() and settings changes."""

from __future__ import annotations

import collections.abc
import inspect
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
from django_http_compat.installer import implementations

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
        import sys, types
        from django_http_compat import install, uninstall, installer
        from django_http_compat.features import FEATURES
        # Every module a patch touches, and the module of every class one touches.
        targets = {(p.target, p.name) for ps in installer.implementations().values() for p in ps}
        modules = list({t if isinstance(t, types.ModuleType) else sys.modules[t.__module__] for t, _ in targets})
        classes = {c for m in modules for c in vars(m).values() if inspect.isclass(c)}
        others = {t for t, _ in targets if not isinstance(t, (type, types.ModuleType))}  # sys.meta_path's stand-in
        def snapshot():
            state = {(t, k): v for t in [*modules, *classes, *others] for k, v in list(vars(t).items())}
            return {**state, **{("sys", "meta_path", i): f for i, f in enumerate(sys.meta_path)}}
        at_modern = snapshot()
        uninstall()
        plain = snapshot()
        install(version="0.96", features={f.id: True for f in FEATURES})
        during = snapshot()
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


def test_the_old_patching_module_is_a_deprecated_alias():
    from django_http_compat import installer, patching, state

    with pytest.warns(DeprecationWarning, match="import install from django_http_compat.installer"):
        assert patching.install is installer.install
    with pytest.warns(DeprecationWarning, match="import state from django_http_compat.state"):
        from django_http_compat.patching import state as old_state
    assert old_state is state.state
    with pytest.raises(AttributeError):
        patching.flagged_before  # noqa: B018


def test_patches_for_django_test_wait_until_it_is_imported():
    """Production never imports django.test (about 100 ms), so neither may install(); assertRedirects
    is patched when a test run imports it, and the import hook leaves no trace."""
    out = run_python(
        """
        import sys, django
        from django.conf import settings
        settings.configure(INSTALLED_APPS=["django_http_compat"], HTTP_COMPAT_VERSION="1.6")
        finders = list(sys.meta_path)
        django.setup()
        from django_http_compat.legacy.module_names import META_PATH
        waiting = lambda: [f for f in sys.meta_path if f not in vars(META_PATH).values()] != finders
        print("django.test.testcases" in sys.modules, not waiting())
        from django.test import SimpleTestCase
        import django.test.testcases as testcases
        patched = lambda: hasattr(vars(SimpleTestCase)["assertRedirects"], "__wrapped__")
        print(patched(), not waiting(), type(testcases.__loader__).__name__)
        from django_http_compat import install, uninstall
        uninstall()
        print(patched(), sys.meta_path == finders)
        install("1.6")
        print(patched())
        install("2.0")
        print(patched())
        """
    )
    assert out.split("\n") == ["False False", "True True SourceFileLoader", "False True", "True", "False", ""]


def test_a_module_imported_while_no_patch_waited_for_it_is_patched_later():
    """django.test imported while no live feature waited for it (so no hook saw it) is still patched
    once one does, even when the patches were worked out before the import (a swap import does that)."""
    out = run_python(
        """
        import sys, django
        from django.conf import settings
        settings.configure(INSTALLED_APPS=["django_http_compat"])
        django.setup()
        import django_http_compat.swap
        from django.test import SimpleTestCase
        from django_http_compat import override
        from django_http_compat.state import state
        with override("1.6"):
            print((SimpleTestCase, "assertRedirects") in state.originals)
        """
    )
    assert out == "True\n"


def test_no_import_hook_while_no_active_feature_waits_for_one():
    out = run_python(
        """
        import sys, django
        from django.conf import settings
        settings.configure(INSTALLED_APPS=["django_http_compat"], HTTP_COMPAT_VERSION="2.0")
        finders = list(sys.meta_path)
        django.setup()
        print(sys.meta_path == finders)
        """
    )
    assert out == "True\n"


def test_abc_answers_do_not_outlive_the_patches(reinstall):
    """isinstance() with collections.abc keeps its answer per class; patching a special method changes it."""
    request = HttpRequest()
    uninstall()
    plain = isinstance(request, collections.abc.Container)
    with override(version="0.96"):
        during = isinstance(request, collections.abc.Container)  # request_getitem's __contains__
    after = isinstance(request, collections.abc.Container)
    with override(version="0.96"):
        again = isinstance(request, collections.abc.Container)  # the answer kept after is not kept either
    assert (plain, during, after, again) == (False, True, False, True)


def _signature(value: object) -> object:
    """``inspect.signature`` of a callable, or the error it raises (a builtin may have none)."""
    try:
        return inspect.signature(value)  # type: ignore[arg-type]
    except ValueError as exc:
        return type(exc)


@pytest.mark.parametrize("version", ["0.96", "1.0", "1.6"])
def test_patched_methods_keep_the_signatures_of_djangos_own(version, reinstall):
    # Introspection (help(), IDEs, DRF's and django-ninja's view inspection)
    # sees the patched method as plain Django's.
    patches = [patch for feature_patches in implementations().values() for patch in feature_patches]
    install(version=version, warnings="ignore")
    served = {
        (patch.target, patch.name): inspect.getattr_static(patch.target, patch.name, None)
        for patch in patches
    }
    uninstall()
    compared = []
    for (target, name), value in served.items():
        original = inspect.getattr_static(target, name, None)
        if original is None or value is original or not callable(value) or isinstance(value, type):
            continue  # absent from Django (added by the shim), not patched at this flag, or not a function
        compared.append(name)
        label = f"{getattr(target, '__name__', target)}.{name}"
        assert (label, _signature(value)) == (label, _signature(original))
        assert (label, value.__qualname__) == (label, original.__qualname__)
    assert {"set_cookie", "get_response_async", "__init__"} <= set(compared)
