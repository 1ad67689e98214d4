"""What a request annotation allows, flattened once per type, and the fast walk that certifies a value by it.

`shape_of` reduces an annotation (TypedDicts, `Literal`s, unions, lists, mappings, aliases) to a `Shape`;
`likely_types` picks the members of a union that may describe a value (by tag, else by keys in common);
`is_clean` answers, cheaply (it runs on every call), whether a value is certainly sendable and has nothing
the types do not know. The contract itself (what is refused, what warns) is `_extras.py`'s; this module knows
only types.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import typing_extensions

__all__ = [
    "ANY_PLAN",
    "Fallback",
    "Plan",
    "Shape",
    "element_types",
    "flatten",
    "hints_of",
    "is_clean",
    "is_clean_object",
    "is_passthrough",
    "likely_types",
    "object_plan",
    "plan_of",
    "shape_of",
    "tags_of",
    "unwrap",
]


class Plan:
    """An annotation's `Shape` as the fast walk reads it: literals as a set, child plans resolved once."""

    __slots__ = ("_items", "_items_plan", "_mapping_of", "_mapping_plan", "literals", "objects")

    def __init__(self, shape: Shape) -> None:
        self.literals: frozenset[str] | None = frozenset(shape.literals) if shape.literals else None
        self.objects = shape.objects
        self._items, self._mapping_of = shape.items, shape.mapping_of
        self._items_plan: Plan | None = None
        self._mapping_plan: Plan | None = None

    def items(self) -> Plan:
        """The plan of list items (anything, when the annotation has no list)."""
        plan = self._items_plan
        if plan is None:
            plan = self._items_plan = plan_of(self._items) if self._items is not None else ANY_PLAN
        return plan

    def mapping_of(self) -> Plan | None:
        """The plan of mapping values, None when the annotation has no `dict[str, X]`."""
        if self._mapping_of is None:
            return None
        plan = self._mapping_plan
        if plan is None:
            plan = self._mapping_plan = plan_of(self._mapping_of)
        return plan


_PLANS: dict[int, tuple[Any, Plan]] = {}


def plan_of(annotation: Any) -> Plan:
    cached = _PLANS.get(id(annotation))
    if cached is not None and cached[0] is annotation:
        return cached[1]
    plan = Plan(shape_of(annotation))
    _PLANS[id(annotation)] = (annotation, plan)
    return plan


@functools.cache
def object_plan(typed: Any) -> tuple[dict[str, Plan], bool]:
    """A TypedDict's field plans and whether it passes unknown keys through silently."""
    return {key: plan_of(annotation) for key, annotation in hints_of(typed).items()}, is_passthrough(typed)


def is_clean(value: Any, plan: Plan) -> bool:
    """Whether `value` (under `plan`) is certainly sendable and has nothing new: `check_sendable` would pass
    and `_extras`'s walk for unknowns find nothing. False means "take the slow path", which says what is
    wrong, if anything. Written for speed (it runs on every call): scalars are settled inline, without a call
    per item."""
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
            return is_clean_object(value, objects[0])
        if objects:
            for typed in likely_types(value, objects):
                if type(typed) is Fallback:
                    return False
                if is_clean_object(value, typed):
                    return True
            return False
        child = plan.mapping_of() or ANY_PLAN
        for key, item in value.items():  # noqa: SIM110 (a loop: all() over a generator is slower)
            if type(key) is not str or not is_clean(item, child):
                return False
        return True
    if kind is list or kind is tuple:
        child = plan.items()
        literals = child.literals
        for item in value:
            if type(item) is str:
                if not (item.isascii() or _utf8(item)) or (literals is not None and item not in literals):
                    return False
            elif not is_clean(item, child):
                return False
        return True
    return False  # subclasses, Mapping objects, dates, models, Decimal...: the slow path decides


def is_clean_object(value: Any, typed: Any) -> bool:
    """`is_clean` of a dict that the TypedDict `typed` describes."""
    fields, passthrough = object_plan(typed)
    for key, item in value.items():
        if type(key) is not str:
            return False
        child = fields.get(key)
        if child is None:
            if not passthrough:
                return False
            child = ANY_PLAN
        kind = cast("type[object]", type(item))
        if kind is bool or kind is int or item is None:
            continue
        if kind is str:
            literals = child.literals
            if not (item.isascii() or _utf8(item)) or (literals is not None and item not in literals):
                return False
        elif not is_clean(item, child):
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
class Shape:
    """What an annotation allows, flattened: TypedDicts, literal strings, list items, mapping values."""

    objects: tuple[Any, ...] = ()
    literals: tuple[str, ...] = ()
    open_str: bool = False
    items: Any = None
    mapping_of: Any = None


