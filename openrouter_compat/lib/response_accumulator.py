"""Accumulates a Responses API event stream into what it has produced so far, event by event.

The same object is `stream.accumulator` of a `ResponseEventStream` and the `partial` of the error that ends
one early: output text, reasoning text and summary, function-call arguments by item, the response id and
(from the terminal `response.*` event) the final usage.
"""

from __future__ import annotations

from typing import Any

from ..types.responses.response import Response, ResponseUsage

__all__ = ["ResponseStreamAccumulator"]

_RESPONSE_EVENTS = frozenset(
    {
        "response.created",
        "response.in_progress",
        "response.queued",
        "response.completed",
        "response.incomplete",
        "response.failed",
    }
)
"""Events carrying the whole `response` object (id, model, status; usage once finished)."""


class ResponseStreamAccumulator:
    """What a Responses API stream has produced so far."""

    def __init__(self) -> None:
        self.generation_id: str | None = None
        """The response id (OpenRouter's generation id)."""
        self.model: str | None = None
        self.status: str | None = None
        """The latest `response.status` seen (`in_progress`, then `completed`, `incomplete` or `failed`)."""
        self.usage: ResponseUsage | None = None
        self.response: Response | None = None
        """The final response object, once a `response.completed` (or `.incomplete`/`.failed`) event arrived."""
        self.error: dict[str, Any] | None = None
        """The `error` event's fields, when the stream ended with one."""
        self.chunks_seen = 0
        """Events folded in (named like the chat accumulator's counter, which error messages use)."""
        self._content: list[str] = []
        self._reasoning: list[str] = []
        self._summary: list[str] = []
        self._calls: dict[str, dict[str, str]] = {}

    @property
    def content(self) -> str:
        """The output text (`response.output_text.delta` events joined)."""
        return "".join(self._content)

    @property
    def reasoning(self) -> str:
        """The reasoning text (`response.reasoning_text.delta` events joined)."""
        return "".join(self._reasoning)

    @property
    def reasoning_summary(self) -> str:
        """The reasoning summary (`response.reasoning_summary_text.delta` events joined)."""
        return "".join(self._summary)

    @property
    def function_calls(self) -> dict[str, dict[str, str]]:
        """Function calls by output item id: `call_id`, `name` and the `arguments` received so far."""
        return self._calls

    def add(self, event: Any) -> None:
        """Fold one event in (events of unknown types are counted and otherwise ignored)."""
        self.chunks_seen += 1
        kind = getattr(event, "type", None)
        if kind in _RESPONSE_EVENTS:
            self._add_response(
                event.response, final=kind in ("response.completed", "response.incomplete", "response.failed")
            )
        elif kind == "response.output_text.delta":
            self._content.append(event.delta)
        elif kind == "response.reasoning_text.delta":
            self._reasoning.append(event.delta)
        elif kind == "response.reasoning_summary_text.delta":
            self._summary.append(event.delta)
        elif kind in {"response.output_item.added", "response.output_item.done"}:
            item = event.item
            if getattr(item, "type", None) == "function_call" and item.id is not None:
                call = self._call(item.id)
                call.update(call_id=item.call_id, name=item.name)
                if item.arguments:
                    call["arguments"] = item.arguments
        elif kind == "response.function_call_arguments.delta":
            self._call(event.item_id)["arguments"] += event.delta
        elif kind == "response.function_call_arguments.done":
            self._call(event.item_id)["arguments"] = event.arguments
        elif kind == "error":
            data: dict[str, Any] = event.to_dict()
            error = data.get("error")
            self.error = error if isinstance(error, dict) else data

    def _add_response(self, response: Response, *, final: bool) -> None:
        self.generation_id = self.generation_id or response.id
        self.model = self.model or response.model
        self.status = response.status
        if response.usage is not None:
            self.usage = response.usage
        if final:
            self.response = response

    def _call(self, item_id: str) -> dict[str, str]:
        return self._calls.setdefault(item_id, {"call_id": "", "name": "", "arguments": ""})
