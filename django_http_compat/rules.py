"""The vocabulary of audit rules: the source shapes a legacy API leaves behind.

Each feature in the registry declares its rule with these pieces (``finds=``),
so what the audit looks for sits next to the feature's versions and
replacement.  This module is data only; ``audit.py`` interprets it and
``autofix.py`` carries out the ``Rewrite`` a pattern names.

Receiver kinds a pattern can require (``on=``), as the audit infers them:
``request``, ``post`` (``request.POST``), ``querydict`` (``request.GET``,
``request.POST``, ``request.REQUEST``, ``QueryDict(...)``), ``user``
(``request.user``), ``upload`` (``request.FILES[...]``) and ``response``.
"""

from __future__ import annotations

from typing import NamedTuple


class Rewrite(NamedTuple):
    """A mechanical, behaviour-preserving edit ``autofix`` may apply to a certain finding.

    ``how`` is one of: ``rename`` (attribute, method or keyword becomes
    ``to``), ``property`` (drop the call parentheses), ``contains``
    (``q.has_key(k)`` -> ``k in q``), ``header_comparison`` (``is_ajax()``),
    ``iterate`` (``xreadlines()`` -> the request itself), ``list`` (wrap the
    call in ``list()``) and ``keywords`` (positional arguments after the
    first become the keywords named in ``to``, comma-separated).
    """

    how: str
    to: str = ""

    def describe(self) -> str:
        return {
            "rename": f"renamed to ``{self.to}``",
            "property": "read as an attribute",
            "contains": "rewritten as ``key in q``",
            "header_comparison": "rewritten as the ``X-Requested-With`` header comparison",
            "iterate": "replaced by iteration over the request",
            "list": "wrapped in ``list()``",
            "keywords": f"passed as keywords ({', '.join(self.to.split(','))})",
        }[self.how]


class Attribute(NamedTuple):
    """``x.NAME`` read or written."""

    names: tuple[str, ...]
    on: tuple[str, ...] = ()
    #: Report only where the receiver is known to be one of ``on``.
    only_known: bool = False
    fix: Rewrite | None = None

    def describe(self) -> str:
        return f"{_names(self.names, '.')} on {_receivers(self.on, self.only_known)}"


class Method(NamedTuple):
    """``x.NAME(...)`` called (with exactly ``args`` arguments when given)."""

    names: tuple[str, ...]
    on: tuple[str, ...] = ()
    only_known: bool = False
    args: int | None = None
    fix: Rewrite | None = None

    def describe(self) -> str:
        return f"calls of {_names(self.names, '.', '()')} on {_receivers(self.on, self.only_known)}"


class Keyword(NamedTuple):
    """``NAME=`` passed to a response class or shortcut (only a false constant if ``falsy``)."""

    names: tuple[str, ...]
    calls: tuple[str, ...] = ("response",)
    falsy: bool = False
    fix: Rewrite | None = None

    def describe(self) -> str:
        value = "a false constant " if self.falsy else ""
        return f"{value}{_names(self.names, after='=')} passed to {_calls(self.calls)}"


class Positional(NamedTuple):
    """A call of ``calls`` with more than ``after`` positional arguments."""

    after: int
    calls: tuple[str, ...] = ("response",)
    fix: Rewrite | None = None

    def describe(self) -> str:
        return f"{self.after + 1} or more positional arguments to {_calls(self.calls)}"


class IteratorContent(NamedTuple):
    """A response built from a generator, ``iter(...)`` or an open file."""

    calls: tuple[str, ...] = ("response",)

    def describe(self) -> str:
        return f"a generator, ``iter(...)`` or ``open(...)`` as the content of {_calls(self.calls)}"


class Item(NamedTuple):
    """``x[key]`` (any key, or one of ``keys``) on a known receiver; ``store`` for writes."""

    on: tuple[str, ...]
    keys: tuple[str, ...] = ()
    store: bool = False

    def describe(self) -> str:
        keys = ", ".join(f"``[{key!r}]``" for key in self.keys) if self.keys else "``[key]``"
        return f"{keys} {'written' if self.store else 'read'} on {_receivers(self.on, True)}"


class Contains(NamedTuple):
    """``key in x`` on a known receiver."""

    on: tuple[str, ...]

    def describe(self) -> str:
        return f"``key in`` {_receivers(self.on, True)}"


class Builtin(NamedTuple):
    """``str(x)`` / ``repr(x)`` on a known receiver."""

    names: tuple[str, ...]
    on: tuple[str, ...]

    def describe(self) -> str:
        return f"{_names(self.names, after='()')} of {_receivers(self.on, True)}"


class ListUse(NamedTuple):
    """The result of ``x.METHOD()`` used as a list: indexed, sorted in place, measured."""

    methods: tuple[str, ...]
    on: tuple[str, ...]
    fix: Rewrite | None = None

    def describe(self) -> str:
        return f"results of {_names(self.methods, '.', '()')} on {_receivers(self.on, True)} indexed, sorted in place or measured"


class ServedNames(NamedTuple):
    """Module-level names old code imports, each with what the shim serves for it.

    ``serves`` pairs the name's dotted path (``django.http.get_host``) with the
    dotted path of the object served there
    (``django_http_compat.legacy.module_names.get_host``), imported on first
    use.  ``legacy/module_names.py`` serves exactly these names, and the audit
    and the docs read them without importing Django.
    """

    serves: tuple[tuple[str, str], ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The dotted paths old code imports."""
        return tuple(name for name, _target in self.serves)

    def describe(self) -> str:
        return f"imports and uses of {_names(self.names)}"


class Setting(NamedTuple):
    """The setting ``NAME``: assigned in a module, read from settings, or overridden."""

    name: str

    def describe(self) -> str:
        return f"the ``{self.name}`` setting: assigned, read from ``settings`` or overridden"


class AbsoluteLocation(NamedTuple):
    """``response["Location"]`` compared with an absolute URL (in tests, typically)."""

    def describe(self) -> str:
        return "a ``Location`` header compared with an absolute ``http(s)://`` URL"


class NotFindable(NamedTuple):
    """No source shape shows the feature; ``why`` says what depends on it instead."""

    why: str


Pattern = (
    Attribute
    | Method
    | Keyword
    | Positional
    | IteratorContent
    | Item
    | Contains
    | Builtin
    | ListUse
    | ServedNames
    | Setting
    | AbsoluteLocation
)


_KIND_NAMES = {
    "post": "request.POST",
    "querydict": "QueryDict",
    "user": "request.user",
    "upload": "uploaded file",
    "media_type": "MediaType",
}


def _names(names: tuple[str, ...], before: str = "", after: str = "") -> str:
    return ", ".join(f"``{before}{name}{after}``" for name in names)


def _receivers(kinds: tuple[str, ...], only_known: bool = False) -> str:
    named = " or ".join(_KIND_NAMES.get(kind, kind) for kind in kinds)
    return f"a known {named}" if only_known else f"a {named} (possible on other objects)"


def _calls(groups: tuple[str, ...]) -> str:
    return ", ".join(
        {"response": "response classes", "redirect": "redirects", "other": "other responses"}.get(
            g, f"``{g}()``"
        )
        for g in groups
    )
