"""Choosing and pricing models from the catalogue: pure functions over `client.models.list()` results.

They do no I/O, so the same calls work after a sync or an async listing:

    models = list(client.models.list())                       # or: [m async for m in aclient.models.list()]
    model = cheapest_model(models, supports=["tools"], min_context=64_000)
    cost = estimate_cost(model, prompt_tokens=1_200, completion_tokens=300)  # Decimal, USD
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .._exceptions import OpenRouterError
from ..types.model import Model, Pricing, PricingOverride
from ..types.model_endpoints import ModelEndpoint

__all__ = ["NoModelMatchesError", "cheapest_model", "estimate_cost", "prompt_and_completion_price"]

_OVERRIDABLE = ("prompt", "completion", "input_cache_read", "input_cache_write", "input_cache_write_1h", "audio")


class NoModelMatchesError(OpenRouterError, LookupError):
    """`cheapest_model` found no model meeting every constraint; the message says what ruled them out."""


def prompt_and_completion_price(model: Model) -> Decimal | None:
    """Prompt + completion price per token, or None when unpriced or variable (router models send "-1")."""
    pricing = model.pricing
    if pricing is None:
        return None
    prompt, completion = pricing.price("prompt"), pricing.price("completion")
    if prompt is None or completion is None or prompt < 0 or completion < 0:
        return None
    return prompt + completion


def cheapest_model(
    models: Iterable[Model],
    *,
    supports: Iterable[str] = (),
    min_context: int | None = None,
    input_modalities: Iterable[str] | str = (),
    output_modalities: Iterable[str] | str = (),
    exclude_free: bool = False,
) -> Model:
    """The model with the lowest prompt+completion price that supports every parameter in `supports`,
    has at least `min_context` tokens of context and accepts every modality asked for.

    Ties go to the larger context, then the id (so the answer is stable). Unpriced/variable-price models
    are never chosen; `exclude_free=True` also skips free ones. Raises `NoModelMatchesError` when none fits.
    """
    wanted_params = set(supports)
    wanted_inputs = _as_set(input_modalities)
    wanted_outputs = _as_set(output_modalities)
    rejected = {"unpriced": 0, "free": 0, "parameters": 0, "context": 0, "input": 0, "output": 0}
    candidates: list[tuple[Decimal, int, str, Model]] = []
    total = 0
    for model in models:
        total += 1
        price = prompt_and_completion_price(model)
        architecture = model.architecture
        context = model.context_length or 0
        if price is None:
            rejected["unpriced"] += 1
        elif exclude_free and price == 0:
            rejected["free"] += 1
        elif not wanted_params <= set(model.supported_parameters):
            rejected["parameters"] += 1
        elif min_context is not None and context < min_context:
            rejected["context"] += 1
        elif wanted_inputs and not wanted_inputs <= set(architecture.input_modalities if architecture else ()):
            rejected["input"] += 1
        elif wanted_outputs and not wanted_outputs <= set(architecture.output_modalities if architecture else ()):
            rejected["output"] += 1
        else:
            candidates.append((price, -context, model.id, model))
    if not candidates:
        raise NoModelMatchesError(_no_match_message(total, rejected, wanted_params, min_context, wanted_inputs))
    return min(candidates, key=lambda entry: entry[:3])[3]


def estimate_cost(
    model_or_pricing: Model | ModelEndpoint | Pricing,
    *,
    prompt_tokens: int,
    completion_tokens: int,
    reasoning_tokens: int = 0,
    cached_tokens: int = 0,
    requests: int = 1,
    images: int = 0,
) -> Decimal:
    """The USD cost of `requests` requests with these token counts, exactly, from the listed prices.

    Counts follow OpenAI's `usage`: `cached_tokens` are part of `prompt_tokens` (billed at
    `input_cache_read` when listed) and `reasoning_tokens` part of `completion_tokens` (billed at
    `internal_reasoning` when listed). Long-context `overrides` (`min_prompt_tokens`) are applied;
    time-of-day overrides and `discount` are not (estimate for default conditions).
    """
    pricing = model_or_pricing if isinstance(model_or_pricing, Pricing) else model_or_pricing.pricing
    if pricing is None:
        raise ValueError(f"{_name(model_or_pricing)} has no pricing")
    counts = {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "reasoning_tokens": reasoning_tokens,
        "cached_tokens": cached_tokens,
        "requests": requests,
        "images": images,
    }
    for name, count in counts.items():
        if count < 0:
            raise ValueError(f"{name} must be >= 0, got {count}")
    if cached_tokens > prompt_tokens:
        raise ValueError(f"cached_tokens ({cached_tokens}) are part of prompt_tokens ({prompt_tokens})")
    if reasoning_tokens > completion_tokens:
        raise ValueError(f"reasoning_tokens ({reasoning_tokens}) are part of completion_tokens ({completion_tokens})")
    prices = _prices_for(pricing, prompt_tokens)
    prompt, completion = _required(prices, "prompt", pricing), _required(prices, "completion", pricing)
    cache_read = prices.get("input_cache_read", prompt)
    reasoning = pricing.price("internal_reasoning")
    reasoning = completion if reasoning is None else reasoning
    per_request = (
        (prompt_tokens - cached_tokens) * prompt
        + cached_tokens * cache_read
        + (completion_tokens - reasoning_tokens) * completion
        + reasoning_tokens * reasoning
        + images * (pricing.price("image") or Decimal(0))
        + (pricing.price("request") or Decimal(0))
    )
    return per_request * requests


def _prices_for(pricing: Pricing, prompt_tokens: int) -> dict[str, Decimal]:
    """Base prices with the long-context overrides that apply to `prompt_tokens` (later entries win)."""
    prices = {key: price for key in _OVERRIDABLE if (price := pricing.price(key)) is not None}
    for override in pricing.overrides or []:
        if _applies(override, prompt_tokens):
            prices.update({key: price for key in _OVERRIDABLE if (price := override.price(key)) is not None})
    return prices


def _applies(override: PricingOverride, prompt_tokens: int) -> bool:
    if override.utc_start is not None or override.utc_end is not None:
        return False
    return override.min_prompt_tokens is not None and prompt_tokens > override.min_prompt_tokens


def _required(prices: dict[str, Decimal], key: str, pricing: Pricing) -> Decimal:
    price = prices.get(key)
    if price is None or price < 0:
        raise ValueError(f"no fixed {key} price in {pricing!r} (router models list -1: the price depends on the route)")
    return price


def _as_set(value: Iterable[str] | str) -> set[str]:
    return {value} if isinstance(value, str) else set(value)


def _name(item: object) -> str:
    return str(getattr(item, "id", None) or getattr(item, "name", None) or type(item).__name__)


def _no_match_message(
    total: int, rejected: dict[str, int], params: set[str], min_context: int | None, inputs: set[str]
) -> str:
    reasons = {
        "unpriced": "have no fixed price",
        "free": "are free (exclude_free=True)",
        "parameters": f"lack one of the parameters {sorted(params)}",
        "context": f"have less than {min_context} tokens of context",
        "input": f"do not accept every input modality of {sorted(inputs)}",
        "output": "do not produce every output modality asked for",
    }
    why = "; ".join(f"{count} {reasons[key]}" for key, count in rejected.items() if count)
    return f"No model meets every constraint among {total} models" + (f": {why}" if why else "")
