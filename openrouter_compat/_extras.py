"""The request-validation contract, in one place, and the merging of OpenRouter's request fields.

1. A known field with a wrong-typed value, or a value JSON cannot carry -> `OpenRouterValidationError`.
2. An unknown key or enum value that is a near-typo of a known one -> refused, "did you mean ...".
3. Any other unknown key, enum value, plugin id or tool type -> sent as given, with one
   `OpenRouterUnknownFieldWarning` per field and value.

`validation="strict"` refuses (3) too; `validation="off"` checks nothing. Types are checked by a cached
pydantic adapter (strict) over the TypedDicts in `types/`, which are open where OpenRouter's API is; then a
walk over the caller's value finds what those types do not know. What is sent is the caller's own value.

Most calls end before pydantic: `_shapes.is_clean` certifies "nothing new, nothing unsendable", and
`_validation_memory` remembers values that passed.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import math
import re
import sys
import typing
import warnings
from collections.abc import Iterator, Mapping
from typing import Any, Literal, cast

import pydantic
from openai._types import Omit, omit

from ._exceptions import OpenRouterValidationError
from ._shapes import Fallback, element_types, hints_of, is_clean_object, is_passthrough, likely_types, shape_of, unwrap
from ._validation_memory import (
    FINGERPRINT_LIMIT,
    ITEM,
    PASSED,
    Kept,
    fingerprint,
    has_long_list,
    item_dumps,
    not_yet_passed,
    passed_items,
    relocate,
    relocated_error,
    remember,
    unseen_items,
)
from ._warnings import OpenRouterUnknownFieldWarning

__all__ = [
    "ValidationMode",
    "check_fields",
    "check_sendable",
    "merge_body",
    "pop_fields",
    "select_fields",
    "validate_fields",
]

ValidationMode = Literal["strict", "warn", "off"]
"""`strict`: unknown keys and values are refused too; `warn` (default): sent with a warning; `off`: no checks."""
VALIDATION_MODES: tuple[ValidationMode, ...] = ("strict", "warn", "off")

_WARNED: set[tuple[str, str]] = set()
_WARNED_LIMIT = 4096
"""Warnings already emitted (field, value), so a loop sending the same new value warns once."""


@functools.cache
def _adapter(params_type: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(params_type, config=None)


@functools.cache
def _field_names(params_type: Any) -> frozenset[str]:
    return frozenset(_field_order(params_type))


def pop_fields(kwargs: dict[str, Any], params_type: Any) -> dict[str, Any]:
    """Remove the fields of `params_type` from `kwargs` and return the ones that were given (not omitted)."""
    names = _field_names(params_type)
    found: dict[str, Any] = {}
    for name in [name for name in kwargs if name in names]:  # in the caller's order (fingerprints repeat)
        value = kwargs.pop(name)
        if not isinstance(value, Omit):
            found[name] = value
    return found


def select_fields(fields: Mapping[str, Any], params_type: Any) -> dict[str, Any]:
    """The entries of `fields` that `params_type` declares (e.g. the routing defaults one endpoint accepts)."""
    names = _field_names(params_type)
    return {name: value for name, value in fields.items() if name in names and not isinstance(value, Omit)}


def validate_fields(fields: Mapping[str, Any], params_type: Any, *, mode: ValidationMode = "warn") -> None:
    """Apply the contract above to `fields` (typed by `params_type`): raise `OpenRouterValidationError` naming
    the field, the value and what is allowed; warn about what is merely new."""
    if not fields or mode == "off":
        return
    # A long list is fingerprinted item by item first: its bytes tell whether the whole can fit the memory.
    dumps = item_dumps(fields, params_type) if isinstance(fields, dict) and has_long_list(fields) else None
    sizes = {name: sum(map(len, dumped)) for name, dumped in (dumps or {}).items()}  # a list >= its items
    key = fingerprint(fields, params_type) if sum(sizes.values()) <= FINGERPRINT_LIMIT else None
    if key is not None and key in PASSED:
        return
    kept: Kept = {}
    if isinstance(fields, dict):  # (a dict subclass too: marshal has no fingerprint of it)
        if dumps is None:
            dumps = item_dumps(fields, params_type)
        big = {name for name, size in sizes.items() if size > FINGERPRINT_LIMIT}
        fields, passed = not_yet_passed(fields, params_type, big)
        fields, kept = unseen_items(fields, params_type, dumps)
        if fields and is_clean_object(fields, params_type):  # nothing new, nothing unsendable: types remain
            _check_types(fields, params_type, kept)
            fields = {}
        if not fields:
            remember([*passed, *passed_items(kept, set())], key)
            return
    # The full checks, on what is not known to pass (every other field, every other list item, passed all of
    # them on its own); locations are the caller's (`input[7]`, not the index among the items checked).
    if kept:
        for name, value in fields.items():
            if name in kept:
                for (index, _), item in zip(kept[name], value, strict=True):
                    check_sendable(item, f"{name}[{index}]")
            else:
                check_sendable(value, name)
    else:
        check_sendable(fields)
    _check_types(fields, params_type, kept)
    flagged: set[str] = set()
    findings = _unknowns(fields, params_type, "")
    if kept:
        findings = (dataclasses.replace(finding, where=relocate(finding.where, kept)) for finding in findings)
    for finding in findings:
        if finding.suggestion is not None or mode == "strict":
            raise OpenRouterValidationError(
                finding.refusal(strict=mode == "strict"), field=finding.where, value=finding.value
            )
        _warn_once(finding)
        if match := ITEM.match(finding.where):
            flagged.add(match.group(0))
    if kept:  # the items that passed with nothing to warn about are remembered (not one that warned)
        remember(passed_items(kept, flagged), None)


def _check_types(fields: Mapping[str, Any], params_type: Any, kept: Kept) -> None:
    """The strict pydantic check of `fields`, refusing with the caller's locations (see `relocate`)."""
    try:
        _adapter(params_type).validate_python(fields, strict=True)
    except pydantic.ValidationError as exc:
        raise _to_validation_error(exc, params_type, kept) from None


