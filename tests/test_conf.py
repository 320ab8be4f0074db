"""The HTTP_COMPAT_* settings: validation with the valid choices named, at start-up and on every change."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.http import HttpRequest
from django.test import RequestFactory, override_settings
from django.utils.functional import lazy

from django_http_compat import install
from django_http_compat.checks import check_settings
from django_http_compat.conf import problems, resolve
from django_http_compat.features import FEATURES_BY_ID
from django_http_compat.state import state
from django_http_compat.warnings import HttpCompatWarning
from tests.live.servers import free_port

REPO = Path(__file__).resolve().parent.parent


PROJECT = REPO / "examples" / "legacy_project"


@pytest.mark.parametrize(
    ("version", "hint"),
    [
        (1.6, "Write it as a string: HTTP_COMPAT_VERSION = '1.6'."),
        (2, "Write it as a string: HTTP_COMPAT_VERSION = '2.0'."),
        (
            1.10,  # the same float as 1.1
            "Write it as a string: HTTP_COMPAT_VERSION = '1.1' or '1.10' "
            "(as numbers, 1.10 and 1.1 are equal, so a number cannot tell them apart).",
        ),
    ],
)
def test_a_version_written_as_a_number_gets_the_string_to_write(version, hint):
    [error] = problems(version, None, "once")
    assert (error.check_id, error.hint) == ("http_compat.E001", hint)
    assert (
        error.message
        == f"HTTP_COMPAT_VERSION={version!r} is a number; a Django release is named by a string."
    )


def test_a_lazy_string_version_is_the_release_it_names(reinstall):
    lazy_version = lazy(lambda: "1.6", str)()
    assert problems(lazy_version, None, "once") == []
    assert resolve(lazy_version, None, "once").version == (1, 6)
    install(version=lazy_version)
    assert state.config.version == (1, 6)
    with override_settings(HTTP_COMPAT_VERSION=lazy(lambda: "1.4", str)()):
        install()
        assert state.config.version == (1, 4)


def test_an_unknown_feature_id_gets_the_closest_valid_one():
    [error] = problems(None, {"is_ajax": True, "request_REQEUST": False}, "once")
    assert error.message == "HTTP_COMPAT_FEATURES names unknown features: is_ajax, request_REQEUST."
    assert (
        error.hint
        == "Did you mean 'request_is_ajax' for 'is_ajax'? Did you mean 'request_REQUEST' for 'request_REQEUST'?"
    )
    [error] = problems(None, {"zzz": True}, "once")
    assert error.hint.startswith("Valid feature ids: request_REQUEST, ")


def test_ready_refuses_invalid_settings_with_the_checks_words(bad_settings):
    bad_settings(HTTP_COMPAT_VERSION=1.6, HTTP_COMPAT_FEATURES={"is_ajax": True})
    [e001, e002] = check_settings()
    with pytest.raises(ImproperlyConfigured) as raised:
        apps.get_app_config("django_http_compat").ready()
    assert str(raised.value) == (
        f"(http_compat.E001) {e001.msg}\n\tHINT: {e001.hint}\n(http_compat.E002) {e002.msg}\n\tHINT: {e002.hint}"
    )
    assert hasattr(HttpRequest, "is_ajax")  # the shim installed at start-up is left alone


@pytest.mark.parametrize(
    "settings_",
    [
        {"HTTP_COMPAT_VERSION": 1.6},
        {"HTTP_COMPAT_FEATURES": {"is_ajax": True}},
        {"HTTP_COMPAT_WARNINGS": "loud"},
    ],
)
def test_override_settings_refuses_an_invalid_value_and_keeps_the_shim(settings_):
    request = RequestFactory().get("/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    [(name, value)] = settings_.items()
    with pytest.raises(ImproperlyConfigured, match=r"\(http_compat\.E00"), override_settings(**settings_):
        pytest.fail("an invalid setting was accepted")
    assert getattr(settings, name, None) != value  # override_settings restored the settings
    with pytest.warns(HttpCompatWarning):
        assert request.is_ajax()


def test_the_settings_fixture_refuses_an_invalid_value(settings):
    with pytest.raises(ImproperlyConfigured, match="Write it as a string: HTTP_COMPAT_VERSION = '1.6'"):
        settings.HTTP_COMPAT_VERSION = 1.6
    assert hasattr(HttpRequest, "is_ajax")


def project_with(tmp_path, setting_line):
    """The bundled 1.6 project with one line added to its settings; returns the environment."""
    (tmp_path / "bad_settings.py").write_text(
        f"from legacy_project.settings import *  # noqa\n{setting_line}\n"
    )
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO), str(PROJECT)]),
        "DJANGO_SETTINGS_MODULE": "bad_settings",
    }


WSGI_APP = "from django.core.wsgi import get_wsgi_application; get_wsgi_application(); print('started')"


@pytest.mark.parametrize(
    ("setting_line", "expected"),
    [
        (
            "HTTP_COMPAT_VERSION = 1.6",
            "(http_compat.E001) HTTP_COMPAT_VERSION=1.6 is a number; a Django release is named by a string.\n"
            "\tHINT: Write it as a string: HTTP_COMPAT_VERSION = '1.6'.",
        ),
        ("HTTP_COMPAT_FEATURES = {'is_ajax': True}", "Did you mean 'request_is_ajax' for 'is_ajax'?"),
        (
            "HTTP_COMPAT_WARNINGS = 'loud'",
            "(http_compat.E003) HTTP_COMPAT_WARNINGS='loud' is not a warnings mode.",
        ),
    ],
)
@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-c", WSGI_APP],
        [sys.executable, str(PROJECT / "manage.py"), "shell", "-c", "print('started')"],
    ],
    ids=["wsgi-application", "manage-shell"],
)
def test_invalid_settings_stop_a_fresh_process_at_start_up(tmp_path, setting_line, expected, command):
    result = subprocess.run(
        command, env=project_with(tmp_path, setting_line), capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0 and "started" not in result.stdout
    assert "django_http_compat.conf.InvalidSettings: (http_compat.E00" in result.stderr
    assert expected in result.stderr


def test_a_valid_project_starts_and_logs_its_features(tmp_path):
    script = f"import logging; logging.basicConfig(level=logging.INFO); {WSGI_APP}"
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=project_with(tmp_path, ""),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (0, "started\n")
    [log_line] = [line for line in result.stderr.splitlines() if line.startswith("INFO:django_http_compat:")]
    assert log_line.startswith(
        "INFO:django_http_compat:Installed the legacy django.http contract: HTTP_COMPAT_VERSION '1.6', "
        "HTTP_COMPAT_WARNINGS 'once'; active legacy features ("
    )
    assert ", request_REQUEST, " in log_line or ": request_REQUEST, " in log_line


@pytest.mark.server
def test_gunicorn_refuses_to_start_with_invalid_settings(tmp_path):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{free_port()}",
        "legacy_project.wsgi:application",
    ]
    env = {**project_with(tmp_path, "HTTP_COMPAT_VERSION = 1.6"), "PYTHONWARNINGS": "ignore"}
    result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "InvalidSettings: (http_compat.E001) HTTP_COMPAT_VERSION=1.6 is a number" in result.stderr


def test_report_command_lists_the_active_features():
    out = io.StringIO()
    with override_settings(HTTP_COMPAT_VERSION="4.2", HTTP_COMPAT_WARNINGS="once"):
        call_command("http_compat_report", stdout=out)
    charset, media_type, redirect = (
        FEATURES_BY_ID["request_post_charset"],
        FEATURES_BY_ID["request_media_type_is_all_types"],
        FEATURES_BY_ID["response_redirect_positional_content"],
    )
    assert out.getvalue().splitlines() == [
        "HTTP_COMPAT_VERSION: 4.2; HTTP_COMPAT_WARNINGS: once",
        "Active legacy features (3):",
        f"  request_post_charset                  {charset.api} ({charset.removal})",
        f"  request_media_type_is_all_types       {media_type.api} ({media_type.removal})",
        f"  response_redirect_positional_content  {redirect.api} ({redirect.removal})",
        "No usage counts: set HTTP_COMPAT_USAGE_FILE, or name a usage file.",
    ]
