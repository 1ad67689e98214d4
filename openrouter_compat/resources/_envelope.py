"""OpenRouter wraps most payloads in `{"data": ...}`: a typed envelope and the post-parser that unwraps it."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from openai._models import GenericModel
from typing_extensions import TypeIs

__all__ = ["DataEnvelope", "unwrap_data"]

_T = TypeVar("_T")


class DataEnvelope(GenericModel, Generic[_T]):
    """`{"data": T}`: parsed by `openai`'s machinery, then unwrapped by `unwrap_data` (its `post_parser`)."""

    data: _T


def unwrap_data(envelope: Any) -> Any:
    """The `data` of a parsed envelope (`post_parser` hook, so plain and raw responses both unwrap)."""
    return envelope.data if _is_envelope(envelope) else envelope


def _is_envelope(value: object) -> TypeIs[DataEnvelope[Any]]:
    return isinstance(value, DataEnvelope)
