"""`client.responses` against the emulator: typed OpenRouter extras on the wire, typed results and events,
validation before sending, and typed errors (200 bodies, failed responses, `error` stream events)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openai
import pytest
import vcr

from openrouter_compat import (
    AsyncOpenRouter,
    OpenRouter,
    OpenRouterValidationError,
    ProviderError,
    RateLimitError,
    StreamDecodeError,
    StreamInterruptedError,
)
from openrouter_compat._streaming_responses import AsyncResponseEventStream, ResponseEventStream
from openrouter_compat.testing import Emulator, Fault
from openrouter_compat.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseCostDetails,
    ResponseCreatedEvent,
    ResponseOutputItemDoneEvent,
    ResponseReasoningItem,
    ResponseUsage,
)

MODEL = "openai/gpt-5-nano"

EXTRAS: dict[str, Any] = {
    "provider": {"order": ["openai", "azure"], "allow_fallbacks": False, "sort": {"by": "price"}},
    "models": ["openai/gpt-5-nano", "openai/gpt-4.1-mini"],
    "route": "fallback",
    "plugins": [{"id": "web", "max_results": 2}],
    "reasoning": {"effort": "low", "max_tokens": 256, "enabled": True, "exclude": False, "summary": "auto"},
    "session_id": "session-42",
    "trace": {"trace_id": "t-1", "span_name": "responses", "custom_key": "kept"},
}

INVALID: list[tuple[str, dict[str, Any]]] = [
    ("provider.sortt", {"provider": {"sortt": "price"}}),
    ("provider.sort", {"provider": {"sort": "cheapest"}}),
    ("models", {"models": "openai/gpt-5-nano"}),
    ("route", {"route": "random"}),
    ("plugins[0]", {"plugins": [{"id": "nope"}]}),
    ("reasoning.max_tokens", {"reasoning": {"max_tokens": -1}}),
    ("reasoning.effort", {"reasoning": {"effort": "extreme"}}),
    ("reasoning.generate_summary", {"reasoning": {"generate_summary": "auto"}}),
    ("session_id", {"session_id": "x" * 257}),
]


def _usage_is_typed(response: Response) -> None:
    assert isinstance(response, Response)
    assert isinstance(response.usage, ResponseUsage)
    assert isinstance(response.usage.cost, float) and response.usage.cost > 0
    assert response.usage.is_byok is False
    assert isinstance(response.usage.cost_details, ResponseCostDetails)


# ------------------------------------------------------------------------------------ extras on the wire


def test_create_sends_typed_extras(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    response = client.responses.create(model=MODEL, input="hello", **EXTRAS)
    sent = openrouter_emulator.requests_to("/responses")[-1].json
    assert {key: sent[key] for key in EXTRAS} == EXTRAS
    assert sent["model"] == MODEL and sent["input"] == "hello" and "stream" not in sent
    _usage_is_typed(response)
    assert response.output_text.startswith("Echo")


async def test_create_sends_typed_extras_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    response = await async_client.responses.create(model=MODEL, input="hello", **EXTRAS)
    sent = openrouter_emulator.requests_to("/responses")[-1].json
    assert {key: sent[key] for key in EXTRAS} == EXTRAS
    _usage_is_typed(response)


def test_extra_body_wins_over_typed_extras(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    client.responses.create(model=MODEL, input="hi", session_id="typed", extra_body={"session_id": "raw", "top_k": 3})
    sent = openrouter_emulator.requests_to("/responses")[-1].json
    assert sent["session_id"] == "raw" and sent["top_k"] == 3


def test_reasoning_items_keep_content_and_encrypted_content(client: OpenRouter) -> None:
    response = client.responses.create(
        model=MODEL, input="think", reasoning={"effort": "high"}, include=["reasoning.encrypted_content"]
    )
    items = [item for item in response.output if isinstance(item, ResponseReasoningItem)]
    assert len(items) == 1
    assert items[0].content and items[0].content[0].text
    assert items[0].encrypted_content
    assert response.usage is not None and response.usage.output_tokens_details.reasoning_tokens > 0


# ----------------------------------------------------------------------------------------------- streams


def test_stream_yields_typed_events(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    stream = client.responses.create(model=MODEL, input="hello there", stream=True, provider={"only": ["openai"]})
    assert isinstance(stream, ResponseEventStream)
    events = list(stream)
    assert openrouter_emulator.requests_to("/responses")[-1].json["provider"] == {"only": ["openai"]}
    assert isinstance(events[0], ResponseCreatedEvent) and isinstance(events[0].response, Response)
    final = events[-1]
    assert isinstance(final, ResponseCompletedEvent)
    _usage_is_typed(final.response)
    text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert text == final.response.output_text


async def test_stream_yields_typed_events_async(async_client: AsyncOpenRouter) -> None:
    stream = await async_client.responses.create(
        model=MODEL, input="hello", stream=True, reasoning={"enabled": True}, include=["reasoning.encrypted_content"]
    )
    assert isinstance(stream, AsyncResponseEventStream)
    events = [event async for event in stream]
    done = [e for e in events if isinstance(e, ResponseOutputItemDoneEvent)]
    assert any(isinstance(e.item, ResponseReasoningItem) and e.item.encrypted_content for e in done)
    final = events[-1]
    assert isinstance(final, ResponseCompletedEvent)
    _usage_is_typed(final.response)


def test_stream_helper_goes_through_our_create(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    """`responses.stream()` calls `create`, so client and extra_body fields reach the wire and events are ours."""
    with client.responses.stream(model=MODEL, input="hi", extra_body={"provider": {"only": ["openai"]}}) as stream:
        created = next(iter(stream))
        assert isinstance(created, ResponseCreatedEvent)
        final = stream.get_final_response()
    assert openrouter_emulator.requests_to("/responses")[-1].json["provider"] == {"only": ["openai"]}
    # `openai` rebuilds the final response as its own ParsedResponse: cost survives, as an untyped extra.
    assert final.usage is not None and final.usage.model_extra and final.usage.model_extra["cost"] > 0


async def test_stream_helper_goes_through_our_create_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    async with async_client.responses.stream(model=MODEL, input="hi", extra_body={"session_id": "s-9"}) as stream:
        kinds = [event.type async for event in stream]
        final = await stream.get_final_response()
    assert kinds[0] == "response.created" and kinds[-1] == "response.completed"
    assert openrouter_emulator.requests_to("/responses")[-1].json["session_id"] == "s-9"
    assert final.output_text.startswith("Echo")


# ------------------------------------------------------------------------------------------- validation


@pytest.mark.parametrize(("field", "extras"), INVALID, ids=[field for field, _ in INVALID])
def test_invalid_extras_raise_before_sending(
    client: OpenRouter, openrouter_emulator: Emulator, field: str, extras: dict[str, Any]
) -> None:
    with pytest.raises(OpenRouterValidationError) as info:
        client.responses.create(model=MODEL, input="hi", **extras)
    assert info.value.field == field
    assert field.split("[", maxsplit=1)[0] in str(info.value)
    assert openrouter_emulator.requests_to("/responses") == []


@pytest.mark.parametrize("stream", [False, True])
async def test_invalid_extras_raise_before_sending_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, stream: bool
) -> None:
    with pytest.raises(OpenRouterValidationError) as info:
        bad: Any = {"sortt": "price"}  # also a static type error, which is the point of the typed kwargs
        await async_client.responses.create(model=MODEL, input="hi", stream=stream, provider=bad)
    assert info.value.field == "provider.sortt"
    assert openrouter_emulator.requests_to("/responses") == []


# ---------------------------------------------------------------------------------------------- errors


def test_error_body_with_status_200_raises_typed(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/responses", Fault.error_body_200(429, "Rate limit exceeded"))
    with pytest.raises(RateLimitError) as info:
        client.responses.create(model=MODEL, input="hi")
    assert info.value.status_code == 429


async def test_error_body_with_status_200_raises_typed_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    openrouter_emulator.queue("/responses", Fault.error_body_200(502, "Provider returned error"))
    with pytest.raises(ProviderError):
        await async_client.responses.create(model=MODEL, input="hi")


def test_failed_response_is_returned_as_in_openai(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    """A 200 `status: failed` body is a normal `Response` carrying `error`, as `openai` returns it (issue #13:
    raising it broke code written for `openai` that checks `response.status`)."""
    openrouter_emulator.queue("/responses", Fault.midstream_error(message="Provider disconnected"))
    response = client.responses.create(model=MODEL, input="hi")
    assert isinstance(response, Response) and response.status == "failed"
    assert response.error is not None and "Provider disconnected" in response.error.message
    assert response.id.startswith("gen-")


async def test_failed_response_is_returned_as_in_openai_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    openrouter_emulator.queue("/responses", Fault.midstream_error(message="Provider disconnected"))
    response = await async_client.responses.create(model=MODEL, input="hi")
    assert isinstance(response, Response) and response.status == "failed"
    assert response.error is not None and "Provider disconnected" in response.error.message


def test_error_event_raises_typed(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    # events 0-3 are created/in_progress/item added/part added; from 4 on, text: the error comes after output
    openrouter_emulator.queue("/responses", Fault.midstream_error(after_chunks=6, code=502))
    seen: list[str] = []
    with pytest.raises(ProviderError) as info:
        for event in client.responses.create(model=MODEL, input="hello world", stream=True):
            seen.append(event.type)
    assert seen[0] == "response.created"
    assert isinstance(info.value, openai.APIStatusError) and info.value.status_code == 502
    assert info.value.error_type == "provider_unavailable"


async def test_error_event_raises_typed_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/responses", Fault.midstream_error(after_chunks=6, code=429))
    with pytest.raises(RateLimitError):
        stream = await async_client.responses.create(model=MODEL, input="hello world", stream=True)
        async for _ in stream:
            pass


BROKEN_STREAMS = [
    ("drop_connection", Fault.drop_connection(after_chunks=3), StreamInterruptedError),
    ("malformed_chunk", Fault.malformed_chunk(), StreamDecodeError),
    ("keepalive_only", Fault.keepalive_only(), StreamInterruptedError),
]


@pytest.mark.parametrize(
    ("fault", "error"), [(f, e) for _, f, e in BROKEN_STREAMS], ids=[n for n, _, _ in BROKEN_STREAMS]
)
def test_broken_stream_raises_typed(
    client: OpenRouter, openrouter_emulator: Emulator, fault: Fault, error: type[Exception]
) -> None:
    """A cut connection, bad JSON, or a body that ends before `response.completed` never ends quietly."""
    openrouter_emulator.queue("/responses", fault)
    with pytest.raises(error):
        for _ in client.responses.create(model=MODEL, input="hello world", stream=True):
            pass


@pytest.mark.parametrize(
    ("fault", "error"), [(f, e) for _, f, e in BROKEN_STREAMS], ids=[n for n, _, _ in BROKEN_STREAMS]
)
async def test_broken_stream_raises_typed_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, fault: Fault, error: type[Exception]
) -> None:
    openrouter_emulator.queue("/responses", fault)
    with pytest.raises(error):  # an error before any output is raised by create() itself (the stream is primed)
        stream = await async_client.responses.create(model=MODEL, input="hello world", stream=True)
        async for _ in stream:
            pass


# ---------------------------------------------------------------------------------------- raw responses


def test_with_raw_response_parses_ours(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    raw = client.with_raw_response.responses.create(model=MODEL, input="hi", session_id="raw-1")
    assert raw.headers["x-generation-id"].startswith("gen-")
    parsed = raw.parse()
    assert isinstance(parsed, Response)
    _usage_is_typed(parsed)
    assert openrouter_emulator.requests_to("/responses")[-1].json["session_id"] == "raw-1"


async def test_with_streaming_response_parses_ours_async(async_client: AsyncOpenRouter) -> None:
    async with async_client.with_streaming_response.responses.create(model=MODEL, input="hi") as raw:
        parsed = await raw.parse()
    assert isinstance(parsed, Response)
    _usage_is_typed(parsed)


def test_retrieve_parses_ours(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    """Every path that asks `openai` for a Response gets ours (here: `retrieve`, served from a queued body)."""
    created = client.responses.create(model=MODEL, input="hi")
    body = created.to_dict()
    openrouter_emulator.queue(f"/responses/{created.id}", Fault.status(200, body=body))
    retrieved = client.responses.retrieve(created.id)
    assert isinstance(retrieved, Response)  # statically `openai`'s Response: `retrieve` is not overridden
    _usage_is_typed(retrieved)
    assert retrieved.id == created.id


# ------------------------------------------------------------------------------------ cassette replay

CASSETTE = Path(__file__).resolve().parents[1] / "cassettes" / "responses" / "responses_create.yaml"
CASSETTE_URL = "http://emulator.invalid/api/v1"  # the cassette's rewritten emulator origin (see its header)


def _cassette() -> Any:
    return vcr.use_cassette(str(CASSETTE), record_mode="none", match_on=["method", "uri", "body"])


def _cassette_calls() -> tuple[dict[str, Any], dict[str, Any]]:
    plain: dict[str, Any] = {
        "model": "openai/gpt-5-nano",
        "input": "What is 2 + 2?",
        "provider": {"only": ["openai"]},
        "models": ["openai/gpt-5-nano", "openai/gpt-4.1-mini"],
        "session_id": "cassette-1",
        "reasoning": {"effort": "low", "max_tokens": 200},
        "include": ["reasoning.encrypted_content"],
    }
    return plain, {"model": "openai/gpt-5-nano", "input": "Say hello", "stream": True}


def test_cassette_replay() -> None:
    plain, streamed = _cassette_calls()
    with _cassette() as cassette, OpenRouter(api_key="test", base_url=CASSETTE_URL, max_retries=0) as client:
        response = client.responses.create(**plain)
        events = list(client.responses.create(**streamed))
        assert cassette.all_played
    _usage_is_typed(response)
    assert any(isinstance(item, ResponseReasoningItem) and item.encrypted_content for item in response.output)
    final = events[-1]
    assert isinstance(final, ResponseCompletedEvent)
    _usage_is_typed(final.response)


async def test_cassette_replay_async() -> None:
    plain, streamed = _cassette_calls()
    with _cassette() as cassette:
        async with AsyncOpenRouter(api_key="test", base_url=CASSETTE_URL, max_retries=0) as client:
            response = await client.responses.create(**plain)
            events = [event async for event in await client.responses.create(**streamed)]
        assert cassette.all_played
    _usage_is_typed(response)
    assert isinstance(events[-1], ResponseCompletedEvent)
