"""The runtime usage report: counts per call site, safe across threads and processes."""

from __future__ import annotations

import inspect
import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory

import django_http_compat
from django_http_compat import override, usage_counts
from django_http_compat.usage_counts import load, merge_into
from tests.servers import get, running

REPO = Path(__file__).resolve().parent.parent
PROJECT = REPO / "examples" / "legacy_project"
HERE = __file__


@pytest.fixture(autouse=True)
def fresh_counts():
    usage_counts.reset()
    yield
    usage_counts.reset()


def test_each_call_is_counted_at_its_site():
    request = RequestFactory().get("/?q=1")
    with override(version="1.6", warnings="ignore"):
        for _ in range(3):
            request.REQUEST.get("q")
        line = inspect.currentframe().f_lineno - 1
        request.is_ajax()
    counts = django_http_compat.usage()
    assert counts[("request_REQUEST", HERE, line)] == 3
    assert counts[("request_is_ajax", HERE, line + 2)] == 1
    assert len(counts) == 2


def test_calls_through_django_and_two_calls_on_one_line_count_at_the_users_line():
    from django.http import HttpResponse

    request = RequestFactory().get("/")
    with override(version="1.6", warnings="ignore"):
        for _ in range(4):  # reaches the shim through HttpResponse.__init__
            HttpResponse("x", mimetype="text/plain")
        line = inspect.currentframe().f_lineno - 1
        for _ in range(2):
            request.is_ajax(), request.is_ajax()  # two instructions, one line
    counts = django_http_compat.usage()
    assert counts == {("response_mimetype", HERE, line): 4, ("request_is_ajax", HERE, line + 3): 4}


def test_once_warns_once_but_counts_every_call():
    request = RequestFactory().get("/")
    with override(version="1.5", warnings="once"), pytest.warns(DeprecationWarning) as caught:
        for _ in range(5):
            assert request.raw_post_data == b""
    assert len(caught) == 1
    assert sum(django_http_compat.usage().values()) == 5


def test_threads_lose_no_counts():
    request = RequestFactory().get("/")

    @override(version="3.2", warnings="ignore")  # each thread enters it: threads do not inherit it
    def work():
        for _ in range(500):
            request.is_ajax()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(django_http_compat.usage().values()) == 4000


MERGER = """
import sys
from django_http_compat.usage_counts import merge_into
for _ in range(50):
    merge_into(sys.argv[1], {("request_REQUEST", "views.py", int(sys.argv[2])): 1, ("request_is_ajax", "v.py", 1): 2})
"""


def test_processes_merging_into_one_file_lose_nothing(tmp_path):
    target = tmp_path / "usage.json"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", MERGER, str(target), str(n)], env={**os.environ, "PYTHONPATH": str(REPO)}
        )
        for n in range(4)
    ]
    assert [p.wait(timeout=60) for p in processes] == [0, 0, 0, 0]
    counts = load(target)
    assert counts == {
        **{("request_REQUEST", "views.py", n): 50 for n in range(4)},
        ("request_is_ajax", "v.py", 1): 400,
    }


@pytest.mark.server
def test_gunicorn_workers_write_their_counts_at_exit(tmp_path):
    target = tmp_path / "usage.json"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), str(PROJECT)]),
        "DJANGO_SETTINGS_MODULE": "tests.settings_usage",
        "HTTP_COMPAT_TEST_USAGE_FILE": str(target),
    }
    command = ["gunicorn", "--workers", "2", "legacy_project.wsgi:application"]
    with running(command, cwd=PROJECT, env=env) as port:
        for n in range(20):
            assert get(port, f"/search/?q=t&n={n}").status == 200
        for _ in range(5):
            assert get(port, "/filters/?sort=1&a=2").status == 200
    counts = load(target)
    views = str(PROJECT / "shop" / "views.py")
    assert {line: n for (feature, path, line), n in counts.items() if feature == "request_REQUEST"} == {
        14: 20,
        15: 20,
        16: 20,
    }
    assert counts[("request_is_ajax", views, 18)] == 20
    assert counts[("querydict_py2_methods", views, 63)] == 5
    assert all(path == views for _, path, _ in counts)


def test_report_command_sorts_by_count_with_the_replacement(tmp_path):
    target = tmp_path / "usage.json"
    merge_into(target, {("request_is_ajax", "a.py", 3): 2, ("request_REQUEST", "b.py", 9): 7})
    out, err = io.StringIO(), io.StringIO()
    call_command("http_compat_report", str(target), stdout=out)
    assert out.getvalue().splitlines() == [
        "       7  b.py:9  request_REQUEST — use request.POST or request.GET explicitly (look in POST first to keep the old precedence)",
        '       2  a.py:3  request_is_ajax — use request.headers.get("x-requested-with") == "XMLHttpRequest"',
        "9 legacy calls at 2 sites.",
    ]
    (tmp_path / "bad.json").write_text("[1, 2]")
    with pytest.raises(SystemExit) as exit_info:
        call_command("http_compat_report", str(tmp_path / "bad.json"), stderr=err)
    assert exit_info.value.code == 2
    assert "is not a django-http-compat usage file" in err.getvalue()
