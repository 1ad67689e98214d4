"""The streams' fast path (bytes-level SSE splitting, chunks validated from bytes) against `openai`'s decoder.

`OpenRouterSSEDecoder.iter_data` must yield the same events as `openai`'s general decoder for any way the
body is cut into reads; a chat stream must yield the same chunks and raise the same errors whether an event is
plain `data:` (fast path) or not (comments between events, CRLF, multi-line data, an event split inside
`data:`), sync and async.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx2
import openai
import pytest
from openai._streaming import SSEDecoder

import openrouter_compat as orc
from openrouter_compat._sse_decoder import OpenRouterSSEDecoder
from openrouter_compat.testing import Emulator
from openrouter_compat.types.chat.chat_completion_chunk import ChatCompletionChunk

Event = tuple[str | None, str, int | None]


def _chunk(content: str, finish: str | None = None, **extra: Any) -> dict[str, Any]:
    choice = {"index": 0, "delta": {"content": content}, "finish_reason": finish}
    return {
        "id": "gen-fast-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [choice],
        **extra,
    }


def _data(obj: object, end: str = "\n\n") -> str:
    return f"data: {json.dumps(obj)}{end}"


USAGE = {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5, "cost": 0.25}
FINAL = {**_chunk("", "stop"), "usage": USAGE}

BODIES = {
    "plain": _data(_chunk("Hel")) + _data(_chunk("lo")) + _data(FINAL) + "data: [DONE]\n\n",
    "comments": ": OPENROUTER PROCESSING\n\n"
    + _data(_chunk("Hel"))
    + ": OPENROUTER PROCESSING\n\n"
    + _data(_chunk("lo"))
    + ": keep-alive\n"  # a comment line inside an event
    + _data(FINAL)
    + "data: [DONE]\n\n",
    "crlf": _data(_chunk("Hel"), "\r\n\r\n")
    + _data(_chunk("lo"), "\r\n\r\n")
    + _data(FINAL, "\r\n\r\n")
    + "data: [DONE]\r\n\r\n",
    "crlf_late": _data(_chunk("Hel")) + _data(_chunk("lo"), "\r\n\r\n") + _data(FINAL, "\r\r") + "data: [DONE]\n\n",
    "multiline": 'data: {"id": "gen-fast-1", "object": "chat.completion.chunk", "created": 1,\ndata: "model": "m", '
    '"choices": [{"index": 0, "delta": {"content": "Hel"}, "finish_reason": null}]}\n\n'
    + _data(_chunk("lo"))
    + "event: message\n"
    + _data(FINAL)
    + "\n\n\n"
    + "data: [DONE]\n\n",
}
TEXT = "Hello"


def _reference(reads: list[bytes]) -> list[Event]:
    return [(e.event, e.data, e.retry) for e in SSEDecoder().iter_bytes(iter(reads)) if e.data or e.event]


def _ours(items: list[bytes | Any]) -> list[Event]:
    return [(None, i.decode(), None) if isinstance(i, bytes) else (i.event, i.data, i.retry) for i in items]


def _cuts(body: bytes) -> Iterator[list[bytes]]:
    """The body whole, in one-byte reads, and cut in two and three at every (every third) position."""
    yield [body]
    yield [body[i : i + 1] for i in range(len(body))]
    for i in range(1, len(body)):
        yield [body[:i], body[i:]]
    for i, j in itertools.combinations(range(1, len(body), 3), 2):
        yield [body[:i], body[i:j], body[j:]]


DECODER_BODIES = [
    *(body.encode() for body in BODIES.values()),
    b"data: a\n\ndata:\n\ndata: \n\ndata:nospace\n\nid: 7\ndata: b\n\nretry: 5\n\n: c\n\ndata: unterminated",
    b"data: a\n\ndata: b\rdata: c\r\rdata: d\n\ndata: e\n",
    'data: {"t": "\u00e9\u2603"}\n\n\n\n\ndata: x\n\n'.encode(),
]


@pytest.mark.parametrize("body", DECODER_BODIES, ids=range(len(DECODER_BODIES)))
def test_iter_data_yields_the_events_of_the_general_decoder_for_any_reads(body: bytes) -> None:
    for reads in _cuts(body[:120] if len(body) > 400 else body):
        assert _ours(list(OpenRouterSSEDecoder().iter_data(iter(reads)))) == _reference(reads), reads


@pytest.mark.parametrize("body", DECODER_BODIES, ids=range(len(DECODER_BODIES)))
async def test_aiter_data_yields_the_events_of_the_general_decoder(body: bytes) -> None:
    async def agen(reads: list[bytes]) -> AsyncIterator[bytes]:
        for read in reads:
            yield read

    for reads in itertools.islice(_cuts(body), 200):
        items = [item async for item in OpenRouterSSEDecoder().aiter_data(agen(reads))]
        assert _ours(items) == _reference(reads), reads


def test_plain_data_events_are_bytes_and_the_rest_are_events() -> None:
    body = b': c\n\ndata: {}\n\nevent: e\ndata: x\n\ndata: y\ndata: z\n\ndata: {"a": 1}\n\n'
    items = list(OpenRouterSSEDecoder().iter_data(iter([body])))
    assert [type(item).__name__ for item in items] == ["bytes", "ServerSentEvent", "ServerSentEvent", "bytes"]
    assert items[0] == b"{}" and items[3] == b'{"a": 1}'


def test_an_event_spread_over_many_reads_is_one_event() -> None:
    big = _data(_chunk("x" * 200_000)).encode()
    reads = [big[i : i + 1000] for i in range(0, len(big), 1000)]
    items = list(OpenRouterSSEDecoder().iter_data(iter(reads)))
    assert len(items) == 1 and isinstance(items[0], bytes)
    assert json.loads(items[0])["choices"][0]["delta"]["content"] == "x" * 200_000


# --- through the clients ------------------------------------------------------------------------------


class _Reads(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A response body arriving in exactly these reads."""

    def __init__(self, reads: list[bytes]) -> None:
        self.reads = reads

    def __iter__(self) -> Iterator[bytes]:
        yield from self.reads

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for read in self.reads:
            yield read


