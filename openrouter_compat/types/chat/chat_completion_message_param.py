"""Chat messages as OpenRouter takes them: `openai`'s, plus multimodal system/developer/tool messages and the
wider parts of `chat_completion_content_part_param` (the `messages` keyword accepts both)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Required, TypeAlias

from openai.types.chat import ChatCompletionMessageParam as OpenAIChatCompletionMessageParam
from typing_extensions import TypedDict

from .chat_completion_assistant_message_param import ChatCompletionAssistantMessageParam
from .chat_completion_content_part_param import ChatCompletionContentPartParam

__all__ = [
    "ChatCompletionDeveloperMessageParam",
    "ChatCompletionMessageParam",
    "ChatCompletionSystemMessageParam",
    "ChatCompletionToolMessageParam",
    "ChatCompletionUserMessageParam",
]

_Content: TypeAlias = str | Iterable[ChatCompletionContentPartParam]


class ChatCompletionSystemMessageParam(TypedDict, total=False):
    role: Required[Literal["system"]]
    content: Required[_Content]
    name: str


class ChatCompletionDeveloperMessageParam(TypedDict, total=False):
    role: Required[Literal["developer"]]
    content: Required[_Content]
    name: str


class ChatCompletionUserMessageParam(TypedDict, total=False):
    role: Required[Literal["user"]]
    content: Required[_Content]
    name: str


class ChatCompletionToolMessageParam(TypedDict, total=False):
    """A tool result; OpenRouter takes multimodal results (images, files) as content parts."""

    role: Required[Literal["tool"]]
    content: Required[_Content]
    tool_call_id: Required[str]


ChatCompletionMessageParam: TypeAlias = (
    OpenAIChatCompletionMessageParam
    | ChatCompletionSystemMessageParam
    | ChatCompletionDeveloperMessageParam
    | ChatCompletionUserMessageParam
    | ChatCompletionToolMessageParam
    | ChatCompletionAssistantMessageParam
)
"""What `messages=[...]` takes: every `openai` message, or OpenRouter's wider forms of them."""
