"""``user.is_authenticated()`` at pre-2.0 flags, seen from modern code.

Old code calls it; Django's system checks, ``JsonResponse``, f-strings and
templates read the attribute.  Every modern use is compared with plain
Django (after ``uninstall()``, or in a project of its own).
"""

from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.contrib.auth.checks import check_user_model
from django.contrib.auth.models import AnonymousUser, User
from django.core import signing
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.template import Context, Template
from django.test import override_settings
from django.utils.functional import SimpleLazyObject

from django_http_compat import override, uninstall
from django_http_compat.legacy.auth import CallableFalse, CallableTrue
from tests.legacy.uses import check_use, warns
from tests.models import Member

REPO = Path(__file__).resolve().parents[2]


# --- Django's system checks (auth.C009/C010) ----------------------------------


@override(version="1.5")
def test_check_passes_for_user_at_a_pre_2_0_flag():
    call_command("check")  # raises SystemCheckError on a CRITICAL message
    assert check_user_model(None) == []


@override(version="1.5")
@override_settings(AUTH_USER_MODEL="tests.MethodMember")
def test_a_user_model_with_real_methods_is_still_reported():
    assert sorted(message.id for message in check_user_model(None)) == ["auth.C009", "auth.C010"]


PROJECT_SETTINGS = """
SECRET_KEY = "check-project-not-secret"
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django_http_compat",
] + EXTRA_APPS
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
ROOT_URLCONF = "urls"
HTTP_COMPAT_VERSION = "1.5"
"""

MEMBER_MODELS = """
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models


class Member(AbstractBaseUser):
    email = models.EmailField(unique=True)
    USERNAME_FIELD = "email"

    def is_authenticated(self):
        return True
"""


def run_check(project: Path, extra_apps: list[str], user_model: str | None) -> subprocess.CompletedProcess:
    settings = PROJECT_SETTINGS.replace("EXTRA_APPS", repr(extra_apps))
    if user_model:
        settings += f"AUTH_USER_MODEL = {user_model!r}\n"
    (project / "settings.py").write_text(settings)
    (project / "urls.py").write_text(
        "from django.contrib import admin\nfrom django.urls import path\n\n"
        'urlpatterns = [path("admin/", admin.site.urls)]\n'
    )
    (project / "manage.py").write_text(
        textwrap.dedent(
            """
            import os
            import sys

            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
            from django.core.management import execute_from_command_line

            execute_from_command_line(sys.argv)
            """
        )
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(project), str(REPO)])}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_project_with_auth_at_flag_1_5_passes_manage_py_check(tmp_path):
    result = run_check(tmp_path, [], None)
    assert result.returncode == 0, result.stderr
    # Nothing silenced, no error and no warning (only http_compat's own INFO line, if any).
    output = result.stdout + result.stderr
    assert "(0 silenced)" in output
    assert [word for word in ("CRITICALS:", "ERRORS:", "WARNINGS:", "(auth.") if word in output] == []


def test_manage_py_check_still_reports_a_real_is_authenticated_method(tmp_path):
    (tmp_path / "members").mkdir()
    (tmp_path / "members" / "__init__.py").write_text("")
    (tmp_path / "members" / "models.py").write_text(MEMBER_MODELS)
    result = run_check(tmp_path, ["members"], "members.Member")
    assert result.returncode == 1
    assert "auth.C010" in result.stderr and "auth.C009" not in result.stderr


def test_the_check_is_left_as_django_has_it_after_uninstall(reinstall):
    from django.contrib.auth import checks

    with override(version="1.5"):
        pass
    uninstall()
    assert "callable" not in vars(checks)


# --- the attribute as modern code reads it -------------------------------------

USERS = {"anonymous": AnonymousUser, "user": lambda: User(pk=1, username="u")}

