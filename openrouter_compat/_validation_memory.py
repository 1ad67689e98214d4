"""The memory of request values that passed validation, so that repeated values are not checked again.

Values are fingerprinted by their `marshal` bytes (exact built-in types only) and remembered whole, field by
field and, in lists of objects, item by item: a loop that resends the same routing fields validates them once,
and an agent loop that resends a growing `input` validates only its new items. Locations in the items still to
check are turned back into the caller's (`input[7]`). Bounded: at most 1024 entries of at most 4 KB.
"""

from __future__ import annotations

import functools
import marshal
import re
import typing
from typing import Any, cast

import typing_extensions

from ._shapes import hints_of, shape_of

__all__ = [
    "FINGERPRINT_LIMIT",
    "ITEM",
    "PASSED",
    "PASSED_LIMIT",
    "Kept",
    "fingerprint",
    "has_long_list",
    "item_dumps",
    "not_yet_passed",
    "passed_items",
    "relocate",
    "relocated_error",
    "remember",
    "unseen_items",
]

PASSED: set[tuple[Any, ...]] = set()
PASSED_LIMIT = 1024
FINGERPRINT_LIMIT = 4096
"""Values (fingerprinted) that passed every check with nothing to warn about, per params type, whole
(params type, bytes), field by field (params type, name, bytes) and, in lists of objects, item by item (params
type, name, "[]", bytes): a loop that sends the same routing fields validates them once, and an agent loop that
resends a growing `input` validates its new items only. At most 1024 of at most 4 KB each; cleared when full."""


def not_yet_passed(
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
        if field_key not in PASSED:
            todo[name] = value
            if len(dumped) <= FINGERPRINT_LIMIT:
                keys.append(field_key)
    return todo, keys


@functools.cache
def _all_optional(params_type: Any) -> bool:
    """Whether a TypedDict has no required key (`Required[...]` seen as pydantic sees it: under postponed
    annotations `__required_keys__` misses it)."""
    if not typing_extensions.is_typeddict(params_type) or params_type.__required_keys__:
        return False
    return not any(str(typing.get_origin(hint)).endswith(".Required") for hint in hints_of(params_type).values())


Kept = dict[str, list[tuple[int, "tuple[Any, ...] | None"]]]
"""Per list field whose items were sorted: the (caller's index, fingerprint or None) of each item still to check."""

ITEM = re.compile(r"([^.\[\]]+)\[(\d+)\]")
"""The start of a location inside a list field's item: `input[3]`."""


def item_dumps(fields: dict[str, Any], params_type: Any) -> dict[str, list[bytes]]:
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


def has_long_list(fields: dict[str, Any]) -> bool:
    """Whether a field is a list of more than 16 items (likely too big to be remembered whole)."""
    return any(type(value) is list and len(value) > _LONG_LIST for value in fields.values())


@functools.cache
def _object_lists(params_type: Any) -> tuple[str, ...]:
    """The fields of a TypedDict with no required key that are lists of objects (items remembered one by one)."""
    if not _all_optional(params_type):
        return ()
    return tuple(
        name
        for name, hint in hints_of(params_type).items()
        if (items := shape_of(hint).items) is not None and shape_of(items).objects
    )


def unseen_items(
    fields: dict[str, Any], params_type: Any, dumps: dict[str, list[bytes]]
) -> tuple[dict[str, Any], Kept]:
    """`fields` with each `list[X]` field's objects that passed before left out (items are validated one by
    one, so one that passed passes again at any index), and the items kept. An agent loop that resends a
    growing `input` checks the new items only."""
    kept: Kept = {}
    todo = fields
    for name, dumped in dumps.items():
        if name not in fields:  # the whole field passed before
            continue
        value: list[Any] = fields[name]
        items: list[Any] = []
        kept_items: list[tuple[int, tuple[Any, ...] | None]] = []
        for index, (item, item_dump) in enumerate(zip(value, dumped, strict=True)):
            item_key: tuple[Any, ...] | None = None
            if item_dump and len(item_dump) <= FINGERPRINT_LIMIT:
                item_key = (params_type, name, "[]", item_dump)
                if item_key in PASSED:
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


def passed_items(kept: Kept, flagged: set[str]) -> list[tuple[Any, ...]]:
    """The fingerprints of the items checked, but those too big to keep and those `flagged` (`input[3]`)."""
    return [
        item_key
        for name, kept_items in kept.items()
        for index, item_key in kept_items
        if item_key is not None and f"{name}[{index}]" not in flagged
    ]


def relocate(where: str, kept: Kept) -> str:
    """A location in the items checked (`input[0].name`) as the caller's (`input[7].name`)."""
    match = ITEM.match(where)
    if match is None or match.group(1) not in kept:
        return where
    index = kept[match.group(1)][int(match.group(2))][0]
    return f"{match.group(1)}[{index}]{where[match.end() :]}"


def remember(keys: list[tuple[Any, ...]], key: tuple[Any, ...] | None) -> None:
    keys = keys[:PASSED_LIMIT]  # the memory never outgrows its bound, however long a list
    if len(PASSED) + len(keys) >= PASSED_LIMIT:
        PASSED.clear()
    PASSED.update(keys)
    if key is not None:
        PASSED.add(key)


def fingerprint(fields: Any, params_type: Any) -> tuple[Any, bytes] | None:
    """`fields` as `marshal` writes it, or None. `marshal` takes only the exact built-in types (a subclass,
    a Decimal, a date or a model is "unmarshallable") and writes each type apart (list vs tuple, 1 vs 1.0 vs
    True; version 2: no back-references), so equal bytes mean a structurally equal value of the same types,
    for which every check gives the same answer."""
    try:
        dumped = marshal.dumps(fields, 2)
    except ValueError:  # an object marshal does not take, or nested too deep
        return None
    return (params_type, dumped) if len(dumped) <= FINGERPRINT_LIMIT else None


def relocated_error(err: Any, kept: Kept) -> Any:
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
