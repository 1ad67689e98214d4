"""How request types say "open": TypedDict configs and tagged unions that accept what is newer than us.

An OPEN TypedDict accepts unknown keys (the validator warns about them, or refuses a near-typo); a
PASSTHROUGH one takes any extra key silently (e.g. `trace`, whose extras go to your observability tool).
An enum written `Literal[...] | str` is open the same way. `open_union` builds a union discriminated by
one key whose unknown tags select the fallback member instead of failing.
"""

from __future__ import annotations

import typing
from typing import Annotated, Any, cast

from pydantic import ConfigDict, Discriminator, Tag

__all__ = ["OPEN", "PASSTHROUGH", "open_union"]

OPEN = ConfigDict(extra="allow")
PASSTHROUGH = ConfigDict(extra="allow", json_schema_extra={"additionalProperties": True})

FALLBACK_TAG = "<unknown>"


def open_union(key: str, *members: Any, fallback: Any) -> Any:
    """`Annotated[A | B | ... | fallback, Discriminator]` for pydantic: `value[key]` picks the member whose
    `Literal` it is; any other value (a newer plugin id or tool type) picks `fallback`."""
    tags: dict[str, Any] = {}
    for member in members:
        for tag in _literal_values(member, key):
            tags[tag] = member

    def discriminate(value: Any) -> str:
        tag: object = cast("dict[str, object]", value).get(key) if isinstance(value, dict) else None
        return tag if isinstance(tag, str) and tag in tags else FALLBACK_TAG

    tagged: list[Any] = [_annotated(member, Tag(tag)) for tag, member in [*tags.items(), (FALLBACK_TAG, fallback)]]
    union: Any = tagged[0]
    for member in tagged[1:]:
        union = union | member
    return _annotated(union, Discriminator(discriminate))


def _annotated(typ: Any, marker: object) -> Any:
    """`Annotated[typ, marker]` for a `typ` known only at run time."""
    annotated: Any = Annotated
    return annotated[typ, marker]


def _literal_values(member: Any, key: str) -> tuple[str, ...]:
    """The strings of `member`'s `key: Required[Literal[...]]`."""
    annotation = typing.get_type_hints(member)[key]
    while typing.get_origin(annotation) is not typing.Literal and typing.get_args(annotation):
        annotation = typing.get_args(annotation)[0]
    return tuple(arg for arg in typing.get_args(annotation) if isinstance(arg, str))
