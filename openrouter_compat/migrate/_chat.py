"""Edits every source shares once its calls go to our client: typed fields out of `extra_body`, attribution."""

from __future__ import annotations

import libcst as cst

from ._context import Rule
from ._cst import has_star_args, keywords, kwarg, make_arg, replace_args, string_value
from ._facts import ATTRIBUTION_HEADERS, BODY_FIELDS, is_placeholder


def split_attribution(headers: cst.Dict) -> tuple[cst.Dict | None, list[cst.Arg], list[str]]:
    """Attribution headers of a dict literal as client arguments; the dict left (None if empty); placeholders."""
    kept: list[cst.BaseDictElement] = []
    args: list[cst.Arg] = []
    placeholders: list[str] = []
    for element in headers.elements:
        key = string_value(element.key) if isinstance(element, cst.DictElement) else None
        target = ATTRIBUTION_HEADERS.get(key.lower()) if key is not None else None
        if target is None or not isinstance(element, cst.DictElement):
            kept.append(element)
            continue
        value = string_value(element.value)
        if value is not None and is_placeholder(value):
            placeholders.append(f"{key}: {value}")
            continue
        if target in {arg.keyword.value for arg in args if arg.keyword}:
            continue  # X-Title and X-OpenRouter-Title both given: the first wins, as on the wire
        args.append(make_arg(target, element.value))
    if not kept:
        return None, args, placeholders
    if kept and kept[-1] is not headers.elements[-1]:
        kept[-1] = kept[-1].with_changes(comma=headers.elements[-1].comma)
    return headers.with_changes(elements=kept), args, placeholders


def fix_chat_call(rule: Rule, original: cst.Call, call: cst.Call) -> cst.Call:
    """A `chat.completions.create` on our client: OpenRouter fields out of `extra_body`, quick-start headers gone.

    With `**kwargs` in the call nothing moves: a field given both ways would be a duplicate keyword."""
    if has_star_args(call):
        return call
    given = keywords(call)
    args: list[cst.Arg] = []
    moved: list[cst.Arg] = []
    changed = False
    for arg in call.args:
        name = arg.keyword.value if arg.keyword is not None else None
        if name == "extra_body" and isinstance(arg.value, cst.Dict):
            left: list[cst.BaseDictElement] = []
            for element in arg.value.elements:
                key = string_value(element.key) if isinstance(element, cst.DictElement) else None
                if isinstance(element, cst.DictElement) and key in BODY_FIELDS and key not in given:
                    moved.append(make_arg(key, element.value))
                    given.add(key)
                else:
                    left.append(element)
            changed = changed or len(left) != len(arg.value.elements) or not left
            if left:
                if left[-1] is not arg.value.elements[-1]:
                    left[-1] = left[-1].with_changes(comma=arg.value.elements[-1].comma)
                args.append(arg.with_changes(value=arg.value.with_changes(elements=left)))
            continue
        if name == "extra_headers" and isinstance(arg.value, cst.Dict):
            rest, attribution, placeholders = split_attribution(arg.value)
            if attribution:
                rule.note(original, "per-request attribution headers kept; set app_url=/app_title= on the client once")
            elif placeholders:
                rule.note(original, "removed placeholder attribution headers (" + ", ".join(placeholders) + ")")
                changed = True
                if rest is not None:
                    args.append(arg.with_changes(value=rest))
                continue
            args.append(arg)
            continue
        args.append(arg)
    if not changed and not moved:
        return call
    if moved:
        rule.note(original, "moved " + ", ".join(a.keyword.value for a in moved if a.keyword) + " out of extra_body")
    return replace_args(call, args + moved)


def chat_method(call: cst.Call) -> cst.BaseExpression | None:
    """The receiver `X` of `X.chat.completions.create/parse/stream(...)`, else None."""
    func = call.func
    if not (isinstance(func, cst.Attribute) and func.attr.value in {"create", "parse", "stream"}):
        return None
    completions = func.value
    if not (isinstance(completions, cst.Attribute) and completions.attr.value == "completions"):
        return None
    chat = completions.value
    if not (isinstance(chat, cst.Attribute) and chat.attr.value == "chat"):
        return None
    return chat.value


__all__ = ["chat_method", "fix_chat_call", "kwarg", "split_attribution"]
