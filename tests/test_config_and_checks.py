from __future__ import annotations

import warnings

import pytest
from django.core.management import call_command
from django.test import RequestFactory, override_settings

from django_http_compat import override, usage_counts
from django_http_compat.checks import check_settings
from django_http_compat.features import FEATURES, FEATURES_BY_ID, default_features, features_for
from django_http_compat.patching import implementations
from django_http_compat.versions import RELEASES, InvalidVersion, parse_version
from django_http_compat.warnings import CATEGORY_OF, HttpCompatWarning, RemovedInDjango19Warning


def ids(messages):
    return [m.id for m in messages]


def test_every_release_parses_and_patch_suffixes_are_accepted():
    assert len(RELEASES) == 27 and RELEASES[0] == "0.96" and RELEASES[-1] == "6.1"
    assert [parse_version(r) for r in ("0.96", "1.6.11", "1.10", "6.1")] == [(0, 96), (1, 6), (1, 10), (6, 1)]
    for bad in ("1.12", "0.95", "7.0", "1", "01.6", 1.6, None):
        with pytest.raises(InvalidVersion):
            parse_version(bad)


def test_version_semantics():
    assert features_for((1, 9)) == {
        "request_is_ajax",
        "request_xreadlines",
        "request_get_raw_uri",
        "request_post_charset",
        "request_multipart_post_mutable",
        "querydict_py2_methods",
        "querydict_list_returns",
        "querydict_key_error_args",
        "user_is_authenticated_method",
        "response_private_headers",
        "response_default_content_type",
        "response_str_message",
        "response_cookie_dates",
        "response_redirect_positional_content",
        "utils_http_cookie_date",
        "shortcuts_render_to_response",
        "shortcuts_context_instance",
    }
    assert {"request_REQUEST", "response_mimetype", "response_positional_order"} <= features_for((1, 6))
    assert "request_raw_post_data" in features_for((1, 5)) and "request_raw_post_data" not in features_for(
        (1, 6)
    )
    assert "request_getitem" in features_for((0, 96)) and "request_getitem" not in features_for((1, 0))
    assert "request_is_ajax" not in features_for((0, 96))
    assert {"response_upper_reason_phrases", "http_reason_phrase_tables"} <= features_for((1, 8))
    assert "response_private_headers" in features_for(
        (3, 1)
    ) and "response_private_headers" not in features_for((3, 2))
    assert features_for((4, 2)) == {"request_post_charset", "response_redirect_positional_content"}
    assert features_for((5, 2)) == set()
    assert default_features() == {f.id for f in FEATURES if not f.conflict}
    assert "response_positional_order" not in default_features()


def test_registry_and_implementations_agree():
    assert set(implementations()) == set(FEATURES_BY_ID)
    for feature in FEATURES:
        assert feature.added_version < feature.removed_version
        assert issubclass(CATEGORY_OF[feature.id], HttpCompatWarning)
        assert issubclass(HttpCompatWarning, DeprecationWarning)
        assert feature.id in feature.warning_message and feature.replacement in feature.warning_message
    assert CATEGORY_OF["request_REQUEST"] is RemovedInDjango19Warning


def test_checks_report_active_features_by_default():
    assert ids(check_settings()) == ["http_compat.I001"]
    assert "request_is_ajax" in check_settings()[0].msg


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
def test_checks_report_configuration_errors(settings_, expected):
    with override_settings(**settings_):
        messages = check_settings()
    assert ids(messages) == expected
    if expected == ["http_compat.E001"]:
        assert "0.96, 1.0" in messages[0].msg


def test_check_is_registered(capsys):
    with override_settings(HTTP_COMPAT_VERSION="9.9"), pytest.raises(Exception, match="http_compat.E001"):
        call_command("check")


def test_warning_modes():
    request = RequestFactory().get("/")

    def calls():
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            for _ in range(3):
                request.is_ajax()
        return len(record)

    usage_counts.reset()  # "once" means the first use of the site in this process
    with override(warnings="once"):
        assert calls() == 1
        assert calls() == 0  # the same call site, already reported
    with override(warnings="always"):
        assert calls() == 3
    with override(warnings="ignore"):
        assert calls() == 0
    with override(warnings="error"), pytest.raises(HttpCompatWarning, match="request_is_ajax"):
        request.is_ajax()


def test_warning_message_names_version_and_replacement():
    with override(warnings="always"), pytest.warns(HttpCompatWarning) as record:
        RequestFactory().get("/").is_ajax()
    assert str(record[0].message) == (
        'request.is_ajax() was removed in Django 4.0; use request.headers.get("x-requested-with") '
        '== "XMLHttpRequest" [request_is_ajax]'
    )
    assert record[0].category.__name__ == "RemovedInDjango40Warning"
