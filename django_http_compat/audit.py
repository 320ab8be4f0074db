"""The static audit: every use of a legacy API in Python source, by file and line.

Source is parsed with ``ast`` and never imported or run, so it works on code
that cannot be imported here.  The rules are the ``finds=`` patterns the
features declare; this module only interprets them.

A finding is *certain* when the receiver is known to be a request, response,
QueryDict, user or upload: a parameter named ``request`` or ``response``,
``self.request``, ``request.GET``, a response class called, a test client
call, or a name assigned from one of those in the same function.  Elsewhere a
distinctive name (``is_ajax()``, ``raw_post_data``) is reported as
*possible*; common names (``x[key]``, ``key in x``) are reported only on
known receivers.  Only certain findings are rewritten by ``--fix``.
"""

from __future__ import annotations

import ast
import fnmatch
import functools
import os
import re
import tokenize
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import rules
from .features import FEATURES, FEATURES_BY_ID, Feature

# Directories never worth walking into when a tree is audited.
SKIPPED_DIRECTORIES = {"__pycache__", "node_modules", "site-packages", "venv"}

_RESPONSE_MODULES = ("django.http", "django.http.response", "django.template.response", "django_http_compat")
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
_LIST_ONLY_METHODS = {"sort", "append", "extend", "insert", "reverse", "remove", "pop", "index", "count"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    #: 1-based column, in characters.
    col: int
    feature: str
    certain: bool
    #: The rewrite ``--fix`` applies; None when the change must be made by hand.
    fix: rules.Rewrite | None = None
    #: (line, 0-based column) where the identifying name ends; autofix finds the node by it.
    anchor: tuple[int, int] = (0, 0)

    @property
    def fixable(self) -> bool:
        return self.certain and self.fix is not None

    def describe(self) -> str:
        feature = FEATURES_BY_ID[self.feature]
        how = "certain" if self.certain else "possible"
        if self.fixable:
            how += ", fixable"
        return f"{self.path}:{self.line}:{self.col} {self.feature} — {feature.removal} — use {feature.replacement} ({how})"

    def as_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "feature": self.feature,
            "certain": self.certain,
            "fixable": self.fixable,
            "removed_in": FEATURES_BY_ID[self.feature].removed,
            "replacement": FEATURES_BY_ID[self.feature].replacement,
        }


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    #: (path, reason) of files that could not be read or parsed.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0


@functools.cache
def served_names() -> dict[str, str]:
    """Dotted name -> feature id, for every module-level name the shim serves."""
    from .names import LEGACY_NAMES

    return {f"{module}.{name}": legacy.feature_id for (module, name), legacy in LEGACY_NAMES.items()}


@functools.cache
def _swap_aliases() -> dict[str, str]:
    """``django_http_compat.X`` -> the legacy name it stands for (``MergeDict``)."""
    from . import SWAP_IMPORTS
    from .names import LEGACY_NAMES

    return {
        f"django_http_compat.{name}": f"{module}.{name}"
        for module, name in LEGACY_NAMES
        if name in SWAP_IMPORTS
    }


def _patterns(features: Iterable[Feature]) -> list[tuple[str, rules.Pattern]]:
    return [(f.id, p) for f in features for p in f.patterns]


def _matches(kind: str | None, on: tuple[str, ...]) -> bool:
    return kind in on or (kind == "post" and "querydict" in on)


def _certainty(kind: str | None, on: tuple[str, ...], only_known: bool) -> bool | None:
    """True (certain), False (possible) or None (not a finding) for a receiver of ``kind``."""
    if _matches(kind, on):
        return True
    if kind is None and not only_known:
        return False
    return None


def _is_false_constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and not node.value and node.value is not None


class _Bindings:
    """Names bound in one scope to a known receiver kind, or to a list-returning call."""

    def __init__(self) -> None:
        self.kinds: dict[str, str] = {}
        #: ``request.POST = ...`` somewhere in the scope makes later writes to it legitimate.
        self.post_replaced = False
        self.list_results: dict[str, list[ast.Call]] = {}


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_ASSIGNMENTS = (ast.Assign, ast.AnnAssign, ast.NamedExpr)


