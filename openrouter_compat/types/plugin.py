"""`plugins[]`: OpenRouter's server-side plugins, one TypedDict per `id` (REFERENCE §2.3).

The union is open: a plugin id this client does not know is sent as given (with a warning), as `UnknownPlugin`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, Required, TypeAlias

from pydantic import Field, with_config
from typing_extensions import TypedDict

from ._open import OPEN, PASSTHROUGH, open_union

__all__ = [
    "AutoBetaRouterPlugin",
    "AutoRouterPlugin",
    "ContextCompressionPlugin",
    "CostTier",
    "FileParserPDFOptions",
    "FileParserPlugin",
    "FusionPlugin",
    "FusionServerTool",
    "ModerationPlugin",
    "ParetoRouterPlugin",
    "Plugin",
    "ResponseHealingPlugin",
    "UnknownPlugin",
    "WebFetchPlugin",
    "WebSearchEngine",
    "WebSearchMode",
    "WebSearchPlugin",
    "WebSearchUserLocation",
]

WebSearchEngine: TypeAlias = Literal["native", "exa", "firecrawl", "parallel", "perplexity"] | str
WebSearchMode: TypeAlias = (
    Literal["instant", "fast", "auto", "deep-lite", "deep", "deep-reasoning", "turbo", "basic", "advanced"] | str
)
CostTier: TypeAlias = Literal["low", "medium", "high", "xhigh", "max"] | str
_Positive = Annotated[int, Field(ge=1)]


@with_config(OPEN)
class WebSearchUserLocation(TypedDict, total=False):
    type: Required[Literal["approximate"]]
    city: str
    country: str
    region: str
    timezone: str


@with_config(OPEN)
class WebSearchPlugin(TypedDict, total=False):
    """Web search results added to the prompt (what the `:online` model suffix turns on)."""

    id: Required[Literal["web"]]
    enabled: bool
    max_results: _Positive
    search_prompt: str
    engine: WebSearchEngine
    mode: WebSearchMode
    include_domains: list[str]
    exclude_domains: list[str]
    max_uses: _Positive
    user_location: WebSearchUserLocation


@with_config(OPEN)
class FileParserPDFOptions(TypedDict, total=False):
    engine: Literal["mistral-ocr", "native", "cloudflare-ai", "pdf-text"] | str


@with_config(OPEN)
class FileParserPlugin(TypedDict, total=False):
    """How attached PDFs and files are turned into text."""

    id: Required[Literal["file-parser"]]
    enabled: bool
    pdf: FileParserPDFOptions


@with_config(OPEN)
class ResponseHealingPlugin(TypedDict, total=False):
    """Repairs malformed JSON in JSON-mode responses."""

    id: Required[Literal["response-healing"]]
    enabled: bool


@with_config(OPEN)
class ContextCompressionPlugin(TypedDict, total=False):
    """Squeezes prompts that exceed the context window (successor of `transforms=["middle-out"]`)."""

    id: Required[Literal["context-compression"]]
    enabled: bool
    engine: Literal["middle-out"] | str


@with_config(OPEN)
class ModerationPlugin(TypedDict, total=False):
    id: Required[Literal["moderation"]]


@with_config(OPEN)
class WebFetchPlugin(TypedDict, total=False):
    id: Required[Literal["web-fetch"]]
    allowed_domains: list[str]
    blocked_domains: list[str]
    max_content_tokens: _Positive
    max_uses: _Positive


@with_config(OPEN)
class _AutoRouterOptions(TypedDict, total=False):
    """What the auto routers share: which models they may pick and how much they may spend."""

    enabled: bool
    allowed_models: list[str]
    excluded_models: list[str]
    cost_tier: CostTier
    cost_quality_tradeoff: Annotated[float, Field(ge=0, le=10)]


@with_config(OPEN)
class AutoRouterPlugin(_AutoRouterOptions, total=False):
    """Options for `openrouter/auto`."""

    id: Required[Literal["auto-router"]]
    pin_model: bool
    """Keep the model the router picked for the rest of the session."""


@with_config(OPEN)
class AutoBetaRouterPlugin(_AutoRouterOptions, total=False):
    """The next-generation auto router (`auto-beta-router`)."""

    id: Required[Literal["auto-beta-router"]]


@with_config(OPEN)
class ParetoRouterPlugin(TypedDict, total=False):
    """Routes to the best coding model on the price/quality Pareto frontier."""

    id: Required[Literal["pareto-router"]]
    enabled: bool
    max_price: Annotated[float, Field(ge=0)]
    min_coding_score: Annotated[float, Field(ge=0, le=1)]
    price_source: Literal["prompt", "weighted_avg"] | str


@with_config(OPEN)
class FusionServerTool(TypedDict, total=False):
    """A server tool the Fusion panel may use, e.g. `{"type": "openrouter:web_search"}`."""

    type: Required[str]
    parameters: dict[str, Any]


@with_config(OPEN)
class FusionPlugin(TypedDict, total=False):
    """Fusion: a panel of models answers in parallel and an analyst model merges their answers."""

    id: Required[Literal["fusion"]]
    enabled: bool
    analysis_models: list[str]
    model: str
    max_tool_calls: Annotated[int, Field(ge=1, le=16)]
    preset: Literal["general-high", "general-budget", "general-fast"] | str
    tools: list[FusionServerTool]


@with_config(PASSTHROUGH)
class UnknownPlugin(TypedDict, total=False):
    """A plugin this client does not know yet (any other `id`), sent as given; a warning names it."""

    id: Required[str]
    enabled: bool


_KNOWN = (
    WebSearchPlugin,
    FileParserPlugin,
    ResponseHealingPlugin,
    ContextCompressionPlugin,
    ModerationPlugin,
    WebFetchPlugin,
    AutoRouterPlugin,
    AutoBetaRouterPlugin,
    ParetoRouterPlugin,
    FusionPlugin,
)

if TYPE_CHECKING:
    Plugin: TypeAlias = (
        WebSearchPlugin
        | FileParserPlugin
        | ResponseHealingPlugin
        | ContextCompressionPlugin
        | ModerationPlugin
        | WebFetchPlugin
        | AutoRouterPlugin
        | AutoBetaRouterPlugin
        | ParetoRouterPlugin
        | FusionPlugin
        | UnknownPlugin
    )
else:
    Plugin = open_union("id", *_KNOWN, fallback=UnknownPlugin)
