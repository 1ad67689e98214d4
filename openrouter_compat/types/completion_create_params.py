"""Keyword arguments of the legacy `completions.create` (`POST /completions`): `openai`'s own plus
OpenRouter's extras. One TypedDict each, shared by the sync and async resources and by the validator."""

from __future__ import annotations

import httpx2
from openai._types import Body, Headers, NotGiven, Omit, Query, SequenceNotStr
from openai.types.chat import ChatCompletionStreamOptionsParam
from pydantic import with_config
from typing_extensions import TypedDict

from ._open import OPEN
from .openrouter_request_params import OpenRouterRequestParams, OpenRouterSamplingParams, Route
from .plugin import Plugin
from .provider_preferences import ProviderPreferences
from .reasoning_config import ReasoningConfig
from .request_options import TraceConfig, UsageConfig

__all__ = ["CompletionCreateKwargs", "OpenRouterCompletionParams"]


@with_config(OPEN)
class OpenRouterCompletionParams(OpenRouterRequestParams, OpenRouterSamplingParams, total=False):
    """The OpenRouter fields of a legacy text completion request (validated before sending)."""

    reasoning: ReasoningConfig


class CompletionCreateKwargs(TypedDict, total=False):
    """Every optional keyword of `completions.create` besides `model`, `prompt` and `stream`."""

    # OpenAI's own parameters.
    best_of: int | Omit | None
    echo: bool | Omit | None
    frequency_penalty: float | Omit | None
    logit_bias: dict[str, int] | Omit | None
    logprobs: int | Omit | None
    max_tokens: int | Omit | None
    n: int | Omit | None
    presence_penalty: float | Omit | None
    seed: int | Omit | None
    stop: str | SequenceNotStr[str] | Omit | None
    stream_options: ChatCompletionStreamOptionsParam | Omit | None
    suffix: str | Omit | None
    temperature: float | Omit | None
    top_p: float | Omit | None
    user: str | Omit
    # OpenRouter's extras.
    provider: ProviderPreferences | Omit | None
    models: list[str] | Omit
    route: Route | Omit | None
    plugins: list[Plugin] | Omit
    reasoning: ReasoningConfig | Omit
    usage: UsageConfig | Omit
    transforms: list[str] | Omit
    top_k: int | Omit
    top_a: float | Omit
    min_p: float | Omit
    repetition_penalty: float | Omit
    session_id: str | Omit
    trace: TraceConfig | Omit
    # Per-request transport options, as on every `openai` method.
    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Body | None
    timeout: float | httpx2.Timeout | NotGiven | None
