"""Reasoning continuity: turn an assistant reply into the message of the next request, reasoning kept.

OpenRouter asks that `reasoning_details` go back unmodified (order, signatures, encrypted data) so that
Claude, Gemini and OpenAI reasoning models continue their reasoning across turns and tool calls. Most
code that builds the next turn from `message.content` drops them; `assistant_message_param` keeps them.
"""

from __future__ import annotations

from .._json import is_array, is_mapping, is_object
from ..types.chat.chat_completion_assistant_message_param import ChatCompletionAssistantMessageParam
from .chat_accumulator import ChatCompletionAccumulator
from .message_param import build_message_param

__all__ = ["assistant_message_param", "build_message_param"]


def assistant_message_param(source: object, *, choice: int = 0) -> ChatCompletionAssistantMessageParam:
    """The assistant message param to append to `messages`, from any of:

    - a chat completion (ours, `openai`'s, or `.parse()`'s `ParsedChatCompletion`): its `choices[choice]`;
    - a message (`completion.choices[0].message`), model or dict;
    - a finished stream: ours (`create(stream=True)`), its `.accumulator`, or the `.stream()` helper's stream
      (its own snapshot joins every string field, `format` included, so the helper's final completion is not
      a faithful copy of `reasoning_details`; this reads our accumulator underneath instead).

    `reasoning_details` entries are copied as received (every key, including ones this library does not
    model); tool calls and content are kept; `reasoning` text is kept too.
    """
    raw = getattr(source, "_raw_stream", source)  # `openai`'s `.stream()` helper wraps our stream
    accumulator = getattr(raw, "accumulator", raw)
    if isinstance(accumulator, ChatCompletionAccumulator):
        return accumulator.to_message_param()
    choices = getattr(source, "choices", None)
    if is_array(choices):
        source = getattr(choices[choice], "message", None)
    message = _as_dict(source)
    if not is_object(message):
        raise TypeError(
            f"assistant_message_param() takes a chat completion, a message or a stream, not {type(source).__name__}"
        )
    return build_message_param(
        content=message.get("content"),
        tool_calls=message.get("tool_calls"),
        reasoning=message.get("reasoning"),
        reasoning_details=message.get("reasoning_details"),
    )


def _as_dict(value: object) -> object:
    """A model as the dict of the fields the API sent (`to_dict()` keeps unknown fields, drops unset ones)."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    model_dump = getattr(value, "model_dump", None)
    if callable(model_dump):
        return model_dump(exclude_unset=True)
    return dict(value) if is_mapping(value) else value
