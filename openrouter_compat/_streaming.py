"""OpenRouter-aware streams: typed chunks, partial output kept, errors raised where they arrive.

`openai`'s `Stream` raises a bare `APIError` on an error chunk and drops the chunk. Ours runs the base
iterator in "events" mode (so error chunks reach us as data), folds every chunk into an accumulator,
and raises the typed error for the chunk's code with everything received before it attached. A body that
ends with neither `[DONE]` nor a `finish_reason` is an interruption, not a success. `prime()` reads ahead to
the first chunk with output, so the client's retry loop can retry failures that happen before any output.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import openai
import pydantic
from openai._httpx2 import request_exceptions, timeout_exceptions
from openai._models import FinalRequestOptions
from openai._streaming import ServerSentEvent
from openai._streaming_cleanup import drain_response_async
from openai.types import completion as openai_completion
from openai.types.chat import chat_completion_chunk as openai_chunk
from typing_extensions import override

from ._exceptions import (
    InvalidResponseError,
    StreamError,
    stream_decode_error,
    stream_error_from_chunk,
    stream_interrupted_error,
)
from ._response_metadata import ResponseMetadata, StreamMetadata, observe_result
from ._sse_decoder import OpenRouterSSEDecoder, SSEItem
from ._stream_chunks import DONE, ChunkParser
from .lib.chat_accumulator import ChatCompletionAccumulator
from .types.chat.chat_completion_chunk import ChatCompletionChunk
from .types.completion import Completion

if TYPE_CHECKING:
    import httpx2

    from ._ledger import CostLedger

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncCompletionStream",
    "ChatCompletionStream",
    "CompletionStream",
    "OpenRouterSSEDecoder",
    "ledger_of",
]

_T = TypeVar("_T")
_A = TypeVar("_A")

_OUTPUT_FIELDS = (
    "content",
    "reasoning",
    "reasoning_details",
    "tool_calls",
    "function_call",
    "refusal",
    "images",
    "audio",
    "annotations",
)
"""Delta fields whose presence means the stream has produced output (not just a role or a keep-alive)."""


def _events_mode(options: FinalRequestOptions | None) -> FinalRequestOptions | None:
    """Ask the base iterator to hand error chunks to us instead of raising a status-less `APIError`."""
    if options is None:
        return FinalRequestOptions(method="post", url="", stream_mode="events")
    return options.model_copy(update={"stream_mode": "events"})


def has_output(chunk: Any) -> bool:
    """Whether a chunk carries output (text, reasoning, tool calls, ...), a finish reason or usage."""
    if getattr(chunk, "usage", None) is not None:
        return True
    for choice in getattr(chunk, "choices", None) or ():
        if getattr(choice, "finish_reason", None) is not None or getattr(choice, "text", None):
            return True
        delta = getattr(choice, "delta", None)
        if delta is not None and any(getattr(delta, name, None) for name in _OUTPUT_FIELDS):
            return True
    return False


class StreamGuard(Generic[_A]):
    """What a stream does with each event, chunk, failure and its end, written once for sync and async and
    for every kind of stream; a subclass says what counts as output and how a chunk is folded in."""

    accumulator: _A
    """Everything received so far; also the `partial` of the error that ends the stream early."""

    def __init__(self, response: httpx2.Response) -> None:
        self.response = response

    def on_event(self, event: ServerSentEvent) -> None:
        """See each raw server-sent event before it is parsed (nothing by default)."""

    def has_output(self, chunk: Any) -> bool:
        """Whether `chunk` is output (after it, a failure is no longer retried)."""
        raise NotImplementedError

    def on_chunk(self, chunk: Any) -> None:
        """Fold a parsed chunk in; raise the typed error (with everything before it) for an error chunk."""
        raise NotImplementedError

    def on_end(self) -> None:
        """The body ended: raise when the stream had not finished."""
        raise NotImplementedError

    def on_failure(self, exc: Exception) -> Exception | None:
        """The typed error to raise instead of `exc`, or None to let `exc` through unchanged."""
        raise NotImplementedError


def guarded(guard: StreamGuard[Any], chunks: Iterator[_T]) -> Iterator[_T]:
    """`chunks` run through `guard`: each folded in as it passes, the end checked, failures typed. However the
    stream ends (finished, failed, abandoned and closed), the response is closed and its connection released."""
    try:
        for chunk in chunks:
            guard.on_chunk(chunk)
            yield chunk
        guard.on_end()
    except Exception as exc:
        replacement = guard.on_failure(exc)
        if replacement is None:
            raise
        raise replacement from _cause(exc)
    finally:
        close = getattr(chunks, "close", None)
        if callable(close):
            close()
        guard.response.close()


async def aguarded(guard: StreamGuard[Any], chunks: AsyncIterator[_T]) -> AsyncIterator[_T]:
    """The async twin of `guarded`."""
    try:
        async for chunk in chunks:
            guard.on_chunk(chunk)
            yield chunk
        guard.on_end()
    except Exception as exc:
        replacement = guard.on_failure(exc)
        if replacement is None:
            raise
        raise replacement from _cause(exc)
    finally:
        aclose: Callable[[], Awaitable[object]] | None = getattr(chunks, "aclose", None)
        if aclose is not None and not getattr(chunks, "ag_running", False):
            await aclose()
        await guard.response.aclose()


_DONE = ServerSentEvent(data="[DONE]")


def read_guarded(
    guard: StreamGuard[Any], decoder: OpenRouterSSEDecoder, parser: ChunkParser, response: httpx2.Response
) -> Iterator[Any]:
    """`guarded` over what `openai`'s events-mode `__stream__` yields, in one loop (one generator per chunk
    instead of five): the chunks of `response` up to `[DONE]`, transport failures raised as `openai` raises
    them (`APITimeoutError`, `APIConnectionError`) then typed by `guard`; `guard.on_event` sees `[DONE]` and
    every event that is not plain data."""
    splitter, validate = decoder.splitter(), parser.validate
    reads = response.iter_bytes()
    try:
        try:
            done = False
            while not done:
                read = next(reads, None)
                for item in splitter.feed(read) if read is not None else splitter.finish():
                    chunk = None
                    if validate is not None and isinstance(item, bytes):
                        try:  # the fast path inlined: this loop runs once per chunk
                            chunk = validate(item)
                        except pydantic.ValidationError:
                            chunk = None
                    if chunk is None or getattr(chunk, "error", None) is not None:
                        chunk = _parse(guard, parser, item)
                        if chunk is DONE:
                            done = True
                            break
                    guard.on_chunk(chunk)
                    yield chunk
                done = done or read is None
        except timeout_exceptions() as err:
            raise openai.APITimeoutError(request=response.request) from err
        except request_exceptions() as err:
            raise openai.APIConnectionError(request=response.request) from err
        guard.on_end()
    except Exception as exc:
        replacement = guard.on_failure(exc)
        if replacement is None:
            raise
        raise replacement from _cause(exc)
    finally:
        response.close()


async def aread_guarded(
    guard: StreamGuard[Any], decoder: OpenRouterSSEDecoder, parser: ChunkParser, response: httpx2.Response
) -> AsyncIterator[Any]:
    """The async twin of `read_guarded` (after `[DONE]`, an HTTP/1.1 body is drained for connection reuse, as
    `openai` does)."""
    splitter, validate = decoder.splitter(), parser.validate
    reads = response.aiter_bytes()
    try:
        try:
            done = False
            while not done:
                read = await anext(reads, None)
                for item in splitter.feed(read) if read is not None else splitter.finish():
                    chunk = None
                    if validate is not None and isinstance(item, bytes):
                        try:  # the fast path inlined: this loop runs once per chunk
                            chunk = validate(item)
                        except pydantic.ValidationError:
                            chunk = None
                    if chunk is None or getattr(chunk, "error", None) is not None:
                        chunk = _parse(guard, parser, item)
                        if chunk is DONE:
                            await _drain(response)
                            done = True
                            break
                    guard.on_chunk(chunk)
                    yield chunk
                done = done or read is None
        except timeout_exceptions() as err:
            raise openai.APITimeoutError(request=response.request) from err
        except request_exceptions() as err:
            raise openai.APIConnectionError(request=response.request) from err
        guard.on_end()
    except Exception as exc:
        replacement = guard.on_failure(exc)
        if replacement is None:
            raise
        raise replacement from _cause(exc)
    finally:
        await response.aclose()


def _parse(guard: StreamGuard[Any], parser: ChunkParser, item: SSEItem) -> Any:
    """The chunk of one event (`DONE` for `[DONE]`, which `guard.on_event` is shown, as are decoded events)."""
    if isinstance(item, bytes):
        chunk = parser.data(item)
        if chunk is DONE:
            guard.on_event(_DONE)
        return chunk
    guard.on_event(item)
    return DONE if item.data.startswith("[DONE]") else parser.event(item)


async def _drain(response: httpx2.Response) -> None:
    """HTTP/1.1 needs the rest of the body read for the connection to be reused (HTTP/2 does not)."""
    if response.http_version == "HTTP/1.1":
        await drain_response_async(response)


def _cause(exc: Exception) -> BaseException:
    """What a typed stream error is chained to: the transport error under `openai`'s connection wrapper."""
    if isinstance(exc, openai.APIConnectionError) and exc.__cause__ is not None:
        return exc.__cause__
    return exc


