"""The request-validation contract, in one place, and the merging of OpenRouter's request fields.

1. A known field with a wrong-typed value, or a value JSON cannot carry -> `OpenRouterValidationError`.
2. An unknown key or enum value that is a near-typo of a known one -> refused, "did you mean ...".
3. Any other unknown key, enum value, plugin id or tool type -> sent as given, with one
   `OpenRouterUnknownFieldWarning` per field and value.

`validation="strict"` refuses (3) too; `validation="off"` checks nothing. Types are checked by a cached
pydantic adapter (strict) over the TypedDicts in `types/`, which are open where OpenRouter's API is; then a
walk over the caller's value finds what those types do not know. What is sent is the caller's own value.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import marshal
import math
import re
import sys
import types
import typing
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, cast

import pydantic
import typing_extensions
from openai._types import Omit, omit

from ._exceptions import OpenRouterValidationError
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
    return frozenset(typing.get_type_hints(params_type))


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
    dumps = _item_dumps(fields, params_type) if isinstance(fields, dict) and _has_long_list(fields) else None
    sizes = {name: sum(map(len, dumped)) for name, dumped in (dumps or {}).items()}  # a list >= its items
    key = _fingerprint(fields, params_type) if sum(sizes.values()) <= _FINGERPRINT_LIMIT else None
    if key is not None and key in _PASSED:
        return
    kept: _Kept = {}
    if isinstance(fields, dict):  # (a dict subclass too: marshal has no fingerprint of it)
        if dumps is None:
            dumps = _item_dumps(fields, params_type)
        big = {name for name, size in sizes.items() if size > _FINGERPRINT_LIMIT}
        fields, passed = _not_yet_passed(fields, params_type, big)
        fields, kept = _unseen_items(fields, params_type, dumps)
        if fields and _clean_object(fields, params_type):  # nothing new, nothing unsendable: types remain
            _check_types(fields, params_type, kept)
            fields = {}
        if not fields:
            _remember([*passed, *_passed_items(kept, set())], key)
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
        findings = (dataclasses.replace(finding, where=_relocate(finding.where, kept)) for finding in findings)
    for finding in findings:
        if finding.suggestion is not None or mode == "strict":
            raise OpenRouterValidationError(
                finding.refusal(strict=mode == "strict"), field=finding.where, value=finding.value
            )
        _warn_once(finding)
        if match := _ITEM.match(finding.where):
            flagged.add(match.group(0))
    if kept:  # the items that passed with nothing to warn about are remembered (not one that warned)
        _remember(_passed_items(kept, flagged), None)


def _check_types(fields: Mapping[str, Any], params_type: Any, kept: _Kept) -> None:
    """The strict pydantic check of `fields`, refusing with the caller's locations (see `_relocate`)."""
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
    shape = _shape(annotation)
    if kind is str:
        if shape.literals and value not in shape.literals:
            found.append(_Finding(where, "value", value, shape.literals, closed=not shape.open_str))
    elif kind is dict or (kind is not list and isinstance(value, Mapping)):
        value = cast("Mapping[str, Any]", value)
        candidates = _candidates(value, shape.objects)
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
    if isinstance(typed, _Fallback):
        found.append(_Finding(f"{where}.{typed.key}", "value", value.get(typed.key), typed.known))
        return
    hints, passthrough = _hints(typed), _is_passthrough(typed)
    for key, item in value.items():
        if key in hints:
            _collect(item, hints[key], f"{where}.{key}" if where else key, found)
        elif not passthrough:
            found.append(_Finding(f"{where}.{key}" if where else key, "field", item, tuple(sorted(hints))))


# ------------------------------------------------------------------------ the fast path of every call

_PASSED: set[tuple[Any, ...]] = set()
_PASSED_LIMIT = 1024
_FINGERPRINT_LIMIT = 4096
"""Values (fingerprinted) that passed every check with nothing to warn about, per params type, whole
(params type, bytes), field by field (params type, name, bytes) and, in lists of objects, item by item (params
type, name, "[]", bytes): a loop that sends the same routing fields validates them once, and an agent loop that
resends a growing `input` validates its new items only. At most 1024 of at most 4 KB each; cleared when full."""


