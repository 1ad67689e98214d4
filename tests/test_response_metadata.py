"""`.openrouter` on every result: generation id, provider, usage, cost and the headers worth having.

Results from the emulator (sync and async, plain, streamed, embeddings, completions, responses, `.parse()`,
raw responses), a 429 from the emulator, and response-cache headers served by an `httpx2.MockTransport`
(the emulator does not implement response caching).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx2
import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter, RateLimitError, ResponseMetadata
from openrouter_compat.testing import Emulator, Fault

MESSAGES: Any = [{"role": "user", "content": "Tell me about metadata"}]
MODEL = "anthropic/claude-sonnet-4.5"


def _check(meta: ResponseMetadata | None, result: Any) -> ResponseMetadata:
    assert isinstance(meta, ResponseMetadata)
    assert meta.generation_id == result.id
    assert meta.generation_id == meta.headers["x-generation-id"]
    assert meta.model == result.model
    assert meta.usage is result.usage
    assert meta.cost == result.usage.cost
    assert meta.cost_decimal == Decimal(repr(result.usage.cost))
    return meta


def test_chat_completion_carries_metadata(client: OpenRouter) -> None:
    completion = client.chat.completions.create(model=MODEL, messages=MESSAGES)
    meta = _check(completion.openrouter, completion)
    assert meta.provider == completion.provider is not None
    # Never part of the model's data: serialisation and extras are untouched.
    assert "openrouter" not in completion.model_dump()
    assert "openrouter" not in json.loads(completion.to_json())
    assert "openrouter" not in (completion.model_extra or {})


def test_stream_metadata_fills_in_as_chunks_arrive(client: OpenRouter) -> None:
    stream = client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
    before = stream.openrouter
    assert before.generation_id is not None  # from the X-Generation-Id header, before any chunk
    assert before.usage is None
    assert before.cost is None
    last = None
    for chunk in stream:
        if chunk.usage is not None:
            last = chunk
    assert last is not None and last.usage is not None
    after = stream.openrouter
    assert after.generation_id == before.generation_id == last.id
    assert after.cost == last.usage.cost
    assert after.provider == last.provider
    assert after.model == MODEL


def test_other_endpoints_carry_metadata(client: OpenRouter) -> None:
    embedding = client.embeddings.create(model="openai/text-embedding-3-small", input="x")
    assert embedding.openrouter is not None
    assert embedding.openrouter.cost == embedding.usage.cost
    assert embedding.openrouter.generation_id == embedding.openrouter.headers["x-generation-id"]

    text = client.completions.create(model=MODEL, prompt="Once upon a time")
    _check(text.openrouter, text)

    response = client.responses.create(model=MODEL, input="hello")
    _check(response.openrouter, response)

    events = client.responses.create(model=MODEL, input="hello", stream=True)
    completed = [event.response for event in events if event.type == "response.completed"]
    assert len(completed) == 1
    _check(completed[0].openrouter, completed[0])


def test_parse_and_raw_responses_carry_metadata(client: OpenRouter) -> None:
    parsed = client.chat.completions.parse(model=MODEL, messages=MESSAGES)
    _check(parsed.openrouter, parsed)

    raw = client.chat.completions.with_raw_response.create(model=MODEL, messages=MESSAGES)
    completion = raw.parse()
    meta = _check(completion.openrouter, completion)
    assert meta.generation_id == raw.headers["x-generation-id"]


def test_rate_limited_error_carries_rate_limit_headers(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=2))
    with pytest.raises(RateLimitError) as caught:
        client.chat.completions.create(model=MODEL, messages=MESSAGES)
    meta = caught.value.openrouter
    assert meta.rate_limit["limit"] == "20"
    assert meta.rate_limit["remaining"] == "0"
    assert "reset" in meta.rate_limit
    assert meta.retry_after == 2
    assert meta.cost is None


def _cached_reply(request: httpx2.Request) -> httpx2.Response:
    body = {
        "id": "gen-cached-1",
        "object": "chat.completion",
        "created": 1,
        "model": "openai/gpt-4o-mini",
        "provider": "OpenAI",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hi"}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},  # no cost in the body
    }
    headers = {
        "x-generation-id": "gen-cached-1",
        "x-openrouter-cache-status": "HIT",
        "x-openrouter-cache-age": "12",
        "x-openrouter-cache-ttl": "300",
        "x-openrouter-cost": "0.00042",
        "x-unrelated": "dropped",
    }
    return httpx2.Response(200, json=body, headers=headers)


def test_cache_and_cost_headers() -> None:
    http = httpx2.Client(transport=httpx2.MockTransport(_cached_reply))
    with OpenRouter(api_key="sk-or-test", max_retries=0, http_client=http) as client:
        completion = client.chat.completions.create(model="openai/gpt-4o-mini", messages=MESSAGES)
    meta = completion.openrouter
    assert meta is not None
    assert meta.cache_status == "HIT"
    assert meta.cache_age == 12.0
    assert meta.headers["x-openrouter-cache-ttl"] == "300"
    assert "x-unrelated" not in meta.headers
    assert meta.cost == 0.00042  # from the header, since the body reported none
    assert client.ledger.total == Decimal("0.00042")


async def test_async_results_carry_metadata(async_client: AsyncOpenRouter) -> None:
    completion = await async_client.chat.completions.create(model=MODEL, messages=MESSAGES)
    _check(completion.openrouter, completion)
    stream = await async_client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
    assert stream.openrouter.cost is None
    costs = [chunk.usage.cost async for chunk in stream if chunk.usage is not None]
    assert stream.openrouter.cost == costs[-1]
    embedding = await async_client.embeddings.create(model="openai/text-embedding-3-small", input="x")
    assert embedding.openrouter is not None
    assert embedding.openrouter.cost == embedding.usage.cost


def test_stream_helper_final_completion_carries_metadata(client: OpenRouter) -> None:
    with client.chat.completions.stream(model=MODEL, messages=MESSAGES) as helper:
        for _ in helper:
            pass
        final = helper.get_final_completion()
    meta = final.openrouter  # type: ignore[attr-defined]  # openai's ParsedChatCompletion, attached at run time
    assert isinstance(meta, ResponseMetadata)
    assert meta.generation_id == final.id
    assert meta.usage is not None and meta.cost == meta.usage.cost
    assert meta.cost is not None and meta.cost > 0


async def test_async_stream_helper_final_completion_carries_metadata(async_client: AsyncOpenRouter) -> None:
    async with async_client.chat.completions.stream(model=MODEL, messages=MESSAGES) as helper:
        async for _ in helper:
            pass
        final = await helper.get_final_completion()
    meta = final.openrouter  # type: ignore[attr-defined]
    assert isinstance(meta, ResponseMetadata)
    assert meta.generation_id == final.id
    assert meta.cost is not None and meta.cost > 0
