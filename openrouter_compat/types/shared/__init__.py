"""Models shared by several OpenRouter endpoints."""

from .error_object import ErrorObject
from .reasoning_detail import (
    ReasoningDetail,
    ReasoningDetailEncrypted,
    ReasoningDetailSummary,
    ReasoningDetailText,
    ReasoningDetailUnknown,
)
from .usage import CompletionTokensDetails, CostDetails, PromptTokensDetails, ServerToolUse, Usage

__all__ = [
    "CompletionTokensDetails",
    "CostDetails",
    "ErrorObject",
    "PromptTokensDetails",
    "ReasoningDetail",
    "ReasoningDetailEncrypted",
    "ReasoningDetailSummary",
    "ReasoningDetailText",
    "ReasoningDetailUnknown",
    "ServerToolUse",
    "Usage",
]
