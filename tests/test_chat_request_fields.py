"""OpenRouter's typed request fields of `chat.completions.create` reach the wire exactly; invalid values are
refused before anything is sent, naming the field, the value and what is allowed."""

from __future__ import annotations

from typing import Any

import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter, OpenRouterValidationError
from openrouter_compat.testing import Emulator

MESSAGES: Any = [{"role": "user", "content": "hello"}]
MODEL = "openai/gpt-4o-mini"

# Every field of issue 2, each with a value exercising its full shape.
FIELDS: dict[str, Any] = {
    "provider_all": {
        "provider": {
            "order": ["anthropic", "openai"],
            "allow_fallbacks": False,
            "require_parameters": True,
            "data_collection": "deny",
            "zdr": True,
            "enforce_distillable_text": False,
            "only": ["anthropic"],
            "ignore": ["deepinfra"],
            "quantizations": ["fp8", "bf16"],
            "sort": "price",
            "max_price": {"prompt": 1, "completion": 2.5, "image": "0.01", "audio": 0, "request": 0.001},
            "preferred_min_throughput": 50,
            "preferred_max_latency": 1.5,
        }
    },
    "provider_sort_object": {"provider": {"sort": {"by": "throughput", "partition": "none"}}},
    "provider_percentiles": {
        "provider": {
            "preferred_min_throughput": {"p50": 100, "p75": 50, "p90": 20, "p99": 5},
            "preferred_max_latency": {"p50": 0.5, "p99": 3},
        }
    },
    "provider_nulls": {"provider": {"order": None, "sort": None, "max_price": None}},
    "models_route": {"models": ["anthropic/claude-sonnet-4.5", "openai/gpt-4o"], "route": "fallback"},
    "plugins": {
        "plugins": [
            {
                "id": "web",
                "enabled": True,
                "max_results": 3,
                "search_prompt": "Sources:",
                "engine": "exa",
                "include_domains": ["example.com"],
                "exclude_domains": ["spam.example"],
                "user_location": {"type": "approximate", "city": "Paris", "country": "FR"},
            },
            {"id": "file-parser", "enabled": True, "pdf": {"engine": "mistral-ocr"}},
            {"id": "response-healing"},
            {"id": "context-compression", "engine": "middle-out"},
            {"id": "moderation"},
            {"id": "web-fetch", "allowed_domains": ["docs.example"], "max_content_tokens": 2000, "max_uses": 2},
            {"id": "auto-router", "allowed_models": ["openai/*"], "cost_tier": "low", "cost_quality_tradeoff": 3},
        ]
    },
    "reasoning_effort_form": {"reasoning": {"effort": "high", "exclude": True, "summary": "detailed"}},
    "reasoning_tokens_form": {"reasoning": {"max_tokens": 2048, "enabled": True}},
    "include_reasoning": {"include_reasoning": True},
    "usage": {"usage": {"include": True}},
    "transforms": {"transforms": ["middle-out"]},
    "sampling": {"top_k": 40, "top_a": 0.2, "min_p": 0.05, "repetition_penalty": 1.1},
    "verbosity": {"verbosity": "max"},
    "debug": {"debug": {"echo_upstream_body": True}},
    "session_trace": {
        "session_id": "session-42",
        "trace": {"trace_id": "t-1", "trace_name": "chat", "span_name": "s", "parent_span_id": "p", "custom": 1},
    },
    "image_config": {"image_config": {"aspect_ratio": "16:9", "image_size": "2K"}, "modalities": ["image", "text"]},
    "cache_control": {"cache_control": {"type": "ephemeral", "ttl": "1h"}},
    "reasoning_effort_xhigh": {"reasoning_effort": "xhigh"},
    "reasoning_effort_max": {"reasoning_effort": "max"},
    "service_tier_flex": {"service_tier": "flex"},
    "service_tier_priority": {"service_tier": "priority"},
    "service_tier_auto": {"service_tier": "auto"},
}


def _sent(emu: Emulator) -> dict[str, Any]:
    body = emu.requests_to("/chat/completions")[-1].json
    assert isinstance(body, dict)
    return body


def _assert_on_wire(body: dict[str, Any], fields: dict[str, Any]) -> None:
    for key, value in fields.items():
        assert body[key] == value, key
    assert body["model"] == MODEL
    assert body["messages"] == MESSAGES


@pytest.mark.parametrize("case", sorted(FIELDS))
def test_field_reaches_the_wire(client: OpenRouter, openrouter_emulator: Emulator, case: str) -> None:
    client.chat.completions.create(model=MODEL, messages=MESSAGES, **FIELDS[case])
    _assert_on_wire(_sent(openrouter_emulator), FIELDS[case])


