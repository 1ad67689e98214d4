"""POST /responses: OpenAI Responses-shaped results and their data-only SSE event stream."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from .._json import is_array, is_object
from ._answer import (
    Answer,
    Ask,
    FunctionCall,
    Reasoning,
    ToolSpec,
    max_tokens_of,
    plan,
    provider_order,
    record,
    string_list,
    web_requested,
)
from ._chat import midstream_error_object, partial_usage
from ._context import Context
from ._errors import ApiError
from ._reasoning import encrypted_blob
from ._replies import JsonReply, StreamReply, sse_frame
from ._synth import content_text, generation_id, random_token, word_count
from ._usage import Usage, responses_usage


def responses(ctx: Context) -> JsonReply | StreamReply:
    """Answer a Responses API request, streamed or not."""
    body = ctx.body()
    answer = plan(ctx, responses_ask(body))
    gen_id = generation_id()
    render = ResponseRender(ctx, body, answer, gen_id)
    headers = {"X-Generation-Id": gen_id}
    if body.get("stream") is True:
        return StreamReply(render.frames(), render.error_frame, headers, closing=1)
    fault = ctx.fault
    if fault is not None and fault.kind == "midstream_error":
        usage = partial_usage(answer, fault.after_chunks)
        record(ctx, answer, gen_id, streamed=False, usage=usage, finish="error")
        failed = render.response("failed", [], usage)
        failed["error"] = {"code": "server_error", "message": fault.message or "Provider disconnected"}
        return JsonReply(200, failed, headers)
    record(ctx, answer, gen_id, streamed=False)
    status = "incomplete" if answer.finish_reason == "length" else "completed"
    return JsonReply(200, render.response(status, render.output(), answer.usage), headers)


def responses_ask(body: dict[str, Any]) -> Ask:
    """Normalise a Responses request body into an Ask."""
    raw = body.get("input")
    items: list[Any] = [{"role": "user", "content": raw}] if isinstance(raw, str) else raw if is_array(raw) else []
    if not items:
        raise ApiError(400, 'Input required: specify "input"')
    words = word_count(body["instructions"]) if isinstance(body.get("instructions"), str) else 0
    last_user = ""
    for item in items:
        if not is_object(item):
            continue
        kind = item.get("type", "message")
        if kind == "message":
            text = content_text(item.get("content"))
            last_user = text if item.get("role") == "user" else last_user
        else:
            text = str(item.get("output") or item.get("arguments") or "")
        words += word_count(text)
    last = items[-1] if is_object(items[-1]) else {}
    text_options = body.get("text")
    text_format = text_options.get("format") if is_object(text_options) else None
    fmt = text_format if is_object(text_format) else {}
    model = body.get("model")
    return Ask(
        model=model if isinstance(model, str) else None,
        models=string_list(body.get("models")),
        provider_order=provider_order(body),
        prompt_tokens=words,
        last_user_text=last_user,
        last_is_user=last.get("type", "message") == "message" and last.get("role") == "user",
        tools=_function_tools(body.get("tools")),
        tool_choice=body.get("tool_choice"),
        json_schema=fmt.get("schema", {}) if fmt.get("type") == "json_schema" else None,
        json_object=fmt.get("type") == "json_object",
        reasoning=_reasoning_mode(body),
        max_tokens=max_tokens_of(body, "max_output_tokens"),
        web=web_requested(body, body.get("tools")),
    )


def _function_tools(tools: Any) -> tuple[ToolSpec, ...]:
    """Responses-style flat function tools (``{"type": "function", "name", "parameters"}``)."""
    found = [t for t in tools if is_object(t)] if is_array(tools) else []
    return tuple(
        ToolSpec(t["name"], t.get("parameters"))
        for t in found
        if t.get("type") == "function" and isinstance(t.get("name"), str)
    )


def _reasoning_mode(body: dict[str, Any]) -> Reasoning:
    """Reasoning is on when ``reasoning`` is given (not disabled) or the model is a ``:thinking`` variant."""
    reasoning = body.get("reasoning")
    model = body.get("model")
    if is_object(reasoning):
        if reasoning.get("enabled") is False or reasoning.get("effort") == "none":
            return "off"
        return "hidden" if reasoning.get("exclude") is True else "visible"
    return "visible" if isinstance(model, str) and ":thinking" in model else "off"


class ResponseRender:
    """Builds the response object, its output items, and its stream events with sequence numbers."""

    def __init__(self, ctx: Context, body: dict[str, Any], answer: Answer, gen_id: str) -> None:
        """Fix ids and timestamps so the stream and the final object agree."""
        self.ctx = ctx
        self.body = body
        self.answer = answer
        self.gen_id = gen_id
        self.created = int(time.time())
        self.reasoning_id = "rs_tmp_" + random_token(11).lower()
        self.message_id = "msg_tmp_" + random_token(11).lower()
        self.call_item_ids = ["fc_tmp_" + random_token(11).lower() for _ in answer.tool_calls]
        self.seq = 0
        include = body.get("include")
        self.encrypted = is_array(include) and "reasoning.encrypted_content" in include

    def response(self, status: str, output: list[dict[str, Any]], usage: Usage | None) -> dict[str, Any]:
        """The ``response`` object in a given state."""
        body = self.body
        incomplete = {"reason": "max_output_tokens"} if status == "incomplete" else None
        return {
            "id": self.gen_id,
            "object": "response",
            "created_at": self.created,
            "completed_at": int(time.time()) if status != "in_progress" else None,
            "model": self.answer.model,
            "status": status,
            "output": output,
            "error": None,
            "incomplete_details": incomplete,
            "tools": body.get("tools") if is_array(body.get("tools")) else [],
            "tool_choice": body.get("tool_choice", "auto"),
            "parallel_tool_calls": body.get("parallel_tool_calls", True),
            "max_output_tokens": body.get("max_output_tokens"),
            "temperature": body.get("temperature"),
            "top_p": body.get("top_p"),
            "presence_penalty": 0,
            "frequency_penalty": 0,
            "top_logprobs": 0,
            "max_tool_calls": None,
            "metadata": body.get("metadata") if is_object(body.get("metadata")) else {},
            "background": False,
            "previous_response_id": None,
            "service_tier": "auto",
            "truncation": "disabled",
            "store": False,
            "instructions": body.get("instructions"),
            "text": body.get("text") if is_object(body.get("text")) else {"format": {"type": "text"}},
            "reasoning": body.get("reasoning"),
            "safety_identifier": None,
            "prompt_cache_key": None,
            "usage": responses_usage(usage) if usage is not None else None,
        }

    def output(self) -> list[dict[str, Any]]:
        """The finished output items: reasoning (if returned), then a function call or a message."""
        items: list[dict[str, Any]] = []
        reasoning = self._reasoning_item()
        if reasoning is not None:
            items.append(reasoning)
        calls = self.answer.tool_calls
        if calls:
            items.extend(self._call_item(index, "completed") for index in range(len(calls)))
        else:
            items.append(self._message_item("completed"))
        return items

    def _reasoning_item(self) -> dict[str, Any] | None:
        """The reasoning output item, with ``encrypted_content`` when the request included it."""
        text = self.answer.reasoning
        if text is None or not self.answer.reasoning_visible:
            return None
        item: dict[str, Any] = {
            "id": self.reasoning_id,
            "type": "reasoning",
            "summary": [],
            "content": [{"type": "reasoning_text", "text": text}],
        }
        if self.encrypted:
            item["encrypted_content"] = encrypted_blob(text)
        return item

    def _message_item(self, status: str) -> dict[str, Any]:
        """The assistant message item (content empty while in progress)."""
        content = [self._text_part(self.answer.content)] if status == "completed" else []
        item = {"id": self.message_id, "type": "message", "status": status, "role": "assistant"}
        return {**item, "content": content}

    def _text_part(self, text: str) -> dict[str, Any]:
        """An ``output_text`` part with url_citation annotations from the web plugin."""
        annotations = [{"type": "url_citation", **a["url_citation"]} for a in self.answer.annotations] if text else []
        for note in annotations:
            note.pop("content", None)
        return {"type": "output_text", "text": text, "annotations": annotations, "logprobs": []}

    def _call_item(self, index: int, status: str) -> dict[str, Any]:
        """The ``index``-th function_call item (arguments empty while in progress)."""
        call = self.answer.tool_calls[index]
        arguments = call.arguments if status == "completed" else ""
        item = {"id": self.call_item_ids[index], "type": "function_call", "status": status, "call_id": call.id}
        return {**item, "name": call.name, "arguments": arguments}

    def _event(self, kind: str, **fields: Any) -> bytes:
        """One data-only SSE event with the next sequence number."""
        frame = sse_frame({"type": kind, **fields, "sequence_number": self.seq})
        self.seq += 1
        return frame

    def frames(self) -> Iterator[bytes]:
        """created, in_progress, the output items with their deltas, then completed."""
        yield self._event("response.created", response=self.response("in_progress", [], None))
        yield self._event("response.in_progress", response=self.response("in_progress", [], None))
        index = 0
        reasoning = self._reasoning_item()
        if reasoning is not None:
            yield from self._reasoning_events(index, reasoning)
            index += 1
        if self.answer.tool_calls:
            for number, call in enumerate(self.answer.tool_calls):
                yield from self._call_events(index + number, number, call)
        else:
            yield from self._message_events(index)
        status = "incomplete" if self.answer.finish_reason == "length" else "completed"
        record(self.ctx, self.answer, self.gen_id, streamed=True)
        final = self.response(status, self.output(), self.answer.usage)
        yield self._event(f"response.{status}", response=final)

    def _reasoning_events(self, index: int, item: dict[str, Any]) -> Iterator[bytes]:
        """Reasoning item: added, reasoning_text deltas, done."""
        text = str(item["content"][0]["text"])
        ids = {"output_index": index, "item_id": self.reasoning_id, "content_index": 0}
        added: dict[str, Any] = {"id": self.reasoning_id, "type": "reasoning", "summary": []}
        yield self._event("response.output_item.added", output_index=index, item=added)
        yield self._event("response.content_part.added", **ids, part={"type": "reasoning_text", "text": ""})
        for piece in self.answer.reasoning_pieces():
            yield self._event("response.reasoning_text.delta", **ids, delta=piece)
        yield self._event("response.reasoning_text.done", **ids, text=text)
        yield self._event("response.content_part.done", **ids, part={"type": "reasoning_text", "text": text})
        yield self._event("response.output_item.done", output_index=index, item=item)

    def _message_events(self, index: int) -> Iterator[bytes]:
        """Message item: added, content part, output_text deltas, done events."""
        text = self.answer.content
        ids = {"output_index": index, "item_id": self.message_id, "content_index": 0}
        yield self._event("response.output_item.added", output_index=index, item=self._message_item("in_progress"))
        empty: dict[str, Any] = {"type": "output_text", "text": "", "annotations": [], "logprobs": []}
        yield self._event("response.content_part.added", **ids, part=empty)
        for piece in self.answer.content_pieces():
            yield self._event("response.output_text.delta", **ids, delta=piece, logprobs=[])
        yield self._event("response.output_text.done", **ids, text=text, logprobs=[])
        yield self._event("response.content_part.done", **ids, part=self._text_part(text))
        yield self._event("response.output_item.done", output_index=index, item=self._message_item("completed"))

    def _call_events(self, index: int, number: int, call: FunctionCall) -> Iterator[bytes]:
        """The ``number``-th function call item at output ``index``: added, argument deltas, done."""
        ids = {"output_index": index, "item_id": self.call_item_ids[number]}
        added = self._call_item(number, "in_progress")
        yield self._event("response.output_item.added", output_index=index, item=added)
        yield self._event("response.function_call_arguments.delta", **ids, delta=call.arguments)
        done = {"name": call.name, "arguments": call.arguments}
        yield self._event("response.function_call_arguments.done", **ids, **done)
        yield self._event("response.output_item.done", output_index=index, item=self._call_item(number, "completed"))

    def error_frame(self, code: int, message: str, sent: int) -> bytes:
        """An ``error`` event numbered after the ``sent`` events (OpenAI shape plus OpenRouter's ``error``)."""
        usage = partial_usage(self.answer, max(0, sent - 2))
        record(self.ctx, self.answer, self.gen_id, streamed=True, usage=usage, finish="error")
        error = midstream_error_object(code, message)
        fields = {"type": "error", "code": str(code), "message": message, "param": None, "error": error}
        return sse_frame({**fields, "sequence_number": sent})
