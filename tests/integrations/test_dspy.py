"""DSPy: a `dspy.BaseLM` whose forward()/aforward() call our client (the class the docs page shows).

Run in CI by `dev.py integrations-heavy` (in `.venv-heavy`); `dspy.streamify` needs LiteLLM's own streaming,
so streaming is not covered (docs/integrations/dspy.md says so)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter, RateLimitError
from openrouter_compat.testing import Emulator, Fault, Reply

from .support import MODEL, assert_ledger, assert_routed, async_routed, ours, routed

dspy = pytest.importorskip("dspy")

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # DSPy 3.4 deprecates forward() (removal: 3.5)


class OpenRouterLM(dspy.BaseLM):  # type: ignore[misc]
    """DSPy's language-model interface over an OpenRouter client (sync, async, or both)."""

    def __init__(
        self, model: str, client: OpenRouter | None = None, aclient: AsyncOpenRouter | None = None, **kwargs: Any
    ) -> None:
        super().__init__(model=model, cache=False, **kwargs)
        self.client, self.aclient = client, aclient

    @property
    def supports_response_schema(self) -> bool:
        return True

    @property
    def supported_params(self) -> set[str]:
        return {"response_format"}

    def _params(self, prompt: str | None, messages: list[Any] | None, kwargs: dict[str, Any]) -> dict[str, Any]:
        params = {key: value for key, value in {**self.kwargs, **kwargs}.items() if value is not None}
        return {"model": self.model, "messages": messages or [{"role": "user", "content": prompt}], **params}

    def forward(self, prompt: str | None = None, messages: list[Any] | None = None, **kwargs: Any) -> Any:
        assert self.client is not None
        params = self._params(prompt, messages, kwargs)
        if isinstance(params.get("response_format"), type):  # a pydantic model: structured output
            return self.client.chat.completions.parse(**params)
        return self.client.chat.completions.create(**params)

    async def aforward(self, prompt: str | None = None, messages: list[Any] | None = None, **kwargs: Any) -> Any:
        assert self.aclient is not None
        params = self._params(prompt, messages, kwargs)
        if isinstance(params.get("response_format"), type):
            return await self.aclient.chat.completions.parse(**params)
        return await self.aclient.chat.completions.create(**params)


def test_lm_call_carries_routing(openrouter_emulator: Emulator) -> None:
    client = routed(openrouter_emulator)
    lm = OpenRouterLM(MODEL, client)
    assert lm("Say hello.") == ["Echo: Say hello."]
    assert lm.history[-1]["usage"]["total_tokens"] > 0
    assert_routed(openrouter_emulator)
    assert_ledger(client, openrouter_emulator)


def test_typed_signature_is_structured_output(openrouter_emulator: Emulator) -> None:
    client = routed(openrouter_emulator)
    predict = dspy.Predict("question -> answer: int")
    with dspy.context(lm=OpenRouterLM(MODEL, client), adapter=dspy.JSONAdapter()):
        prediction = predict(question="What is 2 + 2?")
    assert isinstance(prediction.answer, int)
    body = assert_routed(openrouter_emulator)[0]
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"]["properties"]["answer"]["type"] == "integer"
    assert_ledger(client, openrouter_emulator)


async def test_async_program(openrouter_emulator: Emulator) -> None:
    aclient = async_routed(openrouter_emulator)
    predict = dspy.Predict("question -> answer: int")
    with dspy.context(lm=OpenRouterLM(MODEL, aclient=aclient), adapter=dspy.JSONAdapter()):
        prediction = await predict.acall(question="What is 2 + 2?")
    assert isinstance(prediction.answer, int)
    assert_routed(openrouter_emulator)
    assert_ledger(aclient, openrouter_emulator)
    await aclient.close()


def test_react_agent_calls_the_tool(openrouter_emulator: Emulator) -> None:
    calls: list[str] = []

    def get_weather(city: str) -> str:
        """The weather in a city."""
        calls.append(city)
        return f"Sunny in {city}"

    client = routed(openrouter_emulator)
    route = openrouter_emulator.route("/chat/completions")  # ReAct's JSON turns, scripted: call, finish, answer
    for turn in (
        {"next_thought": "Look it up.", "next_tool_name": "get_weather", "next_tool_args": {"city": "Paris"}},
        {"next_thought": "I know it.", "next_tool_name": "finish", "next_tool_args": {}},
        {"reasoning": "The tool said so.", "answer": "Sunny"},
    ):
        route.respond(Reply.text(json.dumps(turn)), times=1)
    react = dspy.ReAct("question -> answer", tools=[get_weather], max_iters=3)
    with dspy.context(lm=OpenRouterLM(MODEL, client), adapter=dspy.JSONAdapter()):
        prediction = react(question="What is the weather in Paris?")
    assert calls == ["Paris"]
    assert prediction.answer == "Sunny"
    bodies = assert_routed(openrouter_emulator, at_least=3)
    assert "Sunny in Paris" in bodies[1]["messages"][-1]["content"]  # the tool's result went back to the model
    assert_ledger(client, openrouter_emulator)


def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    lm = OpenRouterLM(MODEL, routed(openrouter_emulator), num_retries=0)
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(Exception) as caught:
        lm("hi")
    assert ours(caught.value, RateLimitError).retry_after == 7