@pytest.mark.parametrize("case", sorted(FIELDS))
def test_field_reaches_the_wire_streaming(client: OpenRouter, openrouter_emulator: Emulator, case: str) -> None:
    with client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True, **FIELDS[case]) as stream:
        chunks = list(stream)
    assert chunks
    body = _sent(openrouter_emulator)
    assert body["stream"] is True
    _assert_on_wire(body, FIELDS[case])


@pytest.mark.parametrize("case", sorted(FIELDS))
async def test_field_reaches_the_wire_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    await async_client.chat.completions.create(model=MODEL, messages=MESSAGES, **FIELDS[case])
    _assert_on_wire(_sent(openrouter_emulator), FIELDS[case])


async def test_all_fields_together_async_stream(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    merged: dict[str, Any] = {}
    for case in ("provider_all", "plugins", "reasoning_effort_form", "sampling", "session_trace", "cache_control"):
        merged |= FIELDS[case]
    stream = await async_client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True, **merged)
    chunks = [chunk async for chunk in stream]
    assert chunks
    _assert_on_wire(_sent(openrouter_emulator), merged)


def test_openai_fields_still_sent(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    client.chat.completions.create(
        model=MODEL, messages=MESSAGES, temperature=0.3, max_tokens=20, seed=7, stop=["\n"], user="u-1"
    )
    body = _sent(openrouter_emulator)
    assert (body["temperature"], body["max_tokens"], body["seed"], body["stop"], body["user"]) == (
        0.3,
        20,
        7,
        ["\n"],
        "u-1",
    )
    for key in ("provider", "plugins", "reasoning"):
        assert key not in body  # nothing OpenRouter-specific is invented


def test_plain_dict_variables_work(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    """Values built as ordinary dicts (not annotated as our TypedDicts) are accepted at run time."""
    provider: dict[str, Any] = {"order": ["openai"], "sort": {"by": "latency"}}
    plugins: list[dict[str, Any]] = [{"id": "web", "max_results": 2}]
    client.chat.completions.create(model=MODEL, messages=MESSAGES, provider=provider, plugins=plugins)  # type: ignore[arg-type]
    body = _sent(openrouter_emulator)
    assert body["provider"] == {"order": ["openai"], "sort": {"by": "latency"}}
    assert body["plugins"] == [{"id": "web", "max_results": 2}]


# ------------------------------------------------------------------------------------------ extra_body


def test_extra_body_still_works_and_wins(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    client.chat.completions.create(
        model=MODEL,
        messages=MESSAGES,
        top_k=10,
        provider={"order": ["openai"], "allow_fallbacks": False},
        extra_body={"top_k": 20, "provider": {"allow_fallbacks": True}, "brand_new_field": {"x": 1}},
    )
    body = _sent(openrouter_emulator)
    assert body["top_k"] == 20
    assert body["provider"] == {"order": ["openai"], "allow_fallbacks": True}
    assert body["brand_new_field"] == {"x": 1}


async def test_extra_body_alone_is_not_validated_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    """`extra_body` is the escape hatch: sent as given, even values our types would refuse."""
    await async_client.chat.completions.create(
        model=MODEL, messages=MESSAGES, extra_body={"provider": {"sort": "cheapest-new-mode"}}
    )
    assert _sent(openrouter_emulator)["provider"] == {"sort": "cheapest-new-mode"}


# ------------------------------------------------------------------------------------------ validation

# (kwargs, field named in the error, fragment of what is allowed): wrong types and near-typos. Values that are
# merely unknown are sent with a warning (tests/test_forward_compat.py).
INVALID: dict[str, tuple[dict[str, Any], str, str]] = {
    "unknown_provider_key": ({"provider": {"allow_fallback": True}}, "provider.allow_fallback", "allow_fallbacks"),
    "sort_value": ({"provider": {"sort": "pric"}}, "provider.sort", "price"),
    "sort_object_key": (
        {"provider": {"sort": {"by": "price", "partiton": "none"}}},
        "provider.sort.partiton",
        "partition",
    ),
    "wrong_type_order": ({"provider": {"order": "openai"}}, "provider.order", "list"),
    "negative_max_price": ({"provider": {"max_price": {"prompt": -1}}}, "provider.max_price.prompt", "0"),
    "percentile_key": (
        {"provider": {"preferred_max_latency": {"P99": 1}}},
        "provider.preferred_max_latency.P99",
        "p99",
    ),
    "data_collection": ({"provider": {"data_collection": "dney"}}, "provider.data_collection", "deny"),
    "quantization": ({"provider": {"quantizations": ["FP8"]}}, "provider.quantizations[0]", "fp8"),
    "reasoning_effort_in_reasoning": ({"reasoning": {"effort": "hihg"}}, "reasoning.effort", "xhigh"),
    "reasoning_unknown_key": ({"reasoning": {"max_token": 10}}, "reasoning.max_token", "max_tokens"),
    "reasoning_max_tokens_negative": ({"reasoning": {"max_tokens": -5}}, "reasoning.max_tokens", "0"),
    "plugin_id": ({"plugins": [{"id": "web-fecth"}]}, "plugins[0].id", "web-fetch"),
    "plugin_option": ({"plugins": [{"id": "web", "engine": "exaa"}]}, "plugins[0].engine", "exa"),
    "plugin_unknown_option": ({"plugins": [{"id": "file-parser", "pdff": {}}]}, "plugins[0].pdff", "pdf"),
    "plugin_option_type": ({"plugins": [{"id": "auto-router", "pin_model": "yes"}]}, "plugins[0].pin_model", "bool"),
    "top_k_type": ({"top_k": "40"}, "top_k", "int"),
    "top_k_negative": ({"top_k": -1}, "top_k", "0"),
    "top_a_range": ({"top_a": 1.5}, "top_a", "1"),
    "min_p_range": ({"min_p": -0.1}, "min_p", "0"),
    "repetition_penalty_range": ({"repetition_penalty": 0}, "repetition_penalty", "0"),
    "route": ({"route": "fallbak"}, "route", "fallback"),
    "models_type": ({"models": "openai/gpt-4o"}, "models", "list"),
    "include_reasoning_type": ({"include_reasoning": "yes"}, "include_reasoning", "bool"),
    "verbosity": ({"verbosity": "medum"}, "verbosity", "medium"),
    "reasoning_effort": ({"reasoning_effort": "hgih"}, "reasoning_effort", "xhigh"),
    "service_tier": ({"service_tier": "flx"}, "service_tier", "flex"),
    "modalities": ({"modalities": ["imgae"]}, "modalities[0]", "image"),
    "cache_control_type": ({"cache_control": {"type": "persistent"}}, "cache_control.type", "ephemeral"),
    "cache_control_ttl": ({"cache_control": {"type": "ephemeral", "ttl": "1H"}}, "cache_control.ttl", "1h"),
    "session_id_too_long": ({"session_id": "x" * 300}, "session_id", "256"),
    "usage_key": ({"usage": {"inclde": True}}, "usage.inclde", "include"),
    "debug_key": ({"debug": {"echo_upstream_bdy": True}}, "debug.echo_upstream_bdy", "echo_upstream_body"),
    "transforms_type": ({"transforms": "middle-out"}, "transforms", "list"),
}


def _assert_validation_error(exc: OpenRouterValidationError, kwargs: dict[str, Any], field: str, allowed: str) -> None:
    message = str(exc)
    assert exc.field == field
    assert field in message
    assert allowed in message, f"{message!r} does not say what is allowed ({allowed!r})"
    named = f"unknown field {field.rsplit('.', 1)[-1]!r}" in message  # unknown keys are named, not their value
    assert named or f"invalid value {exc.value!r}" in message


@pytest.mark.parametrize("case", sorted(INVALID))
def test_invalid_value_is_refused_before_sending(client: OpenRouter, openrouter_emulator: Emulator, case: str) -> None:
    kwargs, field, allowed = INVALID[case]
    with pytest.raises(OpenRouterValidationError) as info:
        client.chat.completions.create(model=MODEL, messages=MESSAGES, **kwargs)
    _assert_validation_error(info.value, kwargs, field, allowed)
    with pytest.raises(OpenRouterValidationError):
        client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True, **kwargs)
    assert openrouter_emulator.requests == []


@pytest.mark.parametrize("case", sorted(INVALID))
async def test_invalid_value_is_refused_before_sending_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, case: str
) -> None:
    kwargs, field, allowed = INVALID[case]
    with pytest.raises(OpenRouterValidationError) as info:
        await async_client.chat.completions.create(model=MODEL, messages=MESSAGES, **kwargs)
    _assert_validation_error(info.value, kwargs, field, allowed)
    assert openrouter_emulator.requests == []


def test_validation_error_names_value_and_suggestion(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    with pytest.raises(OpenRouterValidationError) as info:
        client.chat.completions.create(model=MODEL, messages=MESSAGES, provider={"sort": "throughtput"})
    assert info.value.value == "throughtput"
    assert "'throughtput' (did you mean 'throughput'?)" in str(info.value)
    for allowed in ("price", "throughput", "latency"):
        assert allowed in str(info.value)
    with pytest.raises(OpenRouterValidationError) as unknown:
        client.chat.completions.create(model=MODEL, messages=MESSAGES, provider={"allow_fallback": True})
    assert "did you mean 'allow_fallbacks'" in str(unknown.value)
    assert isinstance(unknown.value, ValueError)
    assert openrouter_emulator.requests == []
