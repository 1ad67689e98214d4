"""Responses API types (`POST /responses`): `openai`'s models with OpenRouter's fields added.

Names load on first access (`lazy_exports`); the `TYPE_CHECKING` imports give type checkers every name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._lazy import lazy_exports

if TYPE_CHECKING:
    from .response import (
        InputTokensDetails,
        Response,
        ResponseCostDetails,
        ResponseOutputItem,
        ResponseReasoningItem,
        ResponseUsage,
    )
    from .response_create_params import OpenRouterResponseParams, ResponseCreateKwargs
    from .response_stream_event import (
        ResponseCompletedEvent,
        ResponseCreatedEvent,
        ResponseErrorEvent,
        ResponseFailedEvent,
        ResponseFunctionCallArgumentsDoneEvent,
        ResponseIncompleteEvent,
        ResponseInProgressEvent,
        ResponseOutputItemAddedEvent,
        ResponseOutputItemDoneEvent,
        ResponseQueuedEvent,
        ResponseStreamEvent,
    )

__all__ = [
    "InputTokensDetails",
    "OpenRouterResponseParams",
    "Response",
    "ResponseCompletedEvent",
    "ResponseCostDetails",
    "ResponseCreateKwargs",
    "ResponseCreatedEvent",
    "ResponseErrorEvent",
    "ResponseFailedEvent",
    "ResponseFunctionCallArgumentsDoneEvent",
    "ResponseInProgressEvent",
    "ResponseIncompleteEvent",
    "ResponseOutputItem",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseQueuedEvent",
    "ResponseReasoningItem",
    "ResponseStreamEvent",
    "ResponseUsage",
]

_LAZY: dict[str, tuple[str, ...]] = {
    ".response": (
        "InputTokensDetails",
        "Response",
        "ResponseCostDetails",
        "ResponseOutputItem",
        "ResponseReasoningItem",
        "ResponseUsage",
    ),
    ".response_create_params": (
        "OpenRouterResponseParams",
        "ResponseCreateKwargs",
    ),
    ".response_stream_event": (
        "ResponseCompletedEvent",
        "ResponseCreatedEvent",
        "ResponseErrorEvent",
        "ResponseFailedEvent",
        "ResponseFunctionCallArgumentsDoneEvent",
        "ResponseIncompleteEvent",
        "ResponseInProgressEvent",
        "ResponseOutputItemAddedEvent",
        "ResponseOutputItemDoneEvent",
        "ResponseQueuedEvent",
        "ResponseStreamEvent",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _LAZY)
