"""The audit's real-code corpus: old releases from the package index, and what a reader found in them.

Facts only: each package's version and sha256, every legacy use in it (file, line, feature) as
checked by reading the code, and look-alikes that are not legacy uses.  The sources are
downloaded at test time (tests/audit/pypi.py); none is stored here.
"""

from __future__ import annotations

from typing import NamedTuple

from .pypi import Release


class Package(NamedTuple):
    release: Release
    #: (file inside the archive's top folder, line, feature id, certainty the audit should give).
    sites: tuple[tuple[str, int, str, str], ...]
    #: (file, line, what it looks like): nothing may be reported there.
    lookalikes: tuple[tuple[str, int, str], ...] = ()


CORPUS = (
    Package(
        Release(
            "django-ajax-selects",
            "1.3.4",
            "django-ajax-selects-1.3.4.tar.gz",
            "8a6aada60e60a9c75e7684824cba46d1c2be5c1c382e3d244082b33fd2894b3e",
        ),
        sites=(
            ("ajax_select/views.py", 47, "response_mimetype", "certain"),
            ("example/example/views.py", 4, "shortcuts_render_to_response", "certain"),
            ("example/example/views.py", 28, "shortcuts_context_instance", "certain"),
            ("example/example/views.py", 28, "shortcuts_render_to_response", "certain"),
        ),
    ),
    Package(
        Release(
            "django-allauth",
            "0.18.0",
            "django-allauth-0.18.0.tar.gz",
            "4b2cb15719df1504f8fbaa81b84fb7e93f43e960a6ec206406a29a283729dcfe",
        ),
        sites=(
            ("allauth/account/adapter.py", 101, "user_is_authenticated_method", "certain"),
            ("allauth/account/adapter.py", 124, "user_is_authenticated_method", "certain"),
            ("allauth/account/tests.py", 60, "response_absolute_location", "certain"),
            ("allauth/account/tests.py", 129, "response_absolute_location", "possible"),
            ("allauth/account/tests.py", 251, "response_absolute_location", "possible"),
            ("allauth/account/tests.py", 334, "response_absolute_location", "possible"),
            ("allauth/account/tests.py", 348, "response_absolute_location", "possible"),
            ("allauth/account/utils.py", 34, "request_REQUEST", "certain"),
            ("allauth/account/views.py", 36, "request_is_ajax", "certain"),
            ("allauth/account/views.py", 54, "user_is_authenticated_method", "certain"),
            ("allauth/account/views.py", 111, "request_REQUEST", "certain"),
            ("allauth/account/views.py", 181, "request_REQUEST", "certain"),
            ("allauth/account/views.py", 256, "user_is_authenticated_method", "certain"),
            ("allauth/account/views.py", 605, "user_is_authenticated_method", "certain"),
            ("allauth/account/views.py", 612, "user_is_authenticated_method", "certain"),
            ("allauth/account/views.py", 624, "request_REQUEST", "certain"),
            ("allauth/socialaccount/adapter.py", 91, "user_is_authenticated_method", "certain"),
            ("allauth/socialaccount/helpers.py", 3, "shortcuts_render_to_response", "certain"),
            ("allauth/socialaccount/helpers.py", 64, "shortcuts_render_to_response", "certain"),
            ("allauth/socialaccount/helpers.py", 66, "shortcuts_context_instance", "certain"),
            ("allauth/socialaccount/helpers.py", 70, "user_is_authenticated_method", "certain"),
            ("allauth/socialaccount/helpers.py", 123, "user_is_authenticated_method", "certain"),
            ("allauth/socialaccount/models.py", 282, "request_REQUEST", "certain"),
            (
                "allauth/socialaccount/providers/facebook/tests.py",
                88,
                "response_absolute_location",
                "certain",
            ),
            (
                "allauth/socialaccount/providers/facebook/tests.py",
                107,
                "response_absolute_location",
                "certain",
            ),
            ("allauth/socialaccount/providers/oauth/client.py", 100, "request_REQUEST", "certain"),
            ("allauth/socialaccount/providers/oauth/client.py", 101, "request_REQUEST", "certain"),
            ("allauth/socialaccount/providers/oauth2/views.py", 109, "request_REQUEST", "certain"),
            ("allauth/socialaccount/providers/openid/tests.py", 55, "response_absolute_location", "certain"),
            ("allauth/socialaccount/providers/openid/views.py", 1, "shortcuts_render_to_response", "certain"),
            ("allauth/socialaccount/providers/openid/views.py", 32, "request_REQUEST", "certain"),
            (
                "allauth/socialaccount/providers/openid/views.py",
                65,
                "shortcuts_render_to_response",
                "certain",
            ),
            ("allauth/socialaccount/providers/openid/views.py", 66, "shortcuts_context_instance", "certain"),
            ("allauth/socialaccount/providers/openid/views.py", 73, "request_REQUEST", "certain"),
            ("allauth/socialaccount/providers/persona/tests.py", 29, "response_absolute_location", "certain"),
            ("allauth/socialaccount/templatetags/socialaccount.py", 20, "request_REQUEST", "possible"),
            ("allauth/socialaccount/tests.py", 57, "response_absolute_location", "certain"),
            ("allauth/socialaccount/tests.py", 72, "response_absolute_location", "possible"),
        ),
        lookalikes=(
            ("allauth/account/tests.py", 110, "resp['location'] compared with a computed URL"),
            ("allauth/account/tests.py", 293, "data['location'] of a JSON payload"),
            ("allauth/account/utils.py", 200, "e2a.keys()[0] on a plain dict"),
            ("allauth/account/adapter.py", 249, "data['location'] = ... on a dict"),
            ("allauth/account/views.py", 39, "response['Location'] read"),
            ("allauth/account/views.py", 206, "self.render_to_response() of a class-based view"),
            ("allauth/socialaccount/tests.py", 83, "urlparse(resp['location'])"),
            ("allauth/socialaccount/providers/openid/tests.py", 31, "'...' in resp['location']"),
        ),
    ),
    Package(
        Release(
            "django-braces",
            "1.4.0",
            "django-braces-1.4.0.tar.gz",
            "536a0dab62b30c54165b191b95bc7a84be5bf901f7b43f9fbf5655ad2fcf4a9e",
        ),
        sites=(
            ("braces/views/_access.py", 55, "user_is_authenticated_method", "certain"),
            ("braces/views/_access.py", 87, "user_is_authenticated_method", "certain"),
            ("braces/views/_access.py", 309, "user_is_authenticated_method", "certain"),
            ("braces/views/_ajax.py", 70, "request_is_ajax", "certain"),
        ),
    ),
    Package(
        Release(
            "django-debug-toolbar",
            "1.2.2",
            "django-debug-toolbar-1.2.2.tar.gz",
            "e94eacc996edf11abba372f0dc03e9d8f1d00889fd29e8935c4e9bbd9ba2afdc",
        ),
        sites=(
            ("debug_toolbar/middleware.py", 32, "request_is_ajax", "certain"),
            ("debug_toolbar/panels/redirects.py", 3, "http_reason_phrase_tables", "certain"),
            ("debug_toolbar/panels/redirects.py", 4, "shortcuts_render_to_response", "certain"),
            ("debug_toolbar/panels/redirects.py", 26, "http_reason_phrase_tables", "certain"),
            ("debug_toolbar/panels/redirects.py", 31, "shortcuts_render_to_response", "certain"),
            ("debug_toolbar/panels/sql/views.py", 4, "shortcuts_render_to_response", "certain"),
            ("debug_toolbar/panels/sql/views.py", 31, "shortcuts_render_to_response", "certain"),
            ("debug_toolbar/panels/sql/views.py", 67, "shortcuts_render_to_response", "certain"),
            ("debug_toolbar/panels/sql/views.py", 113, "shortcuts_render_to_response", "certain"),
            ("debug_toolbar/panels/templates/views.py", 5, "shortcuts_render_to_response", "certain"),
            ("debug_toolbar/panels/templates/views.py", 44, "shortcuts_render_to_response", "certain"),
        ),
        lookalikes=(
            ("debug_toolbar/panels/cache.py", 87, "self.cache.has_key(*args, **kwargs) on a cache"),
            ("debug_toolbar/panels/redirects.py", 21, "response.get('Location', None)"),
            ("tests/panels/test_redirects.py", 30, "redirect['Location'] = 'http://...' written"),
        ),
    ),
    Package(
        Release(
            "django-endless-pagination",
            "2.0",
            "django-endless-pagination-2.0.tar.gz",
            "936c255046717a186ac4703bffff66cc4524bae782a88064e81bb76167a643a5",
        ),
        sites=(
            ("endless_pagination/decorators.py", 31, "request_REQUEST", "certain"),
            ("endless_pagination/decorators.py", 33, "request_is_ajax", "certain"),
            ("endless_pagination/decorators.py", 80, "request_REQUEST", "certain"),
            ("endless_pagination/decorators.py", 85, "request_is_ajax", "certain"),
            ("endless_pagination/utils.py", 46, "request_REQUEST", "certain"),
            ("endless_pagination/views.py", 134, "request_REQUEST", "certain"),
            ("endless_pagination/views.py", 135, "request_is_ajax", "certain"),
        ),
        lookalikes=(
            ("endless_pagination/views.py", 106, "self.render_to_response(context)"),
            (
                "endless_pagination/tests/test_decorators.py",
                20,
                "an 'HTTP_X_REQUESTED_WITH' header sent by a test",
            ),
        ),
    ),
    Package(
        Release(
            "django-registration",
            "1.0",
            "django-registration-1.0.tar.gz",
            "f19112fa1c1f34eb46427afa280398d9f044a604d68d6d0d15047243e0a71d93",
        ),
        sites=(("registration/tests/simple_backend.py", 76, "user_is_authenticated_method", "possible"),),
        lookalikes=(
            ("registration/views.py", 26, "self.render_to_response() of a class-based view"),
            ("registration/tests/simple_backend.py", 66, "url in resp['Location']"),
        ),
    ),
    Package(
        Release(
            "django-tastypie",
            "0.11.1",
            "django-tastypie-0.11.1.tar.gz",
            "32c2b55268f951a627974a907f0684b1ad4e7f0720030ede8c41134e66e210a4",
        ),
        sites=(
            ("tastypie/authentication.py", 252, "user_is_authenticated_method", "certain"),
            ("tastypie/authentication.py", 255, "user_is_authenticated_method", "certain"),
            ("tastypie/authentication.py", 275, "user_is_authenticated_method", "certain"),
            ("tastypie/authentication.py", 472, "request_REQUEST", "certain"),
            ("tastypie/resources.py", 217, "request_is_ajax", "certain"),
        ),
        lookalikes=(
            ("tastypie/resources.py", 459, "self.is_authenticated(request) of a resource"),
            ("tastypie/authentication.py", 265, "request.get_host(), the modern method"),
            ("tastypie/authentication.py", 497, "backend.is_authenticated(request, **kwargs)"),
        ),
    ),
    Package(
        Release(
            "djangorestframework",
            "2.4.4",
            "djangorestframework-2.4.4.tar.gz",
            "7d871e02b6f8fee2eb7ec714d9371f6859dc0298f1c87726265f8135ee99fb19",
        ),
        sites=(
            ("rest_framework/permissions.py", 47, "user_is_authenticated_method", "certain"),
            ("rest_framework/permissions.py", 68, "user_is_authenticated_method", "certain"),
            ("rest_framework/permissions.py", 132, "user_is_authenticated_method", "certain"),
            ("rest_framework/request.py", 311, "request_raw_post_data", "possible"),
            ("rest_framework/response.py", 9, "http_reason_phrase_tables", "certain"),
            ("rest_framework/response.py", 84, "http_reason_phrase_tables", "certain"),
            ("rest_framework/throttling.py", 173, "user_is_authenticated_method", "certain"),
            ("rest_framework/throttling.py", 199, "user_is_authenticated_method", "certain"),
            ("rest_framework/throttling.py", 247, "user_is_authenticated_method", "certain"),
        ),
        lookalikes=(
            ("rest_framework/serializers.py", 612, "six.iteritems(self.fields)"),
            ("rest_framework/renderers.py", 561, "dict(response.items())"),
            ("rest_framework/mixins.py", 60, "status.HTTP_400_BAD_REQUEST"),
        ),
    ),
)