def _transport(reads: list[bytes], content_type: str = "text/event-stream") -> httpx2.MockTransport:
    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, headers={"content-type": content_type}, stream=_Reads(reads))

    return httpx2.MockTransport(handler)


def _split_inside_data(body: bytes) -> list[bytes]:
    """Reads cut inside `data:` of the second event and inside its JSON, and between `\\n` and `\\n`."""
    second = body.index(b"data:", 1)
    cuts = sorted({second + 2, second + 20, body.index(b"\n", second) + 1})
    return [body[i:j] for i, j in zip([0, *cuts], [*cuts, len(body)], strict=True)]


async def _stream(mode: str, reads: list[bytes], **client_options: Any) -> tuple[list[Any], Any, Any]:
    """(chunks, accumulator, metadata) of a chat stream over `reads`, through the sync or async client."""
    if mode == "sync":
        with orc.OpenRouter(
            api_key="sk-or-test", http_client=httpx2.Client(transport=_transport(reads)), **client_options
        ) as client:
            stream = client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "hi"}], stream=True
            )
            chunks = list(stream)
            return chunks, stream.accumulator, stream.openrouter
    async with orc.AsyncOpenRouter(
        api_key="sk-or-test", http_client=httpx2.AsyncClient(transport=_transport(reads)), **client_options
    ) as aclient:
        astream = await aclient.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "hi"}], stream=True
        )
        chunks = [chunk async for chunk in astream]
        return chunks, astream.accumulator, astream.openrouter


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("name", list(BODIES))
@pytest.mark.parametrize("cut", ["whole", "inside_data", "bytewise"])
async def test_chat_stream_edge_cases(mode: str, name: str, cut: str) -> None:
    body = BODIES[name].encode()
    if cut == "whole":
        reads = [body]
    elif cut == "inside_data":
        reads = _split_inside_data(body)
    else:
        reads = [bytes([byte]) for byte in body]
    chunks, accumulator, metadata = await _stream(mode, reads)
    assert [type(chunk) for chunk in chunks] == [ChatCompletionChunk] * 3
    assert "".join(chunk.choices[0].delta.content for chunk in chunks) == TEXT
    assert accumulator.content == TEXT and accumulator.finish_reason == "stop" and accumulator.chunks_seen == 3
    assert chunks[-1].usage is not None and chunks[-1].usage.cost == 0.25
    assert metadata.cost == 0.25 and metadata.generation_id == "gen-fast-1"


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_strict_client_gets_the_same_chunks(mode: str) -> None:
    body = BODIES["plain"].encode()
    fast, _, _ = await _stream(mode, [body])
    strict, _, _ = await _stream(mode, [body], _strict_response_validation=True)
    assert [chunk.model_dump() for chunk in strict] == [chunk.model_dump() for chunk in fast]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_chunk_outside_the_model_is_still_built_leniently(mode: str) -> None:
    odd = _chunk("lo")
    odd["choices"][0]["index"] = "zero"  # not an int: validation fails, `openai`'s construct keeps it
    body = (_data(_chunk("Hel")) + _data(odd) + _data(FINAL) + "data: [DONE]\n\n").encode()
    chunks, accumulator, _ = await _stream(mode, [body])
    assert chunks[1].choices[0].index == "zero" and chunks[1].choices[0].delta.content == "lo"
    assert accumulator.content == "Hel"  # the accumulator folds choice 0 only, as before


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_error_chunk_on_the_fast_path_is_typed(mode: str) -> None:
    error: dict[str, Any] = {"id": "gen-fast-1", "object": "chat.completion.chunk", "model": "m", "choices": []}
    error["error"] = {"code": 429, "message": "Rate limited upstream"}
    body = (_data(_chunk("Hel")) + _data(error) + "data: [DONE]\n\n").encode()
    with pytest.raises(orc.MidStreamError) as info:
        await _stream(mode, [body], max_retries=0)
    assert isinstance(info.value, openai.RateLimitError) and info.value.status_code == 429
    assert info.value.partial is not None and info.value.partial.content == "Hel"


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_invalid_json_on_the_fast_path_is_a_decode_error(mode: str) -> None:
    body = (_data(_chunk("Hel")) + "data: {not json\n\n" + "data: [DONE]\n\n").encode()
    with pytest.raises(orc.StreamDecodeError) as info:
        await _stream(mode, [body], max_retries=0)
    assert info.value.partial is not None and info.value.partial.content == "Hel"


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_body_cut_after_a_fast_chunk_is_an_interruption(mode: str) -> None:
    body = (_data(_chunk("Hel")) + _data(_chunk("lo"))[:-1]).encode()  # the last event lacks its blank line
    with pytest.raises(orc.StreamInterruptedError) as info:
        await _stream(mode, [body], max_retries=0)
    assert info.value.partial is not None and info.value.partial.content == "Hel"


