"""OpenRouter request fields shared by several inference endpoints, one TypedDict per group.

The endpoint-specific params (chat, legacy completions, responses) are built from these, so each field's
type and bounds are written once.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import Field, with_config
from typing_extensions import TypedDict

from ._open import OPEN
from .plugin import Plugin
from .provider_preferences import ProviderPreferences
from .request_options import TraceConfig, UsageConfig

__all__ = ["OpenRouterRequestParams", "OpenRouterSamplingParams", "Route"]

Route: TypeAlias = Literal["fallback", "sort"] | str


@with_config(OPEN)
class OpenRouterRequestParams(TypedDict, total=False):
    """Routing fields OpenRouter accepts on every inference endpoint (chat, completions, responses)."""

    provider: ProviderPreferences | None
    models: list[str]
    route: Route | None
    plugins: list[Plugin]
    session_id: Annotated[str, Field(max_length=256)]
    trace: TraceConfig


@with_config(OPEN)
class OpenRouterSamplingParams(TypedDict, total=False):
    """Sampling and accounting fields of the token-level endpoints (chat and legacy text completions)."""

    usage: UsageConfig
    transforms: list[str]
    top_k: Annotated[int, Field(ge=0)]
    top_a: Annotated[float, Field(ge=0, le=1)]
    min_p: Annotated[float, Field(ge=0, le=1)]
    repetition_penalty: Annotated[float, Field(gt=0, le=2)]
