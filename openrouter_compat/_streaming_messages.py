"""Streams of the Anthropic-shaped `POST /messages`: typed events, partial output kept, errors raised where they arrive.

The same guard mechanism as the chat and Responses streams (`_streaming.StreamGuard`, `guarded`,
`read_to_output`): the base iterator runs in "events" mode so an `error` event reaches us as data, and we raise
the typed `MidStreamError` class for its status with everything received before it in `error.partial` (a
`MessageStreamAccumulator`, also `stream.accumulator`). A stream that stops before `message_stop` raises
`StreamInterruptedError`. `prime()` reads ahead to the first event with output, so the client's retry loop
retries failures before any output. The ledger opens the message's entry at `message_start` and costs it at
`message_stop`.
"""

from __future__ import annotations

import json
import typing
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, Union

import openai
from openai._models import BaseModel, FinalRequestOptions
from openai._utils import PropertyInfo
from pydantic import field_validator
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
from ._response_metadata import build_metadata
from ._streaming import StreamGuard, _events_mode, aguarded, aread_to_output, guarded, ledger_of, read_to_output
from .lib.message_accumulator import MessageStreamAccumulator
from .types.messages import MessagesStreamEvents

if TYPE_CHECKING:
    import httpx2

    from ._ledger import CostLedger

__all__ = ["AsyncMessageEventStream", "MessageEventStream", "UnknownMessagesStreamEvent", "message_stream_error"]


def _known_types() -> frozenset[str]:
    """The `type` of every event the spec defines."""
    known: set[str] = set()
    for member in typing.get_args(MessagesStreamEvents):
        annotation = member.model_fields["type"].annotation
        known.update(arg for arg in typing.get_args(annotation) if isinstance(arg, str))
    return frozenset(known)


_KNOWN_TYPES = _known_types()


class UnknownMessagesStreamEvent(BaseModel):
    """An event this client does not know yet: its `type` and every field kept (never parsed into another
    event class); the stream goes on."""

    type: str

    @field_validator("type")
    @classmethod
    def _is_unknown(cls, value: str) -> str:
        if value in _KNOWN_TYPES:
            raise ValueError("a known event type")
        return value


if TYPE_CHECKING:
    # Statically the spec's events, so `event.type == "content_block_delta"` narrows to its class; at run time
    # an event of a type the spec does not define is an `UnknownMessagesStreamEvent` (test it with `isinstance`).
    _Event: TypeAlias = MessagesStreamEvents
else:
    # Told apart by `type`, so an event the strict models refuse is still built as its own class.
    _Event = Annotated[Union[UnknownMessagesStreamEvent, MessagesStreamEvents], PropertyInfo(discriminator="type")]  # noqa: UP007

_NOT_OUTPUT = frozenset({"message_start", "content_block_start", "ping"})
"""Events announcing a message or a block before any of its content: a failure after only these is retried."""

_STATUS_OF_TYPE = {
    "invalid_request_error": 400,
    "authentication_error": 401,
    "billing_error": 402,
    "permission_error": 403,
    "not_found_error": 404,
    "request_too_large": 413,
    "rate_limit_error": 429,
    "api_error": 500,
    "timeout_error": 504,
    "overloaded_error": 529,
}
"""Anthropic's error `type` -> HTTP status, for an error event without OpenRouter's numeric `code`."""


def message_stream_error(
    event: Any, *, response: httpx2.Response, partial: MessageStreamAccumulator | None = None
) -> Exception:
    """The typed error for an `error` event: the status class for its code (`code`, `error_type`, else its
    Anthropic `type`), also a `MidStreamError`; `partial` holds everything received before it."""
    data: dict[str, Any] = event.to_dict()
    raw = data.get("error")
    error: dict[str, Any] = dict(raw) if is_object(raw) else {}
    status = error_status(error, default=_STATUS_OF_TYPE.get(str(error.get("type")), 500))
    body = {**data, "error": error}
    cls = midstream_error_class(status_error_class(status, body))
    message = f"Error code: {status} (mid-stream) - {error.get('message') or 'An error occurred during streaming'}"
    exc = cls(message, response=response, body=body, status=status)
    if partial is not None:
        exc.partial = partial
        exc.generation_id = exc.generation_id or partial.generation_id
    return exc


