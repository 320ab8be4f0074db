"""System checks: the invalid settings each check id reports, and legacy settings left without effect."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import override_settings

from django_http_compat.checks import check_settings


def ids(messages):
    return [m.id for m in messages]


@pytest.mark.parametrize(
    "settings_",
    [
        {},
        {"HTTP_COMPAT_VERSION": "1.6"},
        {"HTTP_COMPAT_VERSION": "6.1", "HTTP_COMPAT_WARNINGS": "once"},
        {"HTTP_COMPAT_FEATURES": {"request_is_ajax": False}},
    ],
)
def test_a_valid_configuration_adds_no_check_message(settings_):
    # Suites compare run_checks() with exact lists: an Info on every run broke them.
    with override_settings(**settings_):
        assert check_settings() == []
        assert [m.id for m in run_checks() if m.id and m.id.startswith("http_compat.")] == []


@pytest.mark.parametrize(
    ("settings_", "expected"),
    [
        ({"HTTP_COMPAT_VERSION": "1.12"}, ["http_compat.E001"]),
        ({"HTTP_COMPAT_FEATURES": {"is_ajax": True}}, ["http_compat.E002"]),
        ({"HTTP_COMPAT_FEATURES": ["request_is_ajax"]}, ["http_compat.E002"]),
        ({"HTTP_COMPAT_WARNINGS": "loud"}, ["http_compat.E003"]),
        ({"HTTP_COMPAT_VERSION": "x", "HTTP_COMPAT_WARNINGS": "x"}, ["http_compat.E001", "http_compat.E003"]),
    ],
)
def test_checks_report_configuration_errors(bad_settings, settings_, expected):
    bad_settings(**settings_)
    messages = check_settings()
    assert ids(messages) == expected
    if expected == ["http_compat.E001"]:
        assert "0.96, 1.0" in messages[0].msg


def test_check_is_registered(bad_settings):
    bad_settings(HTTP_COMPAT_VERSION="9.9")
    with pytest.raises(Exception, match="http_compat.E001"):
        call_command("check")


def test_an_ignored_default_content_type_is_reported_by_a_check():
    with override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml", HTTP_COMPAT_VERSION="3.0"):
        ids = [message.id for message in run_checks()]
    assert "http_compat.W001" in ids
    with override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml", HTTP_COMPAT_VERSION="2.2"):
        assert "http_compat.W001" not in [message.id for message in run_checks()]
