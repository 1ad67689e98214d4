"""`chat.completions.stream()` with OpenRouter's `reasoning_details` merged correctly.

`openai`'s helper folds deltas with `accumulate_delta`, which concatenates every string of entries sharing an
`index` — so the `format` (and `id`) repeated on each OpenRouter reasoning delta comes out as
"anthropic-claude-v1anthropic-claude-v1...". The helper's state is swapped, on entering the manager, for one
that takes `reasoning_details` from the stream's own `ChatCompletionAccumulator` (OpenRouter's merge rules,
index-less deltas included). Everything else is `openai`'s helper, unchanged.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Generic

from openai.lib._parsing import ResponseFormatT
from openai.lib.streaming.chat import (
    AsyncChatCompletionStream,
    AsyncChatCompletionStreamManager,
    ChatCompletionStream,
    ChatCompletionStreamManager,
    ChatCompletionStreamState,
)
from openai.types.chat import ChatCompletionChunk
from typing_extensions import override

from .chat_accumulator import ChatCompletionAccumulator

__all__ = ["AsyncChatCompletionStreamManagerWrapper", "ChatCompletionStreamManagerWrapper"]


class _OpenRouterStreamState(ChatCompletionStreamState[ResponseFormatT]):
    """`openai`'s snapshot state, with the first choice's `reasoning_details` as the accumulator merged them."""

    def __init__(self, previous: ChatCompletionStreamState[ResponseFormatT], accumulator: ChatCompletionAccumulator):
        super().__init__(input_tools=previous._input_tools, response_format=previous._response_format)
        self._accumulator = accumulator

    @override
    def _accumulate_chunk(self, chunk: ChatCompletionChunk) -> Any:
        snapshot = super()._accumulate_chunk(chunk)
        details = self._accumulator.reasoning_details
        if details and snapshot.choices:
            # an extra field on openai's snapshot model, replaced whole after every chunk
            setattr(snapshot.choices[0].message, "reasoning_details", [dict(detail) for detail in details])  # noqa: B010
        return snapshot


def _install(stream: Any) -> Any:
    """Swap the helper's state before any chunk is read (its iterator looks `_state` up per chunk)."""
    accumulator = getattr(stream._raw_stream, "accumulator", None)
    if isinstance(accumulator, ChatCompletionAccumulator):
        stream._state = _OpenRouterStreamState(stream._state, accumulator)
    return stream


class ChatCompletionStreamManagerWrapper(ChatCompletionStreamManager[ResponseFormatT], Generic[ResponseFormatT]):
    """The manager `openai`'s `stream()` returned, entered as usual, with the OpenRouter-aware state installed."""

    def __init__(self, inner: ChatCompletionStreamManager[ResponseFormatT]) -> None:
        self._inner = inner  # delegates to `inner`: no state of its own, so no super().__init__()

    @override
    def __enter__(self) -> ChatCompletionStream[ResponseFormatT]:
        stream: ChatCompletionStream[ResponseFormatT] = _install(self._inner.__enter__())
        return stream

    @override
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        self._inner.__exit__(exc_type, exc, exc_tb)


class AsyncChatCompletionStreamManagerWrapper(
    AsyncChatCompletionStreamManager[ResponseFormatT], Generic[ResponseFormatT]
):
    """The async twin of `ChatCompletionStreamManagerWrapper`."""

    def __init__(self, inner: AsyncChatCompletionStreamManager[ResponseFormatT]) -> None:
        self._inner = inner  # delegates to `inner`: no state of its own, so no super().__init__()

    @override
    async def __aenter__(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        stream: AsyncChatCompletionStream[ResponseFormatT] = _install(await self._inner.__aenter__())
        return stream

    @override
    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        await self._inner.__aexit__(exc_type, exc, exc_tb)