def read_to_output(guard: StreamGuard[Any], iterator: Iterator[_T]) -> Iterator[_T]:
    """Read `iterator` up to its first chunk of output (a failure before it is raised here, where the client's
    retry loop can retry it); returns an iterator yielding the chunks read, then the rest, in order."""
    buffered: list[_T] = []
    for chunk in iterator:
        buffered.append(chunk)
        if guard.has_output(chunk):
            break
    return itertools.chain(buffered, iterator)  # C-level: no Python frame per chunk after priming


async def aread_to_output(guard: StreamGuard[Any], iterator: AsyncIterator[_T]) -> AsyncIterator[_T]:
    """The async twin of `read_to_output`."""
    buffered: list[_T] = []
    async for chunk in iterator:
        buffered.append(chunk)
        if guard.has_output(chunk):
            break
    return _achain(buffered, iterator)


class _Guard(StreamGuard[ChatCompletionAccumulator]):
    """The guard of chat and text-completion streams, and their one tracker: accumulator, metadata, ledger."""

    def __init__(self, response: httpx2.Response, ledger: CostLedger | None) -> None:
        super().__init__(response)
        self.ledger = ledger
        self.accumulator = ChatCompletionAccumulator()
        self.metadata = StreamMetadata(response, self.accumulator)
        """Generation id, provider, usage and cost for `stream.openrouter` (read from the accumulator)."""
        self.done = False
        """`data: [DONE]` arrived."""
        self.finished = False
        """A chunk carried a `finish_reason`."""
        self._observed: str | None = None
        """The generation id `observe_result` last saw a chunk of."""

    @override
    def on_event(self, event: ServerSentEvent) -> None:
        """Note the `[DONE]` sentinel (the base iterator stops on it without telling us)."""
        if event.data.startswith("[DONE]"):
            self.done = True

    @override
    def has_output(self, chunk: Any) -> bool:
        return has_output(chunk)

    @override
    def on_chunk(self, chunk: Any) -> None:
        """Fold a parsed chunk in; raise the typed error (with everything before it) for an error chunk."""
        if isinstance(chunk, ChatCompletionChunk):
            if chunk.usage is not None or chunk.id != self._observed:
                # a usage-less chunk only opens the stream's ledger entry: once per generation id is enough
                observe_result(chunk, self.response, self.ledger)
                self._observed = chunk.id
            self.accumulator.add(chunk)
            if chunk.error is not None:
                raise stream_error_from_chunk(chunk, response=self.response, partial=self.accumulator)
            if not self.finished:
                for choice in chunk.choices or ():  # `or`: a `"choices": null` is constructed leniently
                    if choice.finish_reason:
                        self.finished = True
                        break
            return
        observe_result(chunk, self.response, self.ledger)
        if isinstance(chunk, Completion):
            self.accumulator.add(_as_chat_chunk(chunk))
        if getattr(chunk, "error", None):
            raise stream_error_from_chunk(chunk, response=self.response, partial=self.accumulator)
        if not self.finished:
            self.finished = any(getattr(c, "finish_reason", None) for c in getattr(chunk, "choices", None) or ())

    @override
    def on_end(self) -> None:
        """The body ended: without `[DONE]` and without a finish reason, the stream was cut short."""
        if not (self.done or self.finished):
            raise stream_interrupted_error(None, response=self.response, partial=self.accumulator)

    @override
    def on_failure(self, exc: Exception) -> Exception | None:
        """The typed error to raise instead of `exc`, or None to let `exc` through unchanged."""
        if isinstance(exc, StreamError):
            return None
        if isinstance(exc, json.JSONDecodeError | UnicodeDecodeError | InvalidResponseError):
            return stream_decode_error(exc, response=self.response, partial=self.accumulator)
        if isinstance(exc, openai.APIConnectionError):
            return stream_interrupted_error(exc, response=self.response, partial=self.accumulator)
        return None


