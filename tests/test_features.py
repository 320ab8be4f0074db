"""The registry: which features each release had, and that the code implements exactly those declared."""

from __future__ import annotations

import pytest

from django_http_compat.features import FEATURES, FEATURES_BY_ID, default_features, features_for
from django_http_compat.installer import implementations
from django_http_compat.versions import RELEASES, parse_version
from django_http_compat.warnings import CATEGORY_OF, HttpCompatWarning, RemovedInDjango19Warning


@pytest.mark.parametrize("release", RELEASES)
def test_a_release_has_exactly_the_features_whose_versions_cover_it(release):
    version = parse_version(release)
    expected = {f.id for f in FEATURES if f.added_version <= version < f.removed_version}
    assert features_for(version) == expected


def test_version_semantics():
    assert {
        "request_is_ajax",
        "request_xreadlines",
        "querydict_py2_methods",
        "user_is_authenticated_method",
        "response_private_headers",
        "shortcuts_render_to_response",
    } <= features_for((1, 9))
    assert not {"request_REQUEST", "datastructures_MergeDict", "response_absolute_location"} & features_for(
        (1, 9)
    )
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
    assert {"request_post_charset", "response_redirect_positional_content"} <= features_for((4, 2))
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


@pytest.mark.parametrize("feature", [f for f in FEATURES if f.changes], ids=lambda f: f.id)
def test_changes_name_later_releases_in_order_each_in_one_sentence(feature):
    versions = [version for version, _sentence in feature.changes]
    assert all(version in RELEASES for version in versions)
    assert versions == sorted(versions, key=parse_version) and len(set(versions)) == len(versions)
    assert all(parse_version(version) > feature.added_version for version in versions)
    for _version, sentence in feature.changes:
        assert sentence[0].isupper() or sentence[0] in "0123456789" or sentence.split()[0].endswith("()")
        assert sentence.endswith(".") and "\n" not in sentence
