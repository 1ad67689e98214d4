"""An assistant message sent back to OpenRouter, with the reasoning that must survive the next turn."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, Required

from openai.types.chat import ChatCompletionMessageToolCallUnionParam
from openai.types.chat.chat_completion_assistant_message_param import ContentArrayOfContentPart, FunctionCall
from typing_extensions import TypedDict

from .chat_completion_content_part_param import ChatCompletionContentPartParam

__all__ = ["AssistantAudioParam", "AssistantImageParam", "ChatCompletionAssistantMessageParam"]


class _ImageURL(TypedDict, total=False):
    url: Required[str]


class AssistantImageParam(TypedDict, total=False):
    """An image the model generated earlier (`message.images[]`), sent back in the conversation."""

    type: str
    image_url: Required[_ImageURL]


class AssistantAudioParam(TypedDict, total=False):
    """A previous audio answer: `openai`'s `{id}`, or the audio itself as OpenRouter returned it."""

    id: Required[str]
    data: str
    transcript: str
    expires_at: int


class ChatCompletionAssistantMessageParam(TypedDict, total=False):
    """`openai`'s assistant message param plus `reasoning`, `reasoning_details` (sent back unmodified), the
    `images` the model generated, and multimodal `content` parts."""

    role: Required[Literal["assistant"]]
    content: str | Iterable[ContentArrayOfContentPart | ChatCompletionContentPartParam] | None
    audio: AssistantAudioParam | None
    function_call: FunctionCall | None
    name: str
    refusal: str | None
    tool_calls: Iterable[ChatCompletionMessageToolCallUnionParam]
    model: str
    """The model that wrote this turn (OpenRouter echoes it)."""
    reasoning: str | None
    reasoning_details: list[dict[str, Any]]
    images: list[AssistantImageParam]
