"""How a benchmark process runs Django: plain, with django-http-compat, or with django-compat-patcher.

pyperf runs each benchmark in worker processes of its own, so every process
configures Django once, for the one setup its benchmark names.  Whatever a
setup adds, every setup shares the rest: the same settings, middleware and
URLs.
"""

from __future__ import annotations

import django
from django.conf import settings

PLAIN = "plain"  # Django alone: what code migrated off the shim runs on
COMPAT = "compat"  # django-http-compat in INSTALLED_APPS
PATCHER = "patcher"  # django-compat-patcher, the runtime patcher projects could pick instead

#: The release the legacy code was written for.
COMPAT_VERSION = "1.6"

#: The django-compat-patcher fixers behind the legacy APIs both tools offer,
#: and the two those depend on (its MergeDict imports ``django.utils.six``).
PATCHER_FIXERS = [
    "fix_deletion_utils_six",
    "fix_deletion_utils_datastructures_MergeDict",
    "fix_deletion_core_handlers_wsgi_WSGIRequest_REQUEST",
    "fix_deletion_http_request_HttpRequest_raw_post_data",
    "fix_deletion_http_request_HttpRequest_xreadlines",
    "fix_deletion_http_request_HttpRequest_is_ajax",
    "fix_deletion_http_response_HttpResponseBase_private_headers",
]


def configure(setup: str, warnings: str = "once") -> None:
    """Configure and set up Django for ``setup`` (once per process)."""
    settings.configure(
        DEBUG=False,
        SECRET_KEY="benchmarks-only",
        ALLOWED_HOSTS=["testserver"],
        ROOT_URLCONF="request_cycle",
        INSTALLED_APPS=["django_http_compat"] if setup == COMPAT else [],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
        ],
        USE_TZ=True,
        HTTP_COMPAT_VERSION=COMPAT_VERSION,
        # Removed in 1.6 itself, so off at 1.6 unless asked for, as a project would.
        HTTP_COMPAT_FEATURES={"request_raw_post_data": True},
        HTTP_COMPAT_WARNINGS=warnings,
        DCP_INCLUDE_FIXER_IDS=PATCHER_FIXERS,
        DCP_LOGGING_LEVEL=None,
    )
    if setup == PATCHER:
        import django_compat_patcher

        django_compat_patcher.patch()  # calls django.setup() itself
    else:
        django.setup()
