"""Warnings a user sees: in a fresh interpreter with no -W flag, under runserver, gunicorn and manage.py test.

Python hides DeprecationWarning outside ``__main__``; the app shows its own
categories (and only those) where nothing but Python's defaults would hide
them, and logs each site's first use.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from django_http_compat.features import FEATURES_BY_ID
from tests.live.servers import free_port, get, serving

REPO = Path(__file__).resolve().parent.parent
PROJECT = REPO / "examples" / "legacy_project"
VIEWS = PROJECT / "shop" / "views.py"


def fresh_env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: no warning options, no development mode."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONWARNINGS", "PYTHONDEVMODE")}
    return {
        **env,
        "PYTHONPATH": os.pathsep.join([str(REPO), str(PROJECT)]),
        "DJANGO_SETTINGS_MODULE": "legacy_project.settings",
        **extra,
    }


def shown(feature_id: str, line: int, path: Path = VIEWS) -> str:
    """The first line Python's ``showwarning`` prints for the feature at ``path:line``."""
    feature = FEATURES_BY_ID[feature_id]
    return f"{path}:{line}: {feature.category_name}: {feature.warning_message}\n"


REQUEST_AT_14 = shown("request_REQUEST", 14)
AJAX_AT_18 = shown("request_is_ajax", 18)


def run_python(code: str, *flags: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *flags, "-c", textwrap.dedent(code)],
        cwd=PROJECT,
        env=env or fresh_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )


CALL_SEARCH_TWICE = """
    import django, warnings
    before = list(warnings.filters)
    django.setup()
    from django.test import RequestFactory
    from shop.views import search
    for _ in range(2):
        search(RequestFactory().get("/search/?q=tea"))
    print(len(before), before == [f for f in warnings.filters if "HttpCompatWarning" not in repr(f)])
"""


def test_a_fresh_interpreter_shows_each_site_once_and_filters_nothing_else():
    result = run_python(
        CALL_SEARCH_TWICE
        + """
    from django_http_compat.warnings import HttpCompatWarning
    added = [f for f in warnings.filters if f[2] is HttpCompatWarning]
    print(added, warnings.filters.index(added[0]) == warnings.filters.index(("ignore", None, DeprecationWarning, None, 0)) - 1)
    # Another library's DeprecationWarning stays hidden, as Python's defaults say.
    warnings.warn_explicit("another library's warning", DeprecationWarning, "lib.py", 1, module="lib")
    """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "5 True",
        "[('default', None, <class 'django_http_compat.warnings.HttpCompatWarning'>, None, 0)] True",
    ]
    assert result.stderr.count(REQUEST_AT_14) == 1
    assert result.stderr.count(AJAX_AT_18) == 1
    assert "another library's warning" not in result.stderr


@pytest.mark.parametrize(
    ("flag", "expect"),
    [("ignore::DeprecationWarning", "silent"), ("error::DeprecationWarning", "error"), ("default", "shown")],
)
def test_warning_options_given_to_python_still_decide(flag, expect):
    result = run_python(CALL_SEARCH_TWICE, "-W", flag)
    if expect == "error":  # importing the views takes render_to_response
        feature = FEATURES_BY_ID["shortcuts_render_to_response"]
        assert result.returncode == 1
        assert f"{feature.category_name}: {feature.warning_message}" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert result.stderr.count(REQUEST_AT_14) == (1 if expect == "shown" else 0)


def test_the_warnings_setting_still_decides(tmp_path):
    (tmp_path / "quiet_settings.py").write_text(
        "from legacy_project.settings import *  # noqa\nHTTP_COMPAT_WARNINGS = 'ignore'\n"
    )
    env = fresh_env(DJANGO_SETTINGS_MODULE="quiet_settings")
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), env["PYTHONPATH"]])
    result = run_python(CALL_SEARCH_TWICE, env=env)
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("5 True\n", "")


SHOW_LOG_RECORDS = """
    import logging, sys

    class Show(logging.Handler):
        def emit(self, record):
            feature = getattr(record, "http_compat_feature", "-")
            where = f"{record.pathname}:{record.lineno} {record.funcName}"
            print(record.levelname, record.name, where, feature, "|", record.getMessage(), file=sys.stderr)

    logging.getLogger("django_http_compat").addHandler(Show())
    logging.getLogger("django_http_compat").setLevel(logging.INFO)
"""


