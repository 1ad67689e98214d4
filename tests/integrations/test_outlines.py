"""Outlines: `outlines.from_openai(client, model)` with our clients; structured output as JSON schema."""

from __future__ import annotations

import pytest

from openrouter_compat import RateLimitError
from openrouter_compat.testing import Emulator, Fault

from .support import MODEL, Weather, assert_ledger, assert_routed, async_routed, ours, routed

outlines = pytest.importorskip("outlines")


def test_generate_stream_and_structured(openrouter_emulator: Emulator) -> None:
    client = routed(openrouter_emulator)
    model = outlines.from_openai(client, MODEL)
    assert model("Say hello.") == "Echo: Say hello."
    assert "".join(model.stream("Count to three.")) == "Echo: Count to three."
    weather = Weather.model_validate_json(model("Report the weather in Rome.", Weather))
    assert isinstance(weather.temperature_c, float)
    bodies = assert_routed(openrouter_emulator, at_least=3)
    assert [body.get("stream", False) for body in bodies] == [False, True, False]
    assert bodies[2]["response_format"]["type"] == "json_schema"
    assert_ledger(client, openrouter_emulator)


async def test_async_model(openrouter_emulator: Emulator) -> None:
    client = async_routed(openrouter_emulator)
    model = outlines.from_openai(client, MODEL)
    assert await model("Say hello.") == "Echo: Say hello."
    pieces = [piece async for piece in model.stream("Count to three.")]
    assert "".join(pieces) == "Echo: Count to three."
    assert_routed(openrouter_emulator, at_least=2)
    assert_ledger(client, openrouter_emulator)
    await client.close()


def test_typed_error_surfaces(openrouter_emulator: Emulator) -> None:
    model = outlines.from_openai(routed(openrouter_emulator), MODEL)
    openrouter_emulator.queue("/chat/completions", Fault.rate_limited(retry_after=7))
    with pytest.raises(Exception) as caught:  # outlines.exceptions.RateLimitError, raised from ours
        model("hi")
    assert ours(caught.value, RateLimitError).retry_after == 7
