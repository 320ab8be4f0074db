"""AbsoluteLocation: a Location header compared with an absolute URL."""

from __future__ import annotations

from .tools import check_clean, check_findings


def test_comparisons_with_absolute_urls():
    check_findings(
        """\
        class Tests:
            def test(self):
                response = self.client.get("/go/")
                self.assertEqual(response["Location"], "http://testserver/next/")
                assert other["location"] == "https://x/"
                self.assertEqual(response["Location"], "http://testserver" + settings.LOGIN_URL)
                self.assertEqual(f"http://{host}/next/", response["Location"])
        """,
        [
            (4, "response_absolute_location"),
            (5, "response_absolute_location", "possible"),
            (6, "response_absolute_location"),
            (7, "response_absolute_location"),
        ],
    )


def test_relative_urls_are_clean():
    check_clean(
        'def t(response):\n    assert response["Location"] == "/relative/"\n'
        '    assert response["Location"] == "/next/" + "http://x"\n'
        '    response["Location"] = "http://elsewhere/"\n'
    )
