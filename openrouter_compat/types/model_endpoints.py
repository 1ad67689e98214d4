"""`GET /models/{author}/{slug}/endpoints`: every provider endpoint serving a model, with price and health."""

from __future__ import annotations

from openai._models import BaseModel

from .model import ModelArchitecture, Pricing

__all__ = ["ModelEndpoint", "ModelEndpoints", "PercentileStats", "ToolChoiceSupport", "WorkloadPerformance"]


class PercentileStats(BaseModel):
    """Percentiles over the last 30 minutes (latency in seconds to first token, throughput in tokens/s)."""

    p50: float | None = None
    p75: float | None = None
    p90: float | None = None
    p99: float | None = None


class ToolChoiceSupport(BaseModel):
    """Which `tool_choice` values passed OpenRouter's testing on this endpoint."""

    auto: bool | None = None
    none: bool | None = None
    required: bool | None = None
    function: bool | None = None


class WorkloadPerformance(BaseModel):
    """One kind of request's performance over the last 30 minutes (latency in ms, end to end for media)."""

    latency: PercentileStats | None = None
    throughput: PercentileStats | None = None
    request_count: int | None = None


class ModelEndpoint(BaseModel):
    """One provider's endpoint for the model: its own prices, limits, parameters and recent health."""

    name: str | None = None
    model_id: str | None = None
    model_name: str | None = None
    context_length: int | None = None
    pricing: Pricing | None = None
    provider_name: str | None = None
    tag: str | None = None
    """Provider slug (``together/fp8``) usable in `provider.order` / `provider.only`."""
    quantization: str | None = None
    max_completion_tokens: int | None = None
    max_prompt_tokens: int | None = None
    supported_parameters: list[str] = []  # noqa: RUF012 - pydantic copies the default (a factory would be None under `construct`)
    status: int | None = None
    """0 = healthy; negative values are degraded states (-1, -2, -3, -5, -10)."""
    uptime_last_30m: float | None = None
    uptime_last_5m: float | None = None
    uptime_last_1d: float | None = None
    supports_implicit_caching: bool | None = None
    latency_last_30m: PercentileStats | None = None
    throughput_last_30m: PercentileStats | None = None
    perf_last_30m_by_workload: dict[str, WorkloadPerformance] | None = None
    """Keyed by workload: `text_generation`, `image_generation`, `embeddings`, `rerank`, `stt`, `tts`, ..."""
    supports_tool_choice: ToolChoiceSupport | None = None
    supports_voice_cloning: bool | None = None
    """Whether this TTS endpoint accepts `input_references` (reference audio) for voice cloning."""


class ModelEndpoints(BaseModel):
    """A model and the endpoints serving it."""

    id: str
    name: str | None = None
    created: int | None = None
    description: str | None = None
    architecture: ModelArchitecture | None = None
    endpoints: list[ModelEndpoint] = []  # noqa: RUF012 - pydantic copies the default (a factory would be None under `construct`)
