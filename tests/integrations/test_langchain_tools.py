"""LangChain's `ChatOpenAI` beyond chat (which tests/test_langchain.py covers): tools, structured output, errors."""

from __future__ import annotations

from typing import Any

import openai
import pytest

from openrouter_compat import OpenRouter, RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, Weather, assert_ledger, assert_routed, ours, routed

langchain_openai = pytest.importorskip("langchain_openai")


def _llm(client: OpenRouter, **kwargs: Any) -> Any:
    return langchain_openai.ChatOpenAI(
        model=MODEL, api_key="unused", client=client.chat.completions, root_client=client, **kwargs
    )


def test_bound_tools(openrouter_emulator: Emulator) -> None:
    def get_weather(city: str) -> str:
        """The weather in a city."""
        return f"Sunny in {city}"

    client = routed(openrouter_emulator)
    reply = _llm(client).bind_tools([get_weather]).invoke("What is the weather in Paris?")
    assert [call["name"] for call in reply.tool_calls] == ["get_weather"]
    assert assert_routed(openrouter_emulator)[0]["tools"][0]["function"]["name"] == "get_weather"
    assert_ledger(client, openrouter_emulator)


def test_structured_output(openrouter_emulator: Emulator) -> None:
    client = routed(openrouter_emulator)
    weather = _llm(client).with_structured_output(Weather).invoke("Report the weather in Rome.")
    assert isinstance(weather, Weather)
    body = assert_routed(openrouter_emulator)[0]
    assert body["response_format"]["type"] == "json_schema"
    assert_ledger(client, openrouter_emulator)


def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    llm = _llm(routed(openrouter_emulator))
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(openai.RateLimitError) as caught:  # langchain-openai's subclass, raised from ours
        llm.invoke("hi")
    assert ours(caught.value, RateLimitError).retry_after == 7
