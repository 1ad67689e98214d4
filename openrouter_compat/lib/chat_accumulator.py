"""Accumulates a chat completion stream into the message it amounts to, chunk by chunk.

The same object keeps a stream's partial output when it fails midway, and turns a finished stream into
the assistant message of the next request (`reasoning_details` included, as OpenRouter asks).
"""

from __future__ import annotations

from typing import Any

from ..types.chat.chat_completion_assistant_message_param import ChatCompletionAssistantMessageParam
from ..types.chat.chat_completion_chunk import ChatCompletionChunk
from ..types.shared.error_object import ErrorObject
from ..types.shared.usage import Usage
from .message_param import build_message_param

__all__ = ["ChatCompletionAccumulator"]


class ChatCompletionAccumulator:
    """What a chat stream has produced so far: text, reasoning, reasoning details, tool calls, usage."""

    def __init__(self) -> None:
        self.generation_id: str | None = None
        self.model: str | None = None
        self.provider: str | None = None
        self.finish_reason: str | None = None
        self.native_finish_reason: str | None = None
        self.usage: Usage | None = None
        self.error: ErrorObject | None = None
        self.chunks_seen = 0
        self._content: list[str] = []
        self._reasoning: list[str] = []
        self._details: list[dict[str, Any]] = []
        self._detail_keys: list[tuple[int, str | None]] = []
        self._tool_calls: dict[int, dict[str, Any]] = {}
        self._annotations: list[dict[str, Any]] = []

    @property
    def content(self) -> str:
        return "".join(self._content)

    @property
    def reasoning(self) -> str:
        return "".join(self._reasoning)

    @property
    def reasoning_details(self) -> list[dict[str, Any]]:
        """Merged details, in arrival order: deltas of one entry (same `index` and `type`) joined into one.

        Text fields (`text`, `summary`, `data`, `signature`) are concatenated, other fields keep their latest
        value; an entry is exactly what the provider sent, with no key added (an index-less entry stays so).
        """
        return self._details

    @property
    def tool_calls(self) -> list[dict[str, Any]]:
        return [self._tool_calls[index] for index in sorted(self._tool_calls)]

    @property
    def annotations(self) -> list[dict[str, Any]]:
        return self._annotations

    def add(self, chunk: ChatCompletionChunk) -> None:
        """Fold one chunk in; index-less `reasoning_details` deltas get the index they continue (in place)."""
        self.chunks_seen += 1
        if not self.generation_id:  # read, and written only until known (this runs once per chunk)
            self.generation_id = chunk.id
        if not self.model:
            self.model = chunk.model
        if not self.provider:
            self.provider = chunk.provider
        if chunk.usage is not None:
            self.usage = chunk.usage
        if chunk.error is not None:
            self.error = chunk.error
        for choice in chunk.choices or ():
            if choice.index != 0:
                continue
            if choice.finish_reason is not None:
                self.finish_reason = choice.finish_reason
            if choice.native_finish_reason is not None:
                self.native_finish_reason = choice.native_finish_reason
            delta = choice.delta
            if delta is None:  # pyright: ignore[reportUnnecessaryComparison] - a `"delta": null` is parsed leniently
                continue
            if delta.content:
                self._content.append(delta.content)
            if delta.reasoning:
                self._reasoning.append(delta.reasoning)
            if delta.reasoning_details:
                for detail in delta.reasoning_details:
                    self._add_detail(detail)
            if delta.tool_calls:
                for call in delta.tool_calls:
                    self._add_tool_call(call.to_dict())
            if delta.annotations:
                self._annotations.extend(annotation.to_dict() for annotation in delta.annotations)

    def _add_detail(self, detail: Any) -> None:
        """Merge one delta. OpenRouter's rule: a delta continues the entry with the same `index` and `type`
        (a summary and an encrypted blob may share index 0); an index-less delta continues the last entry
        while its type stays the same, else starts a new one. An index-less delta is given, in place, the
        position of the entry it continues, so `openai`'s `.stream()` helper can merge it too."""
        kind = detail.type
        had_index = detail.index is not None
        if had_index:
            key = (detail.index, kind)
            position = _last_position(self._detail_keys, key)
        else:
            last = self._detail_keys[-1] if self._detail_keys else None
            position = len(self._detail_keys) - 1 if last is not None and last[1] == kind else None
            detail.index = position if position is not None else len(self._detail_keys)
            key = (detail.index, kind)
        data = detail.to_dict()
        if not had_index:
            data.pop("index", None)
        if position is None:
            self._details.append(dict(data))
            self._detail_keys.append(key)
        else:
            _merge_detail(self._details[position], data)

    def _add_tool_call(self, call: dict[str, Any]) -> None:
        index = call.get("index", 0)
        entry = self._tool_calls.get(index)
        if entry is None:
            function: dict[str, Any] = dict(call.get("function") or {})
            self._tool_calls[index] = {**call, "function": function}
            return
        for key in ("id", "type"):
            if call.get(key):
                entry[key] = call[key]
        function = call.get("function") or {}
        target = entry.setdefault("function", {})
        if function.get("name"):
            target["name"] = (target.get("name") or "") + function["name"]
        if function.get("arguments"):
            target["arguments"] = (target.get("arguments") or "") + function["arguments"]

    def to_message_param(self) -> ChatCompletionAssistantMessageParam:
        """The assistant message to send back on the next turn, with `reasoning_details` exactly as merged."""
        return build_message_param(
            content=self.content or None,
            tool_calls=self.tool_calls,
            reasoning=self.reasoning or None,
            reasoning_details=self._details,
        )


_TEXT_FIELDS = ("text", "summary", "data", "signature")


def _last_position(keys: list[tuple[int, str | None]], key: tuple[int, str | None]) -> int | None:
    for position in range(len(keys) - 1, -1, -1):
        if keys[position] == key:
            return position
    return None


def _merge_detail(entry: dict[str, Any], delta: dict[str, Any]) -> None:
    for key, value in delta.items():
        if value is None:
            continue
        if key in _TEXT_FIELDS and isinstance(value, str) and isinstance(entry.get(key), str):
            entry[key] += value
        else:
            entry[key] = value
