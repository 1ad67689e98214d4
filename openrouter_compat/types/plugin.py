"""`plugins[]`: OpenRouter's server-side plugins, one TypedDict per `id` (REFERENCE §2.3)."""

from __future__ import annotations

from typing import Annotated, Literal, Required, TypeAlias

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict

__all__ = [
    "AutoRouterPlugin",
    "ContextCompressionPlugin",
    "FileParserPlugin",
    "FileParserPDFOptions",
    "ModerationPlugin",
    "Plugin",
    "ResponseHealingPlugin",
    "WebFetchPlugin",
    "WebSearchPlugin",
    "WebSearchUserLocation",
]


@with_config(ConfigDict(extra="forbid"))
class WebSearchUserLocation(TypedDict, total=False):
    type: Required[Literal["approximate"]]
    city: str
    country: str
    region: str
    timezone: str


@with_config(ConfigDict(extra="forbid"))
class WebSearchPlugin(TypedDict, total=False):
    """Web search results added to the prompt (what the `:online` model suffix turns on)."""

    id: Required[Literal["web"]]
    enabled: bool
    max_results: Annotated[int, Field(ge=1)]
    search_prompt: str
    engine: Literal["native", "exa", "firecrawl", "parallel", "perplexity"]
    mode: Literal["instant", "fast", "auto", "deep-lite", "deep", "deep-reasoning", "turbo", "basic", "advanced"]
    include_domains: list[str]
    exclude_domains: list[str]
    max_uses: Annotated[int, Field(ge=1)]
    user_location: WebSearchUserLocation


@with_config(ConfigDict(extra="forbid"))
class FileParserPDFOptions(TypedDict, total=False):
    engine: Literal["mistral-ocr", "native", "cloudflare-ai", "pdf-text"]


@with_config(ConfigDict(extra="forbid"))
class FileParserPlugin(TypedDict, total=False):
    """How attached PDFs and files are turned into text."""

    id: Required[Literal["file-parser"]]
    enabled: bool
    pdf: FileParserPDFOptions


@with_config(ConfigDict(extra="forbid"))
class ResponseHealingPlugin(TypedDict, total=False):
    """Repairs malformed JSON in JSON-mode responses."""

    id: Required[Literal["response-healing"]]
    enabled: bool


@with_config(ConfigDict(extra="forbid"))
class ContextCompressionPlugin(TypedDict, total=False):
    """Squeezes prompts that exceed the context window (successor of `transforms=["middle-out"]`)."""

    id: Required[Literal["context-compression"]]
    enabled: bool
    engine: Literal["middle-out"]


@with_config(ConfigDict(extra="forbid"))
class ModerationPlugin(TypedDict, total=False):
    id: Required[Literal["moderation"]]


@with_config(ConfigDict(extra="forbid"))
class WebFetchPlugin(TypedDict, total=False):
    id: Required[Literal["web-fetch"]]
    allowed_domains: list[str]
    blocked_domains: list[str]
    max_content_tokens: Annotated[int, Field(ge=1)]
    max_uses: Annotated[int, Field(ge=1)]


@with_config(ConfigDict(extra="forbid"))
class AutoRouterPlugin(TypedDict, total=False):
    """Options for `openrouter/auto`: which models it may pick and how much it may spend."""

    id: Required[Literal["auto-router"]]
    enabled: bool
    allowed_models: list[str]
    excluded_models: list[str]
    cost_tier: Literal["low", "medium", "high", "xhigh", "max"]
    cost_quality_tradeoff: Annotated[float, Field(ge=0, le=10)]
    pin_model: str


Plugin: TypeAlias = Annotated[
    WebSearchPlugin
    | FileParserPlugin
    | ResponseHealingPlugin
    | ContextCompressionPlugin
    | ModerationPlugin
    | WebFetchPlugin
    | AutoRouterPlugin,
    Field(discriminator="id"),
]
