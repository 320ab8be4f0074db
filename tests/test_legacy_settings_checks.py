"""Warnings for the settings of an old project that modern Django ignores and the app does not re-create."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import UserSettingsHolder, global_settings
from django.core.checks import Warning, run_checks
from django.test import override_settings

from django_http_compat.checks import NEIGHBOURS_DOCS, legacy_settings_messages

REPO = Path(__file__).resolve().parent.parent
PROJECT = REPO / "examples" / "legacy_project"

MODERN_TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": ["templates"]}]
OLD_MIDDLEWARE = (
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
)


def project(**values):
    """Settings as Django builds them from a project's module holding only ``values``."""
    holder = UserSettingsHolder(global_settings)
    for name, value in values.items():
        setattr(holder, name, value)
    return holder


def ids(messages):
    return [message.id for message in messages]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"MIDDLEWARE": ["django.middleware.common.CommonMiddleware"], "TEMPLATES": MODERN_TEMPLATES}, []),
        ({}, []),
        ({"MIDDLEWARE_CLASSES": OLD_MIDDLEWARE}, ["http_compat.W002"]),
        # Set beside MIDDLEWARE it is dead but harmless: the project moved on (Django 1.10's own check).
        ({"MIDDLEWARE_CLASSES": OLD_MIDDLEWARE, "MIDDLEWARE": []}, []),
        ({"MIDDLEWARE_CLASSES": ()}, []),
        ({"TEMPLATE_DIRS": ("templates",)}, ["http_compat.W003"]),
        ({"TEMPLATE_DEBUG": True, "TEMPLATES": MODERN_TEMPLATES}, ["http_compat.W003"]),
        ({"ALLOWED_INCLUDE_ROOTS": ("/srv",)}, ["http_compat.W003"]),
        ({"AUTH_PROFILE_MODULE": "accounts.Profile"}, ["http_compat.W004"]),
        (
            {"MIDDLEWARE_CLASSES": OLD_MIDDLEWARE, "TEMPLATE_LOADERS": (), "AUTH_PROFILE_MODULE": "a.P"},
            ["http_compat.W002", "http_compat.W003", "http_compat.W004"],
        ),
    ],
)
def test_check_ids(values, expected):
    assert ids(legacy_settings_messages(project(**values))) == expected


def test_every_message_is_a_warning_that_links_the_neighbours_page():
    messages = legacy_settings_messages(
        project(MIDDLEWARE_CLASSES=OLD_MIDDLEWARE, TEMPLATE_DIRS=(), AUTH_PROFILE_MODULE="a.P")
    )
    assert {type(message) for message in messages} == {Warning}
    assert all(message.hint.endswith(f"See {NEIGHBOURS_DOCS}") for message in messages)


def test_middleware_classes_says_none_of_them_run_and_what_to_do():
    [message] = legacy_settings_messages(project(MIDDLEWARE_CLASSES=OLD_MIDDLEWARE))
    assert message.msg == (
        "MIDDLEWARE_CLASSES is set and MIDDLEWARE is not, so none of its 3 middleware run: "
        "Django reads only MIDDLEWARE since 2.0."
    )
    assert message.hint.startswith(
        "Rename the setting MIDDLEWARE. A middleware class written for Django 1.9 or older also needs "
        "django.utils.deprecation.MiddlewareMixin as its first base class."
    )


def test_template_settings_say_where_each_value_goes():
    [message] = legacy_settings_messages(
        project(TEMPLATE_DIRS=("t",), TEMPLATE_CONTEXT_PROCESSORS=(), TEMPLATE_STRING_IF_INVALID="!")
    )
    assert message.msg == (
        "TEMPLATE_DIRS, TEMPLATE_CONTEXT_PROCESSORS, TEMPLATE_STRING_IF_INVALID are set, but Django has not "
        "read the TEMPLATE_* settings since 1.10. TEMPLATES is empty, so no template engine is configured."
    )
    assert message.hint.startswith(
        "Move them into the DjangoTemplates entry of TEMPLATES (TEMPLATE_DIRS to DIRS; "
        'TEMPLATE_CONTEXT_PROCESSORS to OPTIONS["context_processors"]; '
        'TEMPLATE_STRING_IF_INVALID to OPTIONS["string_if_invalid"]), then remove them.'
    )
    [message] = legacy_settings_messages(project(TEMPLATE_DEBUG=True, TEMPLATES=MODERN_TEMPLATES))
    assert message.msg.startswith("TEMPLATE_DEBUG is set, but ")
    assert message.msg.endswith(" Templates use TEMPLATES.")


def test_the_check_is_registered_and_run_by_django():
    # override_settings leaves MIDDLEWARE set (tests.settings sets it), so only W003 applies.
    with override_settings(MIDDLEWARE_CLASSES=OLD_MIDDLEWARE, TEMPLATE_DIRS=("t",)):
        assert [m.id for m in run_checks() if m.id.startswith("http_compat.")] == ["http_compat.W003"]
    assert [m.id for m in run_checks() if m.id.startswith("http_compat.")] == []


def test_manage_py_check_warns_an_old_project_and_still_passes(tmp_path):
    (tmp_path / "old_settings.py").write_text(
        "from legacy_project.settings import *  # noqa\n"
        "del MIDDLEWARE\n"
        f"MIDDLEWARE_CLASSES = {OLD_MIDDLEWARE!r}\n"
        "TEMPLATE_DIRS = TEMPLATES[0]['DIRS']\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO), str(PROJECT)]),
        "DJANGO_SETTINGS_MODULE": "old_settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr  # warnings, not errors
    assert "?: (http_compat.W002) MIDDLEWARE_CLASSES is set and MIDDLEWARE is not" in result.stderr
    assert "?: (http_compat.W003) TEMPLATE_DIRS is set" in result.stderr
    assert "System check identified 2 issues (0 silenced)." in result.stderr


def test_the_example_project_has_no_legacy_settings_left():
    from legacy_project import settings as example

    values = {name: getattr(example, name) for name in dir(example) if name.isupper()}
    assert legacy_settings_messages(project(**values)) == []
