"""`POST /messages` with `stream: true`: the spec's example message sent as Anthropic-shaped events.

`message_start` (the message without content, its usage), then per content block `content_block_start`, one
delta per word (`text_delta`, `thinking_delta`, `input_json_delta`) and `content_block_stop`, then
`message_delta` (stop reason, output usage) and `message_stop`; `[DONE]` is the writer's, as OpenRouter sends it.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

from ._context import Context
from ._replies import StreamReply, dumps

__all__ = ["message_stream"]

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    429: "rate_limit_error",
}
"""HTTP status -> Anthropic error `type` of an error event (5xx: `api_error`, 529: `overloaded_error`)."""


def event_frame(value: dict[str, Any]) -> bytes:
    """One server-sent event named after its `type`, carrying the JSON document."""
    return f"event: {value['type']}\ndata: {dumps(value)}\n\n".encode()


def message_stream(ctx: Context, example: dict[str, Any]) -> StreamReply:
    """The example message (model and id taken from the request) as a stream of events."""
    body = ctx.body()
    message = json.loads(json.dumps(example))
    gen_id = f"gen-msg-{uuid.uuid4().hex[:16]}"
    message["id"] = gen_id
    if isinstance(body.get("model"), str):
        message["model"] = body["model"]
    return StreamReply(_frames(message), _error_frame, {"X-Generation-Id": gen_id}, closing=2)


def _frames(message: dict[str, Any]) -> Iterator[bytes]:
    blocks: list[dict[str, Any]] = list(message.get("content") or [])
    usage: dict[str, Any] = dict(message.get("usage") or {})
    start: dict[str, Any] = {**message, "content": [], "stop_reason": None, "usage": {**usage, "output_tokens": 0}}
    yield event_frame({"type": "message_start", "message": start})
    for index, block in enumerate(blocks):
        yield from _block(index, block)
    delta = {"stop_reason": message.get("stop_reason"), "stop_sequence": None, "container": None, "stop_details": None}
    yield event_frame({"type": "message_delta", "delta": delta, "usage": usage})
    yield event_frame({"type": "message_stop"})


def _block(index: int, block: dict[str, Any]) -> Iterator[bytes]:
    kind = block.get("type")
    field, delta_type = {"text": ("text", "text_delta"), "thinking": ("thinking", "thinking_delta")}.get(
        str(kind), ("", "")
    )
    if kind == "tool_use":
        field, delta_type = "input", "input_json_delta"
    if not field:
        yield event_frame({"type": "content_block_start", "index": index, "content_block": block})
    else:
        empty: Any = {} if kind == "tool_use" else ""
        yield event_frame({"type": "content_block_start", "index": index, "content_block": {**block, field: empty}})
        text = dumps(block.get(field)) if kind == "tool_use" else str(block.get(field) or "")
        key = "partial_json" if kind == "tool_use" else field
        for piece in re.findall(r"\S+\s*|\s+", text):
            yield event_frame(
                {"type": "content_block_delta", "index": index, "delta": {"type": delta_type, key: piece}}
            )
    yield event_frame({"type": "content_block_stop", "index": index})


def _error_frame(code: int, message: str, sent: int) -> bytes:
    kind = _ERROR_TYPES.get(code) or ("overloaded_error" if code == 529 else "api_error")
    return event_frame({"type": "error", "error": {"type": kind, "message": message, "code": code}})
