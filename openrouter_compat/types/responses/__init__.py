"""Responses API types (`POST /responses`): `openai`'s models with OpenRouter's fields added."""

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
