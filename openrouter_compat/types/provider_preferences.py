"""`provider`: how OpenRouter picks and orders the upstream providers for a request (REFERENCE §2.2)."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Field, with_config
from typing_extensions import TypedDict

from ._open import OPEN

__all__ = [
    "DataCollection",
    "KnownProviderSort",
    "MaxPrice",
    "PercentileThresholds",
    "ProviderPreferences",
    "ProviderSort",
    "ProviderSortConfig",
    "Quantization",
]

# Open enums (`Literal[...] | str`): known values autocomplete, newer ones type-check and are sent with a warning.
KnownProviderSort: TypeAlias = Literal["price", "throughput", "latency", "exacto"]
ProviderSort: TypeAlias = KnownProviderSort | str
Quantization: TypeAlias = (
    Literal["int4", "int8", "fp4", "mxfp4", "nvfp4", "fp6", "fp8", "mxfp8", "fp16", "bf16", "fp32", "unknown"] | str
)
DataCollection: TypeAlias = Literal["allow", "deny"] | str
_NonNegative = Annotated[float, Field(ge=0)]


@with_config(OPEN)
class ProviderSortConfig(TypedDict, total=False):
    """The object form of `sort`: what to sort by, and whether to sort within each model or across all."""

    by: ProviderSort | None
    partition: Literal["model", "none"] | str | None


@with_config(OPEN)
class MaxPrice(TypedDict, total=False):
    """Hard price ceilings in USD: per million tokens for prompt/completion, per unit for the rest."""

    prompt: _NonNegative | str
    completion: _NonNegative | str
    image: _NonNegative | str
    audio: _NonNegative | str
    request: _NonNegative | str


@with_config(OPEN)
class PercentileThresholds(TypedDict, total=False):
    """Thresholds per latency/throughput percentile over the last five minutes."""

    p50: _NonNegative
    p75: _NonNegative
    p90: _NonNegative
    p99: _NonNegative


@with_config(OPEN)
class ProviderPreferences(TypedDict, total=False):
    """Provider routing; every key is optional and `None` means "use the account default"."""

    order: list[str] | None
    allow_fallbacks: bool | None
    require_parameters: bool | None
    data_collection: DataCollection | None
    zdr: bool | None
    enforce_distillable_text: bool | None
    only: list[str] | None
    ignore: list[str] | None
    quantizations: list[Quantization] | None
    sort: ProviderSort | ProviderSortConfig | None
    max_price: MaxPrice | None
    preferred_min_throughput: _NonNegative | PercentileThresholds | None
    preferred_max_latency: _NonNegative | PercentileThresholds | None
    min_throughput: _NonNegative | None
    """Older (2025) name of `preferred_min_throughput`."""
    max_latency: _NonNegative | None
    """Older (2025) name of `preferred_max_latency`."""
    options: dict[str, dict[str, Any]]
    """Per-provider passthrough options, keyed by provider slug (e.g. `{"anthropic": {...}}`), sent as given."""
