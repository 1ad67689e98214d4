"""POST /chat/completions: the completion body, its SSE chunk stream, and in-stream errors."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from .._json import is_array, is_object
from . import _reasoning
from ._answer import (
    Answer,
    Ask,
    FunctionCall,
    ToolSpec,
    max_tokens_of,
    plan,
    provider_order,
    reasoning_mode,
    record,
    string_list,
    web_requested,
)
from ._context import Context
from ._errors import ApiError, error_object, error_type
from ._faults import Fault, chunks_before
from ._replies import JsonReply, StreamReply, dumps, sse_frame
from ._synth import content_text, generation_id, word_count
from ._usage import Usage, chat_usage, compute_usage

_TOOL_ARGUMENT_PIECES = 3


def chat_completions(ctx: Context) -> JsonReply | StreamReply:
    """Answer a chat completion request, streamed or not."""
    body = ctx.body()
    messages = body.get("messages")
    if not is_array(messages) or not messages:
        prompt = body.get("prompt")
        if not isinstance(prompt, str):
            raise ApiError(400, 'Input required: specify "prompt" or "messages"')
        messages = [{"role": "user", "content": prompt}]
    answer = plan(ctx, chat_ask(body, messages))
    gen_id = generation_id()
    headers = {"X-Generation-Id": gen_id}
    if body.get("stream") is True:
        noindex = "noindex" in answer.model
        stream = ChatStream(ctx, answer, gen_id, with_index=not noindex)
        return StreamReply(stream.frames(), stream.error_frame, headers, closing=2)
    fault = ctx.fault
    if fault is not None and fault.kind == "midstream_error":
        return JsonReply(200, _failed_completion(ctx, answer, gen_id, fault))
    record(ctx, answer, gen_id, streamed=False)
    return JsonReply(200, completion_body(answer, gen_id), headers)


def chat_ask(body: dict[str, Any], messages: list[Any]) -> Ask:
    """Normalise a chat request body into an Ask."""
    last_user = next((m for m in reversed(messages) if is_object(m) and m.get("role") == "user"), None)
    last = messages[-1] if is_object(messages[-1]) else {}
    tools = body.get("tools")
    response_format = body.get("response_format")
    schema: Any = None
    json_object = False
    if is_object(response_format):
        if response_format.get("type") == "json_schema":
            spec = response_format.get("json_schema")
            schema = spec.get("schema", {}) if is_object(spec) else {}
        json_object = response_format.get("type") == "json_object"
    model = body.get("model")
    return Ask(
        model=model if isinstance(model, str) else None,
        models=string_list(body.get("models")),
        provider_order=provider_order(body),
        prompt_tokens=sum(word_count(content_text(m.get("content"))) for m in messages if is_object(m)),
        last_user_text=content_text(last_user.get("content")) if last_user else "",
        last_is_user=last.get("role") == "user",
        tools=function_tools(tools),
        tool_choice=body.get("tool_choice"),
        json_schema=schema,
        json_object=json_object,
        reasoning=reasoning_mode(body),
        max_tokens=max_tokens_of(body, "max_completion_tokens", "max_tokens"),
        web=web_requested(body, tools),
    )


def function_tools(tools: Any) -> tuple[ToolSpec, ...]:
    """The function tools of a chat request (``{"type": "function", "function": {...}}``)."""
    out: list[ToolSpec] = []
    for tool in tools if is_array(tools) else []:
        function = tool.get("function") if is_object(tool) and tool.get("type") == "function" else None
        if is_object(function) and isinstance(function.get("name"), str):
            out.append(ToolSpec(function["name"], function.get("parameters")))
    return tuple(out)


def completion_body(answer: Answer, gen_id: str) -> dict[str, Any]:
    """The non-stream chat completion document."""
    message: dict[str, Any] = {
        "role": "assistant",
        "content": answer.content,
        "refusal": None,
        "reasoning": answer.reasoning if answer.reasoning_visible else None,
    }
    if answer.reasoning_visible and answer.reasoning is not None:
        message["reasoning_details"] = _reasoning.details(answer.family, answer.reasoning)
    if answer.annotations:
        message["annotations"] = list(answer.annotations)
    if answer.tool_calls:
        message["tool_calls"] = [
            {
                "id": call.id,
                "index": index,
                "type": "function",
                "function": {"name": call.name, "arguments": call.arguments},
            }
            for index, call in enumerate(answer.tool_calls)
        ]
    choice = {
        "index": 0,
        "finish_reason": answer.finish_reason,
        "native_finish_reason": answer.native_finish_reason,
        "logprobs": None,
        "message": message,
    }
    return {
        "id": gen_id,
        "provider": answer.provider,
        "model": answer.model,
        "object": "chat.completion",
        "created": int(time.time()),
        "system_fingerprint": None,
        "choices": [choice],
        "usage": chat_usage(answer.usage),
    }


def midstream_error_object(code: int, message: str) -> dict[str, Any]:
    """The ``error`` of an in-stream failure, with 2026 ``error_type``/``provider_code`` metadata."""
    provider_code = "rate_limited" if code == 429 else "upstream_error"
    return error_object(code, message, {"error_type": error_type(code), "provider_code": provider_code})


def partial_usage(answer: Answer, sent: int) -> Usage:
    """Usage for an answer cut off after ``sent`` one-word chunks (a scripted answer keeps its own usage)."""
    if answer.scripted or sent < 0:
        return answer.usage
    completion = min(sent, answer.usage.completion_tokens)
    reasoning = min(sent, answer.usage.reasoning_tokens)
    return compute_usage(answer.model, answer.usage.prompt_tokens, completion, reasoning)


def _failed_completion(ctx: Context, answer: Answer, gen_id: str, fault: Fault) -> dict[str, Any]:
    """A non-stream completion whose choice failed after partial output (``choices[].error``)."""
    chunks = answer.content_pieces()
    after = chunks_before(fault, len(chunks))
    usage = partial_usage(answer, fault.after_chunks)
    record(ctx, answer, gen_id, streamed=False, usage=usage, finish="error")
    body = completion_body(answer, gen_id)
    choice = body["choices"][0]
    choice["message"]["content"] = "".join(chunks[:after])
    choice["finish_reason"] = "error"
    choice["native_finish_reason"] = "error"
    choice["error"] = midstream_error_object(fault.code, fault.message or "Provider disconnected")
    body["usage"] = chat_usage(usage)
    return body


def _reasoning_delta(piece: str | None, detail: dict[str, Any]) -> dict[str, Any]:
    """A stream delta carrying reasoning text (or None) and one reasoning_details entry."""
    return {"role": "assistant", "content": "", "reasoning": piece, "reasoning_details": [detail]}


class ChatStream:
    """Renders an Answer as ``chat.completion.chunk`` SSE frames, fast enough for 10k-chunk streams."""

    def __init__(self, ctx: Context, answer: Answer, gen_id: str, *, with_index: bool) -> None:
        """Precompute the JSON envelope shared by every chunk."""
        self.ctx = ctx
        self.answer = answer
        self.gen_id = gen_id
        self.with_index = with_index
        self.created = int(time.time())
        self.envelope = {
            "id": gen_id,
            "provider": answer.provider,
            "model": answer.model,
            "object": "chat.completion.chunk",
            "created": self.created,
        }
        head = dumps(self.envelope)[:-1]
        self.head = ("data: " + head + ',"choices":[{"index":0,"delta":').encode()
        self.tail = b',"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}\n\n'

    def frame(self, delta: str) -> bytes:
        """One chunk whose delta is the given JSON text."""
        return self.head + delta.encode() + self.tail

    def frames(self) -> Iterator[bytes]:
        """All chunks: reasoning, content or tool call, annotations, finish, then usage."""
        answer = self.answer
        if answer.reasoning_visible and answer.reasoning is not None:
            yield from self._reasoning_frames(answer.reasoning)
        if answer.tool_calls:
            for index, call in enumerate(answer.tool_calls):
                yield from self._tool_frames(index, call)
        else:
            cache: dict[str, str] = {}
            for piece in answer.content_pieces():
                text = cache.get(piece)
                if text is None:
                    text = cache[piece] = dumps(piece)
                yield self.frame('{"role":"assistant","content":' + text + "}")
        for annotation in answer.annotations:
            yield self.frame(dumps({"role": "assistant", "content": "", "annotations": [annotation]}))
        finish = {
            "index": 0,
            "delta": {"role": "assistant", "content": ""},
            "finish_reason": answer.finish_reason,
            "native_finish_reason": answer.native_finish_reason,
            "logprobs": None,
        }
        yield sse_frame({**self.envelope, "choices": [finish]})
        record(self.ctx, answer, self.gen_id, streamed=True)
        yield sse_frame({**self.envelope, "choices": [], "usage": chat_usage(answer.usage)})

    def _reasoning_frames(self, text: str) -> Iterator[bytes]:
        """Reasoning deltas, one per word, then the signature or encrypted entry if the vendor sends one."""
        family = self.answer.family
        for piece in self.answer.reasoning_pieces():
            detail = _reasoning.delta(family, piece, with_index=self.with_index)
            yield self.frame(dumps(_reasoning_delta(piece, detail)))
        closing = _reasoning.closing_delta(family, text, with_index=self.with_index)
        if closing is not None:
            yield self.frame(dumps(_reasoning_delta(None, closing)))

    def _tool_frames(self, index: int, call: FunctionCall) -> Iterator[bytes]:
        """One tool call split over several chunks: id and name first, then argument fragments."""
        first = {"index": index, "id": call.id, "type": "function", "function": {"name": call.name, "arguments": ""}}
        yield self.frame(dumps({"role": "assistant", "content": None, "tool_calls": [first]}))
        size = max(1, -(-len(call.arguments) // _TOOL_ARGUMENT_PIECES))
        for start in range(0, len(call.arguments), size):
            piece = call.arguments[start : start + size]
            fragment = {"index": index, "type": "function", "function": {"arguments": piece}}
            yield self.frame(dumps({"role": "assistant", "content": None, "tool_calls": [fragment]}))

    def error_frame(self, code: int, message: str, sent: int) -> bytes:
        """The in-stream error chunk (REFERENCE §4 shape plus usage), charging the partial output."""
        usage = partial_usage(self.answer, sent)
        record(self.ctx, self.answer, self.gen_id, streamed=True, usage=usage, finish="error")
        chunk = {
            "id": self.gen_id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.answer.model,
            "provider": self.answer.provider,
            "error": midstream_error_object(code, message),
            "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}],
            "usage": chat_usage(usage),
        }
        return sse_frame(chunk)
