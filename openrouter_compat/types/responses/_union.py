"""Build an `openai` discriminated union with some members replaced by our subclasses.

`openai` parses `output[]` items and stream events through `Annotated[Union[...], PropertyInfo(...)]`
aliases. Re-listing their ~60 members by hand would go stale with every `openai` release, so the
runtime union is derived from `openai`'s own: same members, same order, same discriminator.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, Union

__all__ = ["known_tags", "replace_members"]


def replace_members(union: Any, replacements: Mapping[type[Any], type[Any]], *, first: tuple[Any, ...] = ()) -> Any:
    """`union` (an `Annotated[Union[...], ...]` alias) with each member in `replacements` swapped, and the
    `first` members put before all others (where `openai`'s lenient construction falls back for an unknown
    `type`; their own validators refuse the known types, so validation still picks the right member)."""
    inner, *metadata = typing.get_args(union)
    members = (*first, *(replacements.get(member, member) for member in typing.get_args(inner)))
    missing = set(replacements) - set(typing.get_args(inner))
    if missing:
        raise TypeError(f"not members of the union: {sorted(cls.__name__ for cls in missing)}")
    swapped = Union[members]  # type: ignore[valid-type]  # noqa: UP007 - built from a runtime tuple
    return typing.Annotated[swapped, *metadata]


def known_tags(union: Any, field: str = "type") -> frozenset[str]:
    """Every `Literal` value of `field` across the members of `union` (an `Annotated[Union[...], ...]`)."""
    inner = typing.get_args(union)[0]
    tags: set[str] = set()
    for member in typing.get_args(inner):
        info = member.model_fields.get(field)  # pydantic models: the field as pydantic resolved it
        annotation = info.annotation if info is not None else None
        tags.update(arg for arg in typing.get_args(annotation) if isinstance(arg, str))
    return frozenset(tags)
