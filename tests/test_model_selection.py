"""`lib/model_selection.py`: `cheapest_model` and `estimate_cost` on hand-built models, and on the emulator's
catalogue listed with the sync and the async client."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.lib.model_selection import NoModelMatchesError, cheapest_model, estimate_cost
from openrouter_compat.types.model import Model, Pricing
from openrouter_compat.types.model_endpoints import ModelEndpoint


def _model(model_id: str, prompt: str, completion: str, **extra: Any) -> Model:
    data: dict[str, Any] = {
        "id": model_id,
        "created": 1,
        "context_length": extra.pop("context", 100_000),
        "pricing": {"prompt": prompt, "completion": completion, **extra.pop("pricing", {})},
        "architecture": {
            "modality": "text->text",
            "input_modalities": extra.pop("inputs", ["text"]),
            "output_modalities": extra.pop("outputs", ["text"]),
        },
        "supported_parameters": extra.pop("params", ["tools", "temperature"]),
        **extra,
    }
    return Model.construct(**data)


CATALOGUE = [
    _model("router/auto", "-1", "-1"),
    _model("free/model:free", "0", "0"),
    _model("cheap/small", "0.0000001", "0.0000002", context=8_000, params=["temperature"]),
    _model("mid/vision", "0.000001", "0.000002", inputs=["text", "image"]),
    _model("mid/text", "0.000001", "0.000002", context=200_000),
    _model("dear/big", "0.00001", "0.00003", context=1_000_000, inputs=["text", "image", "audio"]),
    _model("embed/e", "0.00000001", "0", outputs=["embeddings"], params=[]),
]


def test_cheapest_overall_is_free_but_never_a_router_priced_minus_one() -> None:
    assert cheapest_model(CATALOGUE).id == "free/model:free"
    assert cheapest_model([CATALOGUE[0], CATALOGUE[3]]).id == "mid/vision"


def test_each_constraint_narrows_the_choice() -> None:
    assert cheapest_model(CATALOGUE, exclude_free=True).id == "embed/e"
    assert cheapest_model(CATALOGUE, exclude_free=True, output_modalities="text").id == "cheap/small"
    assert cheapest_model(CATALOGUE, exclude_free=True, supports=["tools"], output_modalities=["text"]).id == "mid/text"
    assert cheapest_model(CATALOGUE, supports=["tools"], exclude_free=True, input_modalities="image").id == "mid/vision"
    assert cheapest_model(CATALOGUE, min_context=500_000).id == "dear/big"
    assert cheapest_model(CATALOGUE, input_modalities=["audio", "image"]).id == "dear/big"


def test_ties_go_to_the_larger_context_then_the_id() -> None:
    # mid/vision and mid/text cost the same; mid/text has the larger context.
    assert cheapest_model(CATALOGUE, exclude_free=True, supports=["tools"], output_modalities="text").id == "mid/text"
    twins = [_model("b/x", "0.1", "0.1"), _model("a/x", "0.1", "0.1")]
    assert cheapest_model(twins).id == "a/x"


def test_no_match_says_why() -> None:
    with pytest.raises(NoModelMatchesError) as caught:
        cheapest_model(CATALOGUE, supports=["tools"], min_context=2_000_000)
    message = str(caught.value)
    assert "among 7 models" in message
    assert "1 have no fixed price" in message
    assert "lack one of the parameters ['tools']" in message
    assert "less than 2000000 tokens of context" in message
    assert isinstance(caught.value, LookupError)
    with pytest.raises(NoModelMatchesError, match="among 0 models"):
        cheapest_model([])


def test_estimate_cost_prompt_completion_requests() -> None:
    model = _model("a/m", "0.000002", "0.00001", pricing={"request": "0.005", "image": "0.001"})
    cost = estimate_cost(model, prompt_tokens=1000, completion_tokens=500)
    assert cost == Decimal("0.002") + Decimal("0.005") + Decimal("0.005")
    assert isinstance(cost, Decimal)
    assert estimate_cost(model, prompt_tokens=1000, completion_tokens=500, requests=3) == 3 * cost
    assert estimate_cost(model, prompt_tokens=0, completion_tokens=0, images=2) == Decimal("0.007")


def test_estimate_cost_cached_and_reasoning_tokens_are_subsets() -> None:
    pricing = {"input_cache_read": "0.0000005", "internal_reasoning": "0.00002"}
    model = _model("a/m", "0.000002", "0.00001", pricing=pricing)
    cost = estimate_cost(model, prompt_tokens=1000, completion_tokens=500, cached_tokens=400, reasoning_tokens=100)
    expected = (
        600 * Decimal("0.000002") + 400 * Decimal("0.0000005") + 400 * Decimal("0.00001") + 100 * Decimal("0.00002")
    )
    assert cost == expected
    # Without cache/reasoning prices they cost as ordinary prompt/completion tokens.
    plain = _model("a/p", "0.000002", "0.00001")
    assert estimate_cost(plain, prompt_tokens=1000, completion_tokens=500, cached_tokens=400, reasoning_tokens=100) == (
        estimate_cost(plain, prompt_tokens=1000, completion_tokens=500)
    )


def test_estimate_cost_accepts_pricing_and_endpoints() -> None:
    pricing = Pricing.model_validate({"prompt": "0.000001", "completion": "0.000003"})
    assert estimate_cost(pricing, prompt_tokens=10, completion_tokens=10) == Decimal("0.00004")
    endpoint = ModelEndpoint.construct(name="x", pricing={"prompt": "0.000001", "completion": "0.000001"})
    assert estimate_cost(endpoint, prompt_tokens=5, completion_tokens=5) == Decimal("0.00001")


def test_estimate_cost_rejects_impossible_inputs() -> None:
    model = _model("a/m", "0.000002", "0.00001")
    with pytest.raises(ValueError, match="cached_tokens"):
        estimate_cost(model, prompt_tokens=10, completion_tokens=0, cached_tokens=11)
    with pytest.raises(ValueError, match="reasoning_tokens"):
        estimate_cost(model, prompt_tokens=10, completion_tokens=1, reasoning_tokens=2)
    with pytest.raises(ValueError, match="prompt_tokens must be >= 0"):
        estimate_cost(model, prompt_tokens=-1, completion_tokens=0)
    with pytest.raises(ValueError, match="router models"):
        estimate_cost(CATALOGUE[0], prompt_tokens=1, completion_tokens=1)
    with pytest.raises(ValueError, match="no pricing"):
        estimate_cost(Model.construct(id="x/y", created=1), prompt_tokens=1, completion_tokens=1)


def test_estimate_cost_long_context_overrides_apply_above_the_threshold_only() -> None:
    overrides = [
        {"min_prompt_tokens": 100, "prompt": "0.00001"},
        {"min_prompt_tokens": 1000, "completion": "0.0001"},
        {"utc_start": 100, "utc_end": 400, "prompt": "0"},  # time-of-day windows are not applied
    ]
    model = _model("a/m", "0.000001", "0.00001", pricing={"overrides": overrides})
    assert estimate_cost(model, prompt_tokens=100, completion_tokens=1) == Decimal("0.00011")
    assert estimate_cost(model, prompt_tokens=101, completion_tokens=1) == Decimal("0.00102")
    assert estimate_cost(model, prompt_tokens=1001, completion_tokens=1) == Decimal("0.01011")


def test_helpers_on_the_emulator_catalogue_sync(client: OpenRouter) -> None:
    models = list(client.models.list())
    chosen = cheapest_model(models, supports=["tools", "reasoning"], min_context=200_000)
    assert chosen.id == "openai/gpt-5-mini"
    cost = estimate_cost(chosen, prompt_tokens=1_000, completion_tokens=1_000, cached_tokens=500)
    assert cost == 500 * Decimal("0.00000025") + 500 * Decimal("0.000000025") + 1_000 * Decimal("0.000002")


async def test_helpers_on_the_emulator_catalogue_async(async_client: AsyncOpenRouter, client: OpenRouter) -> None:
    models = [m async for m in async_client.models.list()]
    assert cheapest_model(models).id == "meta-llama/llama-3.3-70b-instruct:free"
    assert cheapest_model(models, exclude_free=True, input_modalities="image").id == "openai/gpt-4o-mini"
    assert (
        cheapest_model(models, exclude_free=True).id == cheapest_model(list(client.models.list()), exclude_free=True).id
    )
