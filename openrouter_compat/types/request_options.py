"""Small OpenRouter request objects shared by several endpoints: usage, debug, trace, caching, images."""

from __future__ import annotations

from typing import Literal, Required, TypeAlias

from pydantic import with_config
from typing_extensions import TypedDict

from ._open import OPEN, PASSTHROUGH

__all__ = [
    "CacheControl",
    "DebugOptions",
    "ImageConfig",
    "Modality",
    "PromptCacheOptions",
    "ServiceTier",
    "TraceConfig",
    "UsageConfig",
]

Modality: TypeAlias = Literal["text", "image", "audio"] | str
ServiceTier: TypeAlias = Literal["auto", "default", "fast", "flex", "priority", "scale"] | str
ImageConfig: TypeAlias = dict[str, str | int | float | list[str | int | float]]
"""Provider-specific image options; documented keys are `aspect_ratio` ("16:9") and `image_size` ("2K")."""


@with_config(OPEN)
class UsageConfig(TypedDict, total=False):
    """Legacy opt-in for usage accounting; OpenRouter now always returns usage."""

    include: bool


@with_config(OPEN)
class DebugOptions(TypedDict, total=False):
    """Streaming only: the first chunk echoes the body OpenRouter sent upstream."""

    echo_upstream_body: bool


@with_config(PASSTHROUGH)
class TraceConfig(TypedDict, total=False):
    """Observability trace ids; extra keys are passed through to your observability destination."""

    trace_id: str
    trace_name: str
    span_name: str
    generation_name: str
    parent_span_id: str


@with_config(OPEN)
class CacheControl(TypedDict, total=False):
    """Automatic prompt caching for the whole request."""

    type: Required[Literal["ephemeral"]]
    ttl: Literal["5m", "1h"] | str


class PromptCacheOptions(TypedDict, total=False):
    """`prompt_cache_options` as OpenRouter takes it: `mode` and a `ttl` string (e.g. "30m")."""

    mode: Literal["implicit", "explicit"] | str
    ttl: str
