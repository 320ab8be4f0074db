"""Templates meet the request: ``request[key]`` (0.96) must not answer for its attributes.

Django's template engine tries ``obj[name]`` before ``obj.name``, so with
``request[key]`` a query string could choose what ``{{ request.path }}``
shows.  Every rendering is compared with plain Django after ``uninstall()``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import django.contrib.admin
import pytest
from django.template import Context, Engine, Template

from django_http_compat import override, uninstall, usage_counts
from django_http_compat.features import default_features
from tests.golden.probes import URLENCODED, make_request

HOSTILE_QUERY = "get_full_path=https://evil.example/&path=/evil/&is_secure=1&user=mallory&META=x&q=kept"

LOGIN_FORM = (
    '<form action="{{ request.get_full_path }}" method="post">'
    "{{ request.path }}|{% if request.is_secure %}secure{% else %}plain{% endif %}"
    "|{{ request.user }}|{{ request.META.SERVER_NAME }}|{{ request.GET.q }}</form>"
)


def hostile_request():
    request = make_request("POST", HOSTILE_QUERY, b"path=/posted/&method=PUT", URLENCODED)
    request.user = "alice"  # set by middleware: an attribute of the instance
    return request


def render(source: str, request) -> str:
    return Template(source).render(Context({"request": request}))


def test_request_attributes_answer_in_templates_whatever_the_query_says(reinstall):
    with override(version="0.96", warnings="error"):
        shimmed = render(LOGIN_FORM, hostile_request())
    uninstall()
    plain = render(LOGIN_FORM, hostile_request())
    assert shimmed == plain
    assert shimmed.startswith('<form action="/probe/?') and "/probe/|plain|alice|testserver|kept" in shimmed


@override(version="0.96", warnings="error")
def test_template_lookups_are_not_uses_of_request_key():
    usage_counts.reset()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render(LOGIN_FORM + "{{ request.nothing_here }}{{ request.method }}", hostile_request())
    assert usage_counts.usage() == {}


@override(version="0.96", warnings="ignore")
def test_other_names_still_reach_post_and_get_as_in_0_96_templates():
    # "q" is not an attribute of the request: a 0.96 template read it from GET.
    assert render("{{ request.q }}", hostile_request()) == "kept"
    assert render("[{{ request.missing }}]", hostile_request()) == "[]"


def test_code_calling_request_key_keeps_the_0_96_lookup():
    request = hostile_request()
    with (
        override(version="0.96", warnings="always"),
        pytest.warns(DeprecationWarning, match="request_getitem"),
    ):
        values = (request["path"], request["method"], request["get_full_path"])
    assert values == ("/posted/", "PUT", "https://evil.example/")


def test_request_key_is_off_unless_the_flag_names_0_96():
    assert "request_getitem" not in default_features()
    with override(version=None), pytest.raises(TypeError, match="not subscriptable"):
        hostile_request()["q"]
    with override(version="1.0"):
        assert not hasattr(hostile_request(), "has_key")


ADMIN_TEMPLATES = Path(django.contrib.admin.__file__).parent / "templates"


def render_app_list(request) -> str:
    engine = Engine(dirs=[str(ADMIN_TEMPLATES)], libraries={"i18n": "django.templatetags.i18n"})
    app_list = [
        {
            "app_label": "auth",
            "app_url": "/admin/auth/",
            "name": "Authentication",
            "models": [
                {"object_name": "User", "name": "Users", "admin_url": "/admin/auth/user/", "add_url": None}
            ],
        }
    ]
    context = Context({"request": request, "app_list": app_list, "show_changelinks": True})
    return engine.get_template("admin/app_list.html").render(context)


@pytest.mark.parametrize("mode", ["error", "always"])
def test_the_admin_app_list_renders_as_in_plain_django(mode, reinstall):
    def request():
        # Hostile: the query string names the attribute the template reads.
        return make_request("GET", "path=/elsewhere/", headers={"PATH_INFO": "/admin/auth/user/"})

    with override(version="0.96", warnings=mode), warnings.catch_warnings():
        warnings.simplefilter("error")
        shimmed = render_app_list(request())
    uninstall()
    plain = render_app_list(request())
    assert shimmed == plain and "current-model" in plain