def _not_yet_passed(
    fields: dict[str, Any], params_type: Any, big: set[str]
) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """The fields of `fields` whose value has not passed before (each checked alone: a TypedDict with no
    required key is checked field by field the same way as whole), and the fingerprints to remember once they
    pass. A call that changes one field (a `session_id`) re-checks that field only. The fields in `big` are
    known to be over the size bound (never remembered whole): not fingerprinted."""
    if not _all_optional(params_type):
        return fields, []
    todo: dict[str, Any] = {}
    keys: list[tuple[Any, ...]] = []
    for name, value in fields.items():
        if name in big:
            todo[name] = value
            continue
        try:
            dumped = marshal.dumps(value, 2)
        except ValueError:
            todo[name] = value
            continue
        field_key = (params_type, name, dumped)
        if field_key not in _PASSED:
            todo[name] = value
            if len(dumped) <= _FINGERPRINT_LIMIT:
                keys.append(field_key)
    return todo, keys


@functools.cache
def _all_optional(params_type: Any) -> bool:
    """Whether a TypedDict has no required key (`Required[...]` seen as pydantic sees it: under postponed
    annotations `__required_keys__` misses it)."""
    if not typing_extensions.is_typeddict(params_type) or params_type.__required_keys__:
        return False
    return not any(str(typing.get_origin(hint)).endswith(".Required") for hint in _hints(params_type).values())


_Kept = dict[str, list[tuple[int, "tuple[Any, ...] | None"]]]
"""Per list field whose items were sorted: the (caller's index, fingerprint or None) of each item still to check."""

_ITEM = re.compile(r"([^.\[\]]+)\[(\d+)\]")
"""The start of a location inside a list field's item: `input[3]`."""


def _item_dumps(fields: dict[str, Any], params_type: Any) -> dict[str, list[bytes]]:
    """Per `list[X]` field of 2+ items (of a TypedDict with no required key), each item's `marshal` bytes:
    empty for an item that is not a plain dict (not remembered) or that marshal does not take."""
    dumps: dict[str, list[bytes]] = {}
    for name in _object_lists(params_type):
        value: Any = fields.get(name)
        if type(value) is not list:
            continue
        items: list[Any] = value  # pyright: ignore[reportUnknownVariableType]  # (mypy: a cast is redundant)
        if len(items) < 2:
            continue
        dumped: list[bytes] = []
        for item in items:
            try:
                dumped.append(marshal.dumps(cast("dict[str, Any]", item), 2) if type(item) is dict else b"")
            except ValueError:
                dumped.append(b"")
        dumps[name] = dumped
    return dumps


_LONG_LIST = 16


def _has_long_list(fields: dict[str, Any]) -> bool:
    """Whether a field is a list of more than 16 items (likely too big to be remembered whole)."""
    return any(type(value) is list and len(value) > _LONG_LIST for value in fields.values())


@functools.cache
def _object_lists(params_type: Any) -> tuple[str, ...]:
    """The fields of a TypedDict with no required key that are lists of objects (items remembered one by one)."""
    if not _all_optional(params_type):
        return ()
    return tuple(
        name
        for name, hint in _hints(params_type).items()
        if (items := _shape(hint).items) is not None and _shape(items).objects
    )


def _unseen_items(
    fields: dict[str, Any], params_type: Any, dumps: dict[str, list[bytes]]
) -> tuple[dict[str, Any], _Kept]:
    """`fields` with each `list[X]` field's objects that passed before left out (items are validated one by
    one, so one that passed passes again at any index), and the items kept. An agent loop that resends a
    growing `input` checks the new items only."""
    kept: _Kept = {}
    todo = fields
    for name, dumped in dumps.items():
        if name not in fields:  # the whole field passed before
            continue
        value: list[Any] = fields[name]
        items: list[Any] = []
        kept_items: list[tuple[int, tuple[Any, ...] | None]] = []
        for index, (item, item_dump) in enumerate(zip(value, dumped, strict=True)):
            item_key: tuple[Any, ...] | None = None
            if item_dump and len(item_dump) <= _FINGERPRINT_LIMIT:
                item_key = (params_type, name, "[]", item_dump)
                if item_key in _PASSED:
                    continue
            items.append(item)
            kept_items.append((index, item_key))
        if len(items) == len(value) and all(item_key is None for _, item_key in kept_items):
            continue  # nothing to leave out, nothing to remember
        if todo is fields:
            todo = dict(fields)
        if items:
            todo[name] = items
        else:
            del todo[name]
        kept[name] = kept_items
    return todo, kept


def _passed_items(kept: _Kept, flagged: set[str]) -> list[tuple[Any, ...]]:
    """The fingerprints of the items checked, but those too big to keep and those `flagged` (`input[3]`)."""
    return [
        item_key
        for name, kept_items in kept.items()
        for index, item_key in kept_items
        if item_key is not None and f"{name}[{index}]" not in flagged
    ]


