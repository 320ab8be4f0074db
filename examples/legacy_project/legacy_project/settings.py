# Settings of a project written for Django 1.6.  For django.http, the
# "django_http_compat" entry and the HTTP_COMPAT lines are all it needed to
# run on modern Django.  Outside django.http it made the changes the docs list
# (docs/neighbours.rst), which the app's checks point out: MIDDLEWARE_CLASSES
# renamed MIDDLEWARE (W002), TEMPLATE_DIRS moved into TEMPLATES (W003).
import os

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SECRET_KEY = "legacy-example-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = (
    "django_http_compat",
    "shop",
)

MIDDLEWARE = []

ROOT_URLCONF = "legacy_project.urls"
WSGI_APPLICATION = "legacy_project.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.path.join(BASE_DIR, "db.sqlite3"),
    }
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(BASE_DIR, "templates")],
    }
]

USE_TZ = True

HTTP_COMPAT_VERSION = "1.6"
HTTP_COMPAT_WARNINGS = "once"
