"""OpenRouter-aware streams: typed chunks, partial output kept, errors raised where they arrive.

`openai`'s `Stream` raises a bare `APIError` on an error chunk and drops the chunk. Ours runs the base
iterator in "events" mode (so error chunks reach us as data), folds every chunk into an accumulator,
and raises the typed error for the chunk's code with everything received before it attached.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import openai
from openai._models import FinalRequestOptions
from openai._streaming import ServerSentEvent, SSEDecoder
from openai.types import completion as openai_completion
from openai.types.chat import chat_completion_chunk as openai_chunk
from typing_extensions import override

from ._exceptions import stream_decode_error, stream_error_from_chunk, stream_interrupted_error
from .lib.chat_accumulator import ChatCompletionAccumulator
from .types.chat.chat_completion_chunk import ChatCompletionChunk
from .types.completion import Completion

if TYPE_CHECKING:
    import httpx2

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncCompletionStream",
    "ChatCompletionStream",
    "CompletionStream",
    "OpenRouterSSEDecoder",
]


class OpenRouterSSEDecoder(SSEDecoder):
    """The WHATWG decoder, minus events whose data is empty (a bare `data:` line is not an event)."""

    @override
    def iter_bytes(self, iterator: Iterator[bytes]) -> Iterator[ServerSentEvent]:
        for event in super().iter_bytes(iterator):
            if event.data or event.event:
                yield event

    @override
    async def aiter_bytes(self, iterator: AsyncIterator[bytes]) -> AsyncIterator[ServerSentEvent]:
        async for event in super().aiter_bytes(iterator):
            if event.data or event.event:
                yield event


def _events_mode(options: FinalRequestOptions | None) -> FinalRequestOptions | None:
    """Ask the base iterator to hand error chunks to us instead of raising a status-less `APIError`."""
    if options is None:
        return FinalRequestOptions(method="post", url="", stream_mode="events")
    return options.model_copy(update={"stream_mode": "events"})


class _Guard:
    """What a chat stream does with each chunk and each failure, written once for sync and async."""

    def __init__(self, response: httpx2.Response) -> None:
        self.response = response
        self.accumulator = ChatCompletionAccumulator()

    def on_chunk(self, chunk: Any) -> None:
        if isinstance(chunk, ChatCompletionChunk):
            self.accumulator.add(chunk)
            if chunk.error is not None:
                raise stream_error_from_chunk(chunk, response=self.response, partial=self.accumulator)
        elif getattr(chunk, "error", None):
            raise stream_error_from_chunk(chunk, response=self.response, partial=self.accumulator)

    def on_failure(self, exc: Exception) -> Exception | None:
        """The typed error to raise instead of `exc`, or None to let `exc` through unchanged."""
        if isinstance(exc, json.JSONDecodeError):
            return stream_decode_error(exc, response=self.response, partial=self.accumulator)
        if isinstance(exc, openai.APIConnectionError):
            return stream_interrupted_error(exc, response=self.response, partial=self.accumulator)
        return None


class ChatCompletionStream(openai.Stream[openai_chunk.ChatCompletionChunk]):
    """A chat completion stream; iterating yields `openrouter_compat.types.chat.ChatCompletionChunk`."""

    def __init__(
        self,
        *,
        cast_to: type[openai_chunk.ChatCompletionChunk],
        response: httpx2.Response,
        client: openai.OpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        self._guard = _Guard(response)
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @property
    def accumulator(self) -> ChatCompletionAccumulator:
        """Everything received so far (text, reasoning, tool calls, usage, generation id)."""
        return self._guard.accumulator

    @override
    def __next__(self) -> ChatCompletionChunk:
        return super().__next__()  # type: ignore[return-value]

    @override
    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        return super().__iter__()  # type: ignore[return-value]

    @override
    def __stream__(self) -> Iterator[openai_chunk.ChatCompletionChunk]:
        guard = self._guard
        try:
            for chunk in super().__stream__():
                guard.on_chunk(chunk)
                yield chunk
        except Exception as exc:
            replacement = guard.on_failure(exc)
            if replacement is None:
                raise
            raise replacement from exc


class AsyncChatCompletionStream(openai.AsyncStream[openai_chunk.ChatCompletionChunk]):
    """The async twin of `ChatCompletionStream`."""

    def __init__(
        self,
        *,
        cast_to: type[openai_chunk.ChatCompletionChunk],
        response: httpx2.Response,
        client: openai.AsyncOpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        self._guard = _Guard(response)
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @property
    def accumulator(self) -> ChatCompletionAccumulator:
        """Everything received so far (text, reasoning, tool calls, usage, generation id)."""
        return self._guard.accumulator

    @override
    async def __anext__(self) -> ChatCompletionChunk:
        return await super().__anext__()  # type: ignore[return-value]

    @override
    async def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        async for item in self._iterator:
            yield item  # type: ignore[misc]

    @override
    async def __stream__(self) -> AsyncIterator[openai_chunk.ChatCompletionChunk]:
        guard = self._guard
        try:
            async for chunk in super().__stream__():
                guard.on_chunk(chunk)
                yield chunk
        except Exception as exc:
            replacement = guard.on_failure(exc)
            if replacement is None:
                raise
            raise replacement from exc


class CompletionStream(openai.Stream[openai_completion.Completion]):
    """A legacy text completion stream; iterating yields `openrouter_compat.types.Completion`."""

    def __init__(
        self,
        *,
        cast_to: type[openai_completion.Completion],
        response: httpx2.Response,
        client: openai.OpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        self._guard = _Guard(response)
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @override
    def __next__(self) -> Completion:
        return super().__next__()  # type: ignore[return-value]

    @override
    def __iter__(self) -> Iterator[Completion]:
        return super().__iter__()  # type: ignore[return-value]

    @override
    def __stream__(self) -> Iterator[openai_completion.Completion]:
        guard = self._guard
        try:
            for chunk in super().__stream__():
                guard.on_chunk(chunk)
                yield chunk
        except Exception as exc:
            replacement = guard.on_failure(exc)
            if replacement is None:
                raise
            raise replacement from exc


class AsyncCompletionStream(openai.AsyncStream[openai_completion.Completion]):
    """The async twin of `CompletionStream`."""

    def __init__(
        self,
        *,
        cast_to: type[openai_completion.Completion],
        response: httpx2.Response,
        client: openai.AsyncOpenAI,
        options: FinalRequestOptions | None = None,
    ) -> None:
        self._guard = _Guard(response)
        super().__init__(cast_to=cast_to, response=response, client=client, options=_events_mode(options))

    @override
    async def __anext__(self) -> Completion:
        return await super().__anext__()  # type: ignore[return-value]

    @override
    async def __aiter__(self) -> AsyncIterator[Completion]:
        async for item in self._iterator:
            yield item  # type: ignore[misc]

    @override
    async def __stream__(self) -> AsyncIterator[openai_completion.Completion]:
        guard = self._guard
        try:
            async for chunk in super().__stream__():
                guard.on_chunk(chunk)
                yield chunk
        except Exception as exc:
            replacement = guard.on_failure(exc)
            if replacement is None:
                raise
            raise replacement from exc
