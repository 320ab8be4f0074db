from __future__ import annotations

SECRET_KEY = "not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES: dict = {}
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "django_http_compat", "tests"]
MIDDLEWARE: list = []
ROOT_URLCONF = "tests.urls"
USE_TZ = True
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": ["tests/golden/templates"],
    }
]
# Every legacy call warns in tests, so pytest.warns sees each one.
HTTP_COMPAT_WARNINGS = "always"
# Django 6.1 warns (RemovedInDjango2028Warning) when mail is sent with no MAILERS;
# earlier releases ignore the setting and use the test runner's locmem backend.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
