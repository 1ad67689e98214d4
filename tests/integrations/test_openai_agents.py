"""OpenAI Agents SDK (`openai-agents`): `OpenAIChatCompletionsModel` driven with our `AsyncOpenRouter`."""

from __future__ import annotations

import pytest

from openrouter_compat import RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, ROUTING, Weather, assert_ledger, assert_routed, assert_tool_round_trip, async_routed

agents = pytest.importorskip("agents")


@pytest.fixture(autouse=True)
def _no_tracing() -> None:
    agents.set_tracing_disabled(True)  # the SDK would export traces to OpenAI otherwise


def _agent(emu: Emulator, **kwargs: object) -> tuple[object, object]:
    client = async_routed(emu)
    model = agents.OpenAIChatCompletionsModel(model=MODEL, openai_client=client)
    return agents.Agent(name="assistant", instructions="Be brief.", model=model, **kwargs), client


async def test_run_carries_routing_and_fills_the_ledger(openrouter_emulator: Emulator) -> None:
    agent, client = _agent(openrouter_emulator)
    result = await agents.Runner.run(agent, "Say hello.")
    assert result.final_output == "Echo: Say hello."
    assert_routed(openrouter_emulator, at_least=1)
    assert_ledger(client, openrouter_emulator)


async def test_streamed_run(openrouter_emulator: Emulator) -> None:
    agent, client = _agent(openrouter_emulator)
    result = agents.Runner.run_streamed(agent, "Count to three.")
    deltas = [
        event.data.delta
        async for event in result.stream_events()
        if event.type == "raw_response_event" and event.data.type == "response.output_text.delta"
    ]
    assert "".join(deltas) == "Echo: Count to three."
    assert result.final_output == "Echo: Count to three."
    bodies = assert_routed(openrouter_emulator)
    assert all(body["stream"] is True for body in bodies)
    assert_ledger(client, openrouter_emulator)


async def test_function_tool_round_trip(openrouter_emulator: Emulator) -> None:
    calls: list[str] = []

    @agents.function_tool
    def get_weather(city: str) -> str:
        """The weather in a city."""
        calls.append(city)
        return f"Sunny in {city}"

    agent, client = _agent(openrouter_emulator, tools=[get_weather])
    result = await agents.Runner.run(agent, "What is the weather in Paris?")
    assert len(calls) == 1  # the emulator asked for the tool once, the SDK ran it
    assert_tool_round_trip(openrouter_emulator)
    assert result.final_output
    assert_ledger(client, openrouter_emulator)


async def test_structured_output(openrouter_emulator: Emulator) -> None:
    agent, client = _agent(openrouter_emulator, output_type=Weather)
    result = await agents.Runner.run(agent, "Report the weather in Rome.")
    assert isinstance(result.final_output, Weather)
    body = assert_routed(openrouter_emulator)[0]
    assert body["response_format"]["type"] == "json_schema"
    assert_ledger(client, openrouter_emulator)


async def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    agent, _ = _agent(openrouter_emulator)
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(RateLimitError) as caught:
        await agents.Runner.run(agent, "hi")
    assert caught.value.retry_after == 7


async def test_responses_model_carries_routing(openrouter_emulator: Emulator) -> None:
    client = async_routed(openrouter_emulator)
    model = agents.OpenAIResponsesModel(model=MODEL, openai_client=client)
    agent = agents.Agent(name="assistant", instructions="Be brief.", model=model)
    assert (await agents.Runner.run(agent, "Say hello.")).final_output == "Echo: Say hello."
    streamed = agents.Runner.run_streamed(agent, "Count to three.")
    async for _ in streamed.stream_events():
        pass
    assert streamed.final_output == "Echo: Count to three."
    bodies = [request.json for request in openrouter_emulator.requests_to("/responses")]
    assert [body.get("stream", False) for body in bodies] == [False, True]
    assert all(body["provider"] == ROUTING["provider"] for body in bodies)
    assert len(client.ledger) == 2
    assert client.ledger.total == openrouter_emulator.total_cost
