"""guidance: a `Model` over guidance's own OpenAI interpreter, given our client instead of a plain `openai.OpenAI`.

guidance builds its client inside `guidance.models.OpenAI`; the interpreter classes it is made of take any
client through `OpenAIClientWrapper`, which calls `client.chat.completions.create(..., stream=True)`.
"""

from __future__ import annotations

from typing import Any

import pytest

from openrouter_compat import OpenRouter, RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, Weather, assert_ledger, assert_routed, ours, routed

guidance = pytest.importorskip("guidance")
from guidance import assistant, gen, user  # noqa: E402
from guidance._schema import SamplingParams  # noqa: E402
from guidance.models import Model  # noqa: E402
from guidance.models._openai_base import (  # noqa: E402
    BaseOpenAIInterpreter,
    OpenAIClientWrapper,
    OpenAIJSONMixin,
    OpenAIRegexMixin,
    OpenAIRuleMixin,
)


class OpenRouterInterpreter(OpenAIRuleMixin, OpenAIJSONMixin, OpenAIRegexMixin, BaseOpenAIInterpreter):
    """guidance's OpenAI interpreter (as `guidance.models.OpenAI` builds it), over the client given."""

    def __init__(self, model: str, client: OpenRouter) -> None:
        super().__init__(model=model, client=OpenAIClientWrapper(client))


def _lm(client: OpenRouter) -> Any:
    return Model(interpreter=OpenRouterInterpreter(MODEL, client), sampling_params=SamplingParams(), echo=False)


def test_gen_and_json_stream_with_routing(openrouter_emulator: Emulator) -> None:
    client = routed(openrouter_emulator)
    lm = _lm(client)
    with user():
        lm += "Say hello."
    with assistant():
        lm += gen(name="answer")
    assert lm["answer"] == "Echo: Say hello."
    with user():
        lm += "Report the weather in Rome."
    with assistant():
        lm += guidance.json(name="weather", schema=Weather)
    Weather.model_validate_json(lm["weather"])
    bodies = assert_routed(openrouter_emulator, at_least=2)
    assert all(body["stream"] is True for body in bodies)  # guidance always streams
    assert bodies[1]["response_format"]["type"] == "json_schema"
    assert_ledger(client, openrouter_emulator)


def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    lm = _lm(routed(openrouter_emulator))
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(Exception) as caught:
        with user():
            lm += "hi"
        with assistant():
            lm += gen(name="answer")
    assert ours(caught.value, RateLimitError).retry_after == 7
