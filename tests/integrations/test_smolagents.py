"""smolagents: `OpenAIModel` given our client (`client=`), alone and inside a `ToolCallingAgent`."""

from __future__ import annotations

import pytest

from openrouter_compat import RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, assert_ledger, assert_routed, routed

smolagents = pytest.importorskip("smolagents")
from smolagents import tool  # noqa: E402
from smolagents.agents import AgentGenerationError  # noqa: E402

CALLS: list[str] = []


@tool
def get_weather(city: str) -> str:
    """The weather in a city.

    Args:
        city: The city to look up.
    """
    CALLS.append(city)
    return f"Sunny in {city}"


def _model(emu: Emulator) -> tuple[smolagents.OpenAIModel, object]:
    client = routed(emu)
    return smolagents.OpenAIModel(model_id=MODEL, client=client, retry=False), client


def test_generate_and_stream(openrouter_emulator: Emulator) -> None:
    model, client = _model(openrouter_emulator)
    message = model.generate([{"role": "user", "content": [{"type": "text", "text": "Say hello."}]}])
    assert message.content == "Echo: Say hello."
    assert message.token_usage is not None and message.token_usage.output_tokens > 0
    deltas = list(model.generate_stream([{"role": "user", "content": [{"type": "text", "text": "Count to three."}]}]))
    assert "".join(delta.content or "" for delta in deltas) == "Echo: Count to three."
    bodies = assert_routed(openrouter_emulator, at_least=2)
    assert [body.get("stream", False) for body in bodies] == [False, True]
    assert_ledger(client, openrouter_emulator)


def test_tool_calling_agent(openrouter_emulator: Emulator) -> None:
    CALLS.clear()
    model, client = _model(openrouter_emulator)
    # The emulator answers a weather question with a call to the first tool on every step, so the agent runs
    # out of steps and asks for a final answer without tools: two tool calls, then the answer.
    agent = smolagents.ToolCallingAgent(tools=[get_weather], model=model, max_steps=2, verbosity_level=0)
    answer = agent.run("What is the weather in Paris?")
    assert CALLS == ["placeholder", "placeholder"]
    bodies = assert_routed(openrouter_emulator, at_least=3)
    assert [tool["function"]["name"] for tool in bodies[0]["tools"]] == ["get_weather", "final_answer"]
    assert "Sunny in placeholder" in str(bodies[1]["messages"])  # the observation went back to the model
    assert "Echo:" in str(answer)
    assert_ledger(client, openrouter_emulator)


def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    model, _ = _model(openrouter_emulator)
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(RateLimitError) as caught:
        model.generate([{"role": "user", "content": [{"type": "text", "text": "hi"}]}])
    assert caught.value.retry_after == 7

    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    agent = smolagents.ToolCallingAgent(tools=[], model=model, max_steps=1, verbosity_level=0)
    with pytest.raises(AgentGenerationError) as wrapped:
        agent.run("hi")
    assert isinstance(wrapped.value.__cause__, RateLimitError)  # the agent wraps ours, and keeps it
