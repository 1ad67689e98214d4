"""`client.messages.create(stream=True)`: the Anthropic-shaped event stream, typed, sync and async, on the emulator."""

from __future__ import annotations

import pytest

from openrouter_compat import AsyncOpenRouter, MidStreamError, OpenRouter, StreamInterruptedError
from openrouter_compat._streaming_messages import (
    AsyncMessageEventStream,
    MessageEventStream,
    UnknownMessagesStreamEvent,
)
from openrouter_compat.testing import Emulator, Fault
from openrouter_compat.types.messages import (
    MessagesContentBlockDeltaEvent,
    MessagesDeltaEvent,
    MessagesResult,
    MessagesStartEvent,
    MessagesStopEvent,
)

MODEL = "anthropic/claude-sonnet-4"
MESSAGES = [{"role": "user", "content": "hi"}]
TEXT = "I'm doing well, thank you for asking! How can I help you today?"  # the spec's example message


def test_stream_true_yields_typed_events(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    stream = client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES, stream=True)
    assert isinstance(stream, MessageEventStream)
    events = list(stream)
    sent = openrouter_emulator.last_request()
    assert (sent.method, sent.path) == ("POST", "/messages")
    assert sent.json == {"max_tokens": 16, "messages": MESSAGES, "model": MODEL, "stream": True}
    assert isinstance(events[0], MessagesStartEvent) and events[0].message.model == MODEL
    assert isinstance(events[-1], MessagesStopEvent)
    deltas = [e for e in events if isinstance(e, MessagesContentBlockDeltaEvent)]
    assert len(deltas) > 1 and "".join(getattr(d.delta, "text", "") for d in deltas) == TEXT
    assert stream.accumulator.content == TEXT and stream.accumulator.stop_reason == "end_turn"
    assert stream.accumulator.generation_id == events[0].message.id


async def test_stream_true_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    stream = await async_client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES, stream=True)
    assert isinstance(stream, AsyncMessageEventStream)
    kinds = [event.type async for event in stream]
    assert kinds[0] == "message_start" and kinds[-2:] == ["message_delta", "message_stop"]
    assert openrouter_emulator.last_request().json["stream"] is True
    assert stream.accumulator.content == TEXT


def test_without_stream_the_message_is_json(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    message = client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES, stream=False)
    assert isinstance(message, MessagesResult)
    assert openrouter_emulator.last_request().json["stream"] is False


def test_with_raw_and_streaming_response(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    raw = client.messages.with_raw_response.create(model=MODEL, max_tokens=8, messages=MESSAGES, stream=True)
    assert raw.headers["content-type"].startswith("text/event-stream")
    assert [e.type for e in raw.parse()][-1] == "message_stop"
    with client.messages.with_streaming_response.create(
        model=MODEL, max_tokens=8, messages=MESSAGES, stream=True
    ) as response:
        assert isinstance(response.parse(), MessageEventStream)
        lines = [line for line in response.iter_lines() if line.startswith("event: ")]
    assert lines[0] == "event: message_start" and "event: message_stop" in lines


async def test_with_streaming_response_async(async_client: AsyncOpenRouter) -> None:
    async with async_client.messages.with_streaming_response.create(
        model=MODEL, max_tokens=8, messages=MESSAGES, stream=True
    ) as response:
        stream = await response.parse()
        kinds = [event.type async for event in stream]
    assert kinds[-1] == "message_stop"


def test_midstream_error_is_typed_with_the_partial_text(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/messages", Fault.midstream_error(after_chunks=5, code=502, message="upstream gone"))
    stream = client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES, stream=True)
    seen: list[str] = []
    with pytest.raises(MidStreamError, match="upstream gone") as caught:
        seen.extend(event.type for event in stream)
    assert caught.value.status_code == 502 and "content_block_delta" in seen
    partial = caught.value.partial
    assert partial is stream.accumulator and partial.content and TEXT.startswith(partial.content)


async def test_error_before_output_is_retried_async(openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/messages", Fault.midstream_error(after_chunks=1, code=429, message="slow down"))
    url = openrouter_emulator.base_url
    async with AsyncOpenRouter(api_key=openrouter_emulator.api_key, base_url=url, max_retries=2) as client:
        stream = await client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES, stream=True)
        kinds = [event.type async for event in stream]
    assert kinds[-1] == "message_stop" and len(openrouter_emulator.requests_to("/messages")) == 2


def test_dropped_connection_raises_interrupted(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/messages", Fault.drop_connection(after_chunks=4))
    stream = client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES, stream=True)
    with pytest.raises(StreamInterruptedError) as caught:
        list(stream)
    assert caught.value.partial is stream.accumulator


def test_the_ledger_records_the_streamed_message(client: OpenRouter) -> None:
    stream = client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES, stream=True)
    first = next(iter(stream))
    assert isinstance(first, MessagesStartEvent) and first.message is not None
    list(stream)
    entries = [e for e in client.ledger.entries if e.generation_id == first.message.id]
    assert len(entries) == 1 and entries[0].model == MODEL and entries[0].kind == "message" and entries[0].streamed
    assert (entries[0].prompt_tokens, entries[0].completion_tokens) == (12, 18)  # the example's usage


def test_the_ledger_records_a_message_not_streamed_too(client: OpenRouter) -> None:
    message = client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES)
    entries = [e for e in client.ledger.entries if e.generation_id == message.id]
    assert len(entries) == 1 and entries[0].kind == "message" and not entries[0].streamed
    assert message.openrouter.generation_id == message.id  # type: ignore[attr-defined]


def test_an_event_type_newer_than_the_spec_is_kept_as_unknown(client: OpenRouter) -> None:
    stream = client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES, stream=True)
    cast_to = stream._cast_to  # pyright: ignore[reportPrivateUsage]
    event = client._process_response_data(  # pyright: ignore[reportPrivateUsage]
        data={"type": "message_thought", "detail": 1}, cast_to=cast_to, response=stream.response
    )
    assert isinstance(event, UnknownMessagesStreamEvent) and event.to_dict() == {"type": "message_thought", "detail": 1}
    delta = {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 3}}
    known = client._process_response_data(data=delta, cast_to=cast_to, response=stream.response)  # pyright: ignore[reportPrivateUsage]
    assert isinstance(known, MessagesDeltaEvent) and known.delta.stop_reason == "end_turn"
    stream.close()