def check_fields(kwargs: Mapping[str, Any], params_type: Any, *, mode: ValidationMode = "warn") -> None:
    """`validate_fields` over the entries of `kwargs` that `params_type` declares, leaving them in `kwargs` (for
    `openai`'s own arguments OpenRouter widens, e.g. `tools`, which `openai`'s helpers read). Lazy iterables
    are not consumed: only lists and tuples are checked."""
    given: dict[str, Any] = {}
    for name in _field_order(params_type):
        value = kwargs.get(name)
        if isinstance(value, list | tuple) and value:  # not an iterator to consume, nor an Omit
            given[name] = list(cast("list[Any]", value))
    if given:
        validate_fields(given, params_type, mode=mode)


@functools.cache
def _field_order(params_type: Any) -> tuple[str, ...]:
    return tuple(typing.get_type_hints(params_type))


def check_sendable(value: Any, where: str = "") -> None:
    """Refuse what JSON cannot carry: inf/nan, lone surrogates, non-string keys, Decimal and other objects."""
    kind = cast("type[object]", type(value))
    if kind is str:
        if not value.isascii():
            _check_utf8(value, where)
    elif kind is dict or (kind is not list and isinstance(value, Mapping)):
        for key, item in cast("Mapping[object, Any]", value).items():
            if type(key) is not str and not isinstance(key, str):
                _unsendable(where, key, "object keys must be strings")
            check_sendable(item, f"{where}.{key}" if where else key)
    elif kind is list or kind is tuple:
        for index, item in enumerate(cast("list[Any]", value)):
            check_sendable(item, f"{where}[{index}]")
    elif kind is float:
        if not math.isfinite(value):
            _unsendable(where, value, "JSON has no infinity or NaN")
    elif kind is int or kind is bool or value is None:
        return
    elif isinstance(value, str):  # subclasses (str enums, ...): the same rules, on the slower path
        check_sendable(str(value), where)
    elif isinstance(value, float):
        check_sendable(float(value), where)
    elif isinstance(value, list | tuple):
        check_sendable(list(cast("list[Any]", value)), where)
    elif not isinstance(value, int | datetime.date | pydantic.BaseModel):
        _unsendable(where, value, f"a {type(value).__name__} is not a JSON value (use a float, int or str)")


