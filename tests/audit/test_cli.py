"""The command line: output form, exit statuses, selection, --version, --diff, --check, the management command."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from django_http_compat import __version__
from django_http_compat.features import FEATURES

from .tools import REPO, audit_cli

OLD = "def view(request):\n    return request.is_ajax(), request.REQUEST\n"


def test_text_lines_are_path_line_col_code_message(tmp_path):
    # issue 18 item 12: the form ruff, flake8 and editors parse.
    (tmp_path / "old.py").write_text(OLD)
    code, out, _ = audit_cli(str(tmp_path))
    assert code == 1
    assert out.splitlines()[:2] == [
        f"{tmp_path / 'old.py'}:2:12: HC110 request.is_ajax() was removed in Django 4.0; "
        'use request.headers.get("x-requested-with") == "XMLHttpRequest" [request_is_ajax] (fixable)',
        f"{tmp_path / 'old.py'}:2:31: HC101 request.REQUEST was removed in Django 1.9; use request.POST or "
        "request.GET explicitly (look in POST first to keep the old precedence) [request_REQUEST]",
    ]
    assert "—" not in out


def test_codes_are_short_unique_and_listed():
    codes = [f.code for f in FEATURES]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 5 and c[:2] == "HC" and c[2:].isdigit() for c in codes)
    code, out, _ = audit_cli("--list-rules")
    assert code == 0
    assert out.splitlines()[0] == "HC101 request_REQUEST (removed in Django 1.9): request.REQUEST"


def test_version():
    done = subprocess.run(
        [sys.executable, "-m", "django_http_compat", "--version"], capture_output=True, text=True, cwd=REPO
    )
    assert done.stdout == f"django-http-compat {__version__}\n"
    assert audit_cli("--version")[1] == f"django-http-compat {__version__}\n"


def test_json_findings_carry_certainty_message_end_replacement_and_fixable(tmp_path):
    # issue 18 item 11.
    (tmp_path / "old.py").write_text(OLD + "def helper(req):\n    return req.raw_post_data\n")
    code, out, _ = audit_cli("--format", "json", str(tmp_path))
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1 and data["tool"] == {"name": "django-http-compat", "version": __version__}
    first, _, possible = data["findings"]
    assert first == {
        "path": str(tmp_path / "old.py"),
        "line": 2,
        "col": 12,
        "end_line": 2,
        "end_col": 29,
        "code": "HC110",
        "feature": "request_is_ajax",
        "certainty": "certain",
        "fixable": True,
        "message": 'request.is_ajax() was removed in Django 4.0; use request.headers.get("x-requested-with") '
        '== "XMLHttpRequest" [request_is_ajax]',
        "replacement": 'request.headers.get("x-requested-with") == "XMLHttpRequest"',
        "removed_in": "4.0",
    }
    assert (possible["certainty"], possible["fixable"]) == ("possible", False)
    assert data["summary"]["request_is_ajax"] == {"total": 1, "certain": 1, "fixable": 1}


def test_exit_statuses_and_usage_errors(tmp_path):
    (tmp_path / "clean.py").write_text("def view(request):\n    return request.body\n")
    assert audit_cli(str(tmp_path))[0] == 0
    (tmp_path / "old.py").write_text(OLD)
    assert audit_cli(str(tmp_path))[0] == 1
    assert audit_cli("--removed-in", "1.9", str(tmp_path / "clean.py"))[0] == 0
    code, _, err = audit_cli("--feature", "no_such_feature", str(tmp_path))
    assert code == 2 and "unknown feature 'no_such_feature'" in err
    code, _, err = audit_cli("--removed-in", "2.2", str(tmp_path))
    assert code == 2 and "no feature was removed or changed in 2.2" in err
    code, _, err = audit_cli(str(tmp_path / "missing"))
    assert code == 2 and "no such file or directory" in err


def test_selection_by_id_code_release_and_target(tmp_path):
    (tmp_path / "old.py").write_text(OLD)

    def features(*args):
        return [
            f["feature"]
            for f in json.loads(audit_cli("--format", "json", *args, str(tmp_path))[1])["findings"]
        ]

    assert features("--feature", "HC101") == ["request_REQUEST"]
    assert features("--ignore", "request_REQUEST") == ["request_is_ajax"]
    assert features("--removed-in", "4.0") == ["request_is_ajax"]
    assert features("--target-version", "2.2") == ["request_REQUEST"]


def test_a_crash_is_status_2_never_1(tmp_path):
    (tmp_path / "old.py").write_text(OLD)
    crash = (
        "import sys\n"
        "from django_http_compat.audit import visitor\n"
        "def broken(self, node):\n"
        "    raise RuntimeError('boom')\n"
        "visitor.ModuleAudit.visit_Attribute = broken\n"
        "from django_http_compat.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", crash, "audit", "--jobs", "1", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 2
    assert "the audit failed: RuntimeError: boom" in done.stderr


def test_rewrites_without_libcst_exit_2_with_the_install_hint(tmp_path):
    # issue 18 item 6: a traceback used to end the run.
    (tmp_path / "old.py").write_text(OLD)
    for option in ("--fix", "--diff", "--check"):
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; sys.modules['libcst'] = None\n"
                "from django_http_compat.cli import main\n"
                "sys.exit(main(sys.argv[1:]))",
                "audit",
                option,
                str(tmp_path),
            ],
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert (done.returncode, done.stderr) == (
            2,
            'the rewrites need LibCST: pip install "django-http-compat[fix]"\n',
        )
    assert (tmp_path / "old.py").read_text() == OLD


def test_diff_shows_the_rewrite_and_writes_nothing(tmp_path):
    path = tmp_path / "old.py"
    path.write_text(OLD)
    code, out, err = audit_cli("--diff", str(path))
    assert code == 0
    assert out == (
        f"--- {path}\n+++ {path}\n@@ -1,2 +1,2 @@\n def view(request):\n"
        "-    return request.is_ajax(), request.REQUEST\n"
        '+    return request.headers.get("x-requested-with") == "XMLHttpRequest", request.REQUEST\n'
    )
    assert path.read_text() == OLD


def test_check_fails_when_fix_would_change_a_file(tmp_path):
    path = tmp_path / "old.py"
    path.write_text(OLD)
    code, out, err = audit_cli("--check", str(path))
    assert (code, out) == (1, "")
    assert f"would rewrite {path}" in err
    assert path.read_text() == OLD
    path.write_text("def view(request):\n    return request.REQUEST\n")  # a use --fix cannot change
    assert audit_cli("--check", str(path))[0] == 0


def test_management_command(tmp_path):
    (tmp_path / "views.py").write_text("def view(request):\n    return request.raw_post_data\n")
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("http_compat_audit", str(tmp_path), stdout=out)
    assert exit_info.value.code == 1
    assert (
        f"{tmp_path / 'views.py'}:2:12: HC102 request.raw_post_data was removed in Django 1.6"
        in out.getvalue()
    )
    out = io.StringIO()
    call_command("http_compat_audit", str(tmp_path), fix=True, stdout=out)  # nothing remains: no SystemExit
    assert (tmp_path / "views.py").read_text() == "def view(request):\n    return request.body\n"
    assert out.getvalue() == (
        "Fixed 1 use in 1 file.\n0 legacy uses in 0 of 1 file (0 fixable with --fix); 0 files skipped.\n"
    )
