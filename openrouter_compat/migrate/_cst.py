"""Small libcst helpers the rules share: reading literals, dotted names and keyword arguments, editing calls."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import libcst as cst

ENV_READERS = frozenset({"os.getenv", "getenv", "os.environ.get", "environ.get"})
ENVIRON = frozenset({"os.environ", "environ"})


def dotted(node: cst.BaseExpression) -> str | None:
    """`a.b.c` for a Name/Attribute chain, `f()` / `self.f()` for a call of one without arguments."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    if isinstance(node, cst.Call) and not node.args:
        base = dotted(node.func)
        return None if base is None else f"{base}()"
    return None


def string_value(node: cst.BaseExpression | None, constants: dict[str, str] | None = None) -> str | None:
    """The value of a plain string literal (or of a module constant bound to one)."""
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.Name) and constants is not None:
        return constants.get(node.value)
    return None


def env_read(node: cst.BaseExpression | None) -> tuple[str, cst.BaseExpression | None] | None:
    """`(NAME, default)` when `node` reads an environment variable: `os.getenv("NAME", d)`, `os.environ["NAME"]`."""
    if isinstance(node, cst.Call) and dotted(node.func) in ENV_READERS and node.args:
        name = string_value(node.args[0].value)
        if name is None:
            return None
        return name, node.args[1].value if len(node.args) > 1 else None
    if (
        isinstance(node, cst.Subscript)
        and dotted(node.value) in ENVIRON
        and len(node.slice) == 1
        and isinstance(node.slice[0].slice, cst.Index)
    ):
        name = string_value(node.slice[0].slice.value)
        return None if name is None else (name, None)
    return None


def kwarg(call: cst.Call, name: str) -> cst.Arg | None:
    """The keyword argument `name=` of `call`, if given."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    return None


def keywords(call: cst.Call) -> set[str]:
    return {arg.keyword.value for arg in call.args if arg.keyword is not None}


def has_star_args(call: cst.Call) -> bool:
    return any(arg.star for arg in call.args)


def make_arg(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        keyword=cst.Name(name),
        value=value,
        equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
    )


def replace_args(call: cst.Call, args: Sequence[cst.Arg]) -> cst.Call:
    """`call` with `args`, keeping the original separator layout (one per line stays one per line)."""
    old = list(call.args)
    new = list(args)
    if not new:
        return call.with_changes(args=[], whitespace_before_args=cst.SimpleWhitespace(""))
    separator: cst.Comma | None = None
    for arg in old[:-1]:
        if isinstance(arg.comma, cst.Comma):
            separator = arg.comma
            break
    if separator is None:
        separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    after = separator.whitespace_after
    if isinstance(after, cst.ParenthesizedWhitespace):
        # the borrowed separator ends a line: copy the line break, not that line's trailing blanks or comment
        first_line = cst.TrailingWhitespace(whitespace=cst.SimpleWhitespace(""), newline=after.first_line.newline)
        separator = separator.with_changes(whitespace_after=after.with_changes(first_line=first_line))
    last = old[-1] if old else None
    fixed: list[cst.Arg] = []
    for arg in new[:-1]:
        own = arg.comma if isinstance(arg.comma, cst.Comma) and (last is None or arg.comma is not last.comma) else None
        fixed.append(arg.with_changes(comma=own or separator, whitespace_after_arg=cst.SimpleWhitespace("")))
    if last is None:
        fixed.append(new[-1])
    else:
        fixed.append(new[-1].with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg))
    return call.with_changes(args=fixed)


def without(call: cst.Call, names: Iterable[str]) -> list[cst.Arg]:
    drop = set(names)
    return [arg for arg in call.args if arg.keyword is None or arg.keyword.value not in drop]


def attribute_chain(root: cst.BaseExpression, names: Sequence[str]) -> cst.BaseExpression:
    node = root
    for name in names:
        node = cst.Attribute(value=node, attr=cst.Name(name))
    return node


def parse_expression(code: str) -> cst.BaseExpression:
    return cst.parse_expression(code)


def ms_to_seconds(node: cst.BaseExpression) -> cst.BaseExpression:
    """`timeout_ms` value -> seconds: a literal is divided here, anything else gets `/ 1000`."""
    if isinstance(node, cst.Integer):
        return cst.Float(repr(int(node.value.replace("_", "")) / 1000))
    if not isinstance(node, cst.Name | cst.Attribute | cst.Call | cst.Subscript):
        node = node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.BinaryOperation(left=node, operator=cst.Divide(), right=cst.Integer("1000"))
