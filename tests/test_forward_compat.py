"""The validation contract (docs/forward-compatibility.md), end to end against the emulator, sync and async:
what is merely new reaches the wire exactly as given, with one warning; wrong types, unsendable values and
near-typos are refused before anything is sent; `validation="strict"` and `"off"` change exactly that."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from openrouter_compat import (
    AsyncOpenRouter,
    OpenRouter,
    OpenRouterUnknownFieldWarning,
    OpenRouterValidationError,
    _extras,
)
from openrouter_compat.testing import Emulator

MESSAGES: Any = [{"role": "user", "content": "hello"}]
MODEL = "openai/gpt-4o-mini"


@pytest.fixture(autouse=True)
def _fresh_warnings() -> Iterator[None]:
    """Each test sees its own first warning (the once-per-field-and-value memory is process-wide)."""
    _extras._WARNED.clear()
    yield
    _extras._WARNED.clear()


# Known (typed) since the 2026 specs: sent as given, no warning.
KNOWN: dict[str, dict[str, Any]] = {
    "auto_router_pin_model": {"plugins": [{"id": "auto-router", "pin_model": True, "cost_tier": "max"}]},
    "auto_beta_router": {"plugins": [{"id": "auto-beta-router", "allowed_models": ["openai/*"], "cost_tier": "low"}]},
    "pareto_router": {"plugins": [{"id": "pareto-router", "max_price": 5, "price_source": "weighted_avg"}]},
    "fusion": {
        "plugins": [
            {
                "id": "fusion",
                "analysis_models": ["~openai/gpt-latest"],
                "preset": "general-fast",
                "tools": [{"type": "openrouter:web_search", "parameters": {"max_results": 3}}],
            }
        ]
    },
    "provider_options": {"provider": {"options": {"anthropic": {"beta": ["x"], "n": 1}}}},
    "stop_server_tools_when": {
        "stop_server_tools_when": [
            {"type": "step_count_is", "step_count": 5},
            {"type": "has_tool_call", "tool_name": "openrouter:web_fetch"},
            {"type": "max_tokens_used", "max_tokens": 2000},
            {"type": "max_cost", "max_cost_in_dollars": 0.5},
            {"type": "finish_reason_is", "reason": "length"},
        ]
    },
    "server_tools": {
        "tools": [
            {
                "type": "openrouter:web_search",
                "parameters": {
                    "engine": "exa",
                    "max_results": 5,
                    "search_context_size": "high",
                    "allowed_domains": ["example.com"],
                    "user_location": {"type": "approximate", "city": "Paris"},
                },
            },
            {"type": "openrouter:web_fetch", "parameters": {"max_uses": 2}},
            {"type": "openrouter:datetime", "parameters": {"timezone": "Europe/Paris"}},
            {"type": "openrouter:image_generation", "parameters": {"model": "x", "aspect_ratio": "16:9"}},
            {"type": "openrouter:bash", "parameters": {"environment": {"type": "container_auto"}}},
            {"type": "openrouter:experimental__search_models"},
        ],
        "tool_choice": {"type": "openrouter:web_search"},
    },
    "function_tool_cache_control": {
        "tools": [
            {
                "type": "function",
                "function": {"name": "f", "parameters": {"type": "object", "properties": {}}},
                "cache_control": {"type": "ephemeral", "ttl": "1h"},
            }
        ]
    },
}

# Newer than this client: sent as given, with a warning naming the field.
NEW: dict[str, tuple[dict[str, Any], str]] = {
    "sort_value": ({"provider": {"sort": "cheapest-new-mode"}}, "provider.sort"),
    "provider_key": ({"provider": {"brand_new_preference": {"a": 1}}}, "provider.brand_new_preference"),
    "plugin_id": ({"plugins": [{"id": "jev-router", "level": 3}]}, "plugins[0].id"),
    "plugin_engine": ({"plugins": [{"id": "web", "engine": "x_search"}]}, "plugins[0].engine"),
    "reasoning_effort": ({"reasoning": {"effort": "ultra"}}, "reasoning.effort"),
    "tool_type": ({"tools": [{"type": "openrouter:brand_new_tool", "parameters": {"k": 1}}]}, "tools[0].type"),
    "tool_option": (
        {"tools": [{"type": "openrouter:web_search", "parameters": {"freshness": "day"}}]},
        "tools[0].parameters.freshness",
    ),
    "stop_condition": (
        {"stop_server_tools_when": [{"type": "wall_clock", "seconds": 30}]},
        "stop_server_tools_when[0].type",
    ),
}

# Refused before sending: (kwargs, field named).
REFUSED: dict[str, tuple[dict[str, Any], str]] = {
    "typo_key": ({"provider": {"sortt": "price"}}, "provider.sortt"),
    "typo_value": ({"provider": {"sort": "latncy"}}, "provider.sort"),
    "typo_plugin": ({"plugins": [{"id": "auto-routr"}]}, "plugins[0].id"),
    "typo_tool": ({"tools": [{"type": "openrouter:web_serch"}]}, "tools[0].type"),
    "wrong_type_pin_model": ({"plugins": [{"id": "auto-router", "pin_model": "yes"}]}, "plugins[0].pin_model"),
    "wrong_type_tool_option": (
        {"tools": [{"type": "openrouter:web_search", "parameters": {"max_results": "5"}}]},
        "tools[0].parameters.max_results",
    ),
    "wrong_type_stop": (
        {"stop_server_tools_when": [{"type": "step_count_is", "step_count": "5"}]},
        "stop_server_tools_when[0].step_count",
    ),
    "infinity": ({"provider": {"max_price": {"prompt": math.inf}}}, "provider.max_price.prompt"),
    "nan": ({"provider": {"preferred_max_latency": math.nan}}, "provider.preferred_max_latency"),
    "lone_surrogate": ({"session_id": "abc\ud800"}, "session_id"),
    "decimal": ({"provider": {"max_price": {"prompt": Decimal("0.5")}}}, "provider.max_price.prompt"),
}


def _body(emu: Emulator, path: str = "/chat/completions") -> dict[str, Any]:
    body = emu.requests_to(path)[-1].json
    assert isinstance(body, dict)
    return body


def _on_wire(body: dict[str, Any], fields: dict[str, Any]) -> None:
    for key, value in fields.items():
        assert body[key] == value, key


@pytest.mark.parametrize("case", sorted(KNOWN))
def test_known_fields_are_sent_without_warning(client: OpenRouter, openrouter_emulator: Emulator, case: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        client.chat.completions.create(model=MODEL, messages=MESSAGES, **KNOWN[case])
    _on_wire(_body(openrouter_emulator), KNOWN[case])


@pytest.mark.parametrize("case", sorted(KNOWN))
async def test_known_fields_are_sent_without_warning_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        stream = await async_client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True, **KNOWN[case])
        assert [chunk async for chunk in stream]
    _on_wire(_body(openrouter_emulator), KNOWN[case])


@pytest.mark.parametrize("case", sorted(NEW))
def test_new_values_are_sent_as_given_with_a_warning(
    client: OpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    fields, field = NEW[case]
    with pytest.warns(OpenRouterUnknownFieldWarning) as record:
        client.chat.completions.create(model=MODEL, messages=MESSAGES, **fields)
    _on_wire(_body(openrouter_emulator), fields)
    assert [w.message.field for w in record.list if isinstance(w.message, OpenRouterUnknownFieldWarning)] == [field]
    assert record.list[0].filename == __file__, "the warning points at the caller's line"


@pytest.mark.parametrize("case", sorted(NEW))
async def test_new_values_are_sent_as_given_with_a_warning_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    fields, field = NEW[case]
    with pytest.warns(OpenRouterUnknownFieldWarning, match=field.replace("[", r"\[").replace("]", r"\]")):
        await async_client.chat.completions.create(model=MODEL, messages=MESSAGES, **fields)
    _on_wire(_body(openrouter_emulator), fields)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_mistakes_are_refused_before_sending(client: OpenRouter, openrouter_emulator: Emulator, case: str) -> None:
    fields, field = REFUSED[case]
    with pytest.raises(OpenRouterValidationError) as info:
        client.chat.completions.create(model=MODEL, messages=MESSAGES, **fields)
    assert info.value.field == field
    assert str(info.value).startswith(f"{field}: ")
    with pytest.raises(OpenRouterValidationError):
        client.chat.completions.stream(model=MODEL, messages=MESSAGES, **fields)
    assert openrouter_emulator.requests == []


@pytest.mark.parametrize("case", sorted(REFUSED))
async def test_mistakes_are_refused_before_sending_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    fields, field = REFUSED[case]
    with pytest.raises(OpenRouterValidationError) as info:
        await async_client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True, **fields)
    assert info.value.field == field
    assert openrouter_emulator.requests == []


def test_typos_say_what_was_meant(client: OpenRouter) -> None:
    for fields, expected in [
        (REFUSED["typo_key"][0], "did you mean 'sort'?"),
        (REFUSED["typo_value"][0], "did you mean 'latency'?"),
        (REFUSED["typo_plugin"][0], "did you mean 'auto-router'?"),
        (REFUSED["typo_tool"][0], "did you mean 'openrouter:web_search'?"),
    ]:
        with pytest.raises(OpenRouterValidationError, match=expected):
            client.chat.completions.create(model=MODEL, messages=MESSAGES, **fields)


def test_unsendable_values_say_why(client: OpenRouter) -> None:
    with pytest.raises(OpenRouterValidationError, match="infinity or NaN"):
        client.chat.completions.create(model=MODEL, messages=MESSAGES, **REFUSED["infinity"][0])
    with pytest.raises(OpenRouterValidationError, match="surrogate"):
        client.chat.completions.create(model=MODEL, messages=MESSAGES, **REFUSED["lone_surrogate"][0])
    with pytest.raises(OpenRouterValidationError, match="Decimal"):
        client.chat.completions.create(model=MODEL, messages=MESSAGES, **REFUSED["decimal"][0])


def test_each_field_and_value_warns_once(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        for _ in range(3):
            client.chat.completions.create(model=MODEL, messages=MESSAGES, provider={"sort": "newest"})
        client.chat.completions.create(model=MODEL, messages=MESSAGES, provider={"sort": "oldest"})
    unknown = [w.message for w in record if isinstance(w.message, OpenRouterUnknownFieldWarning)]
    assert [(w.field, w.value) for w in unknown] == [("provider.sort", "newest"), ("provider.sort", "oldest")]
    assert [r.json["provider"] for r in openrouter_emulator.requests_to("/chat/completions")] == [
        {"sort": "newest"}
    ] * 3 + [{"sort": "oldest"}]


@pytest.mark.parametrize("case", sorted(NEW))
def test_strict_refuses_what_is_new(openrouter_emulator: Emulator, case: str) -> None:
    fields, field = NEW[case]
    with OpenRouter(
        api_key=openrouter_emulator.api_key, base_url=openrouter_emulator.base_url, validation="strict"
    ) as strict:
        with pytest.raises(OpenRouterValidationError, match="validation='strict'") as info:
            strict.chat.completions.create(model=MODEL, messages=MESSAGES, **fields)
        assert info.value.field == field
        with pytest.raises(OpenRouterValidationError):
            strict.with_options(timeout=5).responses.create(model=MODEL, input="hi", **fields)
    assert openrouter_emulator.requests == []


async def test_off_sends_everything_unchecked_async(openrouter_emulator: Emulator) -> None:
    async with AsyncOpenRouter(
        api_key=openrouter_emulator.api_key, base_url=openrouter_emulator.base_url, validation="off"
    ) as off:
        with warnings.catch_warnings():
            warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
            await off.chat.completions.create(model=MODEL, messages=MESSAGES, provider={"sortt": "price"})
            await off.responses.create(model=MODEL, input="hi", plugins=[{"id": "webb"}])
    assert _body(openrouter_emulator)["provider"] == {"sortt": "price"}
    assert _body(openrouter_emulator, "/responses")["plugins"] == [{"id": "webb"}]


def test_validation_option_is_checked() -> None:
    with pytest.raises(ValueError, match="strict, warn, off"):
        OpenRouter(api_key="sk-or-test", validation="loose")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------------- responses

RESPONSES_KNOWN: dict[str, Any] = {
    "cache_control": {"type": "ephemeral", "ttl": "5m"},
    "debug": {"echo_upstream_body": True},
    "image_config": {"aspect_ratio": "1:1"},
    "modalities": ["text", "image"],
    "top_k": 40,
    "frequency_penalty": 0.5,
    "presence_penalty": -0.5,
    "stop_server_tools_when": [{"type": "step_count_is", "step_count": 3}],
    "tools": [
        {"type": "function", "name": "f", "parameters": {"type": "object", "properties": {}}},
        {"type": "web_search", "search_context_size": "low"},
        {"type": "openrouter:web_search", "parameters": {"max_results": 2}},
        {"type": "openrouter:shell", "parameters": {"engine": "openrouter"}},
    ],
    "tool_choice": {"type": "openrouter:web_search"},
}


def test_responses_new_kwargs_reach_the_wire(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        client.responses.create(model=MODEL, input="hi", **RESPONSES_KNOWN)
    _on_wire(_body(openrouter_emulator, "/responses"), RESPONSES_KNOWN)


async def test_responses_new_kwargs_reach_the_wire_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", OpenRouterUnknownFieldWarning)
        stream = await async_client.responses.create(model=MODEL, input="hi", stream=True, **RESPONSES_KNOWN)
        assert [event async for event in stream]
    _on_wire(_body(openrouter_emulator, "/responses"), RESPONSES_KNOWN)


@pytest.mark.parametrize("case", sorted(NEW))
async def test_responses_new_values_sent_with_warning_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    fields, _ = NEW[case]
    with pytest.warns(OpenRouterUnknownFieldWarning):
        await async_client.responses.create(model=MODEL, input="hi", **fields)
    _on_wire(_body(openrouter_emulator, "/responses"), fields)


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_responses_mistakes_refused_before_sending(
    client: OpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    fields, field = REFUSED[case]
    with pytest.raises(OpenRouterValidationError) as info:
        client.responses.create(model=MODEL, input="hi", **fields)
    assert info.value.field == field
    assert openrouter_emulator.requests == []


# --------------------------------------------------------------------------------------- opt-in headers


def test_router_metadata_and_cache_opt_ins_are_sent(openrouter_emulator: Emulator) -> None:
    with OpenRouter(
        api_key=openrouter_emulator.api_key,
        base_url=openrouter_emulator.base_url,
        router_metadata=True,
        response_cache=True,
    ) as opted:
        opted.chat.completions.create(model=MODEL, messages=MESSAGES)
        opted.with_options(timeout=5).responses.create(model=MODEL, input="hi")
    for path in ("/chat/completions", "/responses"):
        headers = openrouter_emulator.requests_to(path)[-1].headers
        assert headers.get("x-openrouter-metadata") == "enabled"
        assert headers.get("x-openrouter-cache") == "true"


async def test_opt_ins_are_off_by_default_and_cache_can_opt_out_async(openrouter_emulator: Emulator) -> None:
    async with AsyncOpenRouter(
        api_key=openrouter_emulator.api_key, base_url=openrouter_emulator.base_url, response_cache=False
    ) as client:
        await client.chat.completions.create(model=MODEL, messages=MESSAGES)
    headers = openrouter_emulator.requests_to("/chat/completions")[-1].headers
    assert headers.get("x-openrouter-cache") == "false"
    assert headers.get("x-openrouter-metadata") is None