class ModuleAudit(ast.NodeVisitor):
    """Finds the patterns in one parsed module."""

    def __init__(self, path: str, source: str, patterns: list[tuple[str, rules.Pattern]]) -> None:
        self.path = path
        self.lines = source.splitlines()
        self.by_type: dict[type, list[tuple[str, rules.Pattern]]] = {}
        for feature_id, pattern in patterns:
            self.by_type.setdefault(type(pattern), []).append((feature_id, pattern))
        self.served = served_names()
        self.imports: dict[str, str] = {}
        self.generators: set[str] = set()
        self.scopes: list[_Bindings] = []
        self.findings: dict[tuple, Finding] = {}

    # --- positions --------------------------------------------------------------------
    def _char_col(self, line: int, byte_col: int) -> int:
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    def _end(self, node: ast.AST) -> tuple[int, int]:
        return node.end_lineno, self._char_col(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]

    def _add(self, node: ast.AST, feature: str, certain: bool, fix=None, anchor=None) -> None:
        line = node.lineno  # type: ignore[attr-defined]
        col = self._char_col(line, node.col_offset) + 1  # type: ignore[attr-defined]
        key = (line, col, feature)
        previous = self.findings.get(key)
        if previous is None or (certain and not previous.certain):
            self.findings[key] = Finding(
                self.path, line, col, feature, certain, fix, anchor or self._end(node)
            )

    def _each(self, pattern_type: type) -> list[tuple[str, rules.Pattern]]:
        return self.by_type.get(pattern_type, [])

    # --- names and receivers ----------------------------------------------------------
    def qualified(self, node: ast.expr) -> str | None:
        """The dotted name an expression refers to through the module's imports."""
        if isinstance(node, ast.Name):
            return self.imports.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.qualified(node.value)
            return f"{base}.{node.attr}" if base else None
        return None

    def call_group(self, call: ast.Call) -> tuple[str | None, bool]:
        """(group, certain) of a response class or shortcut call, else (None, False)."""
        name = self.qualified(call.func)
        if name is not None:
            if name in _SHORTCUTS:
                return _SHORTCUTS[name], True
            module, _, short = name.rpartition(".")
            if module in _RESPONSE_MODULES and (
                short.startswith("HttpResponse") or short in _OTHER_RESPONSES
            ):
                return self._response_group(short), True
            return None, False
        func = call.func
        short = (
            func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        )
        if short.startswith("HttpResponse"):
            return self._response_group(short), False
        return None, False

    @staticmethod
    def _response_group(short: str) -> str:
        if short in _REDIRECTS:
            return "redirect"
        if short in _OTHER_RESPONSES:
            return "other"
        return "response"

    def lookup(self, name: str) -> str | None:
        for scope in reversed(self.scopes):
            if name in scope.kinds:
                return scope.kinds[name]
        return None

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
        if isinstance(node, ast.Await):
            return self.kind_of(node.value)
        if isinstance(node, ast.Name):
            return self.lookup(node.id)
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "self" and node.attr == "request":
                return "request"
            base = self.kind_of(node.value)
            if base == "request" and node.attr == "POST" and self.scopes and self.scopes[-1].post_replaced:
                return "querydict"
            if base == "request":
                return {"GET": "querydict", "POST": "post", "REQUEST": "querydict", "user": "user"}.get(
                    node.attr, "files" if node.attr == "FILES" else None
                )
            if base == "response" and node.attr == "wsgi_request":
                return "request"
            return None
        if isinstance(node, ast.Subscript):
            return "upload" if self.kind_of(node.value) == "files" else None
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                receiver = self.kind_of(func.value)
                if receiver == "files" and func.attr == "get":
                    return "upload"
                if _matches(receiver, ("querydict",)) and func.attr == "copy":
                    return "querydict"
                if func.attr in _CLIENT_VERBS and self._is_client(func.value):
                    return "response"
                if func.attr == "get_response":
                    return "response"
            if isinstance(func, ast.Name) and func.id == "get_response":
                return "response"
            if self.qualified(func) in ("django.http.QueryDict", "django.http.request.QueryDict"):
                return "querydict"
            group, certain = self.call_group(node)
            if certain and group is not None:
                return "response"
        return None

    # --- scopes -----------------------------------------------------------------------
    def _prepare(self, tree: ast.Module) -> None:
        """One pass over the module: its imports, its generator functions, each scope's assignments."""
        self.assignments: dict[ast.AST, list[ast.AST]] = {tree: []}
        stack: list[tuple[ast.AST, ast.AST]] = [(child, tree) for child in ast.iter_child_nodes(tree)]
        while stack:
            node, scope = stack.pop()
            if isinstance(node, _ASSIGNMENTS):
                self.assignments[scope].append(node)
            elif isinstance(node, (ast.Yield, ast.YieldFrom)) and isinstance(scope, ast.FunctionDef):
                self.generators.add(scope.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.imports[alias.asname] = alias.name
                    else:
                        top = alias.name.partition(".")[0]
                        self.imports[top] = top
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    self.imports[alias.asname or alias.name] = _swap_aliases().get(full, full)
            if isinstance(node, _FUNCTIONS):
                self.assignments[node] = []
                scope = node
            stack.extend((child, scope) for child in ast.iter_child_nodes(node))

    def _bind_scope(self, owner: ast.AST, params: ast.arguments | None) -> _Bindings:
        scope = _Bindings()
        self.scopes.append(scope)
        if params is not None:
            for arg in [*params.posonlyargs, *params.args, *params.kwonlyargs]:
                if arg.arg in ("request", "response"):
                    scope.kinds[arg.arg] = arg.arg
        statements = self.assignments[owner]
        for _ in range(2):  # a second pass sees names bound from names bound later in the text
            for node in statements:
                if isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                elif node.value is not None:
                    targets, value = [node.target], node.value
                else:
                    continue
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr == "POST":
                        scope.post_replaced |= self.kind_of(target.value) == "request"
                    if not isinstance(target, ast.Name):
                        continue
                    kind = self.kind_of(value)
                    if kind is not None:
                        scope.kinds[target.id] = kind
                    if self._list_call(value) is not None:
                        calls = scope.list_results.setdefault(target.id, [])
                        if value not in calls:
                            calls.append(value)  # type: ignore[arg-type]
        return scope

    def _list_call(self, node: ast.expr) -> tuple[str, rules.ListUse] | None:
        """(feature, pattern) when ``node`` is ``q.keys()`` (etc.) on a known QueryDict."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args):
            return None
        for feature_id, pattern in self._each(rules.ListUse):
            if node.func.attr in pattern.methods and _matches(self.kind_of(node.func.value), pattern.on):
                return feature_id, pattern  # type: ignore[return-value]
        return None

    def _list_use(self, call: ast.expr) -> None:
        found = self._list_call(call)
        if found is not None:
            feature_id, pattern = found
            self._add(call, feature_id, True, pattern.fix, self._end(call.func))  # type: ignore[attr-defined]

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

    def audit(self, tree: ast.Module) -> list[Finding]:
        self._prepare(tree)
        self._bind_scope(tree, None)
        self.visit(tree)
        return sorted(self.findings.values(), key=lambda f: (f.line, f.col, f.feature))

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        self._bind_scope(node, node.args)
        for statement in node.body:
            self.visit(statement)
        self.scopes.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = _visit_function

    # --- the patterns -----------------------------------------------------------------
    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and not node.level:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                feature_id = self.served.get(_swap_aliases().get(full, full))
                if feature_id is not None and self._wanted(feature_id, rules.ServedNames):
                    self._add(alias, feature_id, True)

    def _wanted(self, feature_id: str, pattern_type: type) -> bool:
        return any(fid == feature_id for fid, _ in self._each(pattern_type))

    def _served_use(self, node: ast.expr) -> None:
        name = self.qualified(node)
        if name is None:
            return
        feature_id = self.served.get(name)
        if feature_id is not None and self._wanted(feature_id, rules.ServedNames):
            self._add(node, feature_id, True)
        for feature_id, pattern in self._each(rules.Setting):
            if name == f"django.conf.settings.{pattern.name}":
                self._add(node, feature_id, True)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self._served_use(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self._served_use(node)
        for feature_id, pattern in self._each(rules.Attribute):
            if node.attr in pattern.names:
                certain = _certainty(self.kind_of(node.value), pattern.on, pattern.only_known)
                if certain is not None:
                    self._add(node, feature_id, certain, pattern.fix)
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        if len(self.scopes) == 1:
            for feature_id, pattern in self._each(rules.Setting):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == pattern.name:
                        self._add(target, feature_id, True)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        receiver = self.kind_of(node.value)
        key = node.slice
        for feature_id, pattern in self._each(rules.Item):
            if not _matches(receiver, pattern.on):
                continue
            if pattern.store != isinstance(node.ctx, (ast.Store, ast.Del)):
                continue
            if pattern.keys and not (isinstance(key, ast.Constant) and key.value in pattern.keys):
                continue
            self._add(node, feature_id, True)
        if isinstance(node.ctx, ast.Load):
            self._list_use_of_name(node.value)
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, (ast.In, ast.NotIn)):
                receiver = self.kind_of(right)
                for feature_id, pattern in self._each(rules.Contains):
                    if _matches(receiver, pattern.on):
                        self._add(node, feature_id, True)
        if len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            self._absolute_location(node, [node.left, node.comparators[0]])
        self.generic_visit(node)

    def _absolute_location(self, node: ast.AST, operands: list[ast.expr]) -> None:
        url = re.compile(r"^https?://", re.I)
        if not any(
            isinstance(o, ast.Constant) and isinstance(o.value, str) and url.match(o.value) for o in operands
        ):
            return
        for operand in operands:
            if (
                isinstance(operand, ast.Subscript)
                and isinstance(operand.slice, ast.Constant)
                and str(operand.slice.value).lower() == "location"
            ):
                certain = self.kind_of(operand.value) == "response"
                for feature_id, _ in self._each(rules.AbsoluteLocation):
                    self._add(operand, feature_id, certain)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute):
            receiver = self.kind_of(func.value)
            for feature_id, pattern in self._each(rules.Method):
                if func.attr in pattern.names and (pattern.args is None or len(node.args) == pattern.args):
                    if node.keywords and pattern.args is not None:
                        continue
                    certain = _certainty(receiver, pattern.on, pattern.only_known)
                    if certain is not None:
                        self._add(node, feature_id, certain, pattern.fix, self._end(func))
            if func.attr in _LIST_ONLY_METHODS:
                self._list_use_of_name(func.value)
            if func.attr in ("assertEqual", "assertEquals", "assertNotEqual") and len(node.args) >= 2:
                self._absolute_location(node, list(node.args[:2]))
        elif isinstance(func, ast.Name) and self.lookup(func.id) is None and func.id not in self.imports:
            for feature_id, pattern in self._each(rules.Builtin):
                if (
                    func.id in pattern.names
                    and len(node.args) == 1
                    and _matches(self.kind_of(node.args[0]), pattern.on)
                ):
                    self._add(node, feature_id, True)
            if func.id == "len" and len(node.args) == 1:
                self._list_use_of_name(node.args[0], keys_allowed=False)
        self._response_call(node)
        if self.qualified(func) in ("django.test.override_settings", "django.test.utils.override_settings"):
            for feature_id, pattern in self._each(rules.Setting):
                for keyword in node.keywords:
                    if keyword.arg == pattern.name:
                        self._add(keyword, feature_id, True)
        self.generic_visit(node)

    def _response_call(self, node: ast.Call) -> None:
        group, certain = self.call_group(node)
        if group is None:
            return
        starred = any(isinstance(a, ast.Starred) for a in node.args)
        keywords = {k.arg for k in node.keywords}
        for feature_id, pattern in self._each(rules.Keyword):
            if group not in pattern.calls:
                continue
            for keyword in node.keywords:
                if keyword.arg in pattern.names and (not pattern.falsy or _is_false_constant(keyword.value)):
                    fix = pattern.fix
                    if fix is not None and fix.how == "rename" and fix.to in keywords:
                        fix = None
                    end = (
                        keyword.lineno,
                        self._char_col(keyword.lineno, keyword.col_offset) + len(keyword.arg),
                    )
                    self._add(keyword, feature_id, certain, fix, end)
        for feature_id, pattern in self._each(rules.Positional):
            if group in pattern.calls and len(node.args) > pattern.after and not starred:
                fix = pattern.fix
                if fix is not None:
                    names = fix.to.split(",")
                    if len(node.args) - 1 > len(names) or keywords & set(names):
                        fix = None
                self._add(node, feature_id, certain, fix, self._end(node.func))
        if group == "response" and node.args:
            content = node.args[0]
            iterator = isinstance(content, ast.GeneratorExp) or (
                isinstance(content, ast.Call)
                and isinstance(content.func, ast.Name)
                and (content.func.id in ("iter", "open") or content.func.id in self.generators)
            )
            if iterator:
                for feature_id, _ in self._each(rules.IteratorContent):
                    self._add(node, feature_id, certain)


def _read(path: Path) -> str:
    with tokenize.open(path) as handle:  # honours PEP 263 coding cookies of old code
        return handle.read()


def audit_source(path: str, source: str, features: Iterable[Feature] = FEATURES) -> list[Finding]:
    """Findings in one module's source; raises SyntaxError/ValueError if it does not parse."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # invalid escapes in old code are not our finding
        tree = ast.parse(source, filename=path)
    return ModuleAudit(path, source, _patterns(features)).audit(tree)


def python_files(paths: Iterable[str | os.PathLike], exclude: Iterable[str] = ()) -> Iterator[Path]:
    """The .py files under ``paths``, skipping hidden, cache and virtualenv directories."""
    patterns = list(exclude)
    for start in map(Path, paths):
        if start.is_file():
            yield start
            continue
        for directory, subdirectories, files in os.walk(start):
            subdirectories[:] = sorted(
                d
                for d in subdirectories
                if not d.startswith(".")
                and d not in SKIPPED_DIRECTORIES
                and not _excluded(Path(directory, d), start, patterns)
            )
            for name in sorted(files):
                candidate = Path(directory, name)
                if name.endswith(".py") and not _excluded(candidate, start, patterns):
                    yield candidate


def _excluded(path: Path, start: Path, patterns: list[str]) -> bool:
    relative = path.relative_to(start).as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) for p in patterns)


def audit_paths(
    paths: Iterable[str | os.PathLike], features: Iterable[Feature] = FEATURES, exclude: Iterable[str] = ()
) -> Report:
    """Audit every Python file under ``paths``; files that cannot be read are listed, not fatal."""
    report = Report()
    features = list(features)
    for path in python_files(paths, exclude):
        report.files += 1
        try:
            source = _read(path)
            report.findings.extend(audit_source(str(path), source, features))
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
            report.skipped.append((str(path), f"{type(exc).__name__}: {exc}"))
    return report
