"""Server-sent events of a streamed response, with OpenRouter's `Response` inside the lifecycle events.

Only the events that carry a `Response`, an output item or an error are subclassed; every other event is
`openai`'s own. `ResponseStreamEvent` is `openai`'s union with those members swapped for ours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from openai._models import BaseModel
from openai.types import responses as openai_responses
from openai.types.responses import response_stream_event as openai_stream_event
from pydantic import field_validator

from ..shared.error_object import ErrorObject
from ._union import known_tags, replace_members
from .response import Response, ResponseOutputItem

__all__ = [
    "ResponseCompletedEvent",
    "ResponseCreatedEvent",
    "ResponseErrorEvent",
    "ResponseFailedEvent",
    "ResponseFunctionCallArgumentsDoneEvent",
    "ResponseInProgressEvent",
    "ResponseIncompleteEvent",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseQueuedEvent",
    "ResponseStreamEvent",
    "UnknownResponseStreamEvent",
]


class ResponseCreatedEvent(openai_responses.ResponseCreatedEvent):
    response: Response


class ResponseQueuedEvent(openai_responses.ResponseQueuedEvent):
    response: Response


class ResponseInProgressEvent(openai_responses.ResponseInProgressEvent):
    response: Response


class ResponseCompletedEvent(openai_responses.ResponseCompletedEvent):
    """The last event of a successful stream: the whole response, with `usage.cost`."""

    response: Response


class ResponseIncompleteEvent(openai_responses.ResponseIncompleteEvent):
    response: Response


class ResponseFailedEvent(openai_responses.ResponseFailedEvent):
    response: Response


class ResponseOutputItemAddedEvent(openai_responses.ResponseOutputItemAddedEvent):
    item: ResponseOutputItem  # type: ignore[assignment]  # wider than openai's: OpenRouter's items too


class ResponseOutputItemDoneEvent(openai_responses.ResponseOutputItemDoneEvent):
    item: ResponseOutputItem  # type: ignore[assignment]  # wider than openai's: OpenRouter's items too


class ResponseFunctionCallArgumentsDoneEvent(openai_responses.ResponseFunctionCallArgumentsDoneEvent):
    """The end of a function call's arguments; OpenRouter also names the function."""

    name: str | None = None


class ResponseErrorEvent(openai_responses.ResponseErrorEvent):
    """An `error` event; OpenRouter adds its usual `error` object (numeric `code`, `metadata`)."""

    error: ErrorObject | None = None


_KNOWN_EVENT_TYPES = known_tags(openai_stream_event.ResponseStreamEvent)


class UnknownResponseStreamEvent(BaseModel):
    """A stream event this client does not know yet: its `type` and every field kept (never parsed into
    another event class); the stream goes on."""

    type: str

    @field_validator("type")
    @classmethod
    def _is_unknown(cls, value: str) -> str:
        if value in _KNOWN_EVENT_TYPES:
            raise ValueError("a known event type")
        return value


_OURS: dict[type, type] = {
    openai_responses.ResponseCreatedEvent: ResponseCreatedEvent,
    openai_responses.ResponseQueuedEvent: ResponseQueuedEvent,
    openai_responses.ResponseInProgressEvent: ResponseInProgressEvent,
    openai_responses.ResponseCompletedEvent: ResponseCompletedEvent,
    openai_responses.ResponseIncompleteEvent: ResponseIncompleteEvent,
    openai_responses.ResponseFailedEvent: ResponseFailedEvent,
    openai_responses.ResponseOutputItemAddedEvent: ResponseOutputItemAddedEvent,
    openai_responses.ResponseOutputItemDoneEvent: ResponseOutputItemDoneEvent,
    openai_responses.ResponseFunctionCallArgumentsDoneEvent: ResponseFunctionCallArgumentsDoneEvent,
    openai_responses.ResponseErrorEvent: ResponseErrorEvent,
}

if TYPE_CHECKING:
    # Statically: our events, openai's, and `UnknownResponseStreamEvent` (an event type this client does not
    # know), so `isinstance`/`match` narrow on each. Our streams are still `openai`'s `Stream[...]` subclasses.
    ResponseStreamEvent: TypeAlias = (
        ResponseCreatedEvent
        | ResponseQueuedEvent
        | ResponseInProgressEvent
        | ResponseCompletedEvent
        | ResponseIncompleteEvent
        | ResponseFailedEvent
        | ResponseOutputItemAddedEvent
        | ResponseOutputItemDoneEvent
        | ResponseFunctionCallArgumentsDoneEvent
        | ResponseErrorEvent
        | openai_stream_event.ResponseStreamEvent
        | UnknownResponseStreamEvent
    )
else:
    ResponseStreamEvent: TypeAlias = replace_members(
        openai_stream_event.ResponseStreamEvent, _OURS, first=(UnknownResponseStreamEvent,)
    )
