"""Keyword arguments of `responses.create`: `openai`'s own, with `reasoning` widened to OpenRouter's, plus
OpenRouter's routing extras. One TypedDict each, shared by the sync and async resources and the validator."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated, Literal

import httpx2
from openai._types import Body, Headers, NotGiven, Omit, Query
from openai.types.responses import (
    ResponseFormatTextConfigParam,
    ResponseIncludable,
    ResponsePromptParam,
    ResponseTextConfigParam,
    ToolParam,
    response_create_params,
)
from openai.types.responses.tool_param import ParseableToolParam
from openai.types.shared_params.metadata import Metadata
from openai.types.shared_params.reasoning import Reasoning
from openai.types.shared_params.responses_model import ResponsesModel
from pydantic import Field, with_config
from typing_extensions import TypedDict

from .._open import OPEN
from ..chat.completion_create_params import Verbosity
from ..openrouter_request_params import OpenRouterRequestParams, Route
from ..plugin import Plugin
from ..provider_preferences import ProviderPreferences
from ..reasoning_config import ReasoningConfig
from ..request_options import (
    CacheControl,
    DebugOptions,
    ImageConfig,
    Modality,
    PromptCacheOptions,
    ServiceTier,
    TraceConfig,
)
from ..server_tools import ResponsesTool, ServerToolChoice, StopServerToolsWhen
from .response_input_param import ResponseInputItemParam, ValidatedResponseInput

__all__ = [
    "OpenRouterResponseParams",
    "ResponseCreateKwargs",
    "ResponseParseKwargs",
    "ResponseStreamKwargs",
    "ResponseTextConfig",
    "ResponseToolFields",
]


@with_config(OPEN)
class OpenRouterResponseParams(OpenRouterRequestParams, total=False):
    """The OpenRouter fields of a Responses request, validated before sending.

    `reasoning` is `openai`'s field widened with OpenRouter's `max_tokens`, `enabled` and `exclude`.
    """

    reasoning: ReasoningConfig | None
    stop_server_tools_when: list[StopServerToolsWhen]
    cache_control: CacheControl
    debug: DebugOptions
    image_config: ImageConfig
    modalities: list[Modality] | None
    top_k: Annotated[int, Field(ge=0)]
    frequency_penalty: Annotated[float, Field(ge=-2, le=2)] | None
    presence_penalty: Annotated[float, Field(ge=-2, le=2)] | None


@with_config(OPEN)
class ResponseToolFields(TypedDict, total=False):
    """`tools` and `input` as OpenRouter widens them (server tools, echoed server-tool items, ...), validated but
    left for `openai` to send."""

    tools: list[ResponsesTool]
    input: ValidatedResponseInput


class ResponseTextConfig(TypedDict, total=False):
    """`text` with OpenRouter's wider `verbosity` (`xhigh`, `max`)."""

    format: ResponseFormatTextConfigParam
    verbosity: Verbosity | None


class _ResponseKwargs(TypedDict, total=False):
    """The keywords `responses.create`, `parse` and `stream` share (all but `tools` and `stream`)."""

    # OpenAI's own parameters (unchanged types unless OpenRouter widens them).
    access_programs: response_create_params.AccessPrograms | Omit
    background: bool | Omit | None
    background_options: response_create_params.BackgroundOptions | Omit
    context_management: Iterable[response_create_params.ContextManagement] | Omit | None
    conversation: response_create_params.Conversation | Omit | None
    image: response_create_params.Image | Omit
    include: list[ResponseIncludable] | Omit | None
    input: str | Sequence[ResponseInputItemParam] | Omit
    """`openai`'s items or OpenRouter's (`ResponseInputItemParam`: echoed `openrouter:*` items, reasoning `format`,
    ...). A `Sequence`, so a list typed with `openai`'s `ResponseInputParam` is accepted as it is."""
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
    prompt_cache_options: response_create_params.PromptCacheOptions | PromptCacheOptions | Omit
    prompt_cache_retention: Literal["in_memory", "24h"] | Omit | None
    reasoning: ReasoningConfig | Reasoning | Omit | None
    """OpenRouter's `ReasoningConfig`; `openai`'s `Reasoning` is accepted statically for drop-in code (its
    deprecated `generate_summary` key, unknown to OpenRouter, is sent with a warning)."""
    safety_identifier: str | Omit | None
    service_tier: ServiceTier | Omit | None
    store: bool | Omit | None
    stream_options: response_create_params.StreamOptions | Omit | None
    temperature: float | Omit | None
    text: ResponseTextConfigParam | ResponseTextConfig | Omit
    tool_choice: response_create_params.ToolChoice | ServerToolChoice | Omit
    top_logprobs: int | Omit | None
    top_p: float | Omit | None
    truncation: Literal["auto", "disabled"] | Omit | None
    user: str | Omit
    # OpenRouter's extras.
    provider: ProviderPreferences | Omit | None
    models: list[str] | Omit
    route: Route | Omit | None
    plugins: list[Plugin] | Omit
    session_id: str | Omit
    trace: TraceConfig | Omit
    stop_server_tools_when: list[StopServerToolsWhen] | Omit
    cache_control: CacheControl | Omit
    debug: DebugOptions | Omit
    image_config: ImageConfig | Omit
    modalities: list[Modality] | Omit | None
    top_k: int | Omit
    frequency_penalty: float | Omit | None
    presence_penalty: float | Omit | None
    # Per-request transport options, as on every `openai` method.
    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Body | None
    timeout: float | httpx2.Timeout | NotGiven | None


class ResponseCreateKwargs(_ResponseKwargs, total=False):
    """Every keyword of `responses.create` besides `stream`."""

    tools: Iterable[ToolParam | ResponsesTool] | Omit


class ResponseStreamKwargs(_ResponseKwargs, total=False):
    """The keywords of `responses.stream` (a new stream) besides `text_format`: `create`'s, with the helpers'
    `tools` (also `openai.pydantic_function_tool`'s shape, which `openai` converts)."""

    tools: Iterable[ParseableToolParam | ResponsesTool] | Omit


class ResponseParseKwargs(ResponseStreamKwargs, total=False):
    """The keywords of `responses.parse` besides `text_format` and `parse_as`."""

    stream: Literal[False] | Literal[True] | Omit | None
    verbosity: Literal["low", "medium", "high"] | Omit | None
    """`openai`'s `parse` takes it top-level and sends it so; OpenRouter's own is `text.verbosity` (wider)."""