# What modern code does with user.is_authenticated, run under the shim and in plain Django.
MODERN_USES = {
    "f-string": lambda value: f"{value}",
    "str": str,
    "repr": repr,
    "format_d": lambda value: format(value, "d"),
    "format_width": lambda value: f"{value:>6}",
    "percent_s": lambda value: "%s" % value,  # noqa: UP031 (what logging-era code writes)
    "percent_d": lambda value: "%d" % value,  # noqa: UP031
    "JsonResponse": lambda value: JsonResponse({"auth": value}).content,
    "DjangoJSONEncoder": lambda value: json.dumps([value], cls=DjangoJSONEncoder),
    "json.dumps": lambda value: json.dumps({"auth": value}),
    "json.dumps_indent": lambda value: json.dumps({"auth": [value]}, indent=2),  # the pure-Python encoder
    "json.JSONEncoder_subclass": lambda value: json.dumps([value], cls=type("E", (json.JSONEncoder,), {})),
    "signing.dumps": lambda value: signing.loads(signing.dumps({"auth": value})),
    "session_serializer": lambda value: signing.JSONSerializer().dumps({"was_auth": value}),
    "json_script": lambda value: Template("{{ v|json_script:'auth' }}").render(Context({"v": value})),
    "template": lambda value: Template("{{ v }} {{ v|yesno:'in,out' }}").render(Context({"v": value})),
    "int": int,
    "float": float,
    "index": lambda value: ["no", "yes"][value],
    "and": lambda value: (value & True, True & value),
    "or": lambda value: (value | False, False | value),
    "xor": lambda value: (value ^ True, True ^ value),
    "compare": lambda value: (value == True, value != False, value < 2, value >= 0),  # noqa: E712
    "sorted": lambda value: sorted([value, True, False]),
    "set": lambda value: (value in {True}, len({value, True, False})),
    "truth": lambda value: (bool(value), not value),
    "pickle": lambda value: pickle.loads(pickle.dumps(value)) == value,
}


def _outcome(use, value):
    try:
        return use(value)
    except Exception as exc:
        return type(exc).__name__


@pytest.mark.parametrize("attribute", ["is_authenticated", "is_anonymous"])
@pytest.mark.parametrize("user", sorted(USERS))
@pytest.mark.parametrize("use", sorted(MODERN_USES))
def test_modern_code_sees_a_bool(use, user, attribute, reinstall):
    with override(version="1.8"):
        shimmed = _outcome(MODERN_USES[use], getattr(USERS[user](), attribute))
    uninstall()
    plain = _outcome(MODERN_USES[use], getattr(USERS[user](), attribute))
    assert shimmed == plain


@override(version="1.8")
def test_what_only_true_and_false_can_do():
    """The documented limits: identity and type (docs/scope.rst)."""
    value = AnonymousUser().is_authenticated
    assert value is CallableFalse and value is not False and not isinstance(value, bool)
    seen: list = []
    # A default= of the caller's own replaces JSONEncoder.default, so it meets the object.
    assert json.dumps([value], default=lambda o: seen.append(o) or bool(o)) == "[false]"
    assert seen == [value]


def test_copies_and_pickles_are_the_same_constants():
    for value in (CallableTrue, CallableFalse):
        assert copy.copy(value) is copy.deepcopy(value) is pickle.loads(pickle.dumps(value)) is value


@pytest.mark.parametrize(
    ("user", "authenticated"),
    [(AnonymousUser(), False), (User(pk=1), True), (Member(pk=1), True)],
    ids=["anonymous", "user", "custom_user_model"],
)
def test_is_authenticated_is_a_callable_boolean(user, authenticated):
    with override(version="1.8"):
        lazy = SimpleLazyObject(lambda: user)
        with warns("user_is_authenticated_method"):
            assert lazy.is_authenticated() is authenticated and lazy.is_anonymous() is not authenticated
        assert bool(user.is_authenticated) is authenticated and (not user.is_anonymous) is authenticated
        template = Template("{% if user.is_authenticated %}in{% else %}out{% endif %}")
        assert template.render(Context({"user": user})) == ("in" if authenticated else "out")


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "user_is_authenticated_method": ("1.11", lambda: AnonymousUser().is_authenticated()),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)
