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
from .usage import CompletionTokensDetails, CostDetails, PromptTokensDetails, ServerToolUse, ServerToolUseDetails, Usage

__all__ = [
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
