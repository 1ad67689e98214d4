"""AutoGen (`autogen-ext[openai]`): `BaseOpenAIChatCompletionClient` wrapping our `AsyncOpenRouter`."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from openrouter_compat import AsyncOpenRouter, RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, Weather, assert_ledger, assert_routed, async_routed, ours

pytest.importorskip("autogen_ext.models.openai")
from autogen_core import FunctionCall
from autogen_core.models import CreateResult, ModelInfo, UserMessage
from autogen_core.tools import FunctionTool
from autogen_ext.models.openai import BaseOpenAIChatCompletionClient

INFO = ModelInfo(vision=False, function_calling=True, json_output=True, family="unknown", structured_output=True)


def _model(emu: Emulator) -> tuple[BaseOpenAIChatCompletionClient, AsyncOpenRouter]:
    client = async_routed(emu)
    return BaseOpenAIChatCompletionClient(client=client, create_args={"model": MODEL}, model_info=INFO), client


def _ask(text: str) -> list[Any]:
    return [UserMessage(content=text, source="user")]


async def test_create_and_stream(openrouter_emulator: Emulator) -> None:
    model, client = _model(openrouter_emulator)
    result = await model.create(_ask("Say hello."))
    assert result.content == "Echo: Say hello."
    items = [item async for item in model.create_stream(_ask("Count to three."))]
    assert "".join(item for item in items if isinstance(item, str)) == "Echo: Count to three."
    assert isinstance(items[-1], CreateResult)
    bodies = assert_routed(openrouter_emulator, at_least=2)
    assert [body.get("stream", False) for body in bodies] == [False, True]
    assert_ledger(client, openrouter_emulator)
    await client.close()


async def test_tool_call(openrouter_emulator: Emulator) -> None:
    def get_weather(city: str) -> str:
        """The weather in a city."""
        return f"Sunny in {city}"

    model, client = _model(openrouter_emulator)
    tool = FunctionTool(get_weather, description="The weather in a city.")
    result = await model.create(_ask("What is the weather in Paris?"), tools=[tool])
    assert isinstance(result.content, list)
    call = result.content[0]
    assert isinstance(call, FunctionCall) and call.name == "get_weather"
    assert result.finish_reason == "function_calls"
    assert assert_routed(openrouter_emulator)[0]["tools"][0]["function"]["name"] == "get_weather"
    assert_ledger(client, openrouter_emulator)
    await client.close()


async def test_structured_output_through_beta_parse(openrouter_emulator: Emulator) -> None:
    model, client = _model(openrouter_emulator)
    with warnings.catch_warnings():  # AutoGen dumps the parsed completion: no "Expected `none`" serializer warning
        warnings.simplefilter("error")
        result = await model.create(_ask("Report the weather in Rome."), json_output=Weather)
    assert isinstance(result.content, str)
    Weather.model_validate_json(result.content)
    body = assert_routed(openrouter_emulator)[0]  # the beta path carries the routing defaults too (issue 13)
    assert body["response_format"]["type"] == "json_schema"
    assert_ledger(client, openrouter_emulator)
    await client.close()


async def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    model, client = _model(openrouter_emulator)
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(Exception) as caught:
        await model.create(_ask("hi"))
    assert ours(caught.value, RateLimitError).retry_after == 7
    await client.close()
