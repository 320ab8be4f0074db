"""ServedNames: imports and uses of the module-level names the shim serves."""

from __future__ import annotations

import importlib
import subprocess
import sys

from .tools import REPO, check_clean, check_findings


def test_imports_and_uses():
    check_findings(
        """\
        from django.http import get_host, HttpResponse as Response
        from django.utils import datastructures
        from django_http_compat import MergeDict
        import django.http

        def view(request):
            merged = datastructures.MergeDict(request.POST, request.GET)
            return get_host(request), django.http.CompatCookie, MergeDict
        """,
        [
            (1, "http_get_host"),
            (3, "datastructures_MergeDict"),
            (7, "datastructures_MergeDict"),
            (8, "http_get_host"),
            (8, "http_CompatCookie"),
            (8, "datastructures_MergeDict"),
        ],
    )


def test_modern_names_and_relative_imports_are_clean():
    check_clean("from django.http import HttpResponse, QueryDict\nfrom .http import get_host\nget_host(1)\n")


def test_the_runtime_serves_exactly_the_registry_s_names():
    from django_http_compat.features import served_names, served_targets
    from django_http_compat.legacy import module_names as names

    assert set(names.LEGACY_NAMES) == set(served_names())
    assert {k: v.feature_id for k, v in names.LEGACY_NAMES.items()} == served_names()
    assert set(served_targets()) == {f"{m}.{n}" for m, n in served_names()}
    for (module, name), legacy in names.LEGACY_NAMES.items():
        target_module, _, attribute = served_targets()[f"{module}.{name}"].rpartition(".")
        assert legacy.load() is getattr(importlib.import_module(target_module), attribute)


def test_the_audit_imports_no_django():
    code = (
        "import sys\n"
        "from django_http_compat.audit import audit_paths\n"
        "report = audit_paths(['examples/legacy_project'], jobs=1)\n"
        "assert report.findings\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"