def _responses_body(emulator: Emulator) -> bytes:
    """The emulator's real Responses stream body (OpenRouter's shape), read once."""
    with httpx2.Client() as http:
        reply = http.post(
            emulator.base_url + "/responses",
            json={"model": "openai/gpt-4o-mini", "input": "one two three", "stream": True},
            headers={"Authorization": f"Bearer {emulator.api_key}"},
        )
    assert reply.headers["content-type"].startswith("text/event-stream") and b"response.completed" in reply.content
    return reply.content


def _variants(body: bytes) -> dict[str, list[bytes]]:
    """The body in the forms the fast path must hand to the general decoder, and cut inside `data:`."""
    commented = body.replace(b"\n\ndata: ", b"\n\n: OPENROUTER PROCESSING\n\ndata: ")
    crlf = body.replace(b"\n", b"\r\n")
    return {
        "whole": [body],
        "inside_data": _split_inside_data(body),
        "reads_of_7": [body[i : i + 7] for i in range(0, len(body), 7)],
        "comments": [commented[i : i + 50] for i in range(0, len(commented), 50)],
        "crlf": [crlf[i : i + 50] for i in range(0, len(crlf), 50)],
    }


async def _response_events(mode: str, reads: list[bytes]) -> list[dict[str, Any]]:
    if mode == "sync":
        with orc.OpenRouter(api_key="sk-or-test", http_client=httpx2.Client(transport=_transport(reads))) as client:
            return [event.model_dump() for event in client.responses.create(model="m", input="x", stream=True)]
    http = httpx2.AsyncClient(transport=_transport(reads))
    async with orc.AsyncOpenRouter(api_key="sk-or-test", http_client=http) as aclient:
        return [event.model_dump() async for event in await aclient.responses.create(model="m", input="x", stream=True)]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_responses_stream_edge_cases(mode: str, openrouter_emulator: Emulator) -> None:
    body = _responses_body(openrouter_emulator)
    variants = _variants(body)
    expected = await _response_events(mode, variants.pop("whole"))
    assert expected[0]["type"] == "response.created" and expected[-1]["type"] == "response.completed"
    for name, reads in variants.items():
        assert await _response_events(mode, reads) == expected, name


def test_stream_timeout_error_is_both_timeout_errors() -> None:
    assert issubclass(orc.StreamTimeoutError, orc.APITimeoutError)
    assert issubclass(orc.StreamTimeoutError, openai.APITimeoutError)
    assert issubclass(orc.StreamTimeoutError, orc.StreamInterruptedError)
