"""POST /completions: legacy text completions (``prompt`` in, ``choices[].text`` out), streamed or not."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from .._json import is_array
from ._answer import Answer, Ask, max_tokens_of, plan, provider_order, record, string_list, web_requested
from ._chat import midstream_error_object, partial_usage
from ._context import Context
from ._errors import ApiError
from ._faults import chunks_before
from ._replies import JsonReply, StreamReply, dumps, sse_frame
from ._synth import generation_id, word_count
from ._usage import chat_usage


def completions(ctx: Context) -> JsonReply | StreamReply:
    """Answer a legacy completion request."""
    body = ctx.body()
    prompt = body.get("prompt")
    if is_array(prompt) and prompt and all(isinstance(p, str) for p in prompt):
        prompt = "\n".join(prompt)
    if not isinstance(prompt, str):
        raise ApiError(400, 'Input required: specify "prompt"')
    model = body.get("model")
    ask = Ask(
        model=model if isinstance(model, str) else None,
        models=string_list(body.get("models")),
        provider_order=provider_order(body),
        prompt_tokens=word_count(prompt),
        last_user_text=prompt,
        last_is_user=True,
        max_tokens=max_tokens_of(body, "max_tokens"),
        web=web_requested(body, None),
    )
    answer = plan(ctx, ask)
    gen_id = generation_id()
    headers = {"X-Generation-Id": gen_id}
    if body.get("stream") is True:
        stream = TextStream(ctx, answer, gen_id)
        return StreamReply(stream.frames(), stream.error_frame, headers, closing=2)
    choice: dict[str, Any] = {
        "text": answer.content,
        "index": 0,
        "logprobs": None,
        "finish_reason": answer.finish_reason,
        "native_finish_reason": answer.native_finish_reason,
        "reasoning": None,
    }
    usage = answer.usage
    fault = ctx.fault
    if fault is not None and fault.kind == "midstream_error":
        usage = partial_usage(answer, fault.after_chunks)
        chunks = answer.content_pieces()
        choice.update(text="".join(chunks[: chunks_before(fault, len(chunks))]), finish_reason="error")
        choice.update(native_finish_reason="error", error=midstream_error_object(fault.code, fault.message or ""))
        record(ctx, answer, gen_id, streamed=False, usage=usage, finish="error")
    else:
        record(ctx, answer, gen_id, streamed=False)
    document = {**_envelope(answer, gen_id, int(time.time())), "system_fingerprint": None, "choices": [choice]}
    return JsonReply(200, {**document, "usage": chat_usage(usage)}, headers)


def _envelope(answer: Answer, gen_id: str, created: int) -> dict[str, Any]:
    """Fields shared by the completion and every chunk."""
    return {
        "id": gen_id,
        "provider": answer.provider,
        "model": answer.model,
        "object": "text_completion",
        "created": created,
    }


class TextStream:
    """Renders an Answer as legacy ``text_completion`` SSE chunks."""

    def __init__(self, ctx: Context, answer: Answer, gen_id: str) -> None:
        """Remember what to render."""
        self.ctx = ctx
        self.answer = answer
        self.gen_id = gen_id
        self.envelope = _envelope(answer, gen_id, int(time.time()))

    def frames(self) -> Iterator[bytes]:
        """One chunk per word, a finish chunk, then the usage chunk."""
        head = ("data: " + dumps(self.envelope)[:-1] + ',"choices":[{"index":0,"text":').encode()
        tail = b',"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}\n\n'
        for piece in self.answer.content_pieces():
            yield head + dumps(piece).encode() + tail
        finish = {
            "index": 0,
            "text": "",
            "finish_reason": self.answer.finish_reason,
            "native_finish_reason": self.answer.native_finish_reason,
            "logprobs": None,
        }
        yield sse_frame({**self.envelope, "choices": [finish]})
        record(self.ctx, self.answer, self.gen_id, streamed=True)
        yield sse_frame({**self.envelope, "choices": [], "usage": chat_usage(self.answer.usage)})

    def error_frame(self, code: int, message: str, sent: int) -> bytes:
        """The in-stream error chunk with a terminating ``finish_reason: "error"`` choice and usage."""
        usage = partial_usage(self.answer, sent)
        record(self.ctx, self.answer, self.gen_id, streamed=True, usage=usage, finish="error")
        choice = {"index": 0, "text": "", "finish_reason": "error"}
        error = midstream_error_object(code, message)
        return sse_frame({**self.envelope, "error": error, "choices": [choice], "usage": chat_usage(usage)})
