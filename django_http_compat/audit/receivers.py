"""What kind of object an expression is, as far as the source shows.

A kind is one of the receiver kinds patterns name (``request``, ``post``,
``querydict``, ``files``, ``user``, ``upload``, ``response``; see rules.py),
``static`` for a name bound by an import or a class statement (a module or a
class, never a request), or ``shaped`` for a name on which a method only a
MultiValueDict has (``getlist()``, ``iterlists()`` ...) is called in the same
scope.  None means unknown.

Everything is read from one module's syntax tree: imports, the classes it
defines (and which of them extend Django's response classes), and the names
each function binds.
"""

from __future__ import annotations

import ast
import functools
from typing import Any, NamedTuple

from django_http_compat import SWAP_IMPORTS
from django_http_compat.features import served_names

RESPONSE_MODULES = ("django.http", "django.http.response", "django.template.response", "django_http_compat")
_REDIRECTS = {"HttpResponseRedirect", "HttpResponsePermanentRedirect"}
_OTHER_RESPONSES = {
    "HttpResponseNotAllowed",
    "StreamingHttpResponse",
    "FileResponse",
    "JsonResponse",
    "SimpleTemplateResponse",
    "TemplateResponse",
}
_SHORTCUTS = {
    "django.shortcuts.render_to_response": "render_to_response",
    "django.shortcuts.render": "render",
}
_CLIENT_VERBS = {"get", "post", "put", "patch", "delete", "head", "options", "trace", "generic"}
#: Methods only a MultiValueDict (QueryDict, request.FILES) has: a receiver of one is QueryDict-shaped.
MULTIVALUE_METHODS = {"getlist", "setlist", "appendlist", "setlistdefault", "lists", "iterlists", "urlencode"}
_QUERYDICT_KINDS = ("post", "files")

_ASSIGNMENT_TYPES = {ast.Assign, ast.AnnAssign, ast.NamedExpr}
#: Markers in the visiting order prepare() returns.
ENTER, LEAVE = "enter", "leave"
#: A marker with the function or class whose body it opens or closes.
Marker = tuple[str, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]


@functools.cache
def swap_aliases() -> dict[str, str]:
    """``django_http_compat.X`` -> the legacy name it stands for (``MergeDict``)."""
    return {
        f"django_http_compat.{name}": f"{module}.{name}"
        for module, name in served_names()
        if name in SWAP_IMPORTS
    }


def matches(kind: str | None, on: tuple[str, ...]) -> bool:
    """Is a receiver of ``kind`` one of the kinds a pattern requires?"""
    return kind in on or (kind in _QUERYDICT_KINDS and "querydict" in on)


def certainty(kind: str | None, on: tuple[str, ...], only_known: bool) -> str | None:
    """``"certain"``, ``"possible"`` or None (not a finding) for a receiver of ``kind``."""
    if matches(kind, on):
        return "certain"
    if kind == "shaped" and "querydict" in on:
        return "possible"
    if kind is None and not only_known:
        return "possible"
    return None


def dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of names, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


#: Fields that never hold a node (names, flags, constants' values), and contexts and
#: operators (Load, Add, Eq ...), which hold nothing a pattern matches.
_LEAF_FIELDS = {"ctx", "op", "ops", "id", "attr", "arg", "name", "module", "level", "kind", "is_async"}
_LEAF_FIELDS |= {"conversion", "type_comment", "asname", "lineno", "end_lineno"}


def _child_fields(kind: type) -> tuple[str, ...]:
    if kind is ast.Constant:
        return ()
    return tuple(f for f in kind._fields if f not in _LEAF_FIELDS)  # type: ignore[attr-defined]


_FIELDS: dict[type, tuple[str, ...]] = {}


def children(node: ast.AST) -> list[ast.AST]:
    """The node's child nodes in source order; ``ast.iter_child_nodes`` without the generator."""
    kind = type(node)
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = _child_fields(kind)
    found: list[ast.AST] = []
    for name in fields:
        value = getattr(node, name, None)
        if isinstance(value, list):
            found.extend(v for v in value if isinstance(v, ast.AST))
        elif isinstance(value, ast.AST):
            found.append(value)
    return found


