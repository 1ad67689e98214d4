"""The assistant message param of a reply (content, tool calls, reasoning kept), assembled in one place.

Below both `chat_accumulator` (a finished stream's message) and `reasoning` (a completion's or message's), so
neither imports the other.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from ..types.chat.chat_completion_assistant_message_param import ChatCompletionAssistantMessageParam

__all__ = ["build_message_param"]


def build_message_param(
    *,
    content: object,
    tool_calls: Iterable[Mapping[str, Any]] | None = None,
    reasoning: str | None = None,
    reasoning_details: Iterable[Mapping[str, Any]] | None = None,
) -> ChatCompletionAssistantMessageParam:
    """The one place an assistant message param is assembled (used by the stream accumulator too)."""
    message: ChatCompletionAssistantMessageParam = {"role": "assistant", "content": content}  # type: ignore[typeddict-item]
    calls = [_tool_call(call) for call in tool_calls or ()]
    if calls:
        message["tool_calls"] = calls  # type: ignore[typeddict-item]
    if reasoning:
        message["reasoning"] = reasoning
    details = [copy.deepcopy(dict(detail)) for detail in reasoning_details or ()]
    if details:
        message["reasoning_details"] = details
    return message


def _tool_call(call: Mapping[str, Any]) -> dict[str, Any]:
    function = dict(call.get("function") or {})
    return {"id": call.get("id"), "type": call.get("type") or "function", "function": function}
