# -*- coding: utf-8 -*-
"""``python -m probes``: run every probe and the census under a bare old Django, print JSON."""
from __future__ import unicode_literals

import json
import os
import sys
import warnings


def configure_old_django(template_dir):
    """Settings for a bare old Django; the replay side uses tests.settings."""
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="golden",
        ALLOWED_HOSTS=["*"],
        DEFAULT_CHARSET="utf-8",
        TEMPLATE_DIRS=[template_dir],
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [template_dir],
            }
        ],
        ROOT_URLCONF="probes.urls",
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
        MIDDLEWARE_CLASSES=(),
        MIDDLEWARE=[],
    )
    if hasattr(django, "setup"):
        django.setup()


def main():
    warnings.simplefilter("ignore")
    here = os.path.dirname(os.path.abspath(__file__))
    configure_old_django(os.path.join(os.path.dirname(here), "templates"))
    import django
    import probes
    from probes import census

    data = {"django": django.get_version(), "python": "%d.%d" % sys.version_info[:2]}
    data["probes"] = probes.run_all()
    data["census"] = census.run()
    out = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write(out if sys.version_info[0] > 2 else out.encode("utf-8"))


if __name__ == "__main__":
    main()
