"""A Responses API result (`POST /responses`) as OpenRouter returns it; still an `openai` Response."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from openai._models import BaseModel
from openai.types.responses import response as openai_response
from openai.types.responses import response_output_item as openai_output_item
from openai.types.responses import response_reasoning_item as openai_reasoning_item
from openai.types.responses import response_usage as openai_usage
from pydantic import field_validator

from ..._response_metadata import WithResponseMetadata
from ..shared.router_metadata import RouterMetadata
from ..shared.usage import ServerToolUseDetails
from ._union import known_tags, replace_members

__all__ = [
    "InputTokensDetails",
    "Response",
    "ResponseCostDetails",
    "ResponseOutputItem",
    "ResponseReasoningItem",
    "ResponseServerToolItem",
    "ResponseUsage",
    "UnknownResponseOutputItem",
]


class ResponseReasoningItem(openai_reasoning_item.ResponseReasoningItem):
    """A reasoning output item; OpenRouter adds which provider family wrote it and its signature.

    Send it back unchanged (with `encrypted_content`) in the next turn's `input` to keep the reasoning.
    """

    format: str | None = None
    """e.g. `openai-responses-v1`, `anthropic-claude-v1`, `google-gemini-v1`."""
    signature: str | None = None


_KNOWN_ITEM_TYPES = known_tags(openai_output_item.ResponseOutputItem)


class ResponseServerToolItem(BaseModel):
    """An output item of an OpenRouter server tool (`type` is `openrouter:web_search`, `openrouter:bash`, ...):
    what the tool did, kept whole (each tool's own fields are attributes, e.g. `item.action`)."""

    type: str
    id: str | None = None
    status: str | None = None

    @field_validator("type")
    @classmethod
    def _is_server_tool(cls, value: str) -> str:
        if not value.startswith("openrouter:"):
            raise ValueError("not an OpenRouter server-tool item")
        return value


class UnknownResponseOutputItem(BaseModel):
    """An output item this client does not know yet: its `type` and every field kept, never parsed into
    another class."""

    type: str

    @field_validator("type")
    @classmethod
    def _is_unknown(cls, value: str) -> str:
        if value in _KNOWN_ITEM_TYPES or value.startswith("openrouter:"):
            raise ValueError("a known item type")
        return value


if TYPE_CHECKING:
    # Statically: openai's items or ours, so `isinstance(item, ResponseServerToolItem)` / `match` narrow (and a
    # `match` over openai's classes alone is not exhaustive: OpenRouter sends more). A function typed with
    # `openai`'s union still takes a narrowed item; `Response` is still an `openai` Response.
    ResponseOutputItem: TypeAlias = (
        ResponseReasoningItem
        | openai_output_item.ResponseOutputItem
        | ResponseServerToolItem
        | UnknownResponseOutputItem
    )
else:
    ResponseOutputItem: TypeAlias = replace_members(
        openai_output_item.ResponseOutputItem,
        {openai_reasoning_item.ResponseReasoningItem: ResponseReasoningItem},
        first=(ResponseServerToolItem, UnknownResponseOutputItem),
    )


class InputTokensDetails(openai_usage.InputTokensDetails):
    """Input token breakdown; OpenRouter sends `cache_write_tokens` only when the request wrote a cache."""

    cache_write_tokens: int | None = None  # type: ignore[assignment]


class ResponseCostDetails(BaseModel):
    """What the upstream provider charged, split into input and output (set for BYOK requests)."""

    upstream_inference_cost: float | None = None
    upstream_inference_input_cost: float | None = None
    upstream_inference_output_cost: float | None = None


class ResponseUsage(openai_usage.ResponseUsage):
    """`usage` of a response; `cost` is in credits (USD) actually charged."""

    input_tokens_details: InputTokensDetails
    cost: float | None = None
    is_byok: bool | None = None
    cost_details: ResponseCostDetails | None = None
    server_tool_use_details: ServerToolUseDetails | None = None


class Response(openai_response.Response, WithResponseMetadata):
    """`openai`'s Response plus OpenRouter's fields: cost-bearing `usage`, reasoning items with `format`,
    the sampling penalties it echoes, and (on failure) `error_type`."""

    output: list[ResponseOutputItem]  # type: ignore[assignment]  # wider than openai's: OpenRouter's items too
    usage: ResponseUsage | None = None
    frequency_penalty: float | None = None
    presence_penalty: float | None = None
    store: bool | None = None
    """Always false: OpenRouter keeps no response state (send reasoning items back in `input` instead)."""
    error_type: str | None = None
    """OpenRouter's error category when the response carries `error` (e.g. `rate_limit_exceeded`)."""
    openrouter_metadata: RouterMetadata | None = None
    """Routing details, sent when the request has the `X-OpenRouter-Metadata: enabled` header."""
