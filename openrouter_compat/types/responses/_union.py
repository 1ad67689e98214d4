"""Build an `openai` discriminated union with some members replaced by our subclasses.

`openai` parses `output[]` items and stream events through `Annotated[Union[...], PropertyInfo(...)]`
aliases. Re-listing their ~60 members by hand would go stale with every `openai` release, so the
runtime union is derived from `openai`'s own: same members, same order, same discriminator.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, Union

__all__ = ["replace_members"]


def replace_members(union: Any, replacements: Mapping[type[Any], type[Any]]) -> Any:
    """`union` (an `Annotated[Union[...], ...]` alias) with each member in `replacements` swapped."""
    inner, *metadata = typing.get_args(union)
    members = tuple(replacements.get(member, member) for member in typing.get_args(inner))
    missing = set(replacements) - set(typing.get_args(inner))
    if missing:
        raise TypeError(f"not members of the union: {sorted(cls.__name__ for cls in missing)}")
    swapped = Union[members]  # type: ignore[valid-type]  # noqa: UP007 - built from a runtime tuple
    return typing.Annotated[swapped, *metadata]
