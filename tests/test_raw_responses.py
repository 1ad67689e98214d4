"""`with_raw_response` / `with_streaming_response` on chat completions, responses, legacy completions and
embeddings: OpenRouter's typed fields reach the wire (validated first), `.parse()` gives our types, both the
resource-level and the client-level wrappers are ours and still `openai`'s (their other methods work); sync
and async. The static side is tests/test_raw_response_typecheck.py."""

from __future__ import annotations

from typing import Any

import openai
import pytest
from openai.resources import completions as openai_completions
from openai.resources import embeddings as openai_embeddings
from openai.resources.chat import chat as openai_chat
from openai.resources.chat import completions as openai_chat_completions
from openai.resources.responses import responses as openai_responses
from pydantic import BaseModel

from openrouter_compat import (
    AsyncChatCompletionStream,
    AsyncOpenRouter,
    ChatCompletionStream,
    CompletionStream,
    OpenRouter,
    OpenRouterValidationError,
    ResponseEventStream,
)
from openrouter_compat.resources.chat.chat import ChatWithRawResponse, ChatWithStreamingResponse
from openrouter_compat.resources.chat.completions import (
    AsyncCompletionsWithRawResponse,
    AsyncCompletionsWithStreamingResponse,
    CompletionsWithRawResponse,
    CompletionsWithStreamingResponse,
)
from openrouter_compat.resources.completions import CompletionsWithRawResponse as TextCompletionsWithRawResponse
from openrouter_compat.resources.embeddings import EmbeddingsWithRawResponse, EmbeddingsWithStreamingResponse
from openrouter_compat.resources.responses import AsyncResponsesWithStreamingResponse, ResponsesWithRawResponse
from openrouter_compat.testing import Emulator, Fault
from openrouter_compat.types import Completion, CreateEmbeddingResponse
from openrouter_compat.types.chat import ChatCompletion
from openrouter_compat.types.responses import Response

MODEL = "openai/gpt-4o-mini"
HI: Any = [{"role": "user", "content": "hi"}]
PROVIDER: Any = {"order": ["openai"], "allow_fallbacks": False}


def _sent(emu: Emulator, path: str) -> dict[str, Any]:
    body: dict[str, Any] = emu.requests_to(path)[-1].json
    return body


def _is_ours(completion: object) -> None:
    assert isinstance(completion, ChatCompletion)
    assert completion.provider
    assert completion.usage is not None and completion.usage.cost
    assert completion.openrouter is not None and completion.openrouter.generation_id == completion.id


# ------------------------------------------------------------------------------------- the wrapper classes


def test_wrappers_are_ours_and_openais(client: OpenRouter) -> None:
    pairs: list[tuple[object, type, type]] = [
        (client.with_raw_response.chat, ChatWithRawResponse, openai_chat.ChatWithRawResponse),
        (client.chat.with_streaming_response, ChatWithStreamingResponse, openai_chat.ChatWithStreamingResponse),
        (
            client.with_raw_response.chat.completions,
            CompletionsWithRawResponse,
            openai_chat_completions.CompletionsWithRawResponse,
        ),
        (
            client.chat.completions.with_streaming_response,
            CompletionsWithStreamingResponse,
            openai_chat_completions.CompletionsWithStreamingResponse,
        ),
        (client.with_raw_response.responses, ResponsesWithRawResponse, openai_responses.ResponsesWithRawResponse),
        (
            client.completions.with_raw_response,
            TextCompletionsWithRawResponse,
            openai_completions.CompletionsWithRawResponse,
        ),
        (client.with_raw_response.embeddings, EmbeddingsWithRawResponse, openai_embeddings.EmbeddingsWithRawResponse),
        (
            client.embeddings.with_streaming_response,
            EmbeddingsWithStreamingResponse,
            openai_embeddings.EmbeddingsWithStreamingResponse,
        ),
    ]
    for wrapper, ours, theirs in pairs:
        assert isinstance(wrapper, ours) and isinstance(wrapper, theirs), (wrapper, ours)
    raw = client.chat.completions.with_raw_response
    assert client.chat.completions.with_raw_response is raw  # cached, as openai's
    for name in ("retrieve", "update", "list", "delete", "parse"):
        assert callable(getattr(raw, name)), name
    assert raw.messages.list is not None


async def test_async_wrappers_are_ours_and_openais(async_client: AsyncOpenRouter) -> None:
    raw = async_client.with_raw_response.chat.completions
    assert isinstance(raw, AsyncCompletionsWithRawResponse)
    assert isinstance(raw, openai_chat_completions.AsyncCompletionsWithRawResponse)
    streaming = async_client.chat.completions.with_streaming_response
    assert isinstance(streaming, AsyncCompletionsWithStreamingResponse)
    responses = async_client.with_streaming_response.responses
    assert isinstance(responses, AsyncResponsesWithStreamingResponse)
    assert isinstance(responses, openai_responses.AsyncResponsesWithStreamingResponse)


# ------------------------------------------------------------------------------------------- chat, sync


