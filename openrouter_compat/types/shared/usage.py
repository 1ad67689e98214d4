"""Token usage as OpenRouter reports it: OpenAI's counts plus the cost actually charged."""

from __future__ import annotations

from openai._models import BaseModel
from openai.types import completion_usage

__all__ = [
    "CompletionTokensDetails",
    "CostDetails",
    "PromptTokensDetails",
    "ServerToolUse",
    "ServerToolUseDetails",
    "Usage",
]


class PromptTokensDetails(completion_usage.PromptTokensDetails):
    """Prompt token breakdown; `cache_write_tokens` only appears for explicit-cache models."""

    video_tokens: int | None = None


class CompletionTokensDetails(completion_usage.CompletionTokensDetails):
    """Completion token breakdown, with OpenRouter's image output tokens."""

    image_tokens: int | None = None


class CostDetails(BaseModel):
    """What the upstream provider charged; set for BYOK requests."""

    upstream_inference_cost: float | None = None
    upstream_inference_prompt_cost: float | None = None
    upstream_inference_completions_cost: float | None = None
    server_tool_cost: float | None = None
    """What the server tools of the request (web search, fetch, ...) cost, in credits (USD)."""


class ServerToolUse(BaseModel):
    """Server-side tool calls (web search) that were billed."""

    web_search_requests: int | None = None


class ServerToolUseDetails(ServerToolUse):
    """The 2026 name of `server_tool_use`: web searches plus server-executed tool calls."""

    tool_calls_requested: int | None = None
    tool_calls_executed: int | None = None


class Usage(completion_usage.CompletionUsage):
    """`usage` of a chat or text completion; `cost` is in credits (USD) actually charged."""

    completion_tokens_details: CompletionTokensDetails | None = None
    prompt_tokens_details: PromptTokensDetails | None = None
    cost: float | None = None
    is_byok: bool | None = None
    cost_details: CostDetails | None = None
    server_tool_use: ServerToolUse | None = None
    server_tool_use_details: ServerToolUseDetails | None = None
