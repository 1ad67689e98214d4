"""Streams of `POST /responses`: typed OpenRouter events, and typed errors where `openai` raises a bare one.

Like the chat streams in `_streaming`, the base iterator runs in "events" mode so an `error` event reaches
us as data; we raise the typed error for its code instead of `openai`'s status-less `APIError`. A stream
that stops before its terminal `response.*` event raises `StreamInterruptedError` instead of ending quietly.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import openai
from openai._models import FinalRequestOptions
from openai.types.responses import response_stream_event as openai_stream_event
from typing_extensions import override

from ._exceptions import StreamDecodeError, StreamInterruptedError, error_status, make_status_error
from ._json import is_object
from ._streaming import _events_mode
from .types.responses.response_stream_event import ResponseStreamEvent

if TYPE_CHECKING:
    import httpx2

__all__ = ["AsyncResponseEventStream", "ResponseEventStream", "response_stream_error"]

_OpenAIEvent = openai_stream_event.ResponseStreamEvent


def response_stream_error(event: Any, *, response: httpx2.Response) -> Exception:
    """The typed error for an `error` event: OpenRouter's `error` object if present, else OpenAI's fields."""
    data: dict[str, Any] = event.to_dict()
    error = data.get("error")
    if not is_object(error) or not error:
        error = {key: data[key] for key in ("code", "message", "param") if data.get(key) is not None}
    status = error_status(error)
    message = f"Error code: {status} (mid-stream) - {error.get('message') or 'An error occurred during streaming'}"
    return make_status_error(message, body={**data, "error": error}, response=response, status=status)


def _replacement(exc: Exception, response: httpx2.Response) -> Exception | None:
    """The typed error to raise instead of `exc`, or None to let `exc` through unchanged."""
    if isinstance(exc, json.JSONDecodeError):
        return StreamDecodeError(f"Malformed JSON in stream event: {exc}", response=response, body=None, partial=None)
    if isinstance(exc, openai.APIConnectionError) and not isinstance(exc, openai.APIStatusError):
        kind = "timed out" if isinstance(exc, openai.APITimeoutError) else "was interrupted"
        return StreamInterruptedError(f"The stream {kind}", response=response, body=None, partial=None)
    return None


_TERMINAL = frozenset({"response.completed", "response.incomplete", "response.failed"})
"""Event types that end a response; a stream that stops before one of them was cut off."""


def _is_error(event: Any) -> bool:
    return getattr(event, "type", None) == "error"


def _cut_off(response: httpx2.Response) -> StreamInterruptedError:
    message = "The stream ended before a response.completed (or .incomplete/.failed) event"
    return StreamInterruptedError(message, response=response, body=None, partial=None)


class ResponseEventStream(openai.Stream[_OpenAIEvent]):
    """A streamed response; iterating yields `openrouter_compat.types.responses.ResponseStreamEvent`."""

    def __init__(
        self,
        *,
        cast_to: type[_OpenAIEvent],
        response: httpx2.Response,
        client: openai.OpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @override
    def __next__(self) -> ResponseStreamEvent:
        return super().__next__()

    @override
    def __iter__(self) -> Iterator[ResponseStreamEvent]:
        return super().__iter__()

    @override
    def __stream__(self) -> Iterator[_OpenAIEvent]:
        finished = False
        try:
            for event in super().__stream__():
                if _is_error(event):
                    raise response_stream_error(event, response=self.response)
                finished = finished or event.type in _TERMINAL
                yield event
        except Exception as exc:
            replacement = _replacement(exc, self.response)
            if replacement is None:
                raise
            raise replacement from exc
        if not finished:
            raise _cut_off(self.response)


class AsyncResponseEventStream(openai.AsyncStream[_OpenAIEvent]):
    """The async twin of `ResponseEventStream`."""

    def __init__(
        self,
        *,
        cast_to: type[_OpenAIEvent],
        response: httpx2.Response,
        client: openai.AsyncOpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @override
    async def __anext__(self) -> ResponseStreamEvent:
        return await super().__anext__()

    @override
    async def __aiter__(self) -> AsyncIterator[ResponseStreamEvent]:
        async for item in self._iterator:
            yield item

    @override
    async def __stream__(self) -> AsyncIterator[_OpenAIEvent]:
        finished = False
        try:
            async for event in super().__stream__():
                if _is_error(event):
                    raise response_stream_error(event, response=self.response)
                finished = finished or event.type in _TERMINAL
                yield event
        except Exception as exc:
            replacement = _replacement(exc, self.response)
            if replacement is None:
                raise
            raise replacement from exc
        if not finished:
            raise _cut_off(self.response)
