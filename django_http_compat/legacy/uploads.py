"""Uploaded files that also answer as the dicts of Django 0.96.

In 0.96 each ``request.FILES`` value was ``{"filename": ..., "content-type":
..., "content": ...}``.  Modern ``UploadedFile`` objects get the three keys
on top of their own API, so one object serves old and new code.  The files
come from modern Django's parser, so ``DATA_UPLOAD_MAX_NUMBER_FILES`` and
the upload handlers apply unchanged.

Templates try ``upload[name]`` before the attribute (``{{ f.name }}``).  Such
lookups are not legacy calls: they are not counted or warned about, an
attribute answers as in plain Django, and the old keys answer a template only
where ``HTTP_COMPAT_VERSION`` is set (the project's templates are then of
that era); with no version, the feature is on for old code, and templates
render as in plain Django.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from django_http_compat.state import Patch, state
from django_http_compat.warnings import warn

from .request import called_by_template_lookup

KEYS = ("filename", "content-type", "content")


def _value(upload: UploadedFile[Any], key: str) -> Any:
    if key == "filename":
        return upload.name
    if key == "content-type":
        return upload.content_type
    # 0.96 held the content as a string; read it whole, from the start, every time.
    upload.seek(0)
    return upload.read()


def __getitem__(self: UploadedFile[Any], key: str) -> Any:
    if called_by_template_lookup(sys._getframe(1)):
        if hasattr(type(self), key) or key in self.__dict__ or state.config.version is None:
            raise KeyError(key)
    else:
        warn("request_files_dict")
    if key not in KEYS:
        raise KeyError(key)
    return _value(self, key)


def get(self: UploadedFile[Any], key: str, default: Any = None) -> Any:
    warn("request_files_dict")
    return _value(self, key) if key in KEYS else default


def keys(self: UploadedFile[Any]) -> list[str]:
    warn("request_files_dict")
    return list(KEYS)


def has_key(self: UploadedFile[Any], key: str) -> bool:
    warn("request_files_dict")
    return key in KEYS


def patches() -> dict[str, list[Patch]]:
    return {
        "request_files_dict": [
            Patch(UploadedFile, "__getitem__", __getitem__),
            Patch(UploadedFile, "get", get),
            Patch(UploadedFile, "keys", keys),
            Patch(UploadedFile, "has_key", has_key),
        ],
    }
