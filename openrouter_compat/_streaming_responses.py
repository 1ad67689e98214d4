"""Streams of `POST /responses`: typed OpenRouter events, partial output kept, errors raised where they arrive.

The same guard mechanism as the chat streams in `_streaming` (`StreamGuard`, `guarded`, `read_to_output`),
with what counts as output and how an event is folded in said here: the base iterator runs in "events" mode
so an `error` event reaches us as data, and we raise the typed `MidStreamError` class for its code with
everything received before it in `error.partial` (a `ResponseStreamAccumulator`, also `stream.accumulator`).
A stream that stops before its terminal `response.*` event raises `StreamInterruptedError`. `prime()` reads
ahead to the first event with output, so the client's retry loop retries failures before any output.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import openai
from openai._models import FinalRequestOptions
from openai.types.responses import response_stream_event as openai_stream_event
from typing_extensions import override

from ._exceptions import (
    InvalidResponseError,
    StreamError,
    StreamInterruptedError,
    error_status,
    midstream_error_class,
    status_error_class,
    stream_decode_error,
    stream_interrupted_error,
)
from ._json import is_object
from ._response_metadata import observe_result
from ._sse_decoder import OpenRouterSSEDecoder
from ._stream_chunks import ChunkParser
from ._streaming import (
    StreamGuard,
    _events_mode,
    _synthesized,
    aguarded,
    aread_guarded,
    aread_to_output,
    guarded,
    ledger_of,
    read_guarded,
    read_to_output,
)
from .lib.response_accumulator import ResponseStreamAccumulator
from .types.responses.response_stream_event import ResponseStreamEvent

if TYPE_CHECKING:
    import httpx2

    from ._ledger import CostLedger

__all__ = ["AsyncResponseEventStream", "ResponseEventStream", "response_stream_error"]

_OpenAIEvent = openai_stream_event.ResponseStreamEvent

_TERMINAL = frozenset({"response.completed", "response.incomplete", "response.failed"})
"""Event types that end a response; a stream that stops before one of them was cut off."""

_NOT_OUTPUT = frozenset(
    {
        "response.created",
        "response.queued",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        "response.reasoning_summary_part.added",
    }
)
"""Events announcing a response, an item or a part, before any of its content: not output yet (a failure
after only these is retried)."""


def response_stream_error(
    event: Any, *, response: httpx2.Response, partial: ResponseStreamAccumulator | None = None
) -> Exception:
    """The typed error for an `error` event: OpenRouter's `error` object if present, else OpenAI's fields. The
    class is the status class for its code and `MidStreamError`; `partial` holds everything received before it."""
    data: dict[str, Any] = event.to_dict()
    error = data.get("error")
    if not is_object(error) or not error:
        error = {key: data[key] for key in ("code", "message", "param") if data.get(key) is not None}
    status = error_status(error)
    body = {**data, "error": error}
    cls = midstream_error_class(status_error_class(status, body))
    message = f"Error code: {status} (mid-stream) - {error.get('message') or 'An error occurred during streaming'}"
    exc = cls(message, response=response, body=body, status=status)
    if partial is not None:
        exc.partial = partial
        exc.generation_id = exc.generation_id or partial.generation_id
    return exc


class _ResponseGuard(StreamGuard[ResponseStreamAccumulator]):
    """The guard of Responses API streams."""

    def __init__(self, response: httpx2.Response, ledger: CostLedger | None) -> None:
        super().__init__(response)
        self.ledger = ledger
        self.accumulator = ResponseStreamAccumulator()
        self.finished = False
        """A terminal `response.*` event arrived."""

    @override
    def has_output(self, chunk: Any) -> bool:
        return getattr(chunk, "type", None) not in _NOT_OUTPUT

    @override
    def on_chunk(self, chunk: Any) -> None:
        self.accumulator.add(chunk)
        observe_result(chunk, self.response, self.ledger)
        kind = getattr(chunk, "type", None)
        if kind == "error":
            raise response_stream_error(chunk, response=self.response, partial=self.accumulator)
        self.finished = self.finished or kind in _TERMINAL

    @override
    def on_end(self) -> None:
        if not self.finished:
            message = "The stream ended before a response.completed (or .incomplete/.failed) event"
            raise StreamInterruptedError(message, response=self.response, body=None, partial=self.accumulator)

    @override
    def on_failure(self, exc: Exception) -> Exception | None:
        if isinstance(exc, StreamError):
            return None
        if isinstance(exc, json.JSONDecodeError | UnicodeDecodeError | InvalidResponseError):
            return stream_decode_error(exc, response=self.response, partial=self.accumulator)
        if isinstance(exc, openai.APIConnectionError):
            return stream_interrupted_error(exc, response=self.response, partial=self.accumulator)
        return None


class ResponseEventStream(openai.Stream[_OpenAIEvent]):
    """A streamed response; iterating yields `openrouter_compat.types.responses.ResponseStreamEvent` (`openai`'s
    events, ours, and `UnknownResponseStreamEvent`: statically wider than the `openai.Stream` it still is).

    A failure raises the typed error where it happens, after every event before it was yielded; the error's
    `partial` (the same object as `accumulator`) holds the text, reasoning, function calls and usage received."""

    def __init__(
        self,
        *,
        cast_to: type[_OpenAIEvent],
        response: httpx2.Response,
        client: openai.OpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        self._guard = _ResponseGuard(response, ledger_of(client))
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @property
    def accumulator(self) -> ResponseStreamAccumulator:
        """Everything received so far (text, reasoning, function calls, usage, response id)."""
        return self._guard.accumulator

    def prime(self) -> None:
        """Read ahead to the first event with output, so a failure before any output is raised here (where the
        client's retry loop can retry it); the events read are still yielded, in order."""
        self._iterator = read_to_output(self._guard, self._iterator)

    @override
    def __next__(self) -> ResponseStreamEvent:  # type: ignore[override]  # openai's events and ours
        return super().__next__()

    @override
    def __iter__(self) -> Iterator[ResponseStreamEvent]:  # type: ignore[override]  # openai's events and ours
        return super().__iter__()

    @override
    def __stream__(self) -> Iterator[_OpenAIEvent]:
        decoder = self._decoder
        if not isinstance(decoder, OpenRouterSSEDecoder) or _synthesized(self._options):
            return guarded(self._guard, super().__stream__())
        parser = ChunkParser(
            model=None,  # a union of event types: parsed by `_process_response_data` from the decoded JSON
            process=self._client._process_response_data,
            cast_to=self._cast_to,
            response=self.response,
            strict=self._client._strict_response_validation,
        )
        return read_guarded(self._guard, decoder, parser, self.response)


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
        self._guard = _ResponseGuard(response, ledger_of(client))
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @property
    def accumulator(self) -> ResponseStreamAccumulator:
        """Everything received so far (text, reasoning, function calls, usage, response id)."""
        return self._guard.accumulator

    async def prime(self) -> None:
        """The async twin of `ResponseEventStream.prime`."""
        self._iterator = await aread_to_output(self._guard, self._iterator)

    @override
    async def __anext__(self) -> ResponseStreamEvent:  # type: ignore[override]  # openai's events and ours
        return await super().__anext__()

    @override
    async def __aiter__(self) -> AsyncIterator[ResponseStreamEvent]:  # type: ignore[override]  # as __anext__
        try:
            async for item in self._iterator:
                yield item
        finally:  # finished, failed or left early (`break`): the connection goes back now, not at GC
            await self.response.aclose()

    @override
    def __stream__(self) -> AsyncIterator[_OpenAIEvent]:
        decoder = self._decoder
        if not isinstance(decoder, OpenRouterSSEDecoder) or _synthesized(self._options):
            return aguarded(self._guard, super().__stream__())
        parser = ChunkParser(
            model=None,  # a union of event types: parsed by `_process_response_data` from the decoded JSON
            process=self._client._process_response_data,
            cast_to=self._cast_to,
            response=self.response,
            strict=self._client._strict_response_validation,
        )
        return aread_guarded(self._guard, decoder, parser, self.response)