def _relocate(where: str, kept: _Kept) -> str:
    """A location in the items checked (`input[0].name`) as the caller's (`input[7].name`)."""
    match = _ITEM.match(where)
    if match is None or match.group(1) not in kept:
        return where
    index = kept[match.group(1)][int(match.group(2))][0]
    return f"{match.group(1)}[{index}]{where[match.end() :]}"


def _remember(keys: list[tuple[Any, ...]], key: tuple[Any, ...] | None) -> None:
    keys = keys[:_PASSED_LIMIT]  # the memory never outgrows its bound, however long a list
    if len(_PASSED) + len(keys) >= _PASSED_LIMIT:
        _PASSED.clear()
    _PASSED.update(keys)
    if key is not None:
        _PASSED.add(key)


def _fingerprint(fields: Any, params_type: Any) -> tuple[Any, bytes] | None:
    """`fields` as `marshal` writes it, or None. `marshal` takes only the exact built-in types (a subclass,
    a Decimal, a date or a model is "unmarshallable") and writes each type apart (list vs tuple, 1 vs 1.0 vs
    True; version 2: no back-references), so equal bytes mean a structurally equal value of the same types,
    for which every check gives the same answer."""
    try:
        dumped = marshal.dumps(fields, 2)
    except ValueError:  # an object marshal does not take, or nested too deep
        return None
    return (params_type, dumped) if len(dumped) <= _FINGERPRINT_LIMIT else None


class _Plan:
    """An annotation's `_Shape` as the fast walk reads it: literals as a set, child plans resolved once."""

    __slots__ = ("_items", "_items_plan", "_mapping_of", "_mapping_plan", "literals", "objects")

    def __init__(self, shape: _Shape) -> None:
        self.literals: frozenset[str] | None = frozenset(shape.literals) if shape.literals else None
        self.objects = shape.objects
        self._items, self._mapping_of = shape.items, shape.mapping_of
        self._items_plan: _Plan | None = None
        self._mapping_plan: _Plan | None = None

    def items(self) -> _Plan:
        """The plan of list items (anything, when the annotation has no list)."""
        plan = self._items_plan
        if plan is None:
            plan = self._items_plan = _plan(self._items) if self._items is not None else _ANY
        return plan

    def mapping_of(self) -> _Plan | None:
        """The plan of mapping values, None when the annotation has no `dict[str, X]`."""
        if self._mapping_of is None:
            return None
        plan = self._mapping_plan
        if plan is None:
            plan = self._mapping_plan = _plan(self._mapping_of)
        return plan


_PLANS: dict[int, tuple[Any, _Plan]] = {}


def _plan(annotation: Any) -> _Plan:
    cached = _PLANS.get(id(annotation))
    if cached is not None and cached[0] is annotation:
        return cached[1]
    plan = _Plan(_shape(annotation))
    _PLANS[id(annotation)] = (annotation, plan)
    return plan


@functools.cache
def _object_plan(typed: Any) -> tuple[dict[str, _Plan], bool]:
    """A TypedDict's field plans and whether it passes unknown keys through silently."""
    return {key: _plan(annotation) for key, annotation in _hints(typed).items()}, _is_passthrough(typed)


def _clean(value: Any, plan: _Plan) -> bool:
    """Whether `value` (under `plan`) is certainly sendable and has nothing new: `check_sendable` would pass
    and `_collect` find nothing. False means "take the slow path", which says what is wrong, if anything.
    Written for speed (it runs on every call): scalars are settled inline, without a call per item."""
    kind = cast("type[object]", type(value))
    if kind is str:
        literals = plan.literals
        return (value.isascii() or _utf8(value)) and (literals is None or value in literals)
    if kind is int or kind is bool or value is None:
        return True
    if kind is float:
        return math.isfinite(value)
    if kind is dict:
        objects = plan.objects
        if len(objects) == 1:
            return _clean_object(value, objects[0])
        if objects:
            for typed in _candidates(value, objects):
                if type(typed) is _Fallback:
                    return False
                if _clean_object(value, typed):
                    return True
            return False
        child = plan.mapping_of() or _ANY
        for key, item in value.items():  # noqa: SIM110 (a loop: all() over a generator is slower)
            if type(key) is not str or not _clean(item, child):
                return False
        return True
    if kind is list or kind is tuple:
        child = plan.items()
        literals = child.literals
        for item in value:
            if type(item) is str:
                if not (item.isascii() or _utf8(item)) or (literals is not None and item not in literals):
                    return False
            elif not _clean(item, child):
                return False
        return True
    return False  # subclasses, Mapping objects, dates, models, Decimal...: the slow path decides


