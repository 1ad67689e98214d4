"""Narrowing of decoded JSON values, so code reading request and response bodies keeps precise types.

`isinstance(value, dict)` on an untyped JSON value yields `dict[Unknown, Unknown]` for a strict type checker;
these guards narrow to what decoded JSON actually holds (string keys, values of any JSON type).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from typing_extensions import TypeIs

__all__ = ["is_array", "is_mapping", "is_object"]


def is_object(value: object) -> TypeIs[dict[str, Any]]:
    """Whether `value` is a JSON object (a dict; JSON object keys are strings)."""
    return isinstance(value, dict)


def is_mapping(value: object) -> TypeIs[Mapping[str, Any]]:
    """Whether `value` is a mapping such as a JSON object (string keys)."""
    return isinstance(value, Mapping)


def is_array(value: object) -> TypeIs[list[Any]]:
    """Whether `value` is a JSON array (a list)."""
    return isinstance(value, list)
