"""The benchmark's HTTP/1.1 server: canned OpenRouter answers from memory, so the clients are what is measured.

One asyncio process (run apart from the clients, so it does not share their GIL) that parses just enough of
each request to route it and writes precomputed bytes: a chat completion, a chat stream of N chunks (`long:N`
in the request body; OpenRouter's shape: a processing comment, content chunks, the finish chunk, the usage
chunk with cost, `[DONE]`) and a `/models` list of several hundred models. Keep-alive, any number of
connections. That it is not the bottleneck is measured in every run: the stdlib floor client's rates are
printed beside the others' (benchmarks/run.py).

    python benchmarks/server.py [--port 0] [--models 400]   # prints "listening on http://127.0.0.1:PORT/api/v1"
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re

MODEL = "openai/gpt-4o-mini"
_STREAM_COUNT = re.compile(rb"long:(\d+)")
_STREAM_FLAG = re.compile(rb'"stream"\s*:\s*true')

COMPLETION = {
    "id": "gen-bench-1",
    "provider": "OpenAI",
    "model": MODEL,
    "object": "chat.completion",
    "created": 1764720000,
    "system_fingerprint": "fp_bench",
    "choices": [
        {
            "index": 0,
            "logprobs": None,
            "finish_reason": "stop",
            "native_finish_reason": "stop",
            "message": {"role": "assistant", "content": "Short answer.", "refusal": None, "reasoning": None},
        }
    ],
    "usage": {
        "prompt_tokens": 14,
        "completion_tokens": 4,
        "total_tokens": 18,
        "cost": 0.0000045,
        "is_byok": False,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "cost_details": {"upstream_inference_cost": None},
        "completion_tokens_details": {"reasoning_tokens": 0, "image_tokens": 0},
    },
}


def _chunk(delta: dict[str, object], finish: str | None = None) -> bytes:
    body = {
        "id": "gen-bench-2",
        "provider": "OpenAI",
        "model": MODEL,
        "object": "chat.completion.chunk",
        "created": 1764720000,
        "system_fingerprint": "fp_bench",
        "choices": [
            {"index": 0, "delta": delta, "finish_reason": finish, "native_finish_reason": finish, "logprobs": None}
        ],
    }
    return b"data: " + json.dumps(body, separators=(",", ":")).encode() + b"\n\n"


def stream_body(chunks: int) -> bytes:
    """`chunks` SSE events in all: content chunks, then the finish chunk and the usage chunk, then `[DONE]`."""
    usage = {**COMPLETION["usage"], "completion_tokens": chunks}  # type: ignore[dict-item]
    first = _chunk({"role": "assistant", "content": "", "reasoning": None})
    # every chunk's text differs (LiteLLM refuses a stream that repeats one chunk)
    tail = (
        _chunk({"content": ""}, "stop")
        + b"data: "
        + json.dumps(
            {
                "id": "gen-bench-2",
                "provider": "OpenAI",
                "model": MODEL,
                "object": "chat.completion.chunk",
                "created": 1764720000,
                "choices": [],
                "usage": usage,
            },
            separators=(",", ":"),
        ).encode()
        + b"\n\n"
    )
    return (
        b": OPENROUTER PROCESSING\n\n"
        + first
        + b"".join(_chunk({"content": f"t{i} "}) for i in range(max(0, chunks - 3)))
        + tail
        + b"data: [DONE]\n\n"
    )


def models_body(count: int) -> bytes:
    """A `/models` list of `count` models in OpenRouter's shape (pricing, architecture, parameters, ...)."""
    data = [
        {
            "id": f"vendor{index % 40}/model-{index}",
            "canonical_slug": f"vendor{index % 40}/model-{index}-20260101",
            "hugging_face_id": "",
            "name": f"Vendor {index % 40}: Model {index}",
            "created": 1747930371 + index,
            "description": "A model of the benchmark catalogue, described in a sentence or two like the real ones. "
            * 3,
            "context_length": 128000,
            "architecture": {
                "modality": "text+image->text",
                "input_modalities": ["image", "text"],
                "output_modalities": ["text"],
                "tokenizer": "GPT",
                "instruct_type": None,
            },
            "pricing": {
                "prompt": "0.00000015",
                "completion": "0.0000006",
                "web_search": "0.01",
                "input_cache_read": "0.000000075",
            },
            "top_provider": {"context_length": 128000, "max_completion_tokens": 16384, "is_moderated": True},
            "per_request_limits": None,
            "supported_parameters": ["max_tokens", "temperature", "tools", "tool_choice", "response_format", "seed"],
            "default_parameters": {"temperature": None, "top_p": None, "frequency_penalty": None},
            "expiration_date": None,
            "supported_voices": None,
            "links": {"details": f"/api/v1/models/vendor{index % 40}/model-{index}/endpoints"},
        }
        for index in range(count)
    ]
    return json.dumps({"data": data, "links": {"next": None}, "total_count": count}).encode()


def _response(body: bytes, content_type: bytes = b"application/json", status: bytes = b"200 OK") -> bytes:
    return (
        b"HTTP/1.1 "
        + status
        + b"\r\ncontent-type: "
        + content_type
        + b"\r\ncontent-length: "
        + str(len(body)).encode()
        + b"\r\nx-generation-id: gen-bench-1\r\n\r\n"
        + body
    )


class _Routes:
    def __init__(self, models: int) -> None:
        self.completion = _response(json.dumps(COMPLETION).encode())
        self.models = _response(models_body(models))
        self.not_found = _response(b'{"error":{"code":404,"message":"not found"}}', status=b"404 Not Found")
        self.streams: dict[int, bytes] = {}

    def answer(self, head: bytes, body: bytes) -> bytes:
        line = head.split(b"\r\n", 1)[0]
        if b"/chat/completions" in line:
            if not _STREAM_FLAG.search(body):
                return self.completion
            match = _STREAM_COUNT.search(body)
            count = int(match.group(1)) if match else 20
            if count not in self.streams:
                self.streams[count] = _response(stream_body(count), b"text/event-stream")
            return self.streams[count]
        if line.startswith(b"GET ") and b"/models" in line:
            return self.models
        return self.not_found


class _Connection(asyncio.Protocol):
    def __init__(self, routes: _Routes) -> None:
        self.routes = routes
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            head = self.buffer[:end]
            match = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            length = int(match.group(1)) if match else 0
            if len(self.buffer) < end + 4 + length:
                return
            body = self.buffer[end + 4 : end + 4 + length]
            self.buffer = self.buffer[end + 4 + length :]
            assert self.transport is not None
            self.transport.write(self.routes.answer(head, body))


async def serve(port: int, models: int) -> None:
    routes = _Routes(models)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Connection(routes), "127.0.0.1", port, backlog=512)
    bound = server.sockets[0].getsockname()[1]
    print(f"listening on http://127.0.0.1:{bound}/api/v1", flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--models", type=int, default=400)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.port, args.models))


if __name__ == "__main__":
    main()