class _MessageGuard(StreamGuard[MessageStreamAccumulator]):
    """The guard of messages streams, and their one tracker: accumulator and ledger entry."""

    def __init__(self, response: httpx2.Response, ledger: CostLedger | None) -> None:
        super().__init__(response)
        self.ledger = ledger
        self.accumulator = MessageStreamAccumulator()
        self.finished = False
        """A `message_stop` event arrived."""

    @override
    def has_output(self, chunk: Any) -> bool:
        return getattr(chunk, "type", None) not in _NOT_OUTPUT

    @override
    def on_chunk(self, chunk: Any) -> None:
        self.accumulator.add(chunk)
        kind = getattr(chunk, "type", None)
        if kind == "error":
            raise message_stream_error(chunk, response=self.response, partial=self.accumulator)
        if kind == "message_start":
            self._open()
        elif kind == "message_stop":
            self.finished = True
            self._record()

    def _open(self) -> None:
        gen_id = self.accumulator.generation_id
        if self.ledger is not None and gen_id is not None:
            self.ledger.open_stream(gen_id, model=self.accumulator.model, provider=self.accumulator.provider)

    def _record(self) -> None:
        if self.ledger is None:
            return
        acc = self.accumulator
        metadata = build_metadata(
            self.response.headers,
            generation_id=acc.generation_id,
            provider=acc.provider,
            model=acc.model,
            usage=acc.usage,
        )
        self.ledger.record(metadata, kind="message", streamed=True)

    @override
    def on_end(self) -> None:
        if not self.finished:
            message = "The stream ended before a message_stop event"
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


class MessageEventStream(openai.Stream[_Event]):
    """A streamed `POST /messages`; iterating yields `openrouter_compat.types.messages.MessagesStreamEvents`.

    A failure raises the typed error where it happens, after every event before it was yielded; the error's
    `partial` (the same object as `accumulator`) holds the text, thinking, tool input and usage received."""

    def __init__(
        self,
        *,
        cast_to: type[_Event],
        response: httpx2.Response,
        client: openai.OpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        self._guard = _MessageGuard(response, ledger_of(client))
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @property
    def accumulator(self) -> MessageStreamAccumulator:
        """Everything received so far (message id, text, thinking, tool input, stop reason, usage)."""
        return self._guard.accumulator

    def prime(self) -> None:
        """Read ahead to the first event with output, so a failure before any output is raised here (where the
        client's retry loop can retry it); the events read are still yielded, in order."""
        self._iterator = read_to_output(self._guard, self._iterator)

    @override
    def __stream__(self) -> Iterator[MessagesStreamEvents]:
        return guarded(self._guard, super().__stream__())


class AsyncMessageEventStream(openai.AsyncStream[_Event]):
    """The async twin of `MessageEventStream`."""

    def __init__(
        self,
        *,
        cast_to: type[_Event],
        response: httpx2.Response,
        client: openai.AsyncOpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        self._guard = _MessageGuard(response, ledger_of(client))
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @property
    def accumulator(self) -> MessageStreamAccumulator:
        """Everything received so far (message id, text, thinking, tool input, stop reason, usage)."""
        return self._guard.accumulator

    async def prime(self) -> None:
        """The async twin of `MessageEventStream.prime`."""
        self._iterator = await aread_to_output(self._guard, self._iterator)

    @override
    async def __aiter__(self) -> AsyncIterator[MessagesStreamEvents]:
        try:
            async for item in self._iterator:
                yield item
        finally:  # finished, failed or left early (`break`): the connection goes back now, not at GC
            await self.response.aclose()

    @override
    def __stream__(self) -> AsyncIterator[MessagesStreamEvents]:
        return aguarded(self._guard, super().__stream__())
