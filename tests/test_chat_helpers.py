"""`openai`'s chat helpers on the OpenRouter clients: `parse()`, `stream()` (including index-less
`reasoning_details`), tool calls, `with_raw_response` and `with_streaming_response`; sync and async."""

from __future__ import annotations

import json
from typing import Any

import httpx2
import openai
import pytest
from pydantic import BaseModel

from openrouter_compat import (
    AsyncChatCompletionStream,
    AsyncOpenRouter,
    ChatCompletionStream,
    OpenRouter,
    OpenRouterValidationError,
)
from openrouter_compat.testing import Emulator
from openrouter_compat.types.chat import ChatCompletion, ChatCompletionChunk

MODEL = "openai/gpt-4o-mini"
ANTHROPIC_MODEL = "anthropic/claude-sonnet-4.5"
HI: Any = [{"role": "user", "content": "hi"}]
WEATHER: Any = [{"role": "user", "content": "What's the weather in Paris?"}]
REASONING: Any = {"reasoning": {"effort": "high"}}


class Weather(BaseModel):
    city: str
    temperature_c: float
    sunny: bool


class GetWeather(BaseModel):
    """Current weather for a city."""

    city: str


TOOLS = [openai.pydantic_function_tool(GetWeather)]


# ----------------------------------------------------------------------------------------------- parse


def _check_parsed(completion: Any, emu: Emulator) -> None:
    parsed = completion.choices[0].message.parsed
    assert isinstance(parsed, Weather)
    assert Weather.model_validate_json(completion.choices[0].message.content) == parsed
    sent = emu.requests_to("/chat/completions")[-1].json
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["name"] == "Weather"
    assert completion.model_extra["provider"]  # OpenRouter's fields survive openai's parsed type


