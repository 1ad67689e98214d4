"""Semantic Kernel: `OpenAIChatCompletion(async_client=...)` with our `AsyncOpenRouter`."""

from __future__ import annotations

from typing import Annotated

import pytest

from openrouter_compat import RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, Weather, assert_ledger, assert_routed, assert_tool_round_trip, async_routed, ours

pytest.importorskip("semantic_kernel")
from semantic_kernel import Kernel
from semantic_kernel.connectors.ai import FunctionChoiceBehavior
from semantic_kernel.connectors.ai.open_ai import (
    OpenAIChatCompletion,
    OpenAIChatPromptExecutionSettings,
)
from semantic_kernel.contents import ChatHistory
from semantic_kernel.functions import kernel_function


def _history(text: str) -> ChatHistory:
    history = ChatHistory()
    history.add_user_message(text)
    return history


async def test_chat_and_stream(openrouter_emulator: Emulator) -> None:
    client = async_routed(openrouter_emulator)
    service = OpenAIChatCompletion(ai_model_id=MODEL, async_client=client)
    settings = OpenAIChatPromptExecutionSettings()
    reply = await service.get_chat_message_content(_history("Say hello."), settings)
    assert reply is not None and str(reply) == "Echo: Say hello."
    pieces = [str(chunk) async for chunk in service.get_streaming_chat_message_content(_history("Count."), settings)]
    assert "".join(pieces) == "Echo: Count."
    bodies = assert_routed(openrouter_emulator, at_least=2)
    assert [body.get("stream", False) for body in bodies] == [False, True]
    assert_ledger(client, openrouter_emulator)
    await client.close()


class WeatherPlugin:
    def __init__(self) -> None:
        self.calls: list[str] = []

    @kernel_function(description="The weather in a city.")
    def get_weather(self, city: Annotated[str, "The city"]) -> str:
        self.calls.append(city)
        return f"Sunny in {city}"


async def test_kernel_calls_the_plugin(openrouter_emulator: Emulator) -> None:
    client = async_routed(openrouter_emulator)
    kernel = Kernel()
    kernel.add_service(OpenAIChatCompletion(ai_model_id=MODEL, async_client=client))
    plugin = WeatherPlugin()
    kernel.add_plugin(plugin, plugin_name="weather")
    settings = OpenAIChatPromptExecutionSettings(function_choice_behavior=FunctionChoiceBehavior.Auto())
    service = kernel.get_service(type=OpenAIChatCompletion)
    reply = await service.get_chat_message_content(_history("What is the weather in Paris?"), settings, kernel=kernel)
    assert plugin.calls == ["placeholder"]
    assert reply is not None and str(reply) == "Echo: What is the weather in Paris?"
    assert_tool_round_trip(openrouter_emulator, "weather-get_weather")  # Semantic Kernel's plugin-function name
    assert_ledger(client, openrouter_emulator)
    await client.close()


async def test_structured_output(openrouter_emulator: Emulator) -> None:
    client = async_routed(openrouter_emulator)
    service = OpenAIChatCompletion(ai_model_id=MODEL, async_client=client)
    settings = OpenAIChatPromptExecutionSettings(response_format=Weather)
    reply = await service.get_chat_message_content(_history("Report the weather in Rome."), settings)
    Weather.model_validate_json(str(reply))
    assert assert_routed(openrouter_emulator)[0]["response_format"]["type"] == "json_schema"
    await client.close()


async def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    client = async_routed(openrouter_emulator)
    service = OpenAIChatCompletion(ai_model_id=MODEL, async_client=client)
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(Exception) as caught:  # Semantic Kernel's ServiceResponseException, raised from ours
        await service.get_chat_message_content(_history("hi"), OpenAIChatPromptExecutionSettings())
    assert ours(caught.value, RateLimitError).retry_after == 7
    await client.close()
