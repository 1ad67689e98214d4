"""Keyword arguments of `chat.completions.create`: `openai`'s own, widened to OpenRouter's values, plus
OpenRouter's extras. One TypedDict each, shared by the sync and async resources and by the validator."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, Required, TypeAlias

import httpx2
from openai._types import Body, Headers, NotGiven, Omit, Query, SequenceNotStr
from openai.types.chat import (
    ChatCompletionAudioParam,
    ChatCompletionPredictionContentParam,
    ChatCompletionStreamOptionsParam,
    ChatCompletionToolChoiceOptionParam,
    ChatCompletionToolUnionParam,
    completion_create_params,
)
from openai.types.shared_params.metadata import Metadata
from pydantic import with_config
from typing_extensions import TypedDict

from .._open import OPEN
from ..openrouter_request_params import OpenRouterRequestParams, OpenRouterSamplingParams, Route
from ..plugin import Plugin
from ..provider_preferences import ProviderPreferences
from ..reasoning_config import ReasoningConfig, ReasoningEffort
from ..request_options import (
    CacheControl,
    DebugOptions,
    ImageConfig,
    Modality,
    PromptCacheOptions,
    ServiceTier,
    TraceConfig,
    UsageConfig,
)
from ..server_tools import ChatTool, ServerToolChoice, StopServerToolsWhen

__all__ = [
    "ChatCompletionCreateKwargs",
    "ChatCompletionParseKwargs",
    "ChatToolFields",
    "OpenRouterChatParams",
    "ResponseFormatGrammar",
    "ResponseFormatPython",
    "OpenRouterRequestParams",
    "Verbosity",
]

Verbosity: TypeAlias = Literal["low", "medium", "high", "xhigh", "max"] | str


@with_config(OPEN)
class OpenRouterChatParams(OpenRouterRequestParams, OpenRouterSamplingParams, total=False):
    """Fields that exist only on OpenRouter's chat completions, or take wider values there than on OpenAI."""

    reasoning: ReasoningConfig
    stop_server_tools_when: list[StopServerToolsWhen]
    include_reasoning: bool
    debug: DebugOptions
    image_config: ImageConfig
    cache_control: CacheControl
    # `openai` has these four, with fewer allowed values:
    reasoning_effort: ReasoningEffort | None
    verbosity: Verbosity | None
    modalities: list[Modality] | None
    service_tier: ServiceTier | None


class ResponseFormatGrammar(TypedDict, total=False):
    """Constrain the output with a grammar (e.g. GBNF/Lark), on models that support it."""

    type: Required[Literal["grammar"]]
    grammar: Required[str]


class ResponseFormatPython(TypedDict, total=False):
    """Ask for Python code as the output, on models that support it."""

    type: Required[Literal["python"]]


@with_config(OPEN)
class ChatToolFields(TypedDict, total=False):
    """`openai` fields OpenRouter widens, validated but left for `openai` to send (its helpers read them)."""

    tools: list[ChatTool]


class ChatCompletionParseKwargs(TypedDict, total=False):
    """Every optional keyword of `parse()`/`stream()` besides `messages`, `model` and `response_format`."""

    # OpenAI's own parameters (unchanged types unless OpenRouter widens them).
    audio: ChatCompletionAudioParam | Omit | None
    frequency_penalty: float | Omit | None
    function_call: completion_create_params.FunctionCall | Omit
    functions: Iterable[completion_create_params.Function] | Omit
    logit_bias: dict[str, int] | Omit | None
    logprobs: bool | Omit | None
    max_completion_tokens: int | Omit | None
    max_tokens: int | Omit | None
    metadata: Metadata | Omit | None
    modalities: Sequence[Modality] | Omit | None
    moderation: completion_create_params.Moderation | Omit | None
    n: int | Omit | None
    parallel_tool_calls: bool | Omit
    prediction: ChatCompletionPredictionContentParam | Omit | None
    presence_penalty: float | Omit | None
    prompt_cache_key: str | Omit | None
    prompt_cache_options: completion_create_params.PromptCacheOptions | PromptCacheOptions | Omit
    prompt_cache_retention: Literal["in_memory", "24h"] | Omit | None
    reasoning_effort: ReasoningEffort | Omit | None
    safety_identifier: str | Omit | None
    seed: int | Omit | None
    service_tier: ServiceTier | Omit | None
    stop: str | SequenceNotStr[str] | Omit | None
    store: bool | Omit | None
    stream_options: ChatCompletionStreamOptionsParam | Omit | None
    temperature: float | Omit | None
    tool_choice: ChatCompletionToolChoiceOptionParam | ServerToolChoice | Omit
    tools: Iterable[ChatCompletionToolUnionParam | ChatTool] | Omit
    top_logprobs: int | Omit | None
    top_p: float | Omit | None
    user: str | Omit
    verbosity: Verbosity | Omit | None
    web_search_options: completion_create_params.WebSearchOptions | Omit
    # OpenRouter's extras.
    provider: ProviderPreferences | Omit | None
    models: list[str] | Omit
    route: Route | Omit | None
    plugins: list[Plugin] | Omit
    reasoning: ReasoningConfig | Omit
    stop_server_tools_when: list[StopServerToolsWhen] | Omit
    include_reasoning: bool | Omit
    usage: UsageConfig | Omit
    transforms: list[str] | Omit
    top_k: int | Omit
    top_a: float | Omit
    min_p: float | Omit
    repetition_penalty: float | Omit
    debug: DebugOptions | Omit
    session_id: str | Omit
    trace: TraceConfig | Omit
    image_config: ImageConfig | Omit
    cache_control: CacheControl | Omit
    # Per-request transport options, as on every `openai` method.
    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Body | None
    timeout: float | httpx2.Timeout | NotGiven | None


class ChatCompletionCreateKwargs(ChatCompletionParseKwargs, total=False):
    """Every optional keyword of `chat.completions.create` besides `messages`, `model` and `stream`."""

    response_format: completion_create_params.ResponseFormat | ResponseFormatGrammar | ResponseFormatPython | Omit
