"""Legacy attributes that a probe finds absent when they cannot give a value.

Code written for several Django releases probes before it uses:
``hasattr(response, "_headers")``, ``getattr(request, "raw_post_data", None)``.
``hasattr()`` and a ``getattr()`` default answer only ``AttributeError``;
anything else escapes the probe.  So where a legacy attribute cannot give a
value (its warning raised as an error by ``HTTP_COMPAT_WARNINGS = "error"`` or
``-W error``, a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE``, a stream already
read), the error is re-raised as one that is also an ``AttributeError``: the
probe finds the attribute absent, as in plain Django, and code that uses the
attribute still gets the error it would have got (the warning naming the
feature, Django's 400 for a body too big), of the same class.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

#: Error class -> the same class that is also an AttributeError (None where
#: the two cannot be combined, as for OSError's layout).
_ALSO_ABSENT: dict[type[BaseException], type[BaseException] | None] = {}


def _also_absent(cls: type[BaseException]) -> type[BaseException] | None:
    if cls not in _ALSO_ABSENT:
        namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__}
        try:
            _ALSO_ABSENT[cls] = type(cls.__name__, (cls, AttributeError), namespace)
        except TypeError:
            _ALSO_ABSENT[cls] = None
    return _ALSO_ABSENT[cls]


class absent_to_probes:  # noqa: N801 (used as a statement: ``with absent_to_probes(...)``)
    """Around the body of a legacy attribute's getter: its errors are also ``AttributeError``."""

    __slots__ = ("name", "obj")

    def __init__(self, obj: Any, name: str) -> None:
        self.obj = obj
        self.name = name

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, cls: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if (
            cls is None
            or error is None
            or isinstance(error, AttributeError)
            or not issubclass(cls, Exception)
        ):
            return
        derived = _also_absent(cls)
        if derived is None:
            return
        absent = derived.__new__(derived)
        absent.args = error.args
        absent.__dict__.update(vars(error))
        absent.name, absent.obj = self.name, self.obj  # type: ignore[attr-defined]
        raise absent.with_traceback(traceback) from error.__cause__
