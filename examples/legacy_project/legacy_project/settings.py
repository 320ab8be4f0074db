# Settings of a project written for Django 1.6.  The two HTTP_COMPAT lines
# and the "django_http_compat" entry are all it needed to run on modern Django.
import os

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SECRET_KEY = "legacy-example-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = (
    "django_http_compat",
    "shop",
)

MIDDLEWARE_CLASSES = ()
MIDDLEWARE = []

ROOT_URLCONF = "legacy_project.urls"
WSGI_APPLICATION = "legacy_project.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.path.join(BASE_DIR, "db.sqlite3"),
    }
}

TEMPLATE_DIRS = (os.path.join(BASE_DIR, "templates"),)
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(BASE_DIR, "templates")],
    }
]

USE_TZ = True

HTTP_COMPAT_VERSION = "1.6"
HTTP_COMPAT_WARNINGS = "once"
