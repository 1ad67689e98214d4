"""What every integration test checks the same way: routing defaults on the wire, and the ledger."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.testing import Emulator

E = TypeVar("E", bound=BaseException)

MODEL = "openai/gpt-4o-mini"
ROUTING: dict[str, Any] = {
    "provider": {"order": ["openai", "azure"], "allow_fallbacks": False},
    "reasoning": {"effort": "low"},
}


class Weather(BaseModel):
    """The structured output the tests ask for (the emulator fills a JSON schema with placeholders)."""

    city: str
    temperature_c: float


def routed(emu: Emulator) -> OpenRouter:
    """A sync client bound to the emulator, without retries, whose every request carries ROUTING."""
    return OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0).with_routing(**ROUTING)


def async_routed(emu: Emulator) -> AsyncOpenRouter:
    """The async twin of `routed`."""
    return AsyncOpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0).with_routing(**ROUTING)


def chat_bodies(emu: Emulator) -> list[dict[str, Any]]:
    """The JSON bodies the framework sent to /chat/completions, oldest first."""
    return [request.json for request in emu.requests_to("/chat/completions")]


def assert_routed(emu: Emulator, *, at_least: int = 1) -> list[dict[str, Any]]:
    """Every chat request carried the client's routing defaults; returns the bodies."""
    bodies = chat_bodies(emu)
    assert len(bodies) >= at_least, f"expected {at_least}+ chat requests, the emulator saw {len(bodies)}"
    for body in bodies:
        assert body["provider"] == ROUTING["provider"], body
        assert body["reasoning"] == ROUTING["reasoning"], body
    return bodies


def assert_tool_round_trip(emu: Emulator, tool: str = "get_weather") -> list[dict[str, Any]]:
    """The framework offered `tool`, ran the call the emulator asked for and sent the result back, routed."""
    bodies = assert_routed(emu, at_least=2)
    assert bodies[0]["tools"][0]["function"]["name"] == tool
    assert bodies[1]["messages"][-1]["role"] == "tool"
    return bodies


def assert_ledger(client: OpenRouter | AsyncOpenRouter, emu: Emulator) -> None:
    """The client's ledger recorded every billed chat request once, at the cost the emulator charged."""
    billed = len(emu.requests_to("/chat/completions"))
    assert len(client.ledger) == billed, (len(client.ledger), billed)
    assert client.ledger.total == emu.total_cost
    assert client.ledger.total > 0


def ours(error: BaseException, kind: type[E]) -> E:
    """`error` itself, or the exception it was raised from, that is our `kind`: frameworks that wrap provider
    errors in their own classes keep ours as the cause, with OpenRouter's details."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__
    raise AssertionError(f"{error!r} is not, and was not raised from, a {kind.__name__}")
