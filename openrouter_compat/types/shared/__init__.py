"""Models shared by several OpenRouter endpoints."""

from .error_object import ErrorObject
from .reasoning_detail import (
    ReasoningDetail,
    ReasoningDetailEncrypted,
    ReasoningDetailServerToolCall,
    ReasoningDetailSummary,
    ReasoningDetailText,
    ReasoningDetailUnknown,
)
from .router_metadata import RouterAttempt, RouterEndpoint, RouterEndpoints, RouterMetadata
from .usage import CompletionTokensDetails, CostDetails, PromptTokensDetails, ServerToolUse, ServerToolUseDetails, Usage

__all__ = [
    "RouterAttempt",
    "RouterEndpoint",
    "RouterEndpoints",
    "RouterMetadata",
    "CompletionTokensDetails",
    "CostDetails",
    "ErrorObject",
    "PromptTokensDetails",
    "ReasoningDetail",
    "ReasoningDetailEncrypted",
    "ReasoningDetailServerToolCall",
    "ReasoningDetailSummary",
    "ReasoningDetailText",
    "ReasoningDetailUnknown",
    "ServerToolUse",
    "ServerToolUseDetails",
    "Usage",
]
