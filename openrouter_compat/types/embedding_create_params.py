"""Keyword arguments of `embeddings.create`: `openai`'s own plus OpenRouter's `provider` and `input_type`
(REFERENCE §6; embeddings take no `models`/`session_id` body fields), and OpenRouter's multimodal inputs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Required

import httpx2
from openai._types import Body, Headers, NotGiven, Omit, Query
from openai.types.chat import ChatCompletionContentPartParam
from pydantic import with_config
from typing_extensions import TypedDict

from ._open import OPEN
from .provider_preferences import ProviderPreferences

__all__ = ["EmbeddingCreateKwargs", "EmbeddingMultimodalInput", "OpenRouterEmbeddingParams"]


@with_config(OPEN)
class OpenRouterEmbeddingParams(TypedDict, total=False):
    """The OpenRouter-only body fields of `POST /embeddings`, validated before sending."""

    provider: ProviderPreferences
    input_type: str
    """What the input is for, for models that embed queries and documents differently
    (e.g. ``search_query``, ``search_document``)."""


class EmbeddingMultimodalInput(TypedDict, total=False):
    """One multimodal input: text, image, audio, video or file parts embedded together."""

    content: Required[Iterable[ChatCompletionContentPartParam]]


class EmbeddingCreateKwargs(TypedDict, total=False):
    """Every optional keyword of `embeddings.create` besides `input` and `model`."""

    # OpenAI's own parameters.
    dimensions: int | Omit
    encoding_format: Literal["float", "base64"] | Omit
    user: str | Omit
    # OpenRouter's extras.
    provider: ProviderPreferences | Omit
    input_type: str | Omit
    # Per-request transport options, as on every `openai` method.
    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Body | None
    timeout: float | httpx2.Timeout | NotGiven | None