@pytest.mark.parametrize("mode", ["once", "ignore"])
def test_each_first_use_is_logged_with_its_site_and_replacement(mode):
    result = run_python(
        SHOW_LOG_RECORDS
        + f"""
    import django
    django.setup()
    from django.test import RequestFactory, override_settings
    from shop.views import search
    with override_settings(HTTP_COMPAT_WARNINGS={mode!r}):
        for _ in range(3):
            search(RequestFactory().get("/search/?q=tea", HTTP_X_REQUESTED_WITH="XMLHttpRequest"))
    """,
        "-W",
        "ignore",
    )
    assert result.returncode == 0, result.stderr
    logged = result.stderr.splitlines()
    expected = []
    for feature_id, line in [
        ("shortcuts_render_to_response", 7),
        ("request_REQUEST", 14),
        ("request_REQUEST", 15),
        ("request_REQUEST", 16),
        ("request_is_ajax", 18),
        ("response_mimetype", 20),
    ]:
        function = "<module>" if line == 7 else "search"
        message = FEATURES_BY_ID[feature_id].warning_message
        expected.append(
            f"INFO django_http_compat {VIEWS}:{line} {function} {feature_id} | {VIEWS}:{line}: {message}"
        )
    assert logged[0].startswith("INFO django_http_compat ")
    assert "| Installed the legacy django.http contract: " in logged[0]
    assert logged[1:] == expected


def read_until_exit(process: subprocess.Popen, stop: int, group: bool = False) -> str:
    (os.killpg if group else os.kill)(process.pid, stop)
    process.wait(
        timeout=60
    )  # well under a second when idle; over 20 s under the parallel matrix on two cores
    process.stderr.seek(0)
    return process.stderr.read().decode()


@pytest.mark.server
def test_runserver_shows_the_warnings_in_its_console():
    # As the README says: cd examples/legacy_project && python manage.py runserver
    port = free_port()
    argv = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"]
    with serving(
        argv, port, PROJECT, fresh_env(), stdout=subprocess.DEVNULL, start_new_session=True
    ) as process:
        index = get(port, "/")  # the page the README sends a newcomer to, linking the search
        assert index.status == 200 and b'<a href="/search/?q=tea">' in index.body
        for _ in range(2):
            assert get(port, "/search/?q=tea").status == 200
        time.sleep(0.5)
        stderr = read_until_exit(process, signal.SIGINT, group=True)  # Ctrl-C in the console
    assert stderr.count(REQUEST_AT_14) == 1
    assert stderr.count(AJAX_AT_18) == 1
    assert '"GET /search/?q=tea HTTP/1.1" 200' in stderr


@pytest.mark.server
def test_gunicorn_shows_the_warnings_in_its_error_log():
    port = free_port()
    argv = [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}"]
    argv.append("legacy_project.wsgi:application")
    with serving(argv, port, PROJECT, fresh_env(), stdout=subprocess.DEVNULL) as process:
        for _ in range(2):
            assert get(port, "/search/?q=tea").status == 200
        stderr = read_until_exit(process, signal.SIGTERM)
    assert stderr.count(REQUEST_AT_14) == 1
    assert stderr.count(AJAX_AT_18) == 1


def test_manage_py_test_shows_the_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "test", "shop"],
        cwd=PROJECT,
        env=fresh_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Ran 13 tests" in result.stderr
    assert result.stderr.count(REQUEST_AT_14) == 1
    assert result.stderr.count(shown("request_xreadlines", 28)) == 1


def test_pytest_shows_each_warning_once(pytester, monkeypatch):
    for name in ("PYTHONWARNINGS", "PYTHONDEVMODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), str(PROJECT)]))
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "legacy_project.settings")
    pytester.makepyfile(
        test_views="""
        from django.test import RequestFactory
        from shop.views import search

        def test_search():
            search(RequestFactory().get("/search/?q=tea"))
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    output = result.outlines
    message = FEATURES_BY_ID["request_REQUEST"].warning_message
    assert sum(message in line for line in output) == 3  # lines 14, 15 and 16, once each
    assert sum(f"{VIEWS}:14: " in line for line in output) == 1
    assert result.errlines == []
