"""Error reports stay as filtered as in plain Django at every flag.

Django's own reporter prints the ``repr()`` of every frame variable (the
long request dump up to 1.7) and the exception's text (which held the whole
QueryDict up to 1.5).  Each report is made by Django itself (the 500 e-mail
of ``AdminEmailHandler`` in the default logging, the debug page) under the
shim, then again in plain Django after ``uninstall()``: no secret may show
that plain Django hides.
"""

from __future__ import annotations

import logging

import django
import pytest
from django.core import mail
from django.http import HttpResponse, QueryDict
from django.test import Client, override_settings
from django.urls import path
from django.utils.datastructures import MultiValueDictKeyError
from django.utils.log import AdminEmailHandler
from django.views.decorators.debug import sensitive_post_parameters

from django_http_compat import override, uninstall
from tests.golden.probes import URLENCODED, make_request

PASSWORD = "pw-hunter2-secret"
SECRETS = {
    "password": PASSWORD,
    "session cookie": "SESSION-0123456789",
    "csrf cookie": "CSRF-0123456789",
    "authorization": "Bearer TOKEN-0123456789",
}


@sensitive_post_parameters("password")
def login_view(request):
    raise RuntimeError("the login backend is down")


@sensitive_post_parameters("password")
def missing_field_view(request):
    return HttpResponse(request.POST["otp"])  # the form has no such field: a 500


urlpatterns = [path("login/", login_view), path("missing/", missing_field_view)]

# Django 6.0 takes ADMINS as plain addresses and deprecates the (name, address) pairs.
ADMINS = ["admin@example.com"] if django.VERSION >= (6, 0) else [("Admin", "admin@example.com")]
as_site = override_settings(ROOT_URLCONF=__name__, ADMINS=ADMINS, SESSION_COOKIE_NAME="sessionid")


def post(url: str):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = SECRETS["session cookie"]
    client.cookies["csrftoken"] = SECRETS["csrf cookie"]
    return client.post(
        url,
        {"username": "alice", "password": PASSWORD},
        headers={"authorization": SECRETS["authorization"]},
    )


def shown(report: str) -> set[str]:
    return {name for name, secret in SECRETS.items() if secret in report}


@pytest.fixture
def html_error_emails():
    """The 500 e-mail with the HTML report attached, which lists every frame's variables."""
    handler = AdminEmailHandler(include_html=True)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield
    logger.removeHandler(handler)


def reports(url: str, release: str) -> tuple[str, str]:
    """The 500 e-mails (DEBUG off) and the debug page (DEBUG on) for one request."""
    mail.outbox = []
    with override(version=release, warnings="ignore"):
        assert post(url).status_code == 500
        emails = [part for email in mail.outbox for part in (email.body, *(a[0] for a in email.alternatives))]
        with override_settings(DEBUG=True):
            page = post(url).content.decode()
    assert len(emails) == 3  # the default text e-mail, and ours with its HTML version
    return "\n".join(emails), page


@as_site
@pytest.mark.usefixtures("html_error_emails")
@pytest.mark.parametrize("url", ["/login/", "/missing/"])
@pytest.mark.parametrize("release", ["1.4", "1.6", "1.7"])
def test_error_reports_show_no_secret_that_plain_django_hides(url, release, reinstall):
    shim_emails, shim_page = reports(url, release)
    uninstall()
    plain_emails, plain_page = reports(url, release)
    # DEBUG off: POST filtered, cookies cleansed (Django 4.2 still shows HTTP_AUTHORIZATION).
    assert shown(plain_emails) <= {"authorization"}
    assert shown(shim_emails) <= shown(plain_emails)
    # With DEBUG on Django shows POST as sent (and the WSGI environ of the handler's
    # frames), but its own request sections still hide the cookies.
    assert "password" in shown(plain_page)
    assert shown(shim_page) <= shown(plain_page)


@as_site
@pytest.mark.usefixtures("html_error_emails")
def test_the_report_still_has_the_long_repr(reinstall):
    emails, _ = reports("/login/", "1.6")
    assert "&lt;WSGIRequest\npath:/login/,\nGET:&lt;QueryDict: {}&gt;,\nPOST:&lt;QueryDict:" in emails
    assert "&#x27;password&#x27;: [&#x27;********************&#x27;]" in emails


@override(version="1.6")
def test_repr_filters_as_the_report_does():
    request = make_request("POST", "", b"user=bob&password=" + PASSWORD.encode(), URLENCODED)
    request.sensitive_post_parameters = "__ALL__"
    request.COOKIES["sessionid"] = SECRETS["session cookie"]
    text = repr(request)
    assert PASSWORD not in text and "bob" not in text and SECRETS["session cookie"] not in text
    assert "'sessionid': '********************'" in text


@override(version="1.5")
def test_the_1_5_key_error_names_the_keys_but_no_value():
    with pytest.raises(MultiValueDictKeyError) as info:
        QueryDict(f"user=bob&password={PASSWORD}&password=again")["otp"]
    assert info.value.args == ("Key 'otp' not found in <QueryDict: {'user': [...], 'password': [...]}>",)
