"""A chat completion as OpenRouter returns it; still an `openai.types.chat.ChatCompletion`."""

from __future__ import annotations

from openai.types.chat import chat_completion

from ..._response_metadata import WithResponseMetadata
from ..shared.error_object import ErrorObject
from ..shared.router_metadata import RouterMetadata
from ..shared.usage import Usage
from .chat_completion_message import ChatCompletionMessage

__all__ = ["ChatCompletion", "Choice"]


class Choice(chat_completion.Choice):
    """A choice with the provider's raw finish reason and, when generation failed midway, the error."""

    message: ChatCompletionMessage
    native_finish_reason: str | None = None
    error: ErrorObject | None = None


class ChatCompletion(chat_completion.ChatCompletion, WithResponseMetadata):
    """`openai`'s ChatCompletion plus the serving `provider`, cost-bearing `usage` and router metadata."""

    choices: list[Choice]  # type: ignore[assignment]
    provider: str | None = None
    usage: Usage | None = None
    openrouter_metadata: RouterMetadata | None = None
