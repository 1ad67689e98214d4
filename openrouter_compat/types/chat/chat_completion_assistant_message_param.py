"""An assistant message sent back to OpenRouter, with the reasoning that must survive the next turn."""

from __future__ import annotations

from typing import Any

from openai.types.chat import chat_completion_assistant_message_param

__all__ = ["ChatCompletionAssistantMessageParam"]


class ChatCompletionAssistantMessageParam(
    chat_completion_assistant_message_param.ChatCompletionAssistantMessageParam, total=False
):
    """`openai`'s assistant message param plus `reasoning` and `reasoning_details` (sent back unmodified)."""

    reasoning: str
    reasoning_details: list[dict[str, Any]]
