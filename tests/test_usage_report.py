"""The usage report: formats, paths relative to the root, errors, the join with the audit, the HTML page."""

from __future__ import annotations

import argparse
import csv
import html
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory, override_settings

import django_http_compat
from django_http_compat import cli, override, usage_counts
from django_http_compat.features import FEATURES_BY_ID
from django_http_compat.usage_counts import merge_into

REPO = Path(__file__).resolve().parent.parent


def replacement(feature_id: str) -> str:
    return FEATURES_BY_ID[feature_id].replacement


@pytest.fixture(autouse=True)
def fresh_counts():
    usage_counts.reset()
    usage_counts.keep_counting()  # the projects here run with warnings ignored
    yield
    usage_counts.keep_counting(False)
    usage_counts.reset()


@pytest.fixture
def usage_file(tmp_path):
    """A usage file with sites in the project (``tmp_path/project``) and one outside it."""
    root = tmp_path / "project"
    target = tmp_path / "usage.json"
    merge_into(
        target,
        {
            ("request_is_ajax", str(root / "shop" / "views.py"), 18): 2,
            ("request_REQUEST", str(root / "shop" / "views.py"), 14): 7,
            ("response_mimetype", "/srv/lib/legacy_app/views.py", 3): 1,
        },
    )
    return target, root


