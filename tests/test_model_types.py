"""`types/model.py` parsing rules: Decimal prices on both of `openai`'s parsing paths, lenient fallback,
unknown keys kept, JSON written back as OpenRouter writes it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import openai

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.testing import Emulator
from openrouter_compat.types.model import Model, Pricing

RAW: dict[str, Any] = {
    "id": "acme/rocket:free",
    "created": 1700000000,
    "context_length": 4096,
    "pricing": {"prompt": "0.00000025", "completion": "0.000002", "brand_new_price": "0.5", "note": "n/a"},
    "architecture": {"modality": "text->text", "input_modalities": ["text"], "output_modalities": ["text"]},
    "top_provider": {"context_length": 4096, "max_completion_tokens": None, "is_moderated": False},
    "per_request_limits": None,
    "supported_parameters": ["tools"],
    "future_field": {"arena": 1},
}


def _check(model: Model) -> None:
    assert isinstance(model, openai.types.Model)
    assert model.owned_by == "acme" and model.object == "model" and model.author == "acme"
    assert isinstance(model.pricing, Pricing)
    assert model.pricing.prompt == Decimal("0.00000025") and isinstance(model.pricing.prompt, Decimal)
    assert model.pricing.model_extra == {"brand_new_price": Decimal("0.5"), "note": "n/a"}
    assert model.pricing.price("brand_new_price") == Decimal("0.5")
    assert model.pricing.price("note") is None and model.pricing.price("missing") is None
    assert model.model_extra == {"future_field": {"arena": 1}}
    assert model.supports("tools") and not model.supports("tools", "seed")
    assert not model.is_free


def test_construct_and_validate_give_the_same_typed_model() -> None:
    constructed = Model.construct(**RAW)
    validated = Model.model_validate(RAW)
    _check(constructed)
    _check(validated)
    assert constructed.to_dict() == validated.to_dict()


def test_json_round_trip_writes_prices_as_openrouter_does() -> None:
    model = Model.construct(**RAW)
    dumped: dict[str, Any] = model.to_dict(mode="json")
    assert dumped["pricing"]["prompt"] == "0.00000025"  # not "2.5E-7"
    assert "owned_by" not in dumped and "object" not in dumped  # not sent by OpenRouter, so not echoed
    assert Model.model_validate(dumped).pricing == model.pricing


def test_invalid_data_is_kept_leniently() -> None:
    odd = {**RAW, "created": "yesterday", "pricing": {"prompt": "varies", "completion": "0.1"}, "context_length": None}
    model = Model.construct(**odd)
    assert model.created == "yesterday"  # type: ignore[comparison-overlap]
    assert model.pricing is not None and model.pricing.prompt == "varies"
    assert model.pricing.completion == Decimal("0.1")
    assert model.pricing.price("prompt") is None
    assert model.context_length is None and model.owned_by == "acme"


def test_missing_lists_default_to_empty_on_both_paths() -> None:
    bare: dict[str, Any] = {"id": "x/y", "created": 1, "architecture": {"modality": "text->text"}}
    for model in (Model.construct(**bare), Model.model_validate(bare)):
        assert model.supported_parameters == []
        assert model.architecture is not None and model.architecture.input_modalities == []


def test_strict_response_validation_client(openrouter_emulator: Emulator) -> None:
    client = OpenRouter(
        api_key=openrouter_emulator.api_key,
        base_url=openrouter_emulator.base_url,
        max_retries=0,
        _strict_response_validation=True,
    )
    models = list(client.models.list(output_modalities="all"))
    assert len(models) == 8
    assert all(isinstance(m.pricing, Pricing) and isinstance(m.pricing.prompt, Decimal) for m in models)
    assert client.models.endpoints("openai/gpt-4o-mini").endpoints[0].pricing is not None
    assert len(client.providers.list()) == 12


async def test_strict_response_validation_async_client(openrouter_emulator: Emulator) -> None:
    client = AsyncOpenRouter(
        api_key=openrouter_emulator.api_key,
        base_url=openrouter_emulator.base_url,
        max_retries=0,
        _strict_response_validation=True,
    )
    model = await client.models.retrieve("anthropic/claude-sonnet-4.5")
    assert model.owned_by == "anthropic" and model.pricing is not None
    assert model.pricing.input_cache_write == Decimal("0.00000375")
    assert await client.models.count() == 7