class CallGroup(NamedTuple):
    """What a call builds: ``response``, ``redirect``, ``other`` or a shortcut's name."""

    group: str
    certain: bool
    #: Index of the content argument (1 in ``HttpResponse.__init__(self, content)``),
    #: or None when the positional arguments may not be Django's.
    first: int | None = 0


class Bindings:
    """Names one scope binds to a known receiver kind, or to a list-returning call."""

    def __init__(self) -> None:
        self.kinds: dict[str, str] = {}
        #: ``request.POST = ...`` somewhere in the scope makes later writes to it legitimate.
        self.post_replaced = False
        self.list_results: dict[str, list[ast.Call]] = {}
        self.shaped: set[str] = set()


class Receivers:
    """Receiver inference for one module; the visitor in visitor.py extends it."""

    def __init__(self) -> None:
        self.imports: dict[str, str] = {}
        self.generators: set[str] = set()
        self.scopes: list[Bindings] = []
        #: Every class the module defines, and those that extend a response class (name -> group).
        self.class_names: set[str] = set()
        self.response_classes: dict[str, str] = {}
        #: (group, certain) of each enclosing class statement's response base (None if it has none).
        self.classes: list[tuple[str, bool] | None] = []
        self.star_response_import = False
        #: Node types the visitor has a handler for; prepare() lists only those.
        self.handled: set[type] = set()

    # --- names ---------------------------------------------------------------------
    def qualified(self, node: ast.expr) -> str | None:
        """The dotted name an expression refers to through the module's imports."""
        head = node
        while type(head) is ast.Attribute:
            head = head.value
        if type(head) is not ast.Name or head.id not in self.imports:
            return None  # the common case, decided before any string is built
        name = dotted(node)
        head_name, _, rest = name.partition(".")  # type: ignore[union-attr]
        base = self.imports[head_name]
        return f"{base}.{rest}" if rest else base

    def _class_group(self, node: ast.expr) -> tuple[str, bool] | None:
        """(group, certain) when ``node`` names a response class: Django's (certain) or the module's own subclass."""
        name = self.qualified(node)
        if name is not None:
            module, _, short = name.rpartition(".")
            if module in RESPONSE_MODULES and _is_response_name(short):
                return _response_group(short), True
            return None
        if isinstance(node, ast.Name) and node.id in self.response_classes:
            return self.response_classes[node.id], False
        short = (
            node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
        )
        if isinstance(node, ast.Name) and short in self.class_names:
            return None  # the module's own class of that name, not Django's
        if short.startswith("HttpResponse") or (isinstance(node, ast.Name) and short in _OTHER_RESPONSES):
            # ``from django.http import *`` makes the bare name Django's.
            return _response_group(short), isinstance(node, ast.Name) and self.star_response_import
        return None

    def call_group(self, call: ast.Call) -> CallGroup | None:
        """What a call of a response class, a shortcut or a response ``__init__`` builds."""
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "__init__":
            owner = func.value
            if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super":
                enclosing = self.classes[-1] if self.classes else None
                if enclosing is None:
                    return None
                return CallGroup(enclosing[0], enclosing[1], 0 if enclosing[1] else None)
            found = self._class_group(owner)
            if found is None:
                return None
            return CallGroup(found[0], found[1], 1 if found[1] else None)
        name = self.qualified(func)
        if name in _SHORTCUTS:
            return CallGroup(_SHORTCUTS[name], True)
        found = self._class_group(func)
        if found is None:
            return None
        group, certain = found
        local = isinstance(func, ast.Name) and func.id in self.response_classes
        return CallGroup(group, certain, None if local else 0)

    def enter_class(self, node: ast.ClassDef) -> None:
        """Push the class statement; a response subclass gets the group of its base.

        ``super().__init__`` of a class built directly on Django's class is certain;
        on one of the module's own subclasses, which may change the signature, possible.
        """
        enclosing = None
        for base in node.bases:
            found = self._class_group(base)
            if found is not None and (found[1] or base_is_local(base, self.response_classes)):
                enclosing = found
                break
        if enclosing is not None:
            self.response_classes[node.name] = enclosing[0]
        self.classes.append(enclosing)

    def lookup(self, name: str) -> str | None:
        for scope in reversed(self.scopes):
            if name in scope.kinds:
                return scope.kinds[name]
        if name in self.imports or name in self.class_names:
            return "static"
        return None

    def _shaped(self, node: ast.expr) -> bool:
        key = dotted(node)
        return key is not None and any(key in scope.shaped for scope in self.scopes)

    def _is_client(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return node.value.id == "self" and node.attr in ("client", "async_client")
        if isinstance(node, ast.Name):
            return node.id in ("client", "async_client")
        return isinstance(node, ast.Call) and self.qualified(node.func) in (
            "django.test.Client",
            "django.test.client.Client",
            "django.test.AsyncClient",
        )

    def kind_of(self, node: ast.expr) -> str | None:
        """The receiver kind of an expression, when the audit can tell."""
        kind = self._kind_of(node)
        if kind is None and self._shaped(node):
            return "shaped"
        return kind

    def _kind_of(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Await):
            return self.kind_of(node.value)
        if isinstance(node, ast.Name):
            return self.lookup(node.id)
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "self" and node.attr == "request":
                return "request"
            base = self._kind_of(node.value)
            if base == "request":
                if node.attr == "POST" and self.scopes and self.scopes[-1].post_replaced:
                    return "querydict"
                return {
                    "GET": "querydict",
                    "POST": "post",
                    "REQUEST": "querydict",
                    "user": "user",
                    "FILES": "files",
                }.get(node.attr)
            if base == "response" and node.attr == "wsgi_request":
                return "request"
            return None
        if isinstance(node, ast.Subscript):
            return "upload" if self._kind_of(node.value) == "files" else None
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                receiver = self._kind_of(func.value)
                if receiver == "files" and func.attr == "get":
                    return "upload"
                if matches(receiver, ("querydict",)) and func.attr == "copy":
                    return "querydict"
                if func.attr in _CLIENT_VERBS and self._is_client(func.value):
                    return "response"
                if func.attr == "get_response":
                    return "response"
            if isinstance(func, ast.Name) and func.id == "get_response":
                return "response"
            if self.qualified(func) in ("django.http.QueryDict", "django.http.request.QueryDict"):
                return "querydict"
            if self.qualified(func) == "django.http.request.MediaType":
                return "media_type"
            group = self.call_group(node)
            if group is not None and group.certain and group.first == 0:
                return "response"
        return None

    # --- scopes --------------------------------------------------------------------
    def prepare(self, tree: ast.Module) -> list[ast.AST | Marker]:
        """One pass over the module: imports, classes, generator functions, each scope's assignments.

        Returns the nodes of the types in ``handled``, in the order the visitor handles them, with ``(ENTER, node)``
        and ``(LEAVE, node)`` around each function and class body, so the tree is
        walked once.  Decorators, defaults, bases and keywords come before the body.
        """
        self.assignments: dict[ast.AST, list[ast.AST]] = {tree: []}
        self.shaped_in: dict[ast.AST, set[str]] = {tree: set()}
        #: Names read anywhere, matched against served names after the walk (no scope matters there).
        self.loaded_names: list[ast.Name] = []
        order: list[ast.AST | Marker] = []
        stack: list[tuple[Any, Any]] = [(child, tree) for child in reversed(children(tree))]
        while stack:
            node, scope = stack.pop()
            if isinstance(node, tuple):
                order.append(node)
                continue
            kind = type(node)
            if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                self.assignments[node] = []
                self.shaped_in[node] = set()
                stack.append(((LEAVE, node), None))
                stack.extend([(child, node) for child in reversed(node.body)])
                stack.append(((ENTER, node), None))
                outer = [*node.decorator_list, *node.args.defaults, *(d for d in node.args.kw_defaults if d)]
                stack.extend([(child, scope) for child in reversed(outer)])
                continue
            if kind is ast.ClassDef:
                self.class_names.add(node.name)
                stack.append(((LEAVE, node), None))
                stack.extend([(child, scope) for child in reversed(node.body)])
                stack.append(((ENTER, node), None))
                stack.extend(
                    [
                        (child, scope)
                        for child in reversed([*node.decorator_list, *node.bases, *node.keywords])
                    ]
                )
                continue
            if kind is ast.Name:
                if type(node.ctx) is ast.Load:
                    self.loaded_names.append(node)
                continue  # a Name has no children
            if kind in self.handled:
                order.append(node)
            if kind in _ASSIGNMENT_TYPES:
                self.assignments[scope].append(node)
            elif kind is ast.Call:
                func = node.func
                if isinstance(func, ast.Attribute) and func.attr in MULTIVALUE_METHODS:
                    key = dotted(func.value)
                    if key is not None:
                        self.shaped_in[scope].add(key)
            elif kind is ast.Yield or kind is ast.YieldFrom:
                if isinstance(scope, ast.FunctionDef):
                    self.generators.add(scope.name)
            elif kind is ast.Import:
                for alias in node.names:
                    if alias.asname:
                        self.imports[alias.asname] = alias.name
                    else:
                        top = alias.name.partition(".")[0]
                        self.imports[top] = top
            elif kind is ast.ImportFrom and node.module and not node.level:
                if node.module in RESPONSE_MODULES and any(a.name == "*" for a in node.names):
                    self.star_response_import = True
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    self.imports[alias.asname or alias.name] = swap_aliases().get(full, full)
            elif kind is ast.ImportFrom:  # relative: a name, but of the project's own
                for alias in node.names:
                    self.imports.setdefault(alias.asname or alias.name, f".{alias.name}")
            elif kind is ast.Lambda:
                self.assignments[node] = []
                self.shaped_in[node] = set()
                scope = node
            stack.extend([(child, scope) for child in reversed(children(node))])
        return order

    def bind_scope(self, owner: ast.AST, params: ast.arguments | None) -> Bindings:
        scope = Bindings()
        self.scopes.append(scope)
        scope.shaped = self.shaped_in[owner]
        if params is not None:
            for arg in [*params.posonlyargs, *params.args, *params.kwonlyargs]:
                if arg.arg in ("request", "response"):
                    scope.kinds[arg.arg] = arg.arg
        statements = self.assignments[owner]
        for _ in range(2):  # a second pass sees names bound from names bound later in the text
            for node in statements:
                if isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                elif node.value is not None:  # type: ignore[attr-defined]
                    targets, value = [node.target], node.value  # type: ignore[attr-defined]
                else:
                    continue
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr == "POST":
                        scope.post_replaced |= self._kind_of(target.value) == "request"
                    if not isinstance(target, ast.Name):
                        continue
                    kind = self._kind_of(value)
                    if kind is not None and kind != "static":
                        scope.kinds[target.id] = kind
                    self.note_list_result(scope, target.id, value)
        return scope

    def note_list_result(self, scope: Bindings, name: str, value: ast.expr) -> None:
        """Overridden by the visitor: remember ``name = q.keys()`` on a known QueryDict."""


def _is_response_name(short: str) -> bool:
    return short.startswith("HttpResponse") or short in _OTHER_RESPONSES


def _response_group(short: str) -> str:
    if short in _REDIRECTS:
        return "redirect"
    if short in _OTHER_RESPONSES:
        return "other"
    return "response"


def base_is_local(base: ast.expr, response_classes: dict[str, str]) -> bool:
    """A base that is one of the module's own response subclasses (itself built on Django's)."""
    return isinstance(base, ast.Name) and base.id in response_classes
