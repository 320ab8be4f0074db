"""The audit on whole trees: the bundled 1.6 project migrated with --fix and by hand, Django itself, this package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import django

from django_http_compat import rules
from django_http_compat.audit import audit_paths
from django_http_compat.features import FEATURES
from django_http_compat.versions import RELEASES

from .tools import REPO, audit_cli

EXAMPLE = REPO / "examples" / "legacy_project"

# Every legacy call site of the bundled 1.6 project, found by reading it: (file, line, feature).
EXAMPLE_SITES = {
    ("shop/views.py", 7, "shortcuts_render_to_response"),
    ("shop/views.py", 14, "request_REQUEST"),
    ("shop/views.py", 15, "request_REQUEST"),
    ("shop/views.py", 16, "request_REQUEST"),
    ("shop/views.py", 18, "request_is_ajax"),
    ("shop/views.py", 20, "response_mimetype"),
    ("shop/views.py", 28, "request_xreadlines"),
    ("shop/views.py", 31, "response_mimetype"),
    ("shop/views.py", 35, "response_mimetype"),
    ("shop/views.py", 46, "response_mimetype"),
    ("shop/views.py", 56, "request_REQUEST"),
    ("shop/views.py", 56, "querydict_py2_methods"),
    ("shop/views.py", 57, "request_REQUEST"),
    ("shop/views.py", 57, "response_mimetype"),
    ("shop/views.py", 58, "response_mimetype"),
    ("shop/views.py", 63, "querydict_py2_methods"),
    ("shop/views.py", 64, "response_mimetype"),
    ("shop/views.py", 65, "querydict_list_returns"),
    ("shop/views.py", 67, "querydict_py2_methods"),
    ("shop/views.py", 69, "response_mimetype"),
    ("shop/views.py", 76, "request_multipart_post_mutable"),
    ("shop/views.py", 79, "response_mimetype"),
    ("shop/views.py", 90, "response_iterator_content"),
    ("shop/views.py", 90, "response_mimetype"),
    ("shop/views.py", 100, "shortcuts_render_to_response"),
    ("shop/views.py", 100, "shortcuts_context_instance"),
    ("shop/views.py", 100, "response_mimetype"),
    ("shop/tests.py", 79, "response_absolute_location"),
}

# What a developer changes by hand after --fix, for each use the audit reports as not fixable.
HAND_FIXES = {
    "shop/views.py": [
        ("from django.shortcuts import render_to_response", "from django.shortcuts import render"),
        (
            'query = request.REQUEST.get("q", "")\n'
            '    page = request.REQUEST.get("page", "1")\n'
            '    tags = request.REQUEST.getlist("tag")',
            'query = request.POST.get("q", request.GET.get("q", ""))\n'
            '    page = request.POST.get("page", request.GET.get("page", "1"))\n'
            '    tags = request.POST.getlist("tag") if "tag" in request.POST else request.GET.getlist("tag")',
        ),
        ('if "text" in request.REQUEST:', 'if "text" in request.POST or "text" in request.GET:'),
        ('request.REQUEST["text"]', 'request.POST.get("text", request.GET.get("text"))'),
        (
            'request.POST["uploaded_by"] = "shop"',
            'request.POST = request.POST.copy()\n    request.POST["uploaded_by"] = "shop"',
        ),
        (
            'HttpResponse(rows(), content_type="text/csv")',
            'HttpResponse("".join(rows()), content_type="text/csv")',
        ),
        (
            '    context = RequestContext(request, {"who": "the shop"})\n'
            '    return render_to_response("page.html", {"name": ITEMS[1]}, context_instance=context, '
            'content_type="text/plain")',
            '    return render(request, "page.html", {"name": ITEMS[1], "who": "the shop"}, content_type="text/plain")',
        ),
    ],
    "shop/tests.py": [('"http://testserver/items/2/"', '"/items/2/"')],
}


def sites(report, root: Path) -> set[tuple[str, int, str]]:
    return {(Path(f.path).relative_to(root).as_posix(), f.line, f.feature) for f in report.findings}


def test_every_feature_declares_what_the_audit_finds():
    for feature in FEATURES:
        assert feature.finds, feature.id
        if isinstance(feature.finds, rules.NotFindable):
            assert not feature.warns or feature.id in {
                "request_post_any_content_type",
                "request_post_charset",
                "request_wsgi_input_read_only",  # warns where the request is built from such an environ
                "test_assert_redirects_strips_host",  # only the redirect, at run time, shows the call needs it
            }, f"{feature.id} warns at a call site, so the audit should find that site"


def test_the_example_project_every_site_found_and_certain():
    report = audit_paths([EXAMPLE])
    assert sites(report, EXAMPLE) == EXAMPLE_SITES
    assert all(f.certain for f in report.findings)
    assert report.skipped == []


def test_migrating_the_example_project_with_fix_and_the_hand_fixes(tmp_path):
    project = tmp_path / "legacy_project"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("__pycache__", "*.sqlite3"))

    code, out, _ = audit_cli("--fix", str(project))
    assert code == 1  # the uses --fix cannot prove equivalent remain, listed
    assert "Fixed 17 uses in 1 file." in out
    remaining = audit_paths([project])
    assert all(not f.fixable for f in remaining.findings)
    assert {(s[0], s[2]) for s in sites(remaining, project)} == {
        ("shop/views.py", "shortcuts_render_to_response"),
        ("shop/views.py", "shortcuts_context_instance"),
        ("shop/views.py", "request_REQUEST"),
        ("shop/views.py", "request_multipart_post_mutable"),
        ("shop/views.py", "response_iterator_content"),
        ("shop/tests.py", "response_absolute_location"),
    }
    fixed_once = {p: p.read_bytes() for p in project.rglob("*.py")}
    code, out, _ = audit_cli("--fix", str(project))
    assert "Fixed" not in out
    assert {p: p.read_bytes() for p in project.rglob("*.py")} == fixed_once

    for name, edits in HAND_FIXES.items():
        path = project / name
        text = path.read_text()
        for old, new in edits:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        path.write_text(text)
    assert audit_cli(str(project)) == (
        0,
        "0 legacy uses in 0 of 11 files (0 fixable with --fix); 0 files skipped.\n",
        "",
    )

    settings_file = project / "legacy_project" / "settings.py"
    settings_text = settings_file.read_text()
    assert settings_text.count('HTTP_COMPAT_VERSION = "1.6"') == 1
    settings_file.write_text(
        settings_text.replace(
            'HTTP_COMPAT_VERSION = "1.6"', f'HTTP_COMPAT_VERSION = "{RELEASES[-1]}"'
        ).replace('HTTP_COMPAT_WARNINGS = "once"', 'HTTP_COMPAT_WARNINGS = "error"')
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "test", "shop", "-v", "2"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "DJANGO_SETTINGS_MODULE": "legacy_project.settings"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Ran 13 tests" in result.stderr and "OK" in result.stderr


def test_zero_findings_on_the_installed_django():
    report = audit_paths([Path(django.__file__).parent])
    assert report.files > 500
    assert report.skipped == []
    assert [f.describe() for f in report.findings] == []


def test_zero_findings_on_the_package_itself():
    report = audit_paths([REPO / "django_http_compat"])
    assert report.files > 20
    assert [f.describe() for f in report.findings] == []
