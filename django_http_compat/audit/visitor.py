"""The pattern matcher: one handler per node type, matching the patterns the registry declares.

The tree is walked once, with an explicit stack rather than recursion, so a long
generated expression (a 600-term sum nests 600 levels deep) cannot exhaust
Python's recursion limit.  Positions are converted from ``ast``'s UTF-8 byte
columns to characters on the lines Python itself sees: split at ``\\n``,
``\\r\\n`` and ``\\r`` only, never at the form feeds and Unicode separators
``str.splitlines()`` also breaks at.
"""

from __future__ import annotations

import ast
import functools
import re
import warnings
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django_http_compat import rules
from django_http_compat.features import FEATURES, Feature, served_names

from .findings import Certainty, Finding
from .receivers import ENTER, MULTIVALUE_METHODS, Bindings, Receivers, certainty, matches, swap_aliases

_LIST_ONLY_METHODS = {"sort", "append", "extend", "insert", "reverse", "remove", "pop", "index", "count"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_URL = re.compile(r"^https?://", re.I)
_OVERRIDE_SETTINGS = ("django.test.override_settings", "django.test.utils.override_settings")
P = TypeVar("P")


def split_lines(source: str) -> list[str]:
    """The lines as Python's tokenizer counts them."""
    return _LINE_BREAK.split(source)


def _is_false_constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and not node.value and node.value is not None


def _starts_with_url(node: ast.expr) -> bool:
    """``"http://..."``, or a text built from one: ``"http://testserver" + url``, an f-string, ``%``."""
    while isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        node = node.left
    if isinstance(node, ast.JoinedStr) and node.values:
        node = node.values[0]
    return (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and _URL.match(node.value) is not None
    )


def _unpacks(call: ast.Call) -> bool:
    """``*args`` or ``**kwargs`` in the call: what it passes is unknown, so no rewrite is proven."""
    return any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)


