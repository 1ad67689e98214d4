"""`GET /generation`: cost, tokens, latency and routing of one generation, after the fact.

Hand-written; import these from `types/generations.py`, the types module of `client.generations`, which the
generator writes (with the types of `/generation/content` and `/generation/feedback`) and which re-exports them.
"""

from __future__ import annotations

from typing import Literal

from openai._models import BaseModel

__all__ = ["Generation", "GenerationProviderResponse"]


class GenerationProviderResponse(BaseModel):
    """One provider attempt while routing the generation (failed fallbacks included)."""

    status: int | None = None
    id: str | None = None
    endpoint_id: str | None = None
    model_permaslug: str | None = None
    provider_name: str | None = None
    latency: float | None = None
    is_byok: bool | None = None
    routed_service_tier: str | None = None


class Generation(BaseModel):
    """Every field of OpenRouter's generation stats (REFERENCE §6); costs in USD, times in ms."""

    id: str
    upstream_id: str | None = None
    total_cost: float | None = None
    usage: float | None = None
    cache_discount: float | None = None
    upstream_inference_cost: float | None = None
    created_at: str | None = None
    model: str | None = None
    app_id: int | None = None
    streamed: bool | None = None
    cancelled: bool | None = None
    provider_name: str | None = None
    latency: float | None = None
    moderation_latency: float | None = None
    generation_time: float | None = None
    finish_reason: str | None = None
    native_finish_reason: str | None = None
    tokens_prompt: int | None = None
    tokens_completion: int | None = None
    native_tokens_prompt: int | None = None
    native_tokens_completion: int | None = None
    native_tokens_completion_images: int | None = None
    native_tokens_reasoning: int | None = None
    native_tokens_cached: int | None = None
    num_media_prompt: int | None = None
    num_input_audio_prompt: int | None = None
    num_media_completion: int | None = None
    num_search_results: int | None = None
    num_fetches: int | None = None
    origin: str | None = None
    is_byok: bool | None = None
    external_user: str | None = None
    api_type: Literal["completions", "embeddings", "rerank", "tts", "stt", "video", "image"] | str | None = None
    router: str | None = None
    provider_responses: list[GenerationProviderResponse] | None = None
    user_agent: str | None = None
    http_referer: str | None = None
    session_id: str | None = None
    request_id: str | None = None
    preset_id: str | None = None
    service_tier: str | None = None
    data_region: str | None = None
    web_search_engine: str | None = None
    response_cache_source_id: str | None = None
    workspace_id: str | None = None
