"""``from django_http_compat import ...`` works per module, without the app installed."""

from __future__ import annotations

import pytest
from django import http

import django_http_compat
from django_http_compat import uninstall
from django_http_compat.warnings import HttpCompatWarning


def test_every_swap_name_is_importable_and_subclasses_django():
    from django_http_compat import swap

    assert swap.__all__ == list(django_http_compat.SWAP_IMPORTS)
    for name in django_http_compat.SWAP_IMPORTS:
        value = getattr(django_http_compat, name)
        original = getattr(http, name, None)
        if original is not None and isinstance(value, type) and value is not original:
            assert issubclass(value, original)


@pytest.mark.usefixtures("reinstall")
def test_swap_classes_work_with_the_shim_uninstalled():
    uninstall()
    with pytest.raises(TypeError):
        http.HttpResponse("x", mimetype="text/plain")
    with pytest.warns(HttpCompatWarning, match="response_mimetype"):
        response = django_http_compat.HttpResponse("x", mimetype="text/plain")
    assert response["Content-Type"] == "text/plain" and isinstance(response, http.HttpResponse)
    with pytest.warns(HttpCompatWarning):
        assert django_http_compat.FileResponse(iter([b""]), mimetype="text/csv")["Content-Type"] == "text/csv"
    with pytest.warns(HttpCompatWarning):
        response = django_http_compat.TemplateResponse(None, "probe.html", mimetype="text/x")
    assert response["Content-Type"] == "text/x"


@pytest.mark.usefixtures("reinstall")
def test_swap_classes_follow_the_version_flag(settings):
    uninstall()
    settings.HTTP_COMPAT_VERSION = "1.4"
    with pytest.warns(HttpCompatWarning, match="response_positional_order"):
        response = django_http_compat.HttpResponse("x", "text/plain", 404, "text/html")
    assert (response["Content-Type"], response.status_code) == ("text/plain", 404)
    settings.HTTP_COMPAT_VERSION = "5.2"
    with pytest.raises(TypeError, match="mimetype"):
        django_http_compat.HttpResponse("x", mimetype="text/plain")


def test_type_checkers_see_every_name_the_package_serves():
    """The ``if TYPE_CHECKING:`` imports of ``__init__`` name exactly what ``__getattr__`` serves."""
    import ast
    import inspect

    import django_http_compat

    tree = ast.parse(inspect.getsource(django_http_compat))
    (block,) = [
        node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    imported = {alias.name for node in block.body for alias in node.names}
    assert imported == set(django_http_compat.__all__) - {"__version__"}
    for name in imported:
        assert getattr(django_http_compat, name) is not None
