"""``--fix``: the rewrites that keep behaviour, applied with LibCST.

LibCST keeps every comment, blank line and quote style, so a fixed file
differs from the original only where a legacy use was.  The audit decides
what to rewrite (certain findings whose pattern declares a ``Rewrite``);
this module locates each one by the position where its identifying name
ends and applies it.  The result contains no pattern the audit finds, so a
second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

try:
    import libcst as cst
    from libcst.metadata import ParentNodeProvider, PositionProvider
except ImportError:  # pragma: no cover - exercised only without the extra installed
    cst = None  # type: ignore[assignment]

from .audit import Finding

INSTALL_HINT = "--fix needs LibCST: pip install 'django-http-compat[fix]'"


def available() -> bool:
    return cst is not None


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


class _Rewriter(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider, ParentNodeProvider)

    def __init__(self, findings: Iterable[Finding]) -> None:
        super().__init__()
        self.todo = {f.anchor: f for f in findings if f.fixable}
        self.done: list[Finding] = []
        #: Comparisons built here that a surrounding ``not`` may turn into ``not in`` / ``!=``.
        self.negatable: set[int] = set()

    def _anchor(self, name: cst.CSTNode) -> tuple[int, int]:
        end = self.get_metadata(PositionProvider, name).end
        return end.line, end.column

    def _take(self, name: cst.CSTNode) -> Finding | None:
        finding = self.todo.pop(self._anchor(name), None)
        if finding is not None:
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
        finding = self.todo.get(self._anchor(original.attr))
        if finding is not None and finding.fix.how == "rename":  # attributes and method names
            self._take(original.attr)
            return updated.with_changes(attr=cst.Name(finding.fix.to))
        return updated

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        anchor = func.attr if isinstance(func, cst.Attribute) else func
        finding = self._take(anchor)
        if finding is None:
            return self._keywords(updated, original)
        how, to = finding.fix.how, finding.fix.to
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
                return receiver
            return cst.Call(func=cst.Name("iter"), args=[cst.Arg(receiver)])
        if how == "contains":
            key = updated.args[0].value
            if _needs_parentheses(key):
                key = key.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
            comparison = cst.Comparison(left=key, comparisons=[cst.ComparisonTarget(cst.In(), receiver)])
            self.negatable.add(id(comparison))
            return self._wrap(original, comparison)
        if how == "header_comparison":
            comparison = cst.parse_expression(
                f'{_code(receiver)}.headers.get("x-requested-with") == "XMLHttpRequest"'
            )
            self.negatable.add(id(comparison))
            return self._wrap(original, comparison)
        if how == "keywords":
            names = to.split(",")
            args = list(updated.args)
            for index, name in enumerate(names, start=1):
                if index < len(args) and args[index].keyword is None:
                    args[index] = args[index].with_changes(
                        keyword=cst.Name(name),
                        equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
                    )
            return updated.with_changes(args=args)
        raise ValueError(f"unknown rewrite {how!r}")

    def _keywords(self, updated: cst.Call, original: cst.Call) -> cst.Call:
        args = list(updated.args)
        changed = False
        for index, arg in enumerate(original.args):
            if arg.keyword is None:
                continue
            finding = self._take(arg.keyword)
            if finding is not None and finding.fix.how == "rename":
                args[index] = args[index].with_changes(keyword=cst.Name(finding.fix.to))
                changed = True
        return updated.with_changes(args=args) if changed else updated

    def leave_UnaryOperation(
        self, original: cst.UnaryOperation, updated: cst.UnaryOperation
    ) -> cst.BaseExpression:
        """``not k in q`` -> ``k not in q``; ``not a == b`` -> ``a != b``."""
        inner = updated.expression
        if isinstance(updated.operator, cst.Not) and id(inner) in self.negatable:
            (target,) = inner.comparisons
            operator = cst.NotIn() if isinstance(target.operator, cst.In) else cst.NotEqual()
            return inner.with_changes(
                comparisons=[target.with_changes(operator=operator)], lpar=updated.lpar, rpar=updated.rpar
            )
        return updated


def fix_source(source: bytes, findings: Iterable[Finding]) -> tuple[bytes, list[Finding]]:
    """(new source, the findings rewritten) for one module's bytes."""
    if cst is None:
        raise RuntimeError(INSTALL_HINT)
    module = cst.parse_module(source)
    rewriter = _Rewriter(findings)
    fixed = cst.MetadataWrapper(module).visit(rewriter)
    return fixed.bytes, rewriter.done
