"""``--fix``: the rewrites that keep behaviour, applied with LibCST.

LibCST keeps every comment, blank line and quote style, so a fixed file
differs from the original only where a legacy use was.  The audit decides
what to rewrite (certain findings whose pattern declares a ``Rewrite``, in
calls that unpack no ``*args``/``**kwargs``); this module finds each one by
the position where its identifying name ends, checks that the node there is
the legacy name the audit saw, and applies it; a finding whose node does not
match is left alone and reported.  A file LibCST cannot reproduce byte for
byte is not rewritten at all.  The result contains no pattern the audit
finds, so a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

try:
    import libcst as cst
    from libcst.metadata import ParentNodeProvider, PositionProvider
except ImportError:  # pragma: no cover - exercised in a subprocess without the extra
    cst = None  # type: ignore[assignment]
    ParentNodeProvider = PositionProvider = None  # type: ignore[assignment,misc]

from .findings import Finding

INSTALL_HINT = 'the rewrites need LibCST: pip install "django-http-compat[fix]"'


def available() -> bool:
    return cst is not None


class Unfixable(Exception):
    """A file that is not rewritten; the message says why."""


# Parents under which a comparison needs no parentheses of its own.
_LOOSE_PARENTS = (
    "If",
    "While",
    "Assert",
    "Return",
    "Assign",
    "AnnAssign",
    "Arg",
    "Element",
    "DictElement",
    "BooleanOperation",
    "CompIf",
    "Expr",
    "IfExp",
    "Lambda",
)


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)


def _needs_parentheses(node: cst.BaseExpression) -> bool:
    """An argument that must be parenthesized to stand left of ``in``."""
    return not isinstance(
        node,
        (
            cst.Name,
            cst.Attribute,
            cst.Call,
            cst.Subscript,
            cst.SimpleString,
            cst.Integer,
            cst.ConcatenatedString,
        ),
    )


class _Rewriter(cst.CSTTransformer if cst is not None else object):  # type: ignore[misc]
    METADATA_DEPENDENCIES = (PositionProvider, ParentNodeProvider)

    def __init__(self, findings: Iterable[Finding]) -> None:
        super().__init__()
        self.todo = {f.anchor: f for f in findings if f.fixable}
        self.done: list[Finding] = []
        #: Findings whose position holds another name than the audit saw: left alone.
        self.mismatched: list[Finding] = []
        #: Comparisons built here that a surrounding ``not`` may turn into ``not in`` / ``!=``.
        self.negatable: set[int] = set()

    def _anchor(self, name: cst.CSTNode) -> tuple[int, int]:
        end = self.get_metadata(PositionProvider, name).end
        return end.line, end.column

    def _take(self, name: cst.CSTNode, how: tuple[str, ...] | None = None) -> Finding | None:
        """The finding anchored at ``name``, if it is the legacy name the audit saw there."""
        anchor = self._anchor(name)
        finding = self.todo.get(anchor)
        if finding is None or (how is not None and finding.fix.how not in how):  # type: ignore[union-attr]
            return None
        del self.todo[anchor]
        if not isinstance(name, cst.Name) or name.value != finding.name:
            self.mismatched.append(finding)
            return None
        self.done.append(finding)
        return finding

    def _in_loose_context(self, original: cst.CSTNode) -> bool:
        parent = self.get_metadata(ParentNodeProvider, original, None)
        return type(parent).__name__ in _LOOSE_PARENTS or isinstance(parent, cst.UnaryOperation)

    def _wrap(self, original: cst.CSTNode, new: cst.BaseExpression) -> cst.BaseExpression:
        if self._in_loose_context(original):
            return new
        return new.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression:
        finding = self._take(original.attr, ("rename",))  # attributes and method names
        if finding is not None:
            return updated.with_changes(attr=cst.Name(finding.fix.to))  # type: ignore[union-attr]
        return updated

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        anchor = func.attr if isinstance(func, cst.Attribute) else func
        finding = self._take(
            anchor, ("property", "list", "iterate", "contains", "header_comparison", "keywords")
        )
        if finding is None:
            return self._keywords(updated, original)
        how, to = finding.fix.how, finding.fix.to  # type: ignore[union-attr]
        receiver = updated.func.value if isinstance(updated.func, cst.Attribute) else None
        if how == "property":
            return updated.func.with_changes(lpar=updated.lpar, rpar=updated.rpar)
        if how == "list":
            return cst.Call(
                func=cst.Name("list"), args=[cst.Arg(updated.with_changes(lpar=[], rpar=[]))]
            ).with_changes(lpar=updated.lpar, rpar=updated.rpar)
        if how == "iterate":
            parent = self.get_metadata(ParentNodeProvider, original, None)
            if isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is original:
                return receiver  # type: ignore[return-value]  # these fixes are for method calls
            return cst.Call(func=cst.Name("iter"), args=[cst.Arg(receiver)])  # type: ignore[arg-type]  # these fixes are for method calls
        if how == "contains":
            key = updated.args[0].value
            if _needs_parentheses(key):
                key = key.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
            comparison = cst.Comparison(left=key, comparisons=[cst.ComparisonTarget(cst.In(), receiver)])  # type: ignore[arg-type]  # these fixes are for method calls
            self.negatable.add(id(comparison))
            return self._wrap(original, comparison)
        if how == "header_comparison":
            comparison = cst.parse_expression(
                f'{_code(receiver)}.headers.get("x-requested-with") == "XMLHttpRequest"'  # type: ignore[arg-type]  # these fixes are for method calls
            )
            self.negatable.add(id(comparison))
            return self._wrap(original, comparison)
        names = to.split(",")  # how == "keywords"
        args = list(updated.args)
        for index, name in enumerate(names, start=1):
            if index < len(args) and args[index].keyword is None:
                args[index] = args[index].with_changes(
                    keyword=cst.Name(name),
                    equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
                )
        return updated.with_changes(args=args)

    def _keywords(self, updated: cst.Call, original: cst.Call) -> cst.Call:
        args = list(updated.args)
        changed = False
        for index, arg in enumerate(original.args):
            if arg.keyword is None:
                continue
            finding = self._take(arg.keyword, ("rename",))
            if finding is not None:
                args[index] = args[index].with_changes(keyword=cst.Name(finding.fix.to))  # type: ignore[union-attr]
                changed = True
        return updated.with_changes(args=args) if changed else updated

    def leave_UnaryOperation(
        self, original: cst.UnaryOperation, updated: cst.UnaryOperation
    ) -> cst.BaseExpression:
        """``not k in q`` -> ``k not in q``; ``not a == b`` -> ``a != b``."""
        inner = updated.expression
        if isinstance(updated.operator, cst.Not) and id(inner) in self.negatable:
            (target,) = inner.comparisons  # type: ignore[attr-defined]  # negatable: a Comparison
            operator = cst.NotIn() if isinstance(target.operator, cst.In) else cst.NotEqual()
            return inner.with_changes(
                comparisons=[target.with_changes(operator=operator)], lpar=updated.lpar, rpar=updated.rpar
            )
        return updated


def _parse_exactly(source: bytes) -> tuple[cst.Module, Callable[[bytes], bytes]]:
    """The module, and how to turn LibCST's output back into the file's own line endings.

    LibCST drops the last ``\\r`` of a file with CR-only line endings and the form
    feed that starts a line; a file it cannot reproduce unchanged is not rewritten.
    """
    candidates: list[tuple[bytes, Callable[[bytes], bytes]]] = [(source, lambda fixed: fixed)]
    if b"\r" in source and b"\n" not in source:
        candidates.append((source.replace(b"\r", b"\n"), lambda fixed: fixed.replace(b"\n", b"\r")))
    problem = None
    for text, restore in candidates:
        try:
            module = cst.parse_module(text)
        except (cst.ParserSyntaxError, SyntaxError, UnicodeDecodeError) as exc:
            problem = f"LibCST cannot parse it ({getattr(exc, 'message', exc)})"
            continue
        if module.bytes == text:
            return module, restore
    if problem is not None:
        raise Unfixable(problem)
    raise Unfixable("LibCST does not reproduce it byte for byte (a form feed at the start of a line?)")


def fix_source(source: bytes, findings: Iterable[Finding]) -> tuple[bytes, list[Finding], list[Finding]]:
    """(new source, the findings rewritten, the findings left because their node did not match).

    Raises Unfixable for a file that cannot be rewritten exactly.
    """
    if cst is None:
        raise Unfixable(INSTALL_HINT)
    module, restore = _parse_exactly(source)
    rewriter = _Rewriter(findings)
    fixed = cst.MetadataWrapper(module).visit(rewriter)
    left = rewriter.mismatched + list(rewriter.todo.values())
    return restore(fixed.bytes), rewriter.done, left