class ModuleAudit(Receivers):
    """Finds the patterns in one parsed module."""

    def __init__(self, path: str, source: str, patterns: list[tuple[str, rules.Pattern]]) -> None:
        super().__init__()
        self.path = path
        self.lines = None if source.isascii() else split_lines(source)
        self.by_type: dict[type, list[tuple[str, rules.Pattern]]] = {}
        for feature_id, pattern in patterns:
            self.by_type.setdefault(type(pattern), []).append((feature_id, pattern))
        self.served = {f"{module}.{name}": fid for (module, name), fid in served_names().items()}
        self.findings: dict[tuple[int, int, str], Finding] = {}
        # Each handler takes the node type it is filed under, which a dict's type cannot say.
        self._handlers: dict[type, Callable[[Any], None]] = {
            ast.ImportFrom: self.visit_ImportFrom,
            ast.Attribute: self.visit_Attribute,
            ast.Assign: self.visit_Assign,
            ast.Subscript: self.visit_Subscript,
            ast.Compare: self.visit_Compare,
            ast.Call: self.visit_Call,
        }
        self.handled = set(self._handlers)

    # --- positions -----------------------------------------------------------------
    def _char_col(self, line: int, byte_col: int) -> int:
        if self.lines is None:
            return byte_col
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    def _end(self, node: ast.AST) -> tuple[int, int]:
        return node.end_lineno, self._char_col(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]

    def _add(
        self,
        node: ast.AST,
        feature: str,
        how: Certainty,
        fix: rules.Rewrite | None = None,
        anchor: tuple[int, int] | None = None,
        name: str = "",
    ) -> None:
        line = node.lineno  # type: ignore[attr-defined]
        col = self._char_col(line, node.col_offset) + 1  # type: ignore[attr-defined]
        key = (line, col, feature)
        previous = self.findings.get(key)
        if previous is None or (how == "certain" and not previous.certain):
            end_line, end_col = self._end(node)
            self.findings[key] = Finding(
                self.path,
                line,
                col,
                feature,
                how,
                fix,
                end_line,
                end_col + 1,
                anchor or (end_line, end_col),
                name,
            )

    def _each(self, kind: type[P]) -> list[tuple[str, P]]:
        return self.by_type.get(kind, [])  # type: ignore[return-value]

    # --- walking -------------------------------------------------------------------
    def audit(self, tree: ast.Module) -> list[Finding]:
        order = self.prepare(tree)
        prefixes = _served_prefixes(tuple(p.name for _, p in self._each(rules.Setting)))
        self._served_heads = {local for local, full in self.imports.items() if full in prefixes}
        self._overrides = (
            any(v in _OVERRIDE_SETTINGS for v in self.imports.values()) or "django" in self.imports
        )
        for name in self.loaded_names:
            if name.id in self._served_heads:
                self._served_use(name)
        self.bind_scope(tree, None)
        handlers = self._handlers
        for item in order:
            if type(item) is tuple:
                marker, node = item
                if type(node) is ast.ClassDef:
                    if marker == ENTER:
                        self.enter_class(node)
                    else:
                        self.classes.pop()
                elif marker == ENTER:
                    self.bind_scope(node, node.args)  # type: ignore[union-attr]  # not a class: a function
                else:
                    self.scopes.pop()
                continue
            handler = handlers.get(type(item))
            if handler is not None:
                handler(item)
        return sorted(self.findings.values(), key=lambda f: (f.line, f.col, f.feature))

    # --- list results --------------------------------------------------------------
    def note_list_result(self, scope: Bindings, name: str, value: ast.expr) -> None:
        if self._list_call(value) is not None:
            calls = scope.list_results.setdefault(name, [])
            if value not in calls:
                calls.append(value)  # type: ignore[arg-type]

    def _list_call(self, node: ast.expr) -> tuple[str, rules.ListUse] | None:
        """(feature, pattern) when ``node`` is ``q.keys()`` (etc.) on a known QueryDict."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args):
            return None
        for feature_id, pattern in self._each(rules.ListUse):
            if node.func.attr in pattern.methods and matches(self.kind_of(node.func.value), pattern.on):
                return feature_id, pattern
        return None

    def _list_use(self, call: ast.expr) -> None:
        found = self._list_call(call)
        if found is not None:
            feature_id, pattern = found
            func = call.func  # type: ignore[attr-defined]
            self._add(call, feature_id, "certain", pattern.fix, self._end(func), func.attr)

    def _list_use_of_name(self, node: ast.expr, keys_allowed: bool = True) -> None:
        if isinstance(node, ast.Name):
            for scope in reversed(self.scopes):
                if node.id in scope.list_results:
                    for call in scope.list_results[node.id]:
                        if keys_allowed or call.func.attr != "keys":  # type: ignore[attr-defined]
                            self._list_use(call)
                    return
        elif keys_allowed or not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "keys"):
            self._list_use(node)

    # --- the patterns --------------------------------------------------------------
    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and not node.level:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                feature_id = self.served.get(swap_aliases().get(full, full))
                if feature_id is not None and self._wanted(feature_id, rules.ServedNames):
                    self._add(alias, feature_id, "certain")

    def _wanted(self, feature_id: str, pattern_type: type) -> bool:
        return any(fid == feature_id for fid, _ in self._each(pattern_type))

    def _served_use(self, node: ast.expr) -> None:
        head = node
        while type(head) is ast.Attribute:
            head = head.value
        if type(head) is not ast.Name or head.id not in self._served_heads:
            return  # the common case: no import leads to a served name or setting
        name = self.qualified(node)
        if name is None:
            return
        feature_id = self.served.get(name)
        if feature_id is not None and self._wanted(feature_id, rules.ServedNames):
            self._add(node, feature_id, "certain")
        for feature_id, pattern in self._each(rules.Setting):
            if name == f"django.conf.settings.{pattern.name}":
                self._add(node, feature_id, "certain")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self._served_use(node)
        patterns = self._each(rules.Attribute)
        if not any(node.attr in pattern.names for _, pattern in patterns):
            return
        receiver = self.kind_of(node.value)
        for feature_id, pattern in patterns:
            if node.attr in pattern.names:
                how = certainty(receiver, pattern.on, pattern.only_known)
                if how is not None:
                    self._add(node, feature_id, how, pattern.fix, name=node.attr)  # type: ignore[arg-type]

    def visit_Assign(self, node: ast.Assign) -> None:
        if len(self.scopes) == 1 and not self.classes:
            for feature_id, pattern in self._each(rules.Setting):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == pattern.name:
                        self._add(target, feature_id, "certain")

    def visit_Subscript(self, node: ast.Subscript) -> None:
        receiver = self.kind_of(node.value)
        key = node.slice
        for feature_id, pattern in self._each(rules.Item):
            if not matches(receiver, pattern.on):
                continue
            if pattern.store != isinstance(node.ctx, (ast.Store, ast.Del)):
                continue
            if pattern.keys and not (isinstance(key, ast.Constant) and key.value in pattern.keys):
                continue
            self._add(node, feature_id, "certain")
        if isinstance(node.ctx, ast.Load):
            self._list_use_of_name(node.value)

    def visit_Compare(self, node: ast.Compare) -> None:
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, (ast.In, ast.NotIn)):
                receiver = self.kind_of(right)
                for feature_id, pattern in self._each(rules.Contains):
                    if matches(receiver, pattern.on):
                        self._add(node, feature_id, "certain")
        if len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            self._absolute_location([node.left, node.comparators[0]])

    def _absolute_location(self, operands: list[ast.expr]) -> None:
        if not any(_starts_with_url(o) for o in operands):
            return
        for operand in operands:
            if (
                isinstance(operand, ast.Subscript)
                and isinstance(operand.slice, ast.Constant)
                and str(operand.slice.value).lower() == "location"
            ):
                how: Certainty = "certain" if self.kind_of(operand.value) == "response" else "possible"
                for feature_id, _ in self._each(rules.AbsoluteLocation):
                    self._add(operand, feature_id, how)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        unpacks = _unpacks(node)
        if isinstance(func, ast.Attribute):
            methods = self._each(rules.Method)
            if any(func.attr in pattern.names for _, pattern in methods):
                receiver = self.kind_of(func.value)
                for feature_id, pattern in methods:
                    if func.attr not in pattern.names:
                        continue
                    if pattern.args is not None and (node.keywords or len(node.args) != pattern.args):
                        continue
                    how = certainty(receiver, pattern.on, pattern.only_known)
                    if how is not None:
                        fix = None if unpacks else pattern.fix
                        self._add(node, feature_id, how, fix, self._end(func), func.attr)  # type: ignore[arg-type]
            if func.attr in _LIST_ONLY_METHODS:
                self._list_use_of_name(func.value)
            if func.attr in ("assertEqual", "assertEquals", "assertNotEqual") and len(node.args) >= 2:
                self._absolute_location(list(node.args[:2]))
        elif isinstance(func, ast.Name) and self.lookup(func.id) is None:
            for feature_id, pattern in self._each(rules.Builtin):
                if (
                    func.id in pattern.names
                    and len(node.args) == 1
                    and matches(self.kind_of(node.args[0]), pattern.on)
                ):
                    self._add(node, feature_id, "certain")
            if func.id == "len" and len(node.args) == 1:
                self._list_use_of_name(node.args[0], keys_allowed=False)
        self._response_call(node, unpacks)
        if self._overrides and self.qualified(func) in _OVERRIDE_SETTINGS:
            for feature_id, pattern in self._each(rules.Setting):
                for keyword in node.keywords:
                    if keyword.arg == pattern.name:
                        self._add(keyword, feature_id, "certain")

    def _response_call(self, node: ast.Call, unpacks: bool) -> None:
        called = self.call_group(node)
        if called is None:
            return
        group = called.group
        how: Certainty = "certain" if called.certain else "possible"
        keywords = {k.arg for k in node.keywords}
        for feature_id, pattern in self._each(rules.Keyword):
            if group not in pattern.calls:
                continue
            for keyword in node.keywords:
                if keyword.arg in pattern.names and (not pattern.falsy or _is_false_constant(keyword.value)):
                    fix = None if unpacks else pattern.fix
                    if fix is not None and fix.how == "rename" and fix.to in keywords:
                        fix = None
                    end = (
                        keyword.lineno,
                        self._char_col(keyword.lineno, keyword.col_offset) + len(keyword.arg),
                    )
                    self._add(keyword, feature_id, how, fix, end, keyword.arg)
        if called.first is None:
            return  # a subclass of the module's own: its positional arguments may be its own
        args = node.args[called.first :]
        starred = any(isinstance(a, ast.Starred) for a in args)
        for feature_id, pattern in self._each(rules.Positional):
            if group in pattern.calls and len(args) > pattern.after and not starred:
                fix = None if unpacks or called.first else pattern.fix
                if fix is not None:
                    names = fix.to.split(",")
                    if len(args) - 1 > len(names) or keywords & set(names):
                        fix = None
                anchor_name = (
                    node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                )
                self._add(node, feature_id, how, fix, self._end(node.func), anchor_name)
        if group == "response" and args:
            content = args[0]
            iterator = isinstance(content, ast.GeneratorExp) or (
                isinstance(content, ast.Call)
                and isinstance(content.func, ast.Name)
                and (content.func.id in ("iter", "open") or content.func.id in self.generators)
            )
            if iterator:
                for feature_id, _ in self._each(rules.IteratorContent):
                    self._add(node, feature_id, how)


@functools.lru_cache(maxsize=16)
def _served_prefixes(settings: tuple[str, ...]) -> frozenset[str]:
    """Every dotted prefix of a served name or a setting (``django``, ``django.http`` ...)."""
    names = [f"{module}.{name}" for module, name in served_names()]
    names += [f"django.conf.settings.{setting}" for setting in settings]
    return frozenset(n.rsplit(".", depth)[0] for n in names for depth in range(n.count(".") + 1))


def patterns_of(features: Iterable[Feature]) -> list[tuple[str, rules.Pattern]]:
    return [(f.id, p) for f in features for p in f.patterns]


#: Words one of which every finding's source contains: the receivers known by name
#: (``request``, ``response``, ``HttpResponse``, ``QueryDict``, the test ``client``),
#: the modules whose names are served (imported as ``django.http`` or ``from django
#: import http``) and the ``Location`` header.  Distinctive names reported on any
#: receiver are added per feature; so are the MultiValueDict methods that make a
#: receiver QueryDict-shaped.  Words in ``_WHOLE_WORDS`` must stand alone.
_RECEIVER_WORDS = (
    "request",
    "response",
    "querydict",
    "client",
    "location",
    "http",
    "django_http_compat",
    "wsgi",
    "datastructures",
    "shortcuts",
)
_WHOLE_WORDS = {"http", "wsgi", "datastructures", "shortcuts", "lists"}


@functools.lru_cache(maxsize=64)
def _prefilter(patterns: tuple[tuple[str, rules.Pattern], ...]) -> tuple[list[str], list[re.Pattern[str]]]:
    words = set(_RECEIVER_WORDS)
    for _, pattern in patterns:
        if isinstance(pattern, (rules.Attribute, rules.Method)):
            if not pattern.only_known:
                words.update(pattern.names)
            elif "querydict" in pattern.on:
                words.update(MULTIVALUE_METHODS)
        elif isinstance(pattern, rules.Setting):
            words.add(pattern.name)
    words = {w.lower() for w in words}
    return sorted(words - _WHOLE_WORDS), [
        re.compile(rf"\b{w}\b", re.IGNORECASE) for w in sorted(words & _WHOLE_WORDS)
    ]


def could_match(text: str, patterns: list[tuple[str, rules.Pattern]]) -> bool:
    """False when no pattern can match anywhere in ``text``: then it need not be parsed.

    Substring tests on the lower-cased text: a regular expression of thirty
    alternatives would cost as much as parsing.
    """
    words, whole = _prefilter(tuple(patterns))
    lowered = text.lower()
    if any(word in lowered for word in words):
        return True
    return any(w.pattern[2:-2] in lowered and w.search(text) for w in whole)


def parse(path: str, source: str) -> ast.Module:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # invalid escapes in old code are not our finding
        return ast.parse(source, filename=path)


def audit_source(path: str, source: str, features: Iterable[Feature] = FEATURES) -> list[Finding]:
    """Findings in one module's source; raises SyntaxError/ValueError if it does not parse."""
    return ModuleAudit(path, source, patterns_of(features)).audit(parse(path, source))
