"""Token counts and cost, priced from the catalogue with Decimal and emitted as JSON numbers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ._catalogue import prices

_TEN_PLACES = Decimal("1e-10")


def money(value: Decimal) -> Decimal:
    """Round a cost to 10 decimal places, as the emulator charges it."""
    return value.quantize(_TEN_PLACES).normalize() if value else Decimal(0)


def number(value: Decimal) -> float | int:
    """A cost as a JSON number (float whose shortest repr is the exact decimal)."""
    return float(value) if value else 0


@dataclass(frozen=True)
class Usage:
    """What one generation consumed and cost."""

    prompt_tokens: int
    completion_tokens: int
    reasoning_tokens: int
    prompt_cost: Decimal
    completion_cost: Decimal

    @property
    def total_tokens(self) -> int:
        """Prompt plus completion tokens."""
        return self.prompt_tokens + self.completion_tokens

    @property
    def cost(self) -> Decimal:
        """Total charged, rounded to 10 decimals."""
        return money(self.prompt_cost + self.completion_cost)


def compute_usage(model: str, prompt_tokens: int, completion_tokens: int, reasoning_tokens: int = 0) -> Usage:
    """Price token counts with the model's catalogue prices."""
    prompt_price, completion_price = prices(model)
    return Usage(
        prompt_tokens,
        completion_tokens,
        reasoning_tokens,
        money(prompt_price * prompt_tokens),
        money(completion_price * completion_tokens),
    )


def fixed_usage(usage: Usage, cost: Decimal | float | str) -> Usage:
    """The same token counts charged exactly ``cost`` (all of it on the completion side)."""
    return Usage(
        usage.prompt_tokens, usage.completion_tokens, usage.reasoning_tokens, Decimal(0), money(Decimal(str(cost)))
    )


def chat_usage(usage: Usage) -> dict[str, Any]:
    """The chat/completions ``usage`` object, with cost and details as OpenRouter sends them."""
    return {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "total_tokens": usage.total_tokens,
        "cost": number(usage.cost),
        "is_byok": False,
        "prompt_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0, "audio_tokens": 0},
        "cost_details": {
            "upstream_inference_cost": None,
            "upstream_inference_prompt_cost": number(usage.prompt_cost),
            "upstream_inference_completions_cost": number(usage.completion_cost),
        },
        "completion_tokens_details": {"reasoning_tokens": usage.reasoning_tokens, "image_tokens": 0},
    }


def responses_usage(usage: Usage) -> dict[str, Any]:
    """The /responses ``usage`` object."""
    return {
        "input_tokens": usage.prompt_tokens,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": usage.completion_tokens,
        "output_tokens_details": {"reasoning_tokens": usage.reasoning_tokens},
        "total_tokens": usage.total_tokens,
        "cost": number(usage.cost),
        "is_byok": False,
        "cost_details": {
            "upstream_inference_cost": None,
            "upstream_inference_input_cost": number(usage.prompt_cost),
            "upstream_inference_output_cost": number(usage.completion_cost),
        },
    }