def _clean_object(value: Any, typed: Any) -> bool:
    """`_clean` of a dict that the TypedDict `typed` describes."""
    fields, passthrough = _object_plan(typed)
    for key, item in value.items():
        if type(key) is not str:
            return False
        child = fields.get(key)
        if child is None:
            if not passthrough:
                return False
            child = _ANY
        kind = cast("type[object]", type(item))
        if kind is bool or kind is int or item is None:
            continue
        if kind is str:
            literals = child.literals
            if not (item.isascii() or _utf8(item)) or (literals is not None and item not in literals):
                return False
        elif not _clean(item, child):
            return False
    return True


def _utf8(value: str) -> bool:
    """Whether a non-ASCII string encodes (no lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclasses.dataclass(frozen=True)
class _Shape:
    """What an annotation allows, flattened: TypedDicts, literal strings, list items, mapping values."""

    objects: tuple[Any, ...] = ()
    literals: tuple[str, ...] = ()
    open_str: bool = False
    items: Any = None
    mapping_of: Any = None


_ANY = _Plan(_Shape())
"""The plan of a value no annotation describes: only sendability is checked."""


@dataclasses.dataclass(frozen=True)
class _Fallback:
    """An unknown tag (`key`, one of `known` expected) that selects `member`, an `Unknown*` fallback."""

    key: str
    known: tuple[str, ...]
    member: Any


_SHAPES: dict[int, tuple[Any, _Shape]] = {}


def _shape(annotation: Any) -> _Shape:
    cached = _SHAPES.get(id(annotation))
    if cached is not None and cached[0] is annotation:
        return cached[1]
    objects: list[Any] = []
    literals: list[str] = []
    open_str = False
    items: Any = None
    mapping_of: Any = None
    for member in _flatten(annotation):
        origin = typing.get_origin(member)
        if typing_extensions.is_typeddict(member):
            objects.append(member)
        elif origin is typing.Literal:
            literals += [arg for arg in typing.get_args(member) if isinstance(arg, str)]
        elif member is str:
            open_str = True
        elif origin in (list, tuple, Sequence, Iterable):
            items = items or (typing.get_args(member) or (None,))[0]
        elif origin in (dict, Mapping) and len(typing.get_args(member)) == 2:
            mapping_of = mapping_of or typing.get_args(member)[1]
    shape = _Shape(tuple(objects), tuple(dict.fromkeys(literals)), open_str, items, mapping_of)
    _SHAPES[id(annotation)] = (annotation, shape)
    return shape


def _flatten(annotation: Any) -> list[Any]:
    """The members of an annotation: through Annotated, Required/NotRequired, unions and type aliases."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _flatten(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType) or str(origin).endswith(("Required", "NotRequired")):
        return [member for arg in typing.get_args(annotation) for member in _flatten(arg)]
    if isinstance(annotation, typing_extensions.TypeAliasType):
        return _flatten(annotation.__value__)
    return [annotation]


def _candidates(value: Mapping[str, Any], objects: tuple[Any, ...]) -> list[Any]:
    """The TypedDicts among `objects` that may describe `value`, likeliest first: those whose tag (`type`,
    `id`, ...) matches, then a typed fallback (e.g. `type: str`); an unknown tag gives a `_Fallback` (the
    value is new) when the fallback is an `Unknown*`; untagged unions go by overlap of keys."""
    if len(objects) <= 1:
        return list(objects)
    tags = _tags(objects)
    if tags is not None:
        key, by_tag, fallback = tags
        matched = list(by_tag.get(value.get(key), ()))
        if len(matched) > 1:  # several shapes share the tag: the one with most keys in common first
            matched.sort(key=lambda typ: -len(_hints(typ).keys() & value.keys()))
        if fallback is not None and not _is_passthrough(fallback):
            return [*matched, fallback]
        if matched:
            return matched
        if fallback is not None:
            return [_Fallback(key, tuple(tag for tag in by_tag if tag is not None), fallback)]
    ranked = sorted(enumerate(objects), key=lambda item: (-len(_hints(item[1]).keys() & value.keys()), -item[0]))
    return [typ for _, typ in ranked]  # most keys in common first; on a tie the later member (ours)


