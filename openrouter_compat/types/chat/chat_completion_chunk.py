"""A streamed chat completion chunk with OpenRouter's extra fields; still an `openai` chunk."""

from __future__ import annotations

from typing import Any

from openai.types.chat import chat_completion_chunk

from ..shared.error_object import ErrorObject
from ..shared.reasoning_detail import ReasoningDetail
from ..shared.usage import Usage
from .chat_completion_message import Annotation, ImageOutput

__all__ = ["ChatCompletionChunk", "ChoiceDelta", "ChunkChoice"]


class ChoiceDelta(chat_completion_chunk.ChoiceDelta):
    """A delta that can carry reasoning text, reasoning details, citations and images."""

    reasoning: str | None = None
    reasoning_details: list[ReasoningDetail] | None = None
    annotations: list[Annotation] | None = None
    images: list[ImageOutput] | None = None


class ChunkChoice(chat_completion_chunk.Choice):
    delta: ChoiceDelta
    native_finish_reason: str | None = None
    error: ErrorObject | None = None


class ChatCompletionChunk(chat_completion_chunk.ChatCompletionChunk):
    """A chunk; the last one carries `usage` (with `cost`) and an error chunk carries `error`."""

    choices: list[ChunkChoice]  # type: ignore[assignment]
    provider: str | None = None
    usage: Usage | None = None
    error: ErrorObject | None = None
    debug: dict[str, Any] | None = None
