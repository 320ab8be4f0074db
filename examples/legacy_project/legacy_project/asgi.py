# Added for modern servers (uvicorn); the views themselves are unchanged.
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legacy_project.settings")
application = get_asgi_application()