def report(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["report", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_lists_the_sites_most_called_first_relative_to_the_root(capsys, usage_file):
    target, root = usage_file
    assert report(capsys, str(target), "--root", str(root)) == (
        0,
        f"       7  shop/views.py:14  request_REQUEST — use {replacement('request_REQUEST')}\n"
        f"       2  shop/views.py:18  request_is_ajax — use {replacement('request_is_ajax')}\n"
        f"       1  /srv/lib/legacy_app/views.py:3  response_mimetype — use {replacement('response_mimetype')}\n"
        "10 legacy calls at 3 sites.\n",
        "",
    )


def test_the_root_defaults_to_the_current_directory_and_to_base_dir_in_manage_py(
    capsys, usage_file, monkeypatch
):
    target, root = usage_file
    root.mkdir()
    monkeypatch.chdir(root)
    assert "  shop/views.py:14  " in report(capsys, str(target))[1]
    monkeypatch.chdir(REPO)
    out_io = io.StringIO()
    with override_settings(BASE_DIR=root):
        call_command("http_compat_report", str(target), stdout=out_io)
    configuration, counts = out_io.getvalue().split("\n\n")
    assert configuration.startswith("HTTP_COMPAT_VERSION: ")
    assert (
        counts.splitlines()[0]
        == f"       7  shop/views.py:14  request_REQUEST — use {replacement('request_REQUEST')}"
    )


def test_json(capsys, usage_file):
    target, root = usage_file
    code, out, _ = report(capsys, str(target), "--root", str(root), "--format", "json")
    assert code == 0
    site = {"removed_in": "1.9", "replacement": replacement("request_REQUEST")}
    assert json.loads(out) == {
        "usage_file": str(target),
        "root": str(root),
        "calls": 10,
        "sites": [
            {"feature": "request_REQUEST", "file": "shop/views.py", "line": 14, "calls": 7, **site},
            {
                "feature": "request_is_ajax",
                "file": "shop/views.py",
                "line": 18,
                "calls": 2,
                "removed_in": "4.0",
                "replacement": replacement("request_is_ajax"),
            },
            {
                "feature": "response_mimetype",
                "file": "/srv/lib/legacy_app/views.py",
                "line": 3,
                "calls": 1,
                "removed_in": "1.7",
                "replacement": replacement("response_mimetype"),
            },
        ],
        "features": [
            {"feature": "request_REQUEST", "sites": 1, "calls": 7},
            {"feature": "request_is_ajax", "sites": 1, "calls": 2},
            {"feature": "response_mimetype", "sites": 1, "calls": 1},
        ],
        "files": [
            {"file": "shop/views.py", "sites": 2, "calls": 9},
            {"file": "/srv/lib/legacy_app/views.py", "sites": 1, "calls": 1},
        ],
    }


def test_csv(capsys, usage_file):
    target, root = usage_file
    code, out, _ = report(capsys, str(target), "--root", str(root), "--format", "csv")
    assert code == 0
    assert list(csv.reader(io.StringIO(out))) == [
        ["feature", "file", "line", "calls", "removed_in", "replacement"],
        ["request_REQUEST", "shop/views.py", "14", "7", "1.9", replacement("request_REQUEST")],
        ["request_is_ajax", "shop/views.py", "18", "2", "4.0", replacement("request_is_ajax")],
        [
            "response_mimetype",
            "/srv/lib/legacy_app/views.py",
            "3",
            "1",
            "1.7",
            replacement("response_mimetype"),
        ],
    ]


HOSTILE_FILE = '=HYPERLINK("evil")\x1b[2J\u202e.py'


@pytest.fixture
def hostile_usage_file(tmp_path):
    """A usage file whose paths and feature were written by code that wants to attack a reader."""
    target = tmp_path / "usage.json"
    merge_into(target, {("request_is_ajax", HOSTILE_FILE, 1): 1, ("@SUM(A1)", "-x.py", 2): 1})
    return target


def test_csv_cells_never_start_a_formula(capsys, hostile_usage_file):
    code, out, _ = report(capsys, str(hostile_usage_file), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))[1:]
    assert code == 0
    assert sorted((row[0], row[1]) for row in rows) == [
        ("'@SUM(A1)", "'-x.py"),
        ("request_is_ajax", "'" + HOSTILE_FILE),
    ]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_text_escapes_what_a_terminal_would_act_on(capsys, hostile_usage_file):
    code, out, _ = report(capsys, str(hostile_usage_file))
    assert code == 0 and "\x1b" not in out and "\u202e" not in out
    assert '=HYPERLINK("evil")\\x1b[2J\\u202e.py:1  request_is_ajax' in out


@pytest.mark.parametrize("output_format", ["json", "csv", "html"])
def test_the_management_command_writes_each_format_whole(usage_file, output_format):
    # Its stdout ends every write with a newline: a format written in pieces would break.
    target, root = usage_file
    out = io.StringIO()
    call_command(
        "http_compat_report", str(target), "--root", str(root), "--format", output_format, stdout=out
    )
    expected = io.StringIO()
    cli.run_report(
        argparse.Namespace(file=str(target), root=str(root), format=output_format, against_audit=None),
        expected,
        io.StringIO(),
    )
    assert out.getvalue() == expected.getvalue()
    if output_format == "json":
        assert json.loads(out.getvalue())["calls"] == 10


def test_an_empty_usage_file_has_no_calls_yet(capsys, tmp_path):
    (tmp_path / "usage.json").touch()
    assert report(capsys, str(tmp_path / "usage.json")) == (0, "0 legacy calls at 0 sites.\n", "")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: None, "{path} does not exist. Each process writes its counts there when it exits"),
        (lambda path: path.mkdir(), "{path} is a directory, not a usage file."),
        (lambda path: path.write_text("[1, 2]"), "{path} is not a django-http-compat usage file"),
        (
            lambda path: path.write_text('{"format": 1, "counts": [{"feature": "x"'),
            "is not a django-http-compat",
        ),
        (
            lambda path: path.write_text(
                '{"format": 1, "counts": [{"feature": "x", "file": "a.py", "line": 1, "count": Infinity}]}'
            ),
            "is not a django-http-compat",
        ),
        (
            lambda path: path.write_text(
                '{"format": 1, "counts": [{"feature": "x", "file": "a.py", "line": 1, "count": -5}]}'
            ),
            "is not a django-http-compat",
        ),
        (
            lambda path: path.write_text('{"format": 1, "counts": ' + "[" * 100_000 + "]" * 100_000 + "}"),
            "is not a django-http-compat",
        ),
    ],
    ids=["missing", "directory", "another-file", "cut-short", "infinite-count", "negative-count", "too-deep"],
)
def test_a_file_that_cannot_be_used_is_an_error_with_exit_status_2(capsys, tmp_path, make, message):
    path = tmp_path / "usage.json"
    make(path)
    code, out, err = report(capsys, str(path))
    assert (code, out) == (2, "")
    assert err.startswith("error: ") and message.format(path=path) in err
    with pytest.raises(SystemExit) as exit_info:
        call_command("http_compat_report", str(path), stderr=io.StringIO())
    assert exit_info.value.code == 2


