"""Haystack (`haystack-ai`): `OpenAIChatGenerator` whose `client` / `async_client` are ours."""

from __future__ import annotations

import pytest

from openrouter_compat import RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, Weather, assert_ledger, assert_routed, async_routed, ours, routed

pytest.importorskip("haystack")
from haystack.components.generators.chat import OpenAIChatGenerator
from haystack.dataclasses import ChatMessage, StreamingChunk
from haystack.tools import create_tool_from_function
from haystack.utils import Secret


def _generator(emu: Emulator, **kwargs: object) -> OpenAIChatGenerator:
    generator = OpenAIChatGenerator(
        api_key=Secret.from_token("unused-the-client-carries-the-key"), model=MODEL, **kwargs
    )
    generator.client = routed(emu)  # warm_up() then keeps these instead of building plain openai clients
    generator.async_client = async_routed(emu)
    return generator


def test_run_and_stream(openrouter_emulator: Emulator) -> None:
    generator = _generator(openrouter_emulator)
    replies = generator.run(messages=[ChatMessage.from_user("Say hello.")])["replies"]
    assert replies[0].text == "Echo: Say hello."
    assert replies[0].meta["model"] == MODEL
    pieces: list[str] = []

    def collect(chunk: StreamingChunk) -> None:
        pieces.append(chunk.content)

    streamed = generator.run(messages=[ChatMessage.from_user("Count to three.")], streaming_callback=collect)
    assert "".join(pieces) == "Echo: Count to three." == streamed["replies"][0].text
    bodies = assert_routed(openrouter_emulator, at_least=2)
    assert [body.get("stream", False) for body in bodies] == [False, True]
    assert generator.client is not None
    assert_ledger(generator.client, openrouter_emulator)


def test_tool_call(openrouter_emulator: Emulator) -> None:
    def get_weather(city: str) -> str:
        """The weather in a city."""
        return f"Sunny in {city}"

    generator = _generator(openrouter_emulator, tools=[create_tool_from_function(get_weather)])
    reply = generator.run(messages=[ChatMessage.from_user("What is the weather in Paris?")])["replies"][0]
    assert [call.tool_name for call in reply.tool_calls] == ["get_weather"]
    assert assert_routed(openrouter_emulator)[0]["tools"][0]["function"]["name"] == "get_weather"


def test_structured_output(openrouter_emulator: Emulator) -> None:
    generator = _generator(openrouter_emulator, generation_kwargs={"response_format": Weather})
    reply = generator.run(messages=[ChatMessage.from_user("Report the weather in Rome.")])["replies"][0]
    assert reply.text is not None
    Weather.model_validate_json(reply.text)
    assert assert_routed(openrouter_emulator)[0]["response_format"]["type"] == "json_schema"


async def test_run_async(openrouter_emulator: Emulator) -> None:
    generator = _generator(openrouter_emulator)
    result = await generator.run_async(messages=[ChatMessage.from_user("Say hello.")])
    assert result["replies"][0].text == "Echo: Say hello."
    assert_routed(openrouter_emulator)
    assert generator.async_client is not None
    assert_ledger(generator.async_client, openrouter_emulator)
    await generator.close_async()


def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    generator = _generator(openrouter_emulator)
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(Exception) as caught:
        generator.run(messages=[ChatMessage.from_user("hi")])
    assert ours(caught.value, RateLimitError).retry_after == 7
