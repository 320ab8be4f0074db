"""``from django_http_compat import ...`` works per module, without the app installed."""

from __future__ import annotations

import warnings
from types import CodeType, FunctionType
from typing import Any

import pytest
from django import http

import django_http_compat
from django_http_compat import SWAP_IMPORTS, override, swap, uninstall
from django_http_compat.features import FEATURES, FEATURES_BY_ID
from django_http_compat.installer import implementations
from django_http_compat.state import state
from django_http_compat.warnings import HttpCompatWarning
from tests.legacy.test_uses import MODULES, uses_of
from tests.legacy.uses import outcome


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


# --- parity with the patched classes, feature by feature -------------------------------------

#: Response features that live outside the response classes, so a swap import cannot give
#: them: each needs the app installed.  Anything else on the response side is on a class
#: and is checked below through both paths, from its row in the tests' ``USES`` tables.
OUTSIDE_THE_CLASSES = {
    "http_fix_location_header": "a name served in django.http",
    "http_reason_phrase_tables": "names served in django.http.response and django.core.handlers.wsgi",
    "http_CompatCookie": "a name served in django.http",
    "http_CompatibleStreamingHttpResponse": "a name served in django.http and django.http.response",
    "http_cookie_module": "a name served in django.http",
    "http_conditional_content_removal": "a name served in django.http",
    "utils_http_cookie_date": "a name served in django.utils.http",
    "shortcuts_render_to_response": "a name served in django.shortcuts",
    "shortcuts_context_instance": "arguments of the served render_to_response()",
    "response_absolute_location": "the request handler rewrites Location",
    "handler_body_removal": "the request handler removes the bodies",
    "http_fix_IE_helpers": "names served in django.http and django.http.utils",
    "test_assert_redirects_strips_host": "Django's SimpleTestCase.assertRedirects",
}
RESPONSE_FEATURES = sorted(feature.id for feature in FEATURES if feature.area == "response")
SWAP_CLASSES = [
    getattr(swap, name)
    for name in SWAP_IMPORTS
    if isinstance(getattr(swap, name), type) and name != "MergeDict"
]


def _on_a_response_class() -> set[str]:
    """The features whose patches put something on a class some swap class inherits from."""
    return {
        feature_id
        for feature_id, patches in implementations().items()
        for patch in patches
        if isinstance(patch.target, type) and any(patch.target in cls.__mro__ for cls in SWAP_CLASSES)
    }


def _use_of(feature_id: str) -> tuple[str, Any]:
    (row,) = [uses_of(module)[feature_id] for module in MODULES if feature_id in uses_of(module)]
    return row


def _through_swap(use: Any) -> tuple[Any, set[str]]:
    """``use`` with the Django classes its module imported replaced by the swap classes.

    The module's own helper functions are rebound too, so a use that calls
    one builds its responses from the swap classes as well.  Returns the
    names replaced that the rebound code refers to (the test needs one).
    """
    originals = use.__globals__
    replaced = {
        name: getattr(swap, name)
        for name, value in originals.items()
        if name in SWAP_IMPORTS and getattr(swap, name) is not value and isinstance(value, type)
    }
    rebound = {**originals, **replaced}

    def rebind(function: FunctionType) -> FunctionType:
        return FunctionType(
            function.__code__, rebound, function.__name__, function.__defaults__, function.__closure__
        )

    for name, value in originals.items():
        if isinstance(value, FunctionType) and value.__globals__ is originals:
            rebound[name] = rebind(value)

    def names(code: CodeType) -> set[str]:
        inner = (const for const in code.co_consts if isinstance(const, CodeType))
        return set(code.co_names).union(*(names(each) for each in inner))

    referred = names(use.__code__).union(
        *(
            names(rebound[name].__code__)
            for name in names(use.__code__)
            if isinstance(rebound.get(name), FunctionType)
        )
    )
    return rebind(use), referred & set(replaced)


def _run(use: Any) -> tuple[tuple[Any, ...], list[tuple[str, str]]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = outcome(use)
    return result, [(str(w.message), w.filename) for w in caught if issubclass(w.category, HttpCompatWarning)]


def test_every_response_feature_is_on_the_classes_or_said_to_be_outside_them():
    assert set(RESPONSE_FEATURES) - _on_a_response_class() == set(OUTSIDE_THE_CLASSES)


@pytest.mark.parametrize("feature_id", sorted(set(RESPONSE_FEATURES) - set(OUTSIDE_THE_CLASSES)))
def test_the_swap_classes_have_each_response_feature_of_the_patched_classes(feature_id, reinstall, settings):
    release, use = _use_of(feature_id)
    swapped, names = _through_swap(use)
    assert names, f"the use of {feature_id} builds no response from a swap class"
    with override(version=release, warnings="always"):
        patched = _run(use)
    uninstall()
    assert state.originals == {}  # from here on Django's classes are plain
    settings.HTTP_COMPAT_WARNINGS = "always"
    settings.HTTP_COMPAT_VERSION = release
    assert _run(swapped) == patched
    assert patched[1] or not FEATURES_BY_ID[feature_id].warns
    # Modern code must not notice: at a modern flag a swap class is the plain Django class.
    plain = _run(use)
    settings.HTTP_COMPAT_VERSION = "6.1"
    assert _run(swapped) == plain
    assert plain[1] == []
