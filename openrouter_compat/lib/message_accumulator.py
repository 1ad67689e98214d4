"""Accumulates an Anthropic-shaped `POST /messages` event stream into what it has produced so far.

The same object is `stream.accumulator` of a `MessageEventStream` and the `partial` of the error that ends one
early: the message id (OpenRouter's generation id), model, text and thinking by content block, tool-input JSON,
stop reason and usage (from `message_start`, updated by `message_delta`).
"""

from __future__ import annotations

from typing import Any, cast

__all__ = ["MessageStreamAccumulator"]


class MessageStreamAccumulator:
    """What a messages stream has produced so far."""

    def __init__(self) -> None:
        self.generation_id: str | None = None
        """The message id of `message_start` (OpenRouter's generation id)."""
        self.model: str | None = None
        self.provider: str | None = None
        self.stop_reason: str | None = None
        """The `message_delta` stop reason (`end_turn`, `max_tokens`, `tool_use`, ...)."""
        self.usage: Any = None
        """The latest usage object (`message_start`'s, then each `message_delta`'s)."""
        self.error: dict[str, Any] | None = None
        """The `error` event's `error` object, when the stream ended with one."""
        self.chunks_seen = 0
        """Events folded in (named like the chat accumulator's counter, which error messages use)."""
        self._text: dict[int, list[str]] = {}
        self._thinking: dict[int, list[str]] = {}
        self._tool_input: dict[int, list[str]] = {}

    @property
    def content(self) -> str:
        """The text of every text block, in block order (`text_delta`s joined)."""
        return "".join("".join(self._text[index]) for index in sorted(self._text))

    @property
    def thinking(self) -> str:
        """The thinking text (`thinking_delta`s joined)."""
        return "".join("".join(self._thinking[index]) for index in sorted(self._thinking))

    @property
    def tool_inputs(self) -> dict[int, str]:
        """The tool-use input JSON received so far, by content block index (`input_json_delta`s joined)."""
        return {index: "".join(parts) for index, parts in sorted(self._tool_input.items())}

    def add(self, event: Any) -> None:
        """Fold one event in (events of unknown types are counted and otherwise ignored)."""
        self.chunks_seen += 1
        kind = getattr(event, "type", None)
        if kind == "message_start":
            message = getattr(event, "message", None)
            self.generation_id = self.generation_id or _str(getattr(message, "id", None))
            self.model = _str(getattr(message, "model", None)) or self.model
            self.provider = _str(getattr(message, "provider", None)) or self.provider
            self.usage = getattr(message, "usage", None) or self.usage
        elif kind == "content_block_delta":
            self._add_delta(getattr(event, "index", 0), getattr(event, "delta", None))
        elif kind == "message_delta":
            delta = getattr(event, "delta", None)
            self.stop_reason = _str(getattr(delta, "stop_reason", None)) or self.stop_reason
            self.usage = getattr(event, "usage", None) or self.usage
        elif kind == "error":
            to_dict = getattr(getattr(event, "error", None), "to_dict", None)
            error: object = to_dict() if callable(to_dict) else None
            self.error = cast("dict[str, Any]", error) if isinstance(error, dict) else None

    def _add_delta(self, index: object, delta: object) -> None:
        position = index if isinstance(index, int) else 0
        kind = getattr(delta, "type", None)
        if kind == "text_delta":
            self._text.setdefault(position, []).append(str(getattr(delta, "text", "")))
        elif kind == "thinking_delta":
            self._thinking.setdefault(position, []).append(str(getattr(delta, "thinking", "")))
        elif kind == "input_json_delta":
            self._tool_input.setdefault(position, []).append(str(getattr(delta, "partial_json", "")))


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
