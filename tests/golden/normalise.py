"""The one place where recorded and replayed outputs are made comparable.

Only differences of *representation* between Python 2 and 3 are removed:

* ``u'...'`` / ``u"..."`` prefixes in reprs of text on Python 2;
* the qualified function name Python 3.10+ puts in argument-binding
  ``TypeError`` messages (``HttpResponse.__init__() got ...`` where Python 2
  said ``__init__() got ...``), and Python 2's "for keyword argument" where
  Python 3 says "for argument";
* Python 2's wording for a missing module attribute (``'module' object has
  no attribute 'x'``; Python 3 names the module) and its names for dict
  iterator types (``dictionary-keyiterator`` is Python 3's ``dict_keyiterator``).

Values, types, exception classes and every other message are compared as
recorded.
"""

from __future__ import annotations

import re
from typing import Any

_UNICODE_PREFIX = re.compile(r"(?<![\w\\])u(['\"])")
_QUALIFIED_CALL = re.compile(r"\b[\w.]+\.(\w+\(\) (?:got|takes|missing))")
_MODULE_ATTRIBUTE = re.compile(r"^module '[\w.]+' has no attribute")
_PY2_ITERATOR_TYPES = {
    "dictionary-keyiterator": "dict_keyiterator",
    "dictionary-valueiterator": "dict_valueiterator",
    "dictionary-itemiterator": "dict_itemiterator",
}


def normalise(value: Any) -> Any:
    if isinstance(value, str):
        value = _QUALIFIED_CALL.sub(r"\1", _UNICODE_PREFIX.sub(r"\1", value))
        value = _MODULE_ATTRIBUTE.sub("'module' object has no attribute", value)
        value = _PY2_ITERATOR_TYPES.get(value, value)
        return value.replace("multiple values for keyword argument", "multiple values for argument")
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    return value
