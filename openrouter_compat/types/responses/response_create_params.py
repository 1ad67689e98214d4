"""Keyword arguments of `responses.create`: `openai`'s own, with `reasoning` widened to OpenRouter's, plus
OpenRouter's routing extras. One TypedDict each, shared by the sync and async resources and the validator."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import httpx2
from openai._types import Body, Headers, NotGiven, Omit, Query
from openai.types.responses import (
    ResponseIncludable,
    ResponseInputParam,
    ResponsePromptParam,
    ResponseTextConfigParam,
    ToolParam,
    response_create_params,
)
from openai.types.responses.service_tier import ServiceTier
from openai.types.shared_params.metadata import Metadata
from openai.types.shared_params.reasoning import Reasoning
from openai.types.shared_params.responses_model import ResponsesModel
from pydantic import ConfigDict, with_config
from typing_extensions import TypedDict

from ..openrouter_request_params import OpenRouterRequestParams
from ..plugin import Plugin
from ..provider_preferences import ProviderPreferences
from ..reasoning_config import ReasoningConfig
from ..request_options import TraceConfig

__all__ = ["OpenRouterResponseParams", "ResponseCreateKwargs"]


@with_config(ConfigDict(extra="forbid"))
class OpenRouterResponseParams(OpenRouterRequestParams, total=False):
    """The OpenRouter fields of a Responses request, validated before sending.

    `reasoning` is `openai`'s field widened with OpenRouter's `max_tokens`, `enabled` and `exclude`.
    """

    reasoning: ReasoningConfig | None


class ResponseCreateKwargs(TypedDict, total=False):
    """Every keyword of `responses.create` besides `stream`."""

    # OpenAI's own parameters (unchanged types unless OpenRouter widens them).
    access_programs: response_create_params.AccessPrograms | Omit
    background: bool | Omit | None
    background_options: response_create_params.BackgroundOptions | Omit
    context_management: Iterable[response_create_params.ContextManagement] | Omit | None
    conversation: response_create_params.Conversation | Omit | None
    image: response_create_params.Image | Omit
    include: list[ResponseIncludable] | Omit | None
    input: str | ResponseInputParam | Omit
    instructions: str | Omit | None
    max_output_tokens: int | Omit | None
    max_tool_calls: int | Omit | None
    metadata: Metadata | Omit | None
    model: ResponsesModel | Omit
    moderation: response_create_params.Moderation | Omit | None
    parallel_tool_calls: bool | Omit | None
    previous_response_id: str | Omit | None
    prompt: ResponsePromptParam | Omit | None
    prompt_cache_key: str | Omit | None
    prompt_cache_options: response_create_params.PromptCacheOptions | Omit
    prompt_cache_retention: Literal["in_memory", "24h"] | Omit | None
    reasoning: ReasoningConfig | Reasoning | Omit | None
    """OpenRouter's `ReasoningConfig`; `openai`'s `Reasoning` is accepted statically for drop-in code, but
    its deprecated `generate_summary` key is rejected before sending (OpenRouter does not take it)."""
    safety_identifier: str | Omit | None
    service_tier: ServiceTier | Omit | None
    store: bool | Omit | None
    stream_options: response_create_params.StreamOptions | Omit | None
    temperature: float | Omit | None
    text: ResponseTextConfigParam | Omit
    tool_choice: response_create_params.ToolChoice | Omit
    tools: Iterable[ToolParam] | Omit
    top_logprobs: int | Omit | None
    top_p: float | Omit | None
    truncation: Literal["auto", "disabled"] | Omit | None
    user: str | Omit
    # OpenRouter's extras.
    provider: ProviderPreferences | Omit
    models: list[str] | Omit
    route: Literal["fallback", "sort"] | Omit | None
    plugins: list[Plugin] | Omit
    session_id: str | Omit
    trace: TraceConfig | Omit
    # Per-request transport options, as on every `openai` method.
    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Body | None
    timeout: float | httpx2.Timeout | NotGiven | None
