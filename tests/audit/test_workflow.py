"""Fitting a team's workflow: inline suppression, the baseline ratchet, pyproject settings, pre-commit, cores."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from django_http_compat.audit import audit_paths

from .tools import REPO, audit_cli

OLD = "def view(request):\n    return request.REQUEST\n"


def test_inline_suppression_by_code_or_feature(tmp_path):
    path = tmp_path / "views.py"
    path.write_text(
        textwrap.dedent(
            """\
        def view(request):
            a = request.REQUEST  # noqa: HC101
            b = request.REQUEST  # noqa: E501, HC101
            c = request.REQUEST  # http-compat: ignore[request_REQUEST]
            d = request.REQUEST  # http-compat: ignore
            e = request.REQUEST  # noqa
            f = request.REQUEST  # noqa: HC102
            g = request.REQUEST  # http-compat: ignore[request_is_ajax]
            h = "# noqa: HC101", request.REQUEST
            return (request.
                REQUEST)  # noqa: HC101
            """
        )
    )
    report = audit_paths([path], jobs=1)
    assert [(f.line, f.feature) for f in report.findings] == [(n, "request_REQUEST") for n in (6, 7, 8, 9)]
    assert report.suppressed == 5


def test_suppressed_uses_are_counted(tmp_path):
    (tmp_path / "views.py").write_text("def view(request):\n    return request.REQUEST  # noqa: HC101\n")
    code, out, _ = audit_cli(str(tmp_path))
    assert code == 0 and "1 suppressed by comments" in out


def test_the_baseline_fails_only_on_new_uses(tmp_path):
    views = tmp_path / "views.py"
    views.write_text(OLD)
    baseline = tmp_path / "baseline.json"
    code, _, err = audit_cli("--baseline", str(baseline), str(tmp_path))
    assert code == 0 and f"recorded 1 legacy uses in {baseline}" in err
    recorded = json.loads(baseline.read_text())
    assert recorded["sites"] == [
        {"path": "views.py", "feature": "request_REQUEST", "line": 2, "source": "return request.REQUEST"}
    ]
    views.write_text("import os\n\n" + OLD)  # the old use moved down: still known
    code, out, _ = audit_cli("--baseline", str(baseline), str(tmp_path))
    assert code == 0 and "0 legacy uses" in out and "1 in the baseline" in out
    views.write_text("import os\n\n" + OLD + "def other(request):\n    return request.is_ajax()\n")
    code, out, _ = audit_cli("--baseline", str(baseline), str(tmp_path))
    assert code == 1 and "HC110" in out and "HC101" not in out
    views.write_text("def view(request):\n    return request.body\n")  # migrated: ratchet down
    code, out, _ = audit_cli("--baseline", str(baseline), str(tmp_path))
    assert code == 0 and "1 baseline sites gone" in out
    assert audit_cli("--baseline", str(baseline), "--update-baseline", str(tmp_path))[0] == 0
    assert json.loads(baseline.read_text())["sites"] == []
    views.write_text(OLD)
    assert audit_cli("--baseline", str(baseline), str(tmp_path))[0] == 1


def test_a_copied_old_line_is_a_new_use(tmp_path):
    (tmp_path / "views.py").write_text(OLD)
    baseline = tmp_path / "baseline.json"
    audit_cli("--baseline", str(baseline), str(tmp_path))
    (tmp_path / "views.py").write_text(OLD + OLD.replace("view", "copy"))
    code, out, _ = audit_cli("--baseline", str(baseline), str(tmp_path))
    assert code == 1 and out.count("HC101") == 1


def test_a_broken_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "baseline.json").write_text("{}")
    code, _, err = audit_cli("--baseline", str(tmp_path / "baseline.json"), str(tmp_path))
    assert code == 2 and "cannot read the baseline" in err


def test_pyproject_settings(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "views.py").write_text(
        OLD + "def v(request):\n    return request.is_ajax(), request.raw_post_data\n"
    )
    (tmp_path / "src" / "migrations").mkdir()
    (tmp_path / "src" / "migrations" / "0001.py").write_text(OLD)
    (tmp_path / "pyproject.toml").write_text(
        "[tool.django-http-compat]\n"
        'paths = ["src"]\n'
        'exclude = ["migrations"]\n'
        'ignore = ["HC110"]\n'
        'target-version = "1.9"\n'
        'baseline = "legacy-baseline.json"\n'
    )
    code, out, err = audit_cli("--format", "json", cwd=tmp_path)
    assert (tmp_path / "legacy-baseline.json").exists() and code == 0, err
    recorded = json.loads((tmp_path / "legacy-baseline.json").read_text())["sites"]
    assert [(s["path"], s["feature"]) for s in recorded] == [
        ("src/views.py", "request_REQUEST"),
        ("src/views.py", "request_raw_post_data"),
    ]


def test_pyproject_errors_are_usage_errors(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.django-http-compat]\npath = ["src"]\n')
    code, _, err = audit_cli(cwd=tmp_path)
    assert code == 2 and "unknown key 'path'" in err
    (tmp_path / "pyproject.toml").write_text('[tool.django-http-compat]\nfeatures = ["nope"]\n')
    code, _, err = audit_cli(cwd=tmp_path)
    assert code == 2 and "unknown feature 'nope'" in err
    (tmp_path / "pyproject.toml").write_text('[tool.django-http-compat]\ntarget-version = "1.99"\n')
    assert audit_cli(cwd=tmp_path)[0] == 2


def test_the_pre_commit_hook_runs_the_audit():
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text()
    assert "id: django-http-compat-audit" in hooks
    assert "entry: python -m django_http_compat audit" in hooks
    assert "types: [python]" in hooks


def test_parallel_and_serial_runs_agree():
    import django

    tree = Path(django.__file__).parent
    serial = audit_paths([tree, REPO / "examples"], jobs=1)
    parallel = audit_paths([tree, REPO / "examples"], jobs=2)
    assert parallel.files == serial.files > 500
    assert parallel.findings == serial.findings and parallel.findings
    assert parallel.skipped == serial.skipped


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_reported(tmp_path, jobs):
    for i in range(60):
        (tmp_path / f"m{i}.py").write_text(OLD)
    seen = []
    audit_paths([tmp_path], jobs=jobs, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (60, 60) and len(seen) == 60
