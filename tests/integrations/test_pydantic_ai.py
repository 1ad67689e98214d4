"""Pydantic AI (`pydantic-ai-slim[openai]`): `OpenAIChatModel` over an `OpenAIProvider` holding our client."""

from __future__ import annotations

import pytest

from openrouter_compat import AsyncOpenRouter, RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, Weather, assert_ledger, assert_routed, assert_tool_round_trip, async_routed

pydantic_ai = pytest.importorskip("pydantic_ai")
from pydantic_ai.exceptions import ModelHTTPError  # noqa: E402
from pydantic_ai.models.openai import OpenAIChatModel  # noqa: E402
from pydantic_ai.providers.openai import OpenAIProvider  # noqa: E402


def _agent(emu: Emulator, **kwargs: object) -> tuple[pydantic_ai.Agent[None, object], AsyncOpenRouter]:
    client = async_routed(emu)
    model = OpenAIChatModel(MODEL, provider=OpenAIProvider(openai_client=client))
    return pydantic_ai.Agent(model, instructions="Be brief.", **kwargs), client


async def test_run_carries_routing_and_fills_the_ledger(openrouter_emulator: Emulator) -> None:
    agent, client = _agent(openrouter_emulator)
    result = await agent.run("Say hello.")
    assert result.output == "Echo: Say hello."
    assert_routed(openrouter_emulator)
    assert_ledger(client, openrouter_emulator)


async def test_streamed_run(openrouter_emulator: Emulator) -> None:
    agent, client = _agent(openrouter_emulator)
    async with agent.run_stream("Count to three.") as result:
        pieces = [piece async for piece in result.stream_text(delta=True, debounce_by=None)]
    assert "".join(pieces) == "Echo: Count to three."
    bodies = assert_routed(openrouter_emulator)
    assert bodies[0]["stream"] is True
    assert_ledger(client, openrouter_emulator)


async def test_tool_round_trip(openrouter_emulator: Emulator) -> None:
    agent, client = _agent(openrouter_emulator)
    calls: list[str] = []

    @agent.tool_plain
    def get_weather(city: str) -> str:
        """The weather in a city."""
        calls.append(city)
        return f"Sunny in {city}"

    result = await agent.run("What is the weather in Paris?")
    assert len(calls) == 1
    assert_tool_round_trip(openrouter_emulator)
    assert result.output
    assert_ledger(client, openrouter_emulator)


async def test_structured_output(openrouter_emulator: Emulator) -> None:
    agent, client = _agent(openrouter_emulator, output_type=Weather)
    result = await agent.run("Report the weather in Rome.")
    assert isinstance(result.output, Weather)
    assert_routed(openrouter_emulator)
    assert_ledger(client, openrouter_emulator)


def test_sync_run(openrouter_emulator: Emulator) -> None:
    agent, client = _agent(openrouter_emulator)
    assert agent.run_sync("Say hi.").output == "Echo: Say hi."
    assert_routed(openrouter_emulator)
    assert_ledger(client, openrouter_emulator)


async def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    agent, _ = _agent(openrouter_emulator)
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(ModelHTTPError) as caught:
        await agent.run("hi")
    assert caught.value.status_code == 429
    cause = caught.value.__cause__
    assert isinstance(cause, RateLimitError)  # ours, with OpenRouter's details, kept as the cause
    assert cause.retry_after == 7
