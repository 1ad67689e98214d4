"""`with_routing(...)`: OpenRouter fields set once on a client copy and sent with every request.

Precedence, lowest first: the defaults, the call's typed keyword arguments (a `provider` merges key by
key), the call's `extra_body`. Each endpoint receives only the default fields it accepts.
"""

from __future__ import annotations

from typing import Any

import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter, OpenRouterValidationError
from openrouter_compat.testing import Emulator

MESSAGES: Any = [{"role": "user", "content": "Route me"}]
MODEL = "openai/gpt-4o-mini"
DEFAULTS: dict[str, Any] = {
    "provider": {"order": ["anthropic", "openai"], "allow_fallbacks": False},
    "models": ["openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5"],
    "reasoning": {"effort": "high"},
    "plugins": [{"id": "web", "max_results": 2}],
    "transforms": ["middle-out"],
    "usage": {"include": True},
}


def _last_body(emu: Emulator, path: str) -> dict[str, Any]:
    body = emu.requests_to(path)[-1].json
    assert isinstance(body, dict)
    return body


def test_defaults_reach_every_chat_request(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    routed = client.with_routing(**DEFAULTS)
    routed.chat.completions.create(model=MODEL, messages=MESSAGES)
    body = _last_body(openrouter_emulator, "/chat/completions")
    for name, value in DEFAULTS.items():
        assert body[name] == value

    for _ in routed.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True):
        pass
    streamed = _last_body(openrouter_emulator, "/chat/completions")
    assert streamed["stream"] is True
    assert {name: streamed[name] for name in DEFAULTS} == DEFAULTS

    with routed.chat.completions.stream(model=MODEL, messages=MESSAGES) as helper:
        helper.get_final_completion()
    assert {name: _last_body(openrouter_emulator, "/chat/completions")[name] for name in DEFAULTS} == DEFAULTS


def test_the_original_client_is_unchanged(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    client.with_routing(**DEFAULTS)
    client.chat.completions.create(model=MODEL, messages=MESSAGES)
    body = _last_body(openrouter_emulator, "/chat/completions")
    assert not set(DEFAULTS) & set(body)
    assert client.openrouter_settings.request_defaults == {}


def test_per_call_values_win_and_provider_merges(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    routed = client.with_routing(**DEFAULTS)
    routed.chat.completions.create(
        model=MODEL,
        messages=MESSAGES,
        reasoning={"effort": "low"},
        provider={"order": ["openai"], "sort": "price"},
        transforms=[],
    )
    body = _last_body(openrouter_emulator, "/chat/completions")
    assert body["reasoning"] == {"effort": "low"}
    assert body["provider"] == {"order": ["openai"], "allow_fallbacks": False, "sort": "price"}
    assert body["transforms"] == []
    assert body["models"] == DEFAULTS["models"]  # untouched defaults still go


def test_extra_body_wins_over_defaults_and_keywords(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    routed = client.with_routing(**DEFAULTS)
    routed.chat.completions.create(
        model=MODEL,
        messages=MESSAGES,
        reasoning={"effort": "low"},
        provider={"sort": "price"},
        extra_body={"reasoning": {"max_tokens": 64}, "provider": {"sort": "latency"}, "route": "fallback"},
    )
    body = _last_body(openrouter_emulator, "/chat/completions")
    assert body["reasoning"] == {"max_tokens": 64}
    assert body["provider"] == {"order": ["anthropic", "openai"], "allow_fallbacks": False, "sort": "latency"}
    assert body["route"] == "fallback"


def test_defaults_are_filtered_per_endpoint(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    routed = client.with_routing(**DEFAULTS)
    routed.embeddings.create(model="openai/text-embedding-3-small", input="x")
    embedding_body = _last_body(openrouter_emulator, "/embeddings")
    assert embedding_body["provider"] == DEFAULTS["provider"]
    assert not {"reasoning", "models", "plugins", "transforms", "usage"} & set(embedding_body)

    routed.completions.create(model=MODEL, prompt="Once")
    completion_body = _last_body(openrouter_emulator, "/completions")
    assert completion_body["provider"] == DEFAULTS["provider"]
    assert completion_body["models"] == DEFAULTS["models"]

    routed.responses.create(model=MODEL, input="hi")
    responses_body = _last_body(openrouter_emulator, "/responses")
    assert responses_body["provider"] == DEFAULTS["provider"]
    assert responses_body["plugins"] == DEFAULTS["plugins"]


def test_with_routing_layers_and_keeps_other_options(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    layered = (
        client.with_options(timeout=12)
        .with_routing(provider={"order": ["anthropic"]})
        .with_routing(provider={"sort": "price"}, session_id="s-1")
    )
    assert layered.timeout == 12
    layered.chat.completions.create(model=MODEL, messages=MESSAGES)
    body = _last_body(openrouter_emulator, "/chat/completions")
    assert body["provider"] == {"order": ["anthropic"], "sort": "price"}
    assert body["session_id"] == "s-1"
    # and a copy of a routed client keeps its defaults
    layered.with_options(max_retries=1).chat.completions.create(model=MODEL, messages=MESSAGES)
    assert _last_body(openrouter_emulator, "/chat/completions")["provider"] == body["provider"]


def test_invalid_defaults_fail_at_with_routing(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with pytest.raises(OpenRouterValidationError, match="sortt"):
        client.with_routing(provider={"sortt": "price"})  # type: ignore[typeddict-unknown-key]
    with pytest.raises(OpenRouterValidationError, match="effort"):
        client.with_routing(reasoning={"effort": "hihg"})
    with pytest.raises(OpenRouterValidationError, match="did you mean 'session_id'"):
        client.with_routing(sesion_id="s")
    assert openrouter_emulator.requests == []


async def test_async_defaults_and_overrides(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    routed = async_client.with_routing(**DEFAULTS)
    assert isinstance(routed, AsyncOpenRouter)
    await routed.chat.completions.create(model=MODEL, messages=MESSAGES, provider={"sort": "throughput"})
    body = _last_body(openrouter_emulator, "/chat/completions")
    assert body["provider"] == {**DEFAULTS["provider"], "sort": "throughput"}
    assert body["reasoning"] == DEFAULTS["reasoning"]
    stream = await routed.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
    async for _ in stream:
        pass
    assert {name: _last_body(openrouter_emulator, "/chat/completions")[name] for name in DEFAULTS} == DEFAULTS
    await routed.embeddings.create(model="openai/text-embedding-3-small", input="x")
    assert "reasoning" not in _last_body(openrouter_emulator, "/embeddings")