def test_chat_raw_sends_typed_fields_and_parses_ours(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    for completions in (client.with_raw_response.chat.completions, client.chat.completions.with_raw_response):
        raw = completions.create(model=MODEL, messages=HI, provider=PROVIDER, reasoning={"effort": "low"}, top_k=4)
        sent = _sent(openrouter_emulator, "/chat/completions")
        assert sent["provider"] == PROVIDER and sent["reasoning"] == {"effort": "low"} and sent["top_k"] == 4
        completion = raw.parse()
        _is_ours(completion)
        assert completion.id == raw.headers["x-generation-id"]


def test_chat_raw_stream_parses_our_stream(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    raw = client.with_raw_response.chat.completions.create(model=MODEL, messages=HI, stream=True, provider=PROVIDER)
    stream = raw.parse()
    assert isinstance(stream, ChatCompletionStream)
    chunks = list(stream)
    assert chunks[-1].usage is not None and chunks[-1].usage.cost
    sent = _sent(openrouter_emulator, "/chat/completions")
    assert sent["stream"] is True and sent["provider"] == PROVIDER


def test_chat_streaming_response(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with client.with_streaming_response.chat.completions.create(
        model=MODEL, messages=HI, provider=PROVIDER
    ) as response:
        completion = response.parse()
    _is_ours(completion)
    assert _sent(openrouter_emulator, "/chat/completions")["provider"] == PROVIDER
    with client.chat.with_streaming_response.completions.create(
        model=MODEL, messages=HI, stream=True, plugins=[{"id": "web"}]
    ) as response:
        stream = response.parse()
        assert isinstance(stream, ChatCompletionStream)
        text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert text.startswith("Echo")
    assert _sent(openrouter_emulator, "/chat/completions")["plugins"] == [{"id": "web"}]


class Weather(BaseModel):
    city: str
    temperature_c: float
    sunny: bool


def test_chat_raw_structured_parse_takes_typed_fields(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    weather: Any = [{"role": "user", "content": "What's the weather in Paris?"}]
    raw = client.with_raw_response.chat.completions.parse(
        model=MODEL, messages=weather, response_format=Weather, provider=PROVIDER
    )
    assert isinstance(raw.parse().choices[0].message.parsed, Weather)
    sent = _sent(openrouter_emulator, "/chat/completions")
    assert sent["provider"] == PROVIDER and sent["response_format"]["json_schema"]["name"] == "Weather"


async def test_chat_streaming_structured_parse_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    weather: Any = [{"role": "user", "content": "What's the weather in Paris?"}]
    async with async_client.chat.completions.with_streaming_response.parse(
        model=MODEL, messages=weather, response_format=Weather, provider=PROVIDER
    ) as response:
        completion = await response.parse()
    assert isinstance(completion.choices[0].message.parsed, Weather)
    assert _sent(openrouter_emulator, "/chat/completions")["provider"] == PROVIDER


def test_chat_raw_refuses_bad_fields_before_sending(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    bad: Any = {"sort": "pric"}
    with pytest.raises(OpenRouterValidationError):
        client.with_raw_response.chat.completions.create(model=MODEL, messages=HI, provider=bad)
    with (
        pytest.raises(OpenRouterValidationError),
        client.chat.completions.with_streaming_response.create(model=MODEL, messages=HI, provider=bad),
    ):
        pass
    assert openrouter_emulator.requests_to("/chat/completions") == []


def test_chat_raw_routing_defaults_and_extra_body(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    routed = client.with_routing(provider={"sort": "price"})
    routed.with_raw_response.chat.completions.create(
        model=MODEL, messages=HI, provider={"order": ["openai"]}, extra_body={"top_k": 9}
    ).parse()
    sent = _sent(openrouter_emulator, "/chat/completions")
    assert sent["provider"] == {"sort": "price", "order": ["openai"]} and sent["top_k"] == 9


# ------------------------------------------------------------------------------------------ chat, async


async def test_chat_raw_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    raw = await async_client.with_raw_response.chat.completions.create(model=MODEL, messages=HI, provider=PROVIDER)
    _is_ours(raw.parse())
    assert _sent(openrouter_emulator, "/chat/completions")["provider"] == PROVIDER
    raw_stream = await async_client.chat.completions.with_raw_response.create(
        model=MODEL, messages=HI, stream=True, min_p=0.1
    )
    stream = raw_stream.parse()
    assert isinstance(stream, AsyncChatCompletionStream)
    chunks = [chunk async for chunk in stream]
    assert chunks[-1].usage is not None and chunks[-1].usage.cost
    assert _sent(openrouter_emulator, "/chat/completions")["min_p"] == 0.1


async def test_chat_streaming_response_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    async with async_client.with_streaming_response.chat.completions.create(
        model=MODEL, messages=HI, provider=PROVIDER
    ) as response:
        completion = await response.parse()
    _is_ours(completion)
    async with async_client.chat.with_streaming_response.completions.create(
        model=MODEL, messages=HI, stream=True, reasoning={"max_tokens": 64}
    ) as response:
        stream = await response.parse()
        assert isinstance(stream, AsyncChatCompletionStream)
        chunks = [chunk async for chunk in stream]
    assert chunks
    assert _sent(openrouter_emulator, "/chat/completions")["reasoning"] == {"max_tokens": 64}


async def test_chat_raw_async_refuses_bad_fields(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    bad: Any = {"effort": "hihg"}
    with pytest.raises(OpenRouterValidationError):
        await async_client.with_raw_response.chat.completions.create(model=MODEL, messages=HI, reasoning=bad)
    assert openrouter_emulator.requests_to("/chat/completions") == []


# ----------------------------------------------------------------------- responses, completions, embeddings


def test_responses_raw_and_streaming(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    raw = client.with_raw_response.responses.create(model=MODEL, input="hi", provider=PROVIDER, session_id="s-1")
    response = raw.parse()
    assert isinstance(response, Response) and response.usage is not None and response.usage.cost
    sent = _sent(openrouter_emulator, "/responses")
    assert sent["provider"] == PROVIDER and sent["session_id"] == "s-1"
    events = client.responses.with_raw_response.create(model=MODEL, input="hi", stream=True).parse()
    assert isinstance(events, ResponseEventStream)
    assert [event.type for event in events][-1] == "response.completed"
    with client.with_streaming_response.responses.create(model=MODEL, input="hi", provider=PROVIDER) as streamed:
        assert isinstance(streamed.parse(), Response)
    # openai's other methods on the same wrapper still work (and parse into ours through the type table)
    openrouter_emulator.queue(f"/responses/{response.id}", Fault.status(200, body=response.to_dict()))
    retrieved = client.with_raw_response.responses.retrieve(response.id).parse()
    assert isinstance(retrieved, Response) and retrieved.id == response.id


async def test_responses_raw_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    raw = await async_client.responses.with_raw_response.create(model=MODEL, input="hi", provider=PROVIDER)
    assert isinstance(raw.parse(), Response)
    assert _sent(openrouter_emulator, "/responses")["provider"] == PROVIDER
    async with async_client.with_streaming_response.responses.create(model=MODEL, input="hi") as streamed:
        assert isinstance(await streamed.parse(), Response)


def test_text_completions_raw_and_streaming(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    model = "openai/gpt-3.5-turbo-instruct"
    raw = client.with_raw_response.completions.create(model=model, prompt="hi", provider=PROVIDER, top_k=3)
    completion = raw.parse()
    assert isinstance(completion, Completion) and completion.provider
    sent = _sent(openrouter_emulator, "/completions")
    assert sent["provider"] == PROVIDER and sent["top_k"] == 3
    stream = client.completions.with_raw_response.create(model=model, prompt="hi", stream=True).parse()
    assert isinstance(stream, CompletionStream)
    assert "".join(chunk.choices[0].text for chunk in stream if chunk.choices)
    with client.with_streaming_response.completions.create(model=model, prompt="hi", provider=PROVIDER) as streamed:
        assert isinstance(streamed.parse(), Completion)


async def test_text_completions_raw_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    model = "openai/gpt-3.5-turbo-instruct"
    raw = await async_client.with_raw_response.completions.create(model=model, prompt="hi", provider=PROVIDER)
    assert isinstance(raw.parse(), Completion)
    assert _sent(openrouter_emulator, "/completions")["provider"] == PROVIDER


def test_embeddings_raw_and_streaming(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    model = "openai/text-embedding-3-small"
    raw = client.with_raw_response.embeddings.create(model=model, input="a", provider=PROVIDER, input_type="query")
    result = raw.parse()
    assert isinstance(result, CreateEmbeddingResponse) and result.provider and result.usage.cost
    sent = _sent(openrouter_emulator, "/embeddings")
    assert sent["provider"] == PROVIDER and sent["input_type"] == "query"
    with client.embeddings.with_streaming_response.create(model=model, input="a") as streamed:
        assert isinstance(streamed.parse(), CreateEmbeddingResponse)
    assert client.with_raw_response.embeddings.models().parse()


async def test_embeddings_raw_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    model = "openai/text-embedding-3-small"
    async with async_client.with_streaming_response.embeddings.create(
        model=model, input="a", provider=PROVIDER
    ) as streamed:
        result = await streamed.parse()
    assert isinstance(result, CreateEmbeddingResponse) and result.provider
    assert _sent(openrouter_emulator, "/embeddings")["provider"] == PROVIDER
    with pytest.raises(OpenRouterValidationError):
        await async_client.embeddings.with_raw_response.create(model=model, input="a", provider={"ordr": []})  # type: ignore[arg-type]


def test_openai_client_is_untouched() -> None:
    """Our wrappers are installed on our resources only: a plain `openai` client keeps openai's classes."""
    plain = openai.OpenAI(api_key="sk-test", base_url="http://127.0.0.1:9")
    assert type(plain.chat.completions.with_raw_response) is openai_chat_completions.CompletionsWithRawResponse
    assert type(plain.with_raw_response.chat) is openai_chat.ChatWithRawResponse