def test_parse_with_pydantic(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    completion = client.chat.completions.parse(model=MODEL, messages=WEATHER, response_format=Weather)
    _check_parsed(completion, openrouter_emulator)


async def test_parse_with_pydantic_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    completion = await async_client.chat.completions.parse(model=MODEL, messages=WEATHER, response_format=Weather)
    _check_parsed(completion, openrouter_emulator)


def test_parse_tool_call_arguments(client: OpenRouter) -> None:
    completion = client.chat.completions.parse(model=MODEL, messages=WEATHER, tools=TOOLS)
    [call] = completion.choices[0].message.tool_calls or []
    assert isinstance(call.function.parsed_arguments, GetWeather)


# ---------------------------------------------------------------------------------------------- stream()


def _check_final(final: Any, content: str, model: str) -> None:
    message = final.choices[0].message
    assert message.content == content
    details = message.model_extra["reasoning_details"]
    assert details, "reasoning_details must be accumulated"
    expected_format = "anthropic-claude-v1" if model.startswith("anthropic/") else "openai-responses-v1"
    assert {d["format"] for d in details} == {expected_format}  # openai's helper would concatenate these
    kinds = [d["type"] for d in details]
    if model.startswith("anthropic/"):
        assert kinds == ["reasoning.text"]
        assert details[0]["text"] == message.model_extra["reasoning"]
        assert details[0]["signature"]
    else:
        assert kinds == ["reasoning.summary", "reasoning.encrypted"]
        assert details[0]["summary"] == message.model_extra["reasoning"]
        assert details[1]["data"].startswith("gAAAAA")


@pytest.mark.parametrize("model", ["anthropic/claude-sonnet-4.5", "anthropic/claude-noindex", "openai/o3-noindex"])
def test_stream_helper(client: OpenRouter, model: str) -> None:
    deltas: list[str] = []
    with client.chat.completions.stream(model=model, messages=HI, extra_body=REASONING) as stream:
        for event in stream:
            if event.type == "content.delta":
                deltas.append(event.delta)
            if event.type == "chunk":
                assert isinstance(event.chunk, ChatCompletionChunk)
        final = stream.get_final_completion()
    assert deltas
    _check_final(final, "".join(deltas), model)


@pytest.mark.parametrize("model", ["anthropic/claude-sonnet-4.5", "anthropic/claude-noindex", "openai/o3-noindex"])
async def test_stream_helper_async(async_client: AsyncOpenRouter, model: str) -> None:
    deltas: list[str] = []
    async with async_client.chat.completions.stream(model=model, messages=HI, extra_body=REASONING) as stream:
        async for event in stream:
            if event.type == "content.delta":
                deltas.append(event.delta)
        final = await stream.get_final_completion()
    _check_final(final, "".join(deltas), model)


def test_plain_openai_stream_helper_fails_on_these_streams(openrouter_emulator: Emulator) -> None:
    """What the tests above guard against: the stock helper crashes on index-less details, mangles `format`."""
    emu = openrouter_emulator
    with openai.OpenAI(api_key=emu.api_key, base_url=emu.base_url, max_retries=0) as plain:
        with (
            pytest.raises(RuntimeError, match="index"),
            plain.chat.completions.stream(
                model="anthropic/claude-noindex", messages=HI, extra_body=REASONING
            ) as stream,
        ):
            stream.until_done()
        with plain.chat.completions.stream(
            model="anthropic/claude-sonnet-4.5", messages=HI, extra_body=REASONING
        ) as stream:
            stream.until_done()
            details = stream.get_final_completion().choices[0].message.model_extra["reasoning_details"]  # type: ignore[index]
    assert details[0]["format"].startswith("anthropic-claude-v1anthropic-claude-v1")


def _citation(n: int) -> dict[str, Any]:
    return {"type": "url_citation", "url_citation": {"url": f"https://s{n}.example/", "title": f"S{n}"}}


APPEND_ONLY_DELTAS: list[dict[str, Any]] = [
    {"role": "assistant", "content": "See "},
    {"content": "sources.", "annotations": [_citation(1)]},
    {"content": "", "annotations": [_citation(2), _citation(3)]},
    {"content": "", "images": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,AA"}}]},
    {"content": "", "images": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,BB"}}]},
]


def _append_only_stream(request: httpx2.Request) -> httpx2.Response:
    """Citations and images in several deltas without `index`, as OpenRouter streams them (web search, images)."""
    base = {"id": "gen-1", "object": "chat.completion.chunk", "created": 1, "model": "m", "provider": "P"}
    chunks = [{**base, "choices": [{"index": 0, "delta": d, "finish_reason": None}]} for d in APPEND_ONLY_DELTAS]
    chunks.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    body = "".join(f"data: {json.dumps(c)}\n\n" for c in chunks) + "data: [DONE]\n\n"
    return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())


def _check_append_only(final: Any) -> None:
    message = final.choices[0].message
    assert message.content == "See sources."
    assert [a.url_citation.url for a in message.annotations] == [f"https://s{n}.example/" for n in (1, 2, 3)]
    assert [i["image_url"]["url"] for i in message.model_extra["images"]] == [
        "data:image/png;base64,AA",
        "data:image/png;base64,BB",
    ]


def test_stream_helper_appends_citations_and_images() -> None:
    http = httpx2.Client(transport=httpx2.MockTransport(_append_only_stream))
    client = OpenRouter(api_key="sk-or-test", http_client=http)
    with client, client.chat.completions.stream(model="m", messages=HI) as stream:
        chunks = [event.chunk for event in stream if event.type == "chunk"]
        final = stream.get_final_completion()
    _check_append_only(final)
    assert chunks[2].choices[0].delta.annotations and len(chunks[2].choices[0].delta.annotations) == 2  # untouched
    http = httpx2.Client(transport=httpx2.MockTransport(_append_only_stream))
    plain = openai.OpenAI(api_key="sk-or-test", http_client=http)
    with plain, pytest.raises(RuntimeError, match="index"), plain.chat.completions.stream(model="m", messages=HI) as s:
        s.until_done()  # the stock helper cannot fold these streams


async def test_stream_helper_appends_citations_and_images_async() -> None:
    http = httpx2.AsyncClient(transport=httpx2.MockTransport(_append_only_stream))
    client = AsyncOpenRouter(api_key="sk-or-test", http_client=http)
    async with client, client.chat.completions.stream(model="m", messages=HI) as stream:
        await stream.until_done()
        final = await stream.get_final_completion()
    _check_append_only(final)


def test_stream_helper_parses_response_format(client: OpenRouter) -> None:
    with client.chat.completions.stream(model=MODEL, messages=WEATHER, response_format=Weather) as stream:
        stream.until_done()
        final = stream.get_final_completion()
    assert isinstance(final.choices[0].message.parsed, Weather)


# ------------------------------------------------------------------------------------------- tool calls


def _check_tool_call(call: Any) -> None:
    assert call.type == "function"
    assert call.function.name == "GetWeather"
    assert call.id
    assert GetWeather.model_validate_json(call.function.arguments)


def test_tool_call(client: OpenRouter) -> None:
    result = client.chat.completions.create(model=MODEL, messages=WEATHER, tools=TOOLS)
    assert result.choices[0].finish_reason == "tool_calls"
    [call] = result.choices[0].message.tool_calls or []
    _check_tool_call(call)
    assert isinstance(call, openai.types.chat.ChatCompletionMessageFunctionToolCall)


def test_no_tool_call_without_tools(client: OpenRouter) -> None:
    result = client.chat.completions.create(model=MODEL, messages=WEATHER)
    assert result.choices[0].message.tool_calls is None
    assert result.choices[0].finish_reason == "stop"


async def test_tool_call_streamed_async(async_client: AsyncOpenRouter) -> None:
    stream = await async_client.chat.completions.create(model=MODEL, messages=WEATHER, tools=TOOLS, stream=True)
    chunks = [chunk async for chunk in stream]
    fragments = [c.choices[0].delta.tool_calls for c in chunks if c.choices and c.choices[0].delta.tool_calls]
    assert len(fragments) > 1  # the arguments arrive in pieces
    [call] = stream.accumulator.tool_calls
    assert call["function"]["name"] == "GetWeather"
    assert GetWeather.model_validate_json(call["function"]["arguments"])


def test_tool_call_round_trip(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    first = client.chat.completions.create(model=MODEL, messages=WEATHER, tools=TOOLS)
    [call] = first.choices[0].message.tool_calls or []
    assert call.type == "function"
    messages: Any = [
        *WEATHER,
        first.choices[0].message.to_dict(),
        {"role": "tool", "tool_call_id": call.id, "content": json.dumps({"temperature_c": 18})},
    ]
    second = client.chat.completions.create(model=MODEL, messages=messages, tools=TOOLS)
    assert second.choices[0].message.content
    sent = openrouter_emulator.requests_to("/chat/completions")[-1].json
    assert sent["messages"][1]["tool_calls"][0]["id"] == call.id


def test_stream_helper_tool_call(client: OpenRouter) -> None:
    with client.chat.completions.stream(model=MODEL, messages=WEATHER, tools=TOOLS) as stream:
        stream.until_done()
        final = stream.get_final_completion()
    [call] = final.choices[0].message.tool_calls or []
    assert isinstance(call.function.parsed_arguments, GetWeather)


# --------------------------------------------------------------------------------------- raw responses


def test_with_raw_response(client: OpenRouter) -> None:
    raw = client.chat.completions.with_raw_response.create(model=MODEL, messages=HI, provider={"sort": "price"})
    assert raw.headers["x-generation-id"].startswith("gen-")
    completion = raw.parse()
    assert isinstance(completion, ChatCompletion)
    assert completion.id == raw.headers["x-generation-id"]
    assert completion.provider and completion.usage is not None and completion.usage.cost


def test_with_raw_response_stream(client: OpenRouter) -> None:
    raw = client.chat.completions.with_raw_response.create(model=MODEL, messages=HI, stream=True)
    stream = raw.parse()
    assert isinstance(stream, ChatCompletionStream)
    chunks = list(stream)
    assert chunks[-1].usage is not None and chunks[-1].usage.cost


async def test_with_raw_response_async(async_client: AsyncOpenRouter) -> None:
    raw = await async_client.chat.completions.with_raw_response.create(model=MODEL, messages=HI)
    completion = raw.parse()
    assert isinstance(completion, ChatCompletion)
    assert completion.id == raw.headers["x-generation-id"]


def test_client_level_with_raw_response(client: OpenRouter) -> None:
    raw = client.with_raw_response.chat.completions.create(model=MODEL, messages=HI)
    assert isinstance(raw.parse(), ChatCompletion)


def test_with_streaming_response(client: OpenRouter) -> None:
    with client.chat.completions.with_streaming_response.create(model=MODEL, messages=HI) as response:
        assert response.headers["x-generation-id"].startswith("gen-")
        completion = response.parse()
    assert isinstance(completion, ChatCompletion)
    assert completion.provider


def test_with_streaming_response_sse(client: OpenRouter) -> None:
    with client.chat.completions.with_streaming_response.create(model=MODEL, messages=HI, stream=True) as response:
        stream = response.parse()
        assert isinstance(stream, ChatCompletionStream)
        text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert text == "Echo: hi"


async def test_with_streaming_response_async(async_client: AsyncOpenRouter) -> None:
    async with async_client.chat.completions.with_streaming_response.create(
        model=MODEL, messages=HI, stream=True
    ) as response:
        lines = [line async for line in response.iter_lines()]
    assert any(line.startswith("data: ") and '"provider"' in line for line in lines)
    async with async_client.with_streaming_response.chat.completions.create(
        model=MODEL, messages=HI, stream=True
    ) as response:
        stream = await response.parse()
        assert isinstance(stream, AsyncChatCompletionStream)
        chunks = [chunk async for chunk in stream]
    assert chunks[-1].usage is not None and chunks[-1].usage.cost


# -------------------------------------------------------------------- OpenRouter fields on the helpers


def test_parse_and_stream_take_openrouter_fields(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    emu = openrouter_emulator
    completion = client.chat.completions.parse(
        model=MODEL, messages=WEATHER, response_format=Weather, provider={"sort": "price"}, top_k=5
    )
    assert isinstance(completion.choices[0].message.parsed, Weather)
    sent = emu.requests_to("/chat/completions")[-1].json
    assert (sent["provider"], sent["top_k"]) == ({"sort": "price"}, 5)
    with client.chat.completions.stream(
        model=ANTHROPIC_MODEL,
        messages=HI,
        reasoning={"effort": "high"},
        provider={"order": ["anthropic"], "allow_fallbacks": False},
        extra_body={"provider": {"allow_fallbacks": True}},
    ) as stream:
        stream.until_done()
    sent = emu.requests_to("/chat/completions")[-1].json
    assert sent["reasoning"] == {"effort": "high"}
    assert sent["provider"] == {"order": ["anthropic"], "allow_fallbacks": True}  # extra_body still wins
    assert sent["stream"] is True


async def test_parse_and_stream_take_openrouter_fields_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    emu = openrouter_emulator
    completion = await async_client.chat.completions.parse(
        model=MODEL, messages=WEATHER, response_format=Weather, plugins=[{"id": "web", "max_results": 2}]
    )
    assert isinstance(completion.choices[0].message.parsed, Weather)
    assert emu.requests_to("/chat/completions")[-1].json["plugins"] == [{"id": "web", "max_results": 2}]
    async with async_client.chat.completions.stream(model=MODEL, messages=HI, session_id="s-1") as stream:
        await stream.until_done()
    assert emu.requests_to("/chat/completions")[-1].json["session_id"] == "s-1"


def test_helpers_validate_before_sending(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with pytest.raises(OpenRouterValidationError, match=r"provider\.sort"):
        client.chat.completions.parse(model=MODEL, messages=HI, response_format=Weather, provider={"sort": "pricee"})
    with pytest.raises(OpenRouterValidationError, match="top_k"):
        client.chat.completions.stream(model=MODEL, messages=HI, top_k=-1)
    assert openrouter_emulator.requests == []


async def test_helpers_validate_before_sending_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    with pytest.raises(OpenRouterValidationError, match=r"reasoning\.effort"):
        await async_client.chat.completions.parse(model=MODEL, messages=HI, reasoning={"effort": "hihg"})
    with pytest.raises(OpenRouterValidationError, match="plugins"):
        async_client.chat.completions.stream(model=MODEL, messages=HI, plugins=[{"id": "webb"}])
    assert openrouter_emulator.requests == []