ANY_PLAN = Plan(Shape())
"""The plan of a value no annotation describes: only sendability is checked."""


@dataclasses.dataclass(frozen=True)
class Fallback:
    """An unknown tag (`key`, one of `known` expected) that selects `member`, an `Unknown*` fallback."""

    key: str
    known: tuple[str, ...]
    member: Any


_SHAPES: dict[int, tuple[Any, Shape]] = {}


def shape_of(annotation: Any) -> Shape:
    cached = _SHAPES.get(id(annotation))
    if cached is not None and cached[0] is annotation:
        return cached[1]
    objects: list[Any] = []
    literals: list[str] = []
    open_str = False
    items: Any = None
    mapping_of: Any = None
    for member in flatten(annotation):
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
    shape = Shape(tuple(objects), tuple(dict.fromkeys(literals)), open_str, items, mapping_of)
    _SHAPES[id(annotation)] = (annotation, shape)
    return shape


def flatten(annotation: Any) -> list[Any]:
    """The members of an annotation: through Annotated, Required/NotRequired, unions and type aliases."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return flatten(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType) or str(origin).endswith(("Required", "NotRequired")):
        return [member for arg in typing.get_args(annotation) for member in flatten(arg)]
    if isinstance(annotation, typing_extensions.TypeAliasType):
        return flatten(annotation.__value__)
    return [annotation]


def likely_types(value: Mapping[str, Any], objects: tuple[Any, ...]) -> list[Any]:
    """The TypedDicts among `objects` that may describe `value`, likeliest first: those whose tag (`type`,
    `id`, ...) matches, then a typed fallback (e.g. `type: str`); an unknown tag gives a `Fallback` (the
    value is new) when the fallback is an `Unknown*`; untagged unions go by overlap of keys."""
    if len(objects) <= 1:
        return list(objects)
    tags = tags_of(objects)
    if tags is not None:
        key, by_tag, fallback = tags
        matched = list(by_tag.get(value.get(key), ()))
        if len(matched) > 1:  # several shapes share the tag: the one with most keys in common first
            matched.sort(key=lambda typ: -len(hints_of(typ).keys() & value.keys()))
        if fallback is not None and not is_passthrough(fallback):
            return [*matched, fallback]
        if matched:
            return matched
        if fallback is not None:
            return [Fallback(key, tuple(tag for tag in by_tag if tag is not None), fallback)]
    ranked = sorted(enumerate(objects), key=lambda item: (-len(hints_of(item[1]).keys() & value.keys()), -item[0]))
    return [typ for _, typ in ranked]  # most keys in common first; on a tie the later member (ours)


@functools.cache
def tags_of(objects: tuple[Any, ...]) -> tuple[str, dict[Any, tuple[Any, ...]], Any] | None:
    """(key, tag -> member, fallback member) when `objects` are told apart by one `Literal` key."""
    for key in hints_of(objects[0]):
        by_tag: dict[Any, tuple[Any, ...]] = {}
        fallback = None
        for typ in objects:
            shape = shape_of(hints_of(typ).get(key))
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
    origin = str(typing.get_origin(hints_of(typ)[key]))
    return origin.endswith("NotRequired") or (not origin.endswith("Required") and not getattr(typ, "__total__", True))


@functools.cache
def is_passthrough(typ: Any) -> bool:
    config: Mapping[str, Any] = getattr(typ, "__pydantic_config__", None) or {}
    extra: Any = config.get("json_schema_extra")
    return isinstance(extra, dict) and cast("dict[str, Any]", extra).get("additionalProperties") is True


def hints_of(typ: Any) -> dict[str, Any]:
    """The field annotations of a TypedDict (empty for anything else), computed once per type."""
    return _typeddict_hints(typ) if typing_extensions.is_typeddict(typ) else {}


@functools.cache
def _typeddict_hints(typ: Any) -> dict[str, Any]:
    return typing.get_type_hints(typ, include_extras=True)


def unwrap(annotations: list[Any]) -> list[Any]:
    """Flatten Annotated/Required/unions into the candidate types."""
    return [member for ann in annotations for member in flatten(ann)]


def element_types(current: list[Any]) -> list[Any]:
    return unwrap([arg for typ in current if typing.get_origin(typ) is list for arg in typing.get_args(typ)])
