"""`reasoning_details[]` entries: a union on `type`, with a fallback that keeps unknown kinds intact."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from openai._models import BaseModel
from pydantic import Discriminator, Tag

from ..._json import is_object

__all__ = [
    "ReasoningDetail",
    "ReasoningDetailEncrypted",
    "ReasoningDetailServerToolCall",
    "ReasoningDetailSummary",
    "ReasoningDetailText",
    "ReasoningDetailUnknown",
]


class _ReasoningDetailBase(BaseModel):
    id: str | None = None
    format: str | None = None
    """Which provider family wrote it, e.g. `anthropic-claude-v1`, `openai-responses-v1`, `google-gemini-v1`."""
    index: int | None = None


class ReasoningDetailText(_ReasoningDetailBase):
    """Plain reasoning text; `signature` must be sent back unchanged on the next turn."""

    type: Literal["reasoning.text"]
    text: str | None = None
    signature: str | None = None


class ReasoningDetailSummary(_ReasoningDetailBase):
    """A summary of the model's reasoning (OpenAI o-series / GPT-5 style)."""

    type: Literal["reasoning.summary"]
    summary: str | None = None


class ReasoningDetailEncrypted(_ReasoningDetailBase):
    """Opaque reasoning the provider encrypts; only useful sent back verbatim."""

    type: Literal["reasoning.encrypted"]
    data: str | None = None


class ReasoningDetailServerToolCall(_ReasoningDetailBase):
    """A server tool OpenRouter ran during the reasoning (`openrouter:web_search`, ...): its call and result."""

    type: Literal["reasoning.server_tool_call"]
    tool_name: str | None = None
    arguments: str | None = None
    """The call's arguments, as JSON text."""
    result: str | None = None
    tool_call_id: str | None = None


class ReasoningDetailUnknown(_ReasoningDetailBase):
    """A kind this library does not know yet; its `type` and every field are kept."""

    type: str


_KNOWN = frozenset({"reasoning.text", "reasoning.summary", "reasoning.encrypted", "reasoning.server_tool_call"})


def _tag(value: object) -> str:
    kind = value.get("type") if is_object(value) else getattr(value, "type", None)
    return kind if isinstance(kind, str) and kind in _KNOWN else "unknown"


ReasoningDetail: TypeAlias = Annotated[
    Annotated[ReasoningDetailText, Tag("reasoning.text")]
    | Annotated[ReasoningDetailSummary, Tag("reasoning.summary")]
    | Annotated[ReasoningDetailEncrypted, Tag("reasoning.encrypted")]
    | Annotated[ReasoningDetailServerToolCall, Tag("reasoning.server_tool_call")]
    | Annotated[ReasoningDetailUnknown, Tag("unknown")],
    Discriminator(_tag),
]