def ledger_of(client: object) -> CostLedger | None:
    """The ledger of the client a stream belongs to (None for a plain `openai` client)."""
    ledger: CostLedger | None = getattr(client, "ledger", None)
    return ledger


def _as_chat_chunk(chunk: Completion) -> ChatCompletionChunk:
    """A text completion chunk as a chat chunk, so the accumulator keeps the text of legacy streams too."""
    choices = [
        {"index": choice.index, "delta": {"content": choice.text}, "finish_reason": choice.finish_reason}
        for choice in chunk.choices or ()
    ]
    return ChatCompletionChunk.construct(
        id=chunk.id,
        model=chunk.model,
        provider=getattr(chunk, "provider", None),
        usage=chunk.usage,
        choices=choices,
        object="chat.completion.chunk",
    )


class _GuardedStream(openai.Stream[_T]):
    """A sync stream run through a `_Guard` (concrete subclasses also name `openai.Stream[X]` as a base, which
    `openai` reads to find the chunk type)."""

    _chunk_model: type[pydantic.BaseModel] | None = None
    """Our model of the chunks, validated straight from their bytes (see `_stream_chunks`)."""

    def __init__(
        self,
        *,
        cast_to: type[_T],
        response: httpx2.Response,
        client: openai.OpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        self._guard = _Guard(response, ledger_of(client))
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @property
    def accumulator(self) -> ChatCompletionAccumulator:
        """Everything received so far (text, reasoning, tool calls, usage, generation id)."""
        return self._guard.accumulator

    @property
    def openrouter(self) -> ResponseMetadata:
        """The stream's `ResponseMetadata`: headers from the start, usage and cost once the last chunk arrived."""
        return self._guard.metadata.metadata

    def prime(self) -> None:
        """Read ahead to the first chunk with output, so a failure before any output is raised here (where the
        client's retry loop can retry it); the chunks read are still yielded, in order."""
        self._iterator = read_to_output(self._guard, self._iterator)

    @override
    def _iter_events(self) -> Iterator[ServerSentEvent]:
        for event in super()._iter_events():
            self._guard.on_event(event)
            yield event

    @override
    def __stream__(self) -> Iterator[_T]:
        decoder = self._decoder
        if not isinstance(decoder, OpenRouterSSEDecoder) or _synthesized(self._options):
            return guarded(self._guard, super().__stream__())
        parser = ChunkParser(
            model=self._chunk_model,
            process=self._client._process_response_data,
            cast_to=self._cast_to,
            response=self.response,
            strict=self._client._strict_response_validation,
        )
        return read_guarded(self._guard, decoder, parser, self.response)


class _AsyncGuardedStream(openai.AsyncStream[_T]):
    """The async twin of `_GuardedStream`."""

    _chunk_model: type[pydantic.BaseModel] | None = None
    """Our model of the chunks, validated straight from their bytes (see `_stream_chunks`)."""

    def __init__(
        self,
        *,
        cast_to: type[_T],
        response: httpx2.Response,
        client: openai.AsyncOpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        self._guard = _Guard(response, ledger_of(client))
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @property
    def accumulator(self) -> ChatCompletionAccumulator:
        """Everything received so far (text, reasoning, tool calls, usage, generation id)."""
        return self._guard.accumulator

    @property
    def openrouter(self) -> ResponseMetadata:
        """The stream's `ResponseMetadata`: headers from the start, usage and cost once the last chunk arrived."""
        return self._guard.metadata.metadata

    async def prime(self) -> None:
        """The async twin of `_GuardedStream.prime`."""
        self._iterator = await aread_to_output(self._guard, self._iterator)

    @override
    async def _iter_events(self) -> AsyncIterator[ServerSentEvent]:
        async for event in super()._iter_events():
            self._guard.on_event(event)
            yield event

    @override
    def __stream__(self) -> AsyncIterator[_T]:
        decoder = self._decoder
        if not isinstance(decoder, OpenRouterSSEDecoder) or _synthesized(self._options):
            return aguarded(self._guard, super().__stream__())
        parser = ChunkParser(
            model=self._chunk_model,
            process=self._client._process_response_data,
            cast_to=self._cast_to,
            response=self.response,
            strict=self._client._strict_response_validation,
        )
        return aread_guarded(self._guard, decoder, parser, self.response)


def _synthesized(options: FinalRequestOptions | None) -> bool:
    """Whether `openai` is asked to wrap each chunk as `{"data": ..., "event": ...}` (its route, then)."""
    return options is not None and bool(options.synthesize_event_and_data)


async def _achain(first: Iterable[_T], rest: AsyncIterator[_T]) -> AsyncIterator[_T]:
    for item in first:
        yield item
    async for item in rest:
        yield item


class ChatCompletionStream(
    _GuardedStream[openai_chunk.ChatCompletionChunk], openai.Stream[openai_chunk.ChatCompletionChunk]
):
    """A chat completion stream; iterating yields `openrouter_compat.types.chat.ChatCompletionChunk`.

    A failure raises the typed error where it happens, after every chunk before it was yielded; the error's
    `partial` (the same object as `accumulator`) holds the text, reasoning, tool calls and usage received."""

    _chunk_model = ChatCompletionChunk

    @override
    def __next__(self) -> ChatCompletionChunk:
        return super().__next__()  # type: ignore[return-value]

    @override
    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        return self._iterator  # type: ignore[return-value]  # no wrapper generator: one layer less per chunk


class AsyncChatCompletionStream(
    _AsyncGuardedStream[openai_chunk.ChatCompletionChunk], openai.AsyncStream[openai_chunk.ChatCompletionChunk]
):
    """The async twin of `ChatCompletionStream`."""

    _chunk_model = ChatCompletionChunk

    @override
    async def __anext__(self) -> ChatCompletionChunk:
        return await super().__anext__()  # type: ignore[return-value]

    @override
    async def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        try:
            async for item in self._iterator:
                yield item  # type: ignore[misc]
        finally:  # finished, failed or left early (`break`): the connection goes back now, not at GC
            await self.response.aclose()


class CompletionStream(_GuardedStream[openai_completion.Completion], openai.Stream[openai_completion.Completion]):
    """A legacy text completion stream; iterating yields `openrouter_compat.types.Completion`."""

    _chunk_model = Completion

    @override
    def __next__(self) -> Completion:
        return super().__next__()  # type: ignore[return-value]

    @override
    def __iter__(self) -> Iterator[Completion]:
        return self._iterator  # type: ignore[return-value]  # no wrapper generator: one layer less per chunk


class AsyncCompletionStream(
    _AsyncGuardedStream[openai_completion.Completion], openai.AsyncStream[openai_completion.Completion]
):
    """The async twin of `CompletionStream`."""

    _chunk_model = Completion

    @override
    async def __anext__(self) -> Completion:
        return await super().__anext__()  # type: ignore[return-value]

    @override
    async def __aiter__(self) -> AsyncIterator[Completion]:
        try:
            async for item in self._iterator:
                yield item  # type: ignore[misc]
        finally:  # finished, failed or left early (`break`): the connection goes back now, not at GC
            await self.response.aclose()
