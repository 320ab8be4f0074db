"""Setting: DEFAULT_CONTENT_TYPE assigned, read or overridden."""

from __future__ import annotations

from .tools import check_clean, check_findings


def test_the_setting():
    check_findings(
        """\
        from django.conf import settings
        from django.test import override_settings

        DEFAULT_CONTENT_TYPE = "application/xhtml+xml"
        kind = settings.DEFAULT_CONTENT_TYPE

        @override_settings(DEFAULT_CONTENT_TYPE="text/plain")
        def test():
            pass
        """,
        [
            (4, "response_default_content_type"),
            (5, "response_default_content_type"),
            (7, "response_default_content_type"),
        ],
    )


def test_local_and_class_names_are_clean():
    check_clean("class Conf:\n    DEFAULT_CONTENT_TYPE = 1\n\ndef f():\n    DEFAULT_CONTENT_TYPE = 2\n")
