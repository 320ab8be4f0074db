"""The runtime usage report: counts per call site, safe across threads and processes."""

from __future__ import annotations

import gc
import inspect
import io
import logging
import os
import signal
import stat
import subprocess
import sys
import threading
import weakref
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory

import django_http_compat
from django_http_compat import override, usage_counts
from django_http_compat.usage_counts import load, merge_into
from tests.legacy.uses import warns
from tests.live.servers import get, running

REPO = Path(__file__).resolve().parent.parent
PROJECT = REPO / "examples" / "legacy_project"
HERE = __file__


@pytest.fixture(autouse=True)
def fresh_counts():
    usage_counts.reset()
    usage_counts.keep_counting()  # these tests read the counts with warnings ignored
    yield
    usage_counts.keep_counting(False)
    usage_counts.reset()


def test_with_warnings_ignored_and_no_reader_nothing_is_counted_or_looked_up(monkeypatch):
    def looked_up(*args):
        raise AssertionError("a call site was looked up")

    usage_counts.keep_counting(False)
    request = RequestFactory().get("/?q=1", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    monkeypatch.setattr(usage_counts, "count_known_call", looked_up)
    monkeypatch.setattr(usage_counts, "count_call", looked_up)
    with override(version="1.6", warnings="ignore"):
        assert request.REQUEST["q"] == "1"
        assert request.is_ajax() is True
    monkeypatch.undo()
    assert django_http_compat.usage() == {}
    with override(version="1.6", warnings="once"), warns("request_is_ajax"):  # "once" needs the count
        request.is_ajax()
    assert sum(django_http_compat.usage().values()) == 1


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
        "DJANGO_SETTINGS_MODULE": "tests.live.settings_usage",
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
    configuration, counts = out.getvalue().split("\n\n")
    assert configuration.startswith("HTTP_COMPAT_VERSION: not set")
    assert counts.splitlines() == [
        "       7  b.py:9  request_REQUEST — use request.POST or request.GET explicitly (look in POST first to keep the old precedence)",
        '       2  a.py:3  request_is_ajax — use request.headers.get("x-requested-with") == "XMLHttpRequest"',
        "9 legacy calls at 2 sites.",
    ]
    (tmp_path / "bad.json").write_text("[1, 2]")
    with pytest.raises(SystemExit) as exit_info:
        call_command("http_compat_report", str(tmp_path / "bad.json"), stderr=err)
    assert exit_info.value.code == 2
    assert "is not a django-http-compat usage file" in err.getvalue()


def test_code_compiled_at_run_time_is_freed_and_each_site_still_counted():
    # Templates compiled to Python make a code object each; counting must not keep them.
    request = RequestFactory().get("/")
    known_before = len(usage_counts._by_call)
    alive = []
    with override(version="1.6", warnings="ignore"):
        for n in range(3000):
            code = compile("\n" * (n % 3) + "request.is_ajax()", "<template>", "exec")
            exec(code, {"request": request})
            alive.append(weakref.ref(code))
            del code
    gc.collect()
    assert [ref for ref in alive if ref() is not None] == []
    assert len(usage_counts._by_call) == known_before
    # Freed code objects' ids are reused at once; each call still counts at its own line.
    assert django_http_compat.usage() == {("request_is_ajax", "<template>", line): 1000 for line in (1, 2, 3)}


def test_a_site_called_again_is_found_by_its_code_object_and_instruction(monkeypatch):
    slow_path = []
    count_call = usage_counts.count_call
    monkeypatch.setattr(usage_counts, "count_call", lambda *a: slow_path.append(a) or count_call(*a))
    request = RequestFactory().get("/")
    code = compile("request.is_ajax()", "<template>", "exec")
    with override(version="1.6", warnings="ignore"):
        for _ in range(3):
            exec(code, {"request": request})
    assert len(slow_path) == 1  # the first call; the others are one lookup in _by_call
    assert [key[:2] for key in usage_counts._by_call] == [("request_is_ajax", id(code))]
    assert django_http_compat.usage() == {("request_is_ajax", "<template>", 1): 3}


SITE = ("request_is_ajax", "views.py", 18)


def test_an_empty_usage_file_is_a_fresh_start(tmp_path):
    target = tmp_path / "usage.json"
    target.touch()  # made beforehand, to give it its owner and mode
    target.chmod(0o664)
    assert load(target) == {}
    merge_into(target, {SITE: 2})
    assert load(target) == {SITE: 2}
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


@pytest.mark.parametrize(
    "damaged",
    [
        '{"format": 1, "counts": [{"feature": "request_is_ajax", "fi',  # cut short
        "[1, 2]",
        '{"format": 1, "counts": [{"feature": 3, "file": "a.py", "line": 1, "count": 1}]}',
        b"\xff\xfe not text",
        '{"format": 1, "counts": [{"feature": "a", "file": "b", "line": 1, "count": Infinity}]}',
        '{"format": 1, "counts": [{"feature": "a", "file": "b", "line": 1, "count": NaN}]}',
        '{"format": 1, "counts": [{"feature": "a", "file": "b", "line": 1, "count": 1e400}]}',
        '{"format": 1, "counts": [{"feature": "a", "file": "b", "line": 1, "count": 2.5}]}',
        '{"format": 1, "counts": [{"feature": "a", "file": "b", "line": 1, "count": -3}]}',
        '{"format": 1, "counts": [{"feature": "a", "file": "b", "line": -1, "count": 1}]}',
        '{"format": 1, "counts": [{"feature": "a", "file": "b", "line": 1, "count": true}]}',
        '{"format": 1, "counts": ' + "[" * 100_000 + "]" * 100_000 + "}",
    ],
    ids=[
        "cut-short",
        "another-file",
        "feature-not-text",
        "not-utf-8",
        "infinity",
        "nan",
        "overflowing-float",
        "fraction",
        "negative-count",
        "negative-line",
        "boolean",
        "nested-too-deep",
    ],
)
def test_a_damaged_usage_file_is_set_aside_and_a_new_one_started(tmp_path, caplog, damaged):
    target = tmp_path / "usage.json"
    (target.write_bytes if isinstance(damaged, bytes) else target.write_text)(damaged)
    with caplog.at_level(logging.WARNING, logger="django_http_compat"):
        merge_into(target, {SITE: 2})
    [aside] = tmp_path.glob("usage.json.corrupt-*")
    assert aside.read_bytes() == (damaged if isinstance(damaged, bytes) else damaged.encode())
    assert [record.getMessage() for record in caplog.records] == [
        f"{target} is not a usage file; moved it to {aside} and started a new one."
    ]
    merge_into(target, {SITE: 3})
    assert load(target) == {SITE: 5}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["usage.json", aside.name, "usage.json.lock"]


def test_a_symlinked_usage_file_is_written_through_the_link(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "run").mkdir()
    target = tmp_path / "data" / "usage.json"
    link = tmp_path / "run" / "usage.json"
    link.symlink_to(target)
    merge_into(link, {SITE: 1})
    merge_into(link, {SITE: 2})
    assert link.is_symlink() and load(target) == {SITE: 3}
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["usage.json", "usage.json.lock"]
    assert [p.name for p in (tmp_path / "run").iterdir()] == ["usage.json"]


def test_the_usage_file_keeps_its_mode(tmp_path):
    target = tmp_path / "usage.json"
    merge_into(target, {SITE: 1})
    for mode in (0o644, 0o640, 0o666):
        target.chmod(mode)
        merge_into(target, {SITE: 1})
        assert stat.S_IMODE(target.stat().st_mode) == mode


NEW_FILE_UNDER_UMASK = """
import os, stat, sys
from django_http_compat.usage_counts import merge_into
os.umask(int(sys.argv[2], 8))
merge_into(sys.argv[1], {("request_is_ajax", "v.py", 1): 1})
print(oct(stat.S_IMODE(os.stat(sys.argv[1]).st_mode)))
"""


@pytest.mark.parametrize(("umask", "mode"), [("022", "0o644"), ("027", "0o640"), ("002", "0o664")])
def test_a_new_usage_file_gets_the_mode_open_would_give_it(tmp_path, umask, mode):
    done = subprocess.run(
        [sys.executable, "-c", NEW_FILE_UNDER_UMASK, str(tmp_path / "usage.json"), umask],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout.strip()) == (0, mode), done.stderr


KILLED_MID_WRITE = """
import os, sys, time
from django_http_compat import usage_counts

real_fdopen = os.fdopen

class HalfWritten:
    def __init__(self, out):
        self.out = out
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
    def write(self, text):
        self.out.write(text[: len(text) // 2])
        self.out.flush()
        print("writing", flush=True)
        time.sleep(60)

os.fdopen = lambda *args, **kwargs: HalfWritten(real_fdopen(*args, **kwargs))
usage_counts.merge_into(sys.argv[1], {("request_is_ajax", "killed.py", 1): 1})
"""


def test_a_merge_killed_mid_write_loses_only_its_own_counts_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "usage.json"
    merge_into(target, {SITE: 1})
    merging = subprocess.Popen(
        [sys.executable, "-c", KILLED_MID_WRITE, str(target)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert merging.stdout.readline() == "writing\n"  # it holds the lock, its temporary half written
        [temporary] = [p for p in tmp_path.iterdir() if p.name.startswith(".usage.json.")]
        assert temporary.stat().st_size > 0
    finally:
        merging.kill()
        merging.wait(timeout=10)
        merging.stdout.close()
    assert merging.returncode == -signal.SIGKILL
    # An earlier release's temporary (tempfile.mkstemp), and an editor's file that is not ours.
    (tmp_path / ".usage.json.k2j4_x9a").write_text("{")
    (tmp_path / ".usage.json.swp").write_text("vim")
    merge_into(target, {SITE: 2})
    assert load(target) == {SITE: 3}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".usage.json.swp", "usage.json", "usage.json.lock"]


def test_a_failed_merge_removes_its_temporary_and_keeps_the_file(tmp_path, monkeypatch):
    target = tmp_path / "usage.json"
    merge_into(target, {SITE: 1})

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        merge_into(target, {SITE: 2})
    monkeypatch.undo()
    assert load(target) == {SITE: 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["usage.json", "usage.json.lock"]


def test_a_repeated_mimetype_site_is_found_without_walking_out_of_django(monkeypatch):
    from django.http import HttpResponse

    from django_http_compat import warnings as compat_warnings

    def walked(frame):
        raise AssertionError("walked out of Django's frames")

    with override(version="1.6", warnings="ignore"):
        for n in range(3):
            if n == 1:  # the first call finds and records the site
                monkeypatch.setattr(compat_warnings, "_user_frame", walked)
            HttpResponse("x", mimetype="text/plain")
    line = inspect.currentframe().f_lineno - 1
    assert django_http_compat.usage() == {("response_mimetype", HERE, line): 3}
