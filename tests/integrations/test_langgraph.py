"""LangGraph: a prebuilt ReAct agent whose model is LangChain's `ChatOpenAI` holding our clients."""

from __future__ import annotations

import warnings
from typing import Any

import openai
import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter, RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, assert_ledger, assert_routed, assert_tool_round_trip, async_routed, ours, routed

pytest.importorskip("langgraph")
langchain_openai = pytest.importorskip("langchain_openai")
from langchain_core.messages import AIMessageChunk  # noqa: E402
from langchain_core.tools import tool  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # moved to langchain.agents in later releases
    from langgraph.prebuilt import create_react_agent

CALLS: list[str] = []


@tool
def get_weather(city: str) -> str:
    """The weather in a city."""
    CALLS.append(city)
    return f"Sunny in {city}"


def _graph(sync: OpenRouter | None = None, aio: AsyncOpenRouter | None = None) -> Any:
    llm = langchain_openai.ChatOpenAI(
        model=MODEL,
        api_key="unused-the-clients-carry-the-key",
        client=sync.chat.completions if sync else None,
        root_client=sync,
        async_client=aio.chat.completions if aio else None,
        root_async_client=aio,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return create_react_agent(llm, [get_weather])


def test_agent_calls_the_tool_with_routing_on_every_step(openrouter_emulator: Emulator) -> None:
    CALLS.clear()
    client = routed(openrouter_emulator)
    state = _graph(sync=client).invoke({"messages": [("user", "What is the weather in Paris?")]})
    assert CALLS == ["placeholder"]  # the emulator's placeholder argument, passed through the graph
    assert [message.type for message in state["messages"]] == ["human", "ai", "tool", "ai"]
    assert state["messages"][-1].content == "Echo: What is the weather in Paris?"
    assert_tool_round_trip(openrouter_emulator)
    assert_ledger(client, openrouter_emulator)


async def test_streamed_tokens_async(openrouter_emulator: Emulator) -> None:
    client = async_routed(openrouter_emulator)
    graph = _graph(aio=client)
    pieces = [
        str(chunk.content)
        async for chunk, _meta in graph.astream({"messages": [("user", "Count to three.")]}, stream_mode="messages")
        if isinstance(chunk, AIMessageChunk)
    ]
    assert "".join(pieces) == "Echo: Count to three."
    assert all(body["stream"] is True for body in assert_routed(openrouter_emulator))
    assert_ledger(client, openrouter_emulator)
    await client.close()


def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    graph = _graph(sync=routed(openrouter_emulator))
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(openai.RateLimitError) as caught:
        graph.invoke({"messages": [("user", "hi")]})
    # langchain-openai re-raises its own subclass of openai's class, from ours: OpenRouter's details are kept.
    assert ours(caught.value, RateLimitError).retry_after == 7
