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
        ResponseServerToolItem,
        ResponseUsage,
        UnknownResponseOutputItem,
    )
    from .response_create_params import (
        OpenRouterResponseParams,
        ResponseCreateKwargs,
        ResponseParseKwargs,
        ResponseStreamKwargs,
    )
    from .response_input_param import ResponseInputItemParam, ResponseInputParam, UnknownResponseInputItemParam
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
        UnknownResponseStreamEvent,
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
    "ResponseInputItemParam",
    "ResponseInputParam",
    "ResponseOutputItem",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseParseKwargs",
    "ResponseQueuedEvent",
    "ResponseReasoningItem",
    "ResponseServerToolItem",
    "ResponseStreamEvent",
    "ResponseStreamKwargs",
    "ResponseUsage",
    "UnknownResponseInputItemParam",
    "UnknownResponseOutputItem",
    "UnknownResponseStreamEvent",
]

_LAZY: dict[str, tuple[str, ...]] = {
    ".response": (
        "InputTokensDetails",
        "Response",
        "ResponseCostDetails",
        "ResponseOutputItem",
        "ResponseReasoningItem",
        "ResponseServerToolItem",
        "ResponseUsage",
        "UnknownResponseOutputItem",
    ),
    ".response_create_params": (
        "OpenRouterResponseParams",
        "ResponseCreateKwargs",
        "ResponseParseKwargs",
        "ResponseStreamKwargs",
    ),
    ".response_input_param": (
        "ResponseInputItemParam",
        "ResponseInputParam",
        "UnknownResponseInputItemParam",
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
        "UnknownResponseStreamEvent",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _LAZY)