def _check_utf8(value: str, where: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        _unsendable(where, value, f"a lone surrogate at index {exc.start} (not valid UTF-8)")


def _unsendable(where: str, value: object, why: str) -> typing.NoReturn:
    raise OpenRouterValidationError(
        f"{where or 'request'}: invalid value {value!r}; cannot be sent as JSON: {why}", field=where, value=value
    )


def merge_body(*layers: Mapping[str, Any] | None) -> dict[str, Any]:
    """Merge request-body layers, later ones winning; `provider` objects merge key by key."""
    given = [layer for layer in layers if layer]
    if len(given) <= 1:  # the usual call: nothing to merge
        return dict(given[0]) if given else {}
    merged: dict[str, Any] = {}
    for layer in given:
        for key, value in layer.items():
            previous = merged.get(key)
            if key == "provider" and isinstance(previous, Mapping) and isinstance(value, Mapping):
                merged[key] = {**previous, **value}
            else:
                merged[key] = value
    return merged


# ----------------------------------------------------------------------------------------- what is new


@dataclasses.dataclass(frozen=True)
class _Finding:
    """Something the types do not know: an unknown `key` in an object, or an unknown enum `value`."""

    where: str
    kind: Literal["field", "value"]
    value: Any
    known: tuple[str, ...]
    closed: bool = False
    """A value outside a closed `Literal` (only reachable for types pydantic did not check)."""

    @property
    def suggestion(self) -> str | None:
        return _near_typo(self.value if self.kind == "value" else self.where.rsplit(".", 1)[-1], self.known)

    def refusal(self, *, strict: bool) -> str:
        hint = f" (did you mean {self.suggestion!r}?)" if self.suggestion else ""
        why = "; refused because validation='strict'" if strict and not hint else ""
        if self.kind == "field":
            parent, _, name = self.where.rpartition(".")
            return f"{self.where}: unknown field {name!r} in {parent or 'request'}{hint}; allowed fields: " + (
                ", ".join(self.known) + why
            )
        return f"{self.where}: invalid value {self.value!r}{hint}; expected one of {', '.join(self.known)}{why}"

    def warning(self) -> str:
        what = (
            f"unknown field {self.where!r}" if self.kind == "field" else f"{self.where}: unknown value {self.value!r}"
        )
        return (
            f"{what} is not known to openrouter_compat and was sent as given (known: {', '.join(self.known)}); "
            "pass validation='strict' to refuse it"
        )


def _warn_once(finding: _Finding) -> None:
    where = re.sub(r"\[\d+\]", "[]", finding.where)  # the same news in every item of a list (`input`) warns once
    key = (where, repr(finding.value) if finding.kind == "value" else "")
    if key in _WARNED:
        return
    if len(_WARNED) >= _WARNED_LIMIT:
        _WARNED.clear()
    _WARNED.add(key)
    warnings.warn(
        OpenRouterUnknownFieldWarning(finding.warning(), field=finding.where, value=finding.value),
        stacklevel=_caller_stacklevel(),
    )


def _caller_stacklevel() -> int:
    """The stack level of the first frame outside this package and `openai` (the user's call)."""
    frame, level = sys._getframe(2), 2
    while frame.f_back is not None and str(frame.f_globals.get("__name__", "")).startswith(
        ("openrouter_compat.", "openai.")
    ):
        frame, level = frame.f_back, level + 1
    return level


def _near_typo(given: Any, known: tuple[str, ...]) -> str | None:
    """A known name `given` is most likely a misspelling of: same after case/`-`/`_` folding, or one edit
    away (two for names of 8+ letters). Edits that only change digits (`p95` vs `p99`) are not typos."""
    if not isinstance(given, str) or not known:
        return None
    folded = _fold(given)
    best: tuple[int, str] | None = None
    for name in known:
        if _fold(name) == folded:
            return name
        limit = 1 if len(name) < 8 else 2
        distance = _edit_distance(folded, _fold(name), limit)
        if distance <= limit and not _differs_in_digits_only(given, name) and (best is None or distance < best[0]):
            best = (distance, name)
    return best[1] if best else None


def _fold(name: str) -> str:
    return name.lower().replace("-", "_").replace(" ", "_")


def _differs_in_digits_only(a: str, b: str) -> bool:
    return len(a) == len(b) and all(x == y or (x.isdigit() and y.isdigit()) for x, y in zip(a, b, strict=True))


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or `limit + 1` once it is certainly over."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _unknowns(value: Any, annotation: Any, where: str) -> Iterator[_Finding]:
    """Walk `value` along `annotation` (already type-checked) and yield every key and value it does not know."""
    found: list[_Finding] = []
    _collect(value, annotation, where, found)
    return iter(found)


def _collect(value: Any, annotation: Any, where: str, found: list[_Finding]) -> None:
    """`_unknowns` into `found` (a list, not generators: this runs on every call)."""
    kind = cast("type[object]", type(value))
    if kind is int or kind is float or kind is bool or value is None:
        return
    shape = shape_of(annotation)
    if kind is str:
        if shape.literals and value not in shape.literals:
            found.append(_Finding(where, "value", value, shape.literals, closed=not shape.open_str))
    elif kind is dict or (kind is not list and isinstance(value, Mapping)):
        value = cast("Mapping[str, Any]", value)
        candidates = likely_types(value, shape.objects)
        if not candidates and shape.mapping_of is not None:
            for key, item in value.items():
                _collect(item, shape.mapping_of, f"{where}.{key}", found)
        first: list[_Finding] | None = None
        for typed in candidates:  # the first member that knows everything, else what the likeliest lacks
            findings: list[_Finding] = []
            _collect_object(value, typed, where, findings)
            if not findings:
                return
            first = findings if first is None else first
        found += first or ()
    elif (kind is list or kind is tuple) and shape.items is not None:
        for index, item in enumerate(cast("list[Any]", value)):
            _collect(item, shape.items, f"{where}[{index}]", found)
    elif isinstance(value, str) and shape.literals and value not in shape.literals:  # a str subclass
        found.append(_Finding(where, "value", value, shape.literals, closed=not shape.open_str))


def _collect_object(value: Mapping[str, Any], typed: Any, where: str, found: list[_Finding]) -> None:
    if isinstance(typed, Fallback):
        found.append(_Finding(f"{where}.{typed.key}", "value", value.get(typed.key), typed.known))
        return
    hints, passthrough = hints_of(typed), is_passthrough(typed)
    for key, item in value.items():
        if key in hints:
            _collect(item, hints[key], f"{where}.{key}" if where else key, found)
        elif not passthrough:
            found.append(_Finding(f"{where}.{key}" if where else key, "field", item, tuple(sorted(hints))))


# -------------------------------------------------------------------------------- pydantic's refusals


def _to_validation_error(
    exc: pydantic.ValidationError, params_type: type[Any], kept: Kept | None = None
) -> OpenRouterValidationError:
    errors = (
        [relocated_error(err, kept) for err in exc.errors(include_url=False)] if kept else exc.errors(include_url=False)
    )
    first = _most_specific(errors)
    if first["type"] == "extra_forbidden":
        path = [*_field_path(first["loc"][:-1], params_type), str(first["loc"][-1])]
    else:
        path = _field_path(first["loc"], params_type)
    where = ".".join(path) or "request"
    value = first.get("input")
    if first["type"] == "extra_forbidden":
        parent = path[:-1]
        allowed = sorted({key for typ in _walk(first["loc"][:-1], params_type)[1] for key in hints_of(typ)})
        hint = difflib.get_close_matches(path[-1], allowed, n=1)
        message = (
            f"{where}: unknown field {path[-1]!r} in {'.'.join(parent) or 'request'}"
            + (f" (did you mean {hint[0]!r}?)" if hint else "")
            + f"; allowed fields: {', '.join(allowed)}"
        )
    else:
        alternatives = sorted(
            {_describe(err, path, params_type) for err in errors if _field_path(err["loc"], params_type) == path}
        )
        message = f"{where}: invalid value {value!r}; " + " or ".join(alternatives)
    return OpenRouterValidationError(message, field=where, value=value)


def _most_specific(errors: list[Any]) -> Any:
    """Prefer an unknown-key error, then the deepest location (the one a user can act on)."""
    return max(errors, key=lambda err: (err["type"] == "extra_forbidden", len(err["loc"])))


def _describe(err: Any, path: list[str], params_type: type[Any]) -> str:
    ctx: dict[str, Any] = err.get("ctx") or {}
    if err["type"] == "dict_type" and (keys := _keys_at(path, params_type)):
        return f"an object with keys {', '.join(sorted(keys))}"
    if err["type"] == "literal_error":
        return f"expected one of {ctx.get('expected')}"
    if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
        return f"expected {err['msg'][0].lower()}{err['msg'][1:]}"
    return cast(str, err["msg"])[0].lower() + cast(str, err["msg"])[1:]


def _field_path(loc: tuple[Any, ...], params_type: type[Any]) -> list[str]:
    """Turn pydantic's location (with union tags and list indexes) into the user's path, e.g. plugins[0].engine."""
    return _walk(loc, params_type)[0]


def _walk(loc: tuple[Any, ...], params_type: type[Any]) -> tuple[list[str], list[Any]]:
    """Follow `loc` through the TypedDicts; union tags narrow the candidate types instead of adding to the path."""
    path: list[str] = []
    current: list[Any] = [params_type]
    for part in loc:
        if isinstance(part, int):
            if path:
                path[-1] += f"[{part}]"
            current = element_types(current)
            continue
        tagged = [typ for typ in current if _is_tag_of(part, typ)] if len(current) > 1 else []
        if tagged:  # a union's tag, even where a member also has a field of that name (`reasoning`)
            current = tagged
        elif any(part in hints_of(typ) for typ in current) or not path:
            path.append(part)
            current = unwrap([hints_of(typ)[part] for typ in current if part in hints_of(typ)])
        else:
            narrowed = [typ for typ in current if _is_tag_of(part, typ)]
            current = narrowed or current
    return path, current


def _is_tag_of(tag: str, typ: Any) -> bool:
    hints = hints_of(typ)
    literals = [value for key in ("id", "type") if key in hints for value in shape_of(hints[key]).literals]
    return getattr(typ, "__name__", None) == tag or tag in literals


def _keys_at(path: list[str], params_type: type[Any]) -> set[str]:
    current: list[Any] = [params_type]
    for raw in path:
        name = raw.split("[", 1)[0]
        current = unwrap([hints_of(typ)[name] for typ in current if name in hints_of(typ)])
        if "[" in raw:
            current = element_types(current)
    return {key for typ in current for key in hints_of(typ)}


def omit_if_none(value: Any) -> Any:
    """`None` means "not given" for optional keyword arguments that OpenRouter would reject as null."""
    return omit if value is None else value