def test_an_unreadable_usage_file_is_an_error_with_exit_status_2(capsys, tmp_path, monkeypatch):
    # Tests may run as root, which reads any file whatever its mode.
    path = tmp_path / "usage.json"
    merge_into(path, {("request_is_ajax", "v.py", 1): 1})

    read_bytes = Path.read_bytes

    def refuse(self):
        # That file only: pytest's import hook reads modules imported meanwhile with read_bytes().
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert report(capsys, str(path)) == (2, "", f"error: cannot read {path}: Permission denied\n")


def test_a_missing_usage_file_named_by_the_setting_is_an_error_too(tmp_path):
    err = io.StringIO()
    missing = str(tmp_path / "never-written.json")
    with override_settings(HTTP_COMPAT_USAGE_FILE=missing), pytest.raises(SystemExit) as exit_info:
        call_command("http_compat_report", stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 2
    assert "never-written.json does not exist." in err.getvalue()


# --- against the audit -------------------------------------------------------------

VIEWS = """\
from django.http import HttpResponse


def search(request):
    if request.is_ajax():
        return HttpResponse("{}", mimetype="application/json")
    return HttpResponse(
        "<p>found</p>",
        mimetype="text/html",
    )


def unused(request):
    return HttpResponse("x", mimetype="text/plain")


def hidden(request):
    return getattr(request, "is_" + "ajax")()
"""


@pytest.fixture
def audited_project(tmp_path):
    """A project, its real audit (run from its root, as the docs say), and the counts of running it."""
    root = tmp_path / "project"
    (root / "shop").mkdir(parents=True)
    views_path = root / "shop" / "views.py"
    views_path.write_text(VIEWS)
    audit = subprocess.run(
        [sys.executable, "-m", "django_http_compat", "audit", "--format", "json", "."],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert audit.returncode == 1, audit.stderr  # legacy uses found
    (tmp_path / "audit.json").write_text(audit.stdout)
    spec = importlib.util.spec_from_file_location("audited_views", views_path)
    views = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(views)
    with override(version="1.6", warnings="ignore"):
        for _ in range(3):
            views.search(RequestFactory().get("/"))
        for _ in range(2):
            views.hidden(RequestFactory().get("/"))
    merge_into(tmp_path / "usage.json", django_http_compat.usage())
    return tmp_path, root


def test_against_the_audit_lists_sites_never_run_and_sites_the_audit_missed(capsys, audited_project):
    tmp_path, root = audited_project
    code, out, err = report(
        capsys,
        str(tmp_path / "usage.json"),
        "--root",
        str(root),
        "--against-audit",
        str(tmp_path / "audit.json"),
    )
    ajax, mimetype = replacement("request_is_ajax"), replacement("response_mimetype")
    assert (code, err) == (0, "")
    assert out == (
        "Found by the audit and run: 2 sites, 6 calls.\n"
        f"       3  shop/views.py:5  request_is_ajax — use {ajax} (audit: certain)\n"
        # Python counts the call at its first line, the audit names the keyword: one statement.
        f"       3  shop/views.py:9  response_mimetype — use {mimetype} (audit: certain)\n"
        "\n"
        "Found by the audit, never run (rewrite or delete these first): 2 sites, 0 calls.\n"
        f"       0  shop/views.py:6  response_mimetype — use {mimetype} (audit: certain)\n"
        f"       0  shop/views.py:14  response_mimetype — use {mimetype} (audit: certain)\n"
        "\n"
        "Run, but not found by the audit (look at these by hand): 1 site, 2 calls.\n"
        f"       2  shop/views.py:18  request_is_ajax — use {ajax}\n"
        "\n"
        "8 legacy calls at 5 sites; the audit found 4, of which 2 never ran.\n"
    )


def test_against_the_audit_keeps_fields_the_audit_adds(capsys, audited_project):
    tmp_path, root = audited_project
    audit = json.loads((tmp_path / "audit.json").read_text())
    audit["schema"] = 2
    for n, finding in enumerate(audit["findings"]):
        finding.update(
            certainty="certain", end_line=finding["line"], end_col=finding["col"] + 4, code=f"HC{n}"
        )
    (tmp_path / "audit.json").write_text(json.dumps(audit))
    code, out, _ = report(
        capsys,
        str(tmp_path / "usage.json"),
        "--root",
        str(root),
        "--against-audit",
        str(tmp_path / "audit.json"),
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0
    assert [(site["status"], site["line"], site["calls"]) for site in data["sites"]] == [
        ("hit", 5, 3),
        ("hit", 9, 3),
        ("not in the audit", 18, 2),
        ("never hit", 6, 0),
        ("never hit", 14, 0),
    ]
    assert [finding["code"] for site in data["sites"] for finding in site["audit"]] == [
        "HC0",
        "HC2",
        "HC1",
        "HC3",
    ]
    assert data["audit_file"] == str(tmp_path / "audit.json")
    assert data["files"] == [
        {"file": "shop/views.py", "sites": 5, "calls": 8, "hit": 2, "never hit": 2, "not in the audit": 1}
    ]


def test_without_the_source_sites_are_matched_by_line(capsys, audited_project):
    tmp_path, root = audited_project
    (root / "shop" / "views.py").unlink()
    code, out, _ = report(
        capsys,
        str(tmp_path / "usage.json"),
        "--root",
        str(root),
        "--against-audit",
        str(tmp_path / "audit.json"),
        "--format",
        "csv",
    )
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][-2:] == ["status", "audit_certainty"]
    assert [(row[1], row[2], row[6]) for row in rows[1:]] == [
        ("shop/views.py", "5", "hit"),
        ("shop/views.py", "7", "not in the audit"),  # the call's first line, without the source to place it
        ("shop/views.py", "18", "not in the audit"),
        ("shop/views.py", "6", "never hit"),
        ("shop/views.py", "9", "never hit"),
        ("shop/views.py", "14", "never hit"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist."),
        ("{}", "is not an audit report; write one with python -m django_http_compat audit --format json"),
        ('{"findings": [{"path": "a.py", "line": "3", "feature": "x"}]}', "is not an audit report"),
        ("not json", "is not an audit report"),
    ],
)
def test_an_audit_file_that_cannot_be_used_is_an_error(capsys, usage_file, tmp_path, content, message):
    target, _ = usage_file
    audit = tmp_path / "audit.json"
    if content is not None:
        audit.write_text(content)
    code, out, err = report(capsys, str(target), "--against-audit", str(audit))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {audit} {message}") and err.endswith("\n")


def test_names_are_counted_where_imported_so_their_sites_match_by_file(tmp_path, capsys):
    root = tmp_path / "project"
    root.mkdir()
    (root / "views.py").write_text(
        "from django.shortcuts import render_to_response\n\n\ndef page(request):\n"
        "    return render_to_response('page.html')\n"
    )
    audit = [
        {
            "path": "views.py",
            "line": 1,
            "col": 30,
            "feature": "shortcuts_render_to_response",
            "certain": True,
        },
        {
            "path": "views.py",
            "line": 5,
            "col": 12,
            "feature": "shortcuts_render_to_response",
            "certain": True,
        },
    ]
    (tmp_path / "audit.json").write_text(json.dumps({"findings": audit}))
    merge_into(tmp_path / "usage.json", {("shortcuts_render_to_response", str(root / "views.py"), 1): 4})
    code, out, _ = report(
        capsys,
        str(tmp_path / "usage.json"),
        "--root",
        str(root),
        "--against-audit",
        str(tmp_path / "audit.json"),
    )
    assert out.splitlines()[:2] == [
        "Found by the audit and run: 1 site, 4 calls.",
        f"       4  views.py:1  shortcuts_render_to_response — use {replacement('shortcuts_render_to_response')}"
        " (audit: certain)",
    ]


# --- HTML ----------------------------------------------------------------------------


def html_report(capsys, tmp_path, root, *extra: str) -> str:
    code, out, err = report(
        capsys, str(tmp_path / "usage.json"), "--root", str(root), "--format", "html", *extra
    )
    assert (code, err) == (0, "")
    return out


def test_html_is_one_self_contained_file_with_everything_escaped(capsys, tmp_path):
    root = tmp_path / "project"
    merge_into(
        tmp_path / "usage.json",
        {
            ("request_is_ajax", str(root / "a&b" / "<views>.py"), 3): 40,
            ("request_REQUEST", str(root / "shop.py"), 9): 10,
        },
    )
    page = html_report(capsys, tmp_path, root)
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    # Nothing is fetched: no script, stylesheet, image, font or frame, and no address at all.
    assert re.findall(r"<(script|link|img|iframe|object|embed)\b|\bsrc=|url\(|@import|https?:", page) == []
    assert "a&amp;b/&lt;views&gt;.py:3" in page and "<views>" not in page
    assert 'data-calls="40" style="width:100.00%"' in page
    assert 'data-calls="10" style="width:25.00%"' in page
    for feature in ("request_is_ajax", "request_REQUEST"):
        assert f"<code>{feature}</code>" in page


CHROMIUM = next(
    (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)),
    None,
)

# Appended to a copy of the page: what the browser laid out, written into the DOM.
PROBE = """
<script>
const widths = (selector, kind) => [...document.querySelectorAll(selector)].map(bar => ({
  value: +bar.dataset[kind], width: bar.getBoundingClientRect().width,
  track: bar.parentElement.getBoundingClientRect().width}));
const out = document.createElement("pre");
out.id = "probe";
out.textContent = JSON.stringify({
  resources: performance.getEntriesByType("resource").length,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  calls: widths("#features .bar[data-calls]", "calls"),
  sites: widths("#features .bar[data-sites]", "sites"),
  text: document.body.innerText,
});
document.body.append(out);
</script>
"""


def chromium(*args: str) -> str:
    done = subprocess.run(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (.ci/run installs it)")
@pytest.mark.parametrize("width", [1280, 480])
def test_html_renders_in_chromium_with_bars_to_scale(capsys, audited_project, width):
    tmp_path, root = audited_project
    page = html_report(capsys, tmp_path, root, "--against-audit", str(tmp_path / "audit.json"))
    (tmp_path / "report.html").write_text(page)
    (tmp_path / "probed.html").write_text(page.replace("</body>", PROBE + "</body>"))
    dom = chromium(
        f"--window-size={width},900",
        "--virtual-time-budget=5000",
        "--dump-dom",
        (tmp_path / "probed.html").as_uri(),
    )
    probe = json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S).group(1)))
    assert probe["resources"] == 0
    assert probe["overflow"] <= 0  # fits the window, no sideways scrolling
    # Calls: request_is_ajax 5 (3 + 2), response_mimetype 3; sites: 3 of 3 ... 2 of 3.
    assert [bar["value"] for bar in probe["calls"]] == [5, 3]
    for bar in probe["calls"] + probe["sites"]:
        assert bar["width"] > 0
    largest = probe["calls"][0]
    assert largest["width"] == pytest.approx(largest["track"], abs=1)
    assert probe["calls"][1]["width"] == pytest.approx(largest["track"] * 3 / 5, abs=1.5)
    for words in ("Legacy django.http calls", "found by the audit, never run", "run, not found by the audit"):
        assert words in probe["text"]
    screenshot = tmp_path / f"report-{width}.png"
    chromium(f"--window-size={width},1400", f"--screenshot={screenshot}", (tmp_path / "report.html").as_uri())
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
