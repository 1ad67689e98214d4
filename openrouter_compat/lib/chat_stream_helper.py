"""`chat.completions.stream()` that survives OpenRouter's streams and merges their deltas correctly.

`openai`'s helper folds deltas with `accumulate_delta`, which (1) concatenates every string of entries sharing
an `index` — so the `format` (and `id`) repeated on each OpenRouter reasoning delta comes out as
"anthropic-claude-v1anthropic-claude-v1..." — and (2) raises on a second delta of a list whose entries have no
`index`, which is how OpenRouter streams `annotations` (web search citations) and `images`. The helper's state
is swapped, on entering the manager, for one that takes `reasoning_details` from the stream's own
`ChatCompletionAccumulator` (OpenRouter's merge rules) and appends `annotations`/`images` itself. The chunks
the caller sees are untouched; everything else is `openai`'s helper.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Generic

from openai._models import construct_type
from openai.lib._parsing import ResponseFormatT
from openai.lib.streaming.chat import (
    AsyncChatCompletionStream,
    AsyncChatCompletionStreamManager,
    ChatCompletionStream,
    ChatCompletionStreamManager,
    ChatCompletionStreamState,
)
from openai.types.chat import ChatCompletionChunk, ParsedChatCompletion
from typing_extensions import override

from .._parsed import concretely_parsed
from .._response_metadata import ResponseMetadata, attach_metadata
from .chat_accumulator import ChatCompletionAccumulator

__all__ = ["AsyncChatCompletionStreamManagerWrapper", "ChatCompletionStreamManagerWrapper"]


_APPEND_ONLY = ("annotations", "images")
"""Delta lists OpenRouter streams as whole new entries without an `index`: appended, never merged."""


class _OpenRouterStreamState(ChatCompletionStreamState[ResponseFormatT]):
    """`openai`'s snapshot state, with `reasoning_details` as the accumulator merged them and append-only lists
    appended here (the copy of each chunk `openai` folds has them removed)."""

    def __init__(
        self,
        previous: ChatCompletionStreamState[ResponseFormatT],
        accumulator: ChatCompletionAccumulator,
        raw_stream: Any = None,
    ):
        super().__init__(input_tools=previous._input_tools, response_format=previous._response_format)
        self._accumulator = accumulator
        self._raw_stream = raw_stream
        self._appended: dict[tuple[int, str], list[Any]] = {}

    @override
    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """`openai`'s final completion, carrying the stream's `.openrouter` metadata like every other result."""
        completion = concretely_parsed(super().get_final_completion())  # typed `parsed`: dumps without a warning
        metadata = getattr(self._raw_stream, "openrouter", None)
        if isinstance(metadata, ResponseMetadata):
            attach_metadata(completion, metadata)
        return completion

    @override
    def _accumulate_chunk(self, chunk: ChatCompletionChunk) -> Any:
        for choice in chunk.choices:
            for key in _APPEND_ONLY:
                items = getattr(choice.delta, key, None)
                if items:
                    self._appended.setdefault((choice.index, key), []).extend(_plain(item) for item in items)
        snapshot = super()._accumulate_chunk(_without_append_only(chunk))
        for (index, key), items in self._appended.items():
            message = snapshot.choices[index].message
            field = type(message).model_fields.get(key)
            setattr(message, key, construct_type(type_=field.annotation, value=items) if field else list(items))
        details = self._accumulator.reasoning_details
        if details and snapshot.choices:
            # an extra field on openai's snapshot model, replaced whole after every chunk
            setattr(snapshot.choices[0].message, "reasoning_details", [dict(detail) for detail in details])  # noqa: B010
        return snapshot


def _plain(item: Any) -> Any:
    return item.to_dict() if hasattr(item, "to_dict") else item


def _without_append_only(chunk: ChatCompletionChunk) -> ChatCompletionChunk:
    """A copy of `chunk` whose deltas lack the append-only lists (the original, seen by the caller, is kept)."""
    if not any(getattr(c.delta, key, None) for c in chunk.choices for key in _APPEND_ONLY):
        return chunk
    choices = [
        c.model_copy(update={"delta": c.delta.model_copy(update=dict.fromkeys(_APPEND_ONLY))}) for c in chunk.choices
    ]
    return chunk.model_copy(update={"choices": choices})


def _install(stream: Any) -> Any:
    """Swap the helper's state before any chunk is read (its iterator looks `_state` up per chunk)."""
    accumulator = getattr(stream._raw_stream, "accumulator", None)
    if isinstance(accumulator, ChatCompletionAccumulator):
        stream._state = _OpenRouterStreamState(stream._state, accumulator, stream._raw_stream)
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
