"""Attribute patterns: request.REQUEST, raw_post_data, response._headers."""

from __future__ import annotations

from .tools import check_clean, check_findings, check_fixed


def test_known_receivers_are_certain():
    check_findings(
        """\
        class View:
            def get(self, request):
                a = self.request.raw_post_data
                b = request.REQUEST.get("q")
                response = self.client.get("/")
                return response._headers
        """,
        [(3, "request_raw_post_data"), (4, "request_REQUEST"), (6, "response_private_headers")],
    )


def test_distinctive_names_on_unknown_receivers_are_possible():
    check_findings(
        "def helper(req):\n    return req.raw_post_data, req.REQUEST\n",
        [(2, "request_raw_post_data", "possible"), (2, "request_REQUEST", "possible")],
    )


def test_a_class_or_module_attribute_is_not_a_request():
    # issue 18 item 9: Token.REQUEST is a class constant, not request.REQUEST.
    check_clean(
        """\
        from tokens.models import Token
        from . import constants

        class Scope:
            REQUEST = 1

        def view(request):
            return Token.REQUEST, Scope.REQUEST, constants.REQUEST
        """
    )


def test_a_name_bound_in_the_function_is_still_followed():
    check_findings(
        "def view(request):\n    req = request\n    return req.REQUEST\n",
        [(3, "request_REQUEST")],
    )


def test_the_rename_rewrite():
    check_fixed(
        "def view(request):\n    return request.raw_post_data  # bytes\n",
        "def view(request):\n    return request.body  # bytes\n",
    )


def test_other_attributes_and_writes_of_the_modern_name_are_clean():
    check_clean("def view(request):\n    request.body\n    response = f()\n    response.headers\n")