@functools.cache
def _tags(objects: tuple[Any, ...]) -> tuple[str, dict[Any, tuple[Any, ...]], Any] | None:
    """(key, tag -> member, fallback member) when `objects` are told apart by one `Literal` key."""
    for key in _hints(objects[0]):
        by_tag: dict[Any, tuple[Any, ...]] = {}
        fallback = None
        for typ in objects:
            shape = _shape(_hints(typ).get(key))
            if shape.literals and not shape.open_str:
                for tag in (*shape.literals, *((None,) if _tag_optional(typ, key) else ())):
                    by_tag[tag] = (typ, *by_tag.get(tag, ()))  # a later member (ours) before `openai`'s
            elif shape.open_str and fallback is None:
                fallback = typ
            else:
                break
        else:
            return key, by_tag, fallback
    return None


def _tag_optional(typ: Any, key: str) -> bool:
    """A member whose tag may be left out (Responses `input` messages): it describes values without the key."""
    origin = str(typing.get_origin(_hints(typ)[key]))
    return origin.endswith("NotRequired") or (not origin.endswith("Required") and not getattr(typ, "__total__", True))


@functools.cache
def _is_passthrough(typ: Any) -> bool:
    config: Mapping[str, Any] = getattr(typ, "__pydantic_config__", None) or {}
    extra: Any = config.get("json_schema_extra")
    return isinstance(extra, dict) and cast("dict[str, Any]", extra).get("additionalProperties") is True


# -------------------------------------------------------------------------------- pydantic's refusals


def _to_validation_error(
    exc: pydantic.ValidationError, params_type: type[Any], kept: _Kept | None = None
) -> OpenRouterValidationError:
    errors = (
        [_relocated_error(err, kept) for err in exc.errors(include_url=False)]
        if kept
        else exc.errors(include_url=False)
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
        allowed = sorted({key for typ in _walk(first["loc"][:-1], params_type)[1] for key in _hints(typ)})
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


def _relocated_error(err: Any, kept: _Kept) -> Any:
    """A pydantic error whose location's list index (the first int past the field name, as union member
    labels are strings) is turned back into the caller's index."""
    loc: tuple[Any, ...] = err["loc"]
    if not loc or loc[0] not in kept:
        return err
    for position, part in enumerate(loc[1:], 1):
        if isinstance(part, int):
            index = kept[loc[0]][part][0]
            return {**err, "loc": (*loc[:position], index, *loc[position + 1 :])}
    return err


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
            current = _element_types(current)
            continue
        tagged = [typ for typ in current if _is_tag_of(part, typ)] if len(current) > 1 else []
        if tagged:  # a union's tag, even where a member also has a field of that name (`reasoning`)
            current = tagged
        elif any(part in _hints(typ) for typ in current) or not path:
            path.append(part)
            current = _unwrap([_hints(typ)[part] for typ in current if part in _hints(typ)])
        else:
            narrowed = [typ for typ in current if _is_tag_of(part, typ)]
            current = narrowed or current
    return path, current


def _is_tag_of(tag: str, typ: Any) -> bool:
    hints = _hints(typ)
    literals = [value for key in ("id", "type") if key in hints for value in _shape(hints[key]).literals]
    return getattr(typ, "__name__", None) == tag or tag in literals


def _keys_at(path: list[str], params_type: type[Any]) -> set[str]:
    current: list[Any] = [params_type]
    for raw in path:
        name = raw.split("[", 1)[0]
        current = _unwrap([_hints(typ)[name] for typ in current if name in _hints(typ)])
        if "[" in raw:
            current = _element_types(current)
    return {key for typ in current for key in _hints(typ)}


def _hints(typ: Any) -> dict[str, Any]:
    """The field annotations of a TypedDict (empty for anything else), computed once per type."""
    return _typeddict_hints(typ) if typing_extensions.is_typeddict(typ) else {}


@functools.cache
def _typeddict_hints(typ: Any) -> dict[str, Any]:
    return typing.get_type_hints(typ, include_extras=True)


def _unwrap(annotations: list[Any]) -> list[Any]:
    """Flatten Annotated/Required/unions into the candidate types."""
    return [member for ann in annotations for member in _flatten(ann)]


def _element_types(current: list[Any]) -> list[Any]:
    return _unwrap([arg for typ in current if typing.get_origin(typ) is list for arg in typing.get_args(typ)])


def omit_if_none(value: Any) -> Any:
    """`None` means "not given" for optional keyword arguments that OpenRouter would reject as null."""
    return omit if value is None else value
