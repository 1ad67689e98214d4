"""The fallback member of the generated discriminated unions: an unknown tag is kept whole, never misparsed.

The generator (`codegen/schemas.py`) turns a spec `oneOf`/`anyOf` with a `discriminator` into
`Annotated[Annotated[A, Tag("a")] | ... | Annotated[UnknownX, Tag(UNKNOWN_TAG)], Discriminator(...), PropertyInfo(...)]`
where `UnknownX` subclasses `UnknownVariant` and names the union's tag field and known tags.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from openai._models import BaseModel
from pydantic import model_validator

from .._json import is_object

__all__ = ["UNKNOWN_TAG", "UnknownVariant"]

UNKNOWN_TAG = "__unknown__"
"""The `Tag` of the fallback member (no spec tag value looks like it)."""


class UnknownVariant(BaseModel):
    """A union member this client does not know yet (its tag is none of the spec's): every field kept as sent,
    never parsed into another member; the generated subclass per union declares the tag field."""

    tag_field: ClassVar[str] = "type"
    """The wire name of the discriminating property."""
    tag_attr: ClassVar[str] = "type"
    """Its attribute name on the member models."""
    tags: ClassVar[Mapping[str, str]] = {}
    """Every known tag value -> the `Tag` of its member."""

    @model_validator(mode="before")
    @classmethod
    def _refuse_known(cls, data: Any) -> Any:
        tag = data.get(cls.tag_field) if is_object(data) else None
        if isinstance(tag, str) and tag in cls.tags:
            raise ValueError(f"{cls.tag_field}={tag!r} is a known member, not an unknown one")
        return data

    @classmethod
    def discriminate(cls, value: Any) -> str:
        """The `Tag` of the member `value` belongs to: its own for a known tag, `UNKNOWN_TAG` otherwise."""
        tag: object = value.get(cls.tag_field) if is_object(value) else getattr(value, cls.tag_attr, None)
        return cls.tags.get(tag, UNKNOWN_TAG) if isinstance(tag, str) else UNKNOWN_TAG
