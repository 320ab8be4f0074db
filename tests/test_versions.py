"""Django release names: parsing HTTP_COMPAT_VERSION and the list of valid choices."""

from __future__ import annotations

import pytest

from django_http_compat.versions import RELEASES, InvalidVersion, parse_version


def test_every_release_parses_and_patch_suffixes_are_accepted():
    assert len(RELEASES) == 27 and RELEASES[0] == "0.96" and RELEASES[-1] == "6.1"
    assert [parse_version(r) for r in ("0.96", "1.6.11", "1.10", "6.1")] == [(0, 96), (1, 6), (1, 10), (6, 1)]
    for bad in ("1.12", "0.95", "7.0", "1", "01.6", 1.6, None):
        with pytest.raises(InvalidVersion):
            parse_version(bad)
