"""`POST /completions` (legacy text completions) with OpenRouter's fields as typed keyword arguments."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, cast, overload

from openai import _legacy_response
from openai._compat import cached_property
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Omit, SequenceNotStr, omit
from openai.resources import completions as openai_completions
from typing_extensions import Unpack, override

from .._streaming import AsyncCompletionStream, CompletionStream
from ..types.completion import Completion
from ..types.completion_create_params import CompletionCreateKwargs, OpenRouterCompletionParams
from ._prepare import prepare_kwargs

if TYPE_CHECKING:
    from .._client import AsyncOpenRouter, OpenRouter

__all__ = [
    "AsyncCompletions",
    "AsyncCompletionsWithRawResponse",
    "AsyncCompletionsWithStreamingResponse",
    "Completions",
    "CompletionsWithRawResponse",
    "CompletionsWithStreamingResponse",
]

Prompt = str | SequenceNotStr[str] | Iterable[int] | Iterable[Iterable[int]] | None


class Completions(openai_completions.Completions):
    """`client.completions`: `openai`'s legacy text completions, plus OpenRouter's request fields."""

    _client: OpenRouter

    @cached_property
    @override
    def with_raw_response(self) -> CompletionsWithRawResponse:
        return CompletionsWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> CompletionsWithStreamingResponse:
        return CompletionsWithStreamingResponse(self)

    @overload
    def create(
        self,
        *,
        model: str,
        prompt: Prompt,
        stream: Literal[False] | Omit | None = omit,
        **kwargs: Unpack[CompletionCreateKwargs],
    ) -> Completion: ...

    @overload
    def create(
        self, *, model: str, prompt: Prompt, stream: Literal[True], **kwargs: Unpack[CompletionCreateKwargs]
    ) -> CompletionStream: ...

    @overload
    def create(
        self, *, model: str, prompt: Prompt, stream: bool, **kwargs: Unpack[CompletionCreateKwargs]
    ) -> Completion | CompletionStream: ...

    @override
    def create(
        self,
        *,
        model: str,
        prompt: Prompt,
        stream: Literal[False] | Literal[True] | Omit | None = omit,
        **kwargs: Any,
    ) -> Completion | CompletionStream:
        """Create a text completion; OpenRouter fields are validated before anything is sent."""
        kwargs = prepare_kwargs(self._client._openrouter, {"model": model, **kwargs}, OpenRouterCompletionParams)
        result = super().create(prompt=prompt, stream=stream, **kwargs)
        return cast("Completion | CompletionStream", result)


class AsyncCompletions(openai_completions.AsyncCompletions):
    """`client.completions` of the async client."""

    _client: AsyncOpenRouter

    @cached_property
    @override
    def with_raw_response(self) -> AsyncCompletionsWithRawResponse:
        return AsyncCompletionsWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> AsyncCompletionsWithStreamingResponse:
        return AsyncCompletionsWithStreamingResponse(self)

    @overload
    async def create(
        self,
        *,
        model: str,
        prompt: Prompt,
        stream: Literal[False] | Omit | None = omit,
        **kwargs: Unpack[CompletionCreateKwargs],
    ) -> Completion: ...

    @overload
    async def create(
        self, *, model: str, prompt: Prompt, stream: Literal[True], **kwargs: Unpack[CompletionCreateKwargs]
    ) -> AsyncCompletionStream: ...

    @overload
    async def create(
        self, *, model: str, prompt: Prompt, stream: bool, **kwargs: Unpack[CompletionCreateKwargs]
    ) -> Completion | AsyncCompletionStream: ...

    @override
    async def create(
        self,
        *,
        model: str,
        prompt: Prompt,
        stream: Literal[False] | Literal[True] | Omit | None = omit,
        **kwargs: Any,
    ) -> Completion | AsyncCompletionStream:
        """Create a text completion; OpenRouter fields are validated before anything is sent."""
        kwargs = prepare_kwargs(self._client._openrouter, {"model": model, **kwargs}, OpenRouterCompletionParams)
        result = await super().create(prompt=prompt, stream=stream, **kwargs)
        return cast("Completion | AsyncCompletionStream", result)


# As in `chat/completions.py`: each mixin declares `create` as the wrapper of OUR overloaded `create` (the type
# checker infers it), and, listed before openai's class, its type wins over openai's; `# type: ignore[misc]`
# on each class line is that deliberate conflict.


class _RawCreate:
    def _wrap_create(self, completions: Completions) -> None:
        self.create = _legacy_response.to_raw_response_wrapper(completions.create)


class _AsyncRawCreate:
    def _wrap_create(self, completions: AsyncCompletions) -> None:
        self.create = _legacy_response.async_to_raw_response_wrapper(completions.create)


class _StreamedCreate:
    def _wrap_create(self, completions: Completions) -> None:
        self.create = to_streamed_response_wrapper(completions.create)


class _AsyncStreamedCreate:
    def _wrap_create(self, completions: AsyncCompletions) -> None:
        self.create = async_to_streamed_response_wrapper(completions.create)


class CompletionsWithRawResponse(_RawCreate, openai_completions.CompletionsWithRawResponse):  # type: ignore[misc]
    """`client.completions.with_raw_response`: `create` takes OpenRouter's fields, `.parse()` is our
    `Completion` / `CompletionStream`."""

    def __init__(self, completions: Completions) -> None:
        super().__init__(completions)
        self._wrap_create(completions)


class AsyncCompletionsWithRawResponse(  # type: ignore[misc]
    _AsyncRawCreate, openai_completions.AsyncCompletionsWithRawResponse
):
    def __init__(self, completions: AsyncCompletions) -> None:
        super().__init__(completions)
        self._wrap_create(completions)


class CompletionsWithStreamingResponse(  # type: ignore[misc]
    _StreamedCreate, openai_completions.CompletionsWithStreamingResponse
):
    """`client.completions.with_streaming_response`: as the raw twin, the body read only on demand."""

    def __init__(self, completions: Completions) -> None:
        super().__init__(completions)
        self._wrap_create(completions)


class AsyncCompletionsWithStreamingResponse(  # type: ignore[misc]
    _AsyncStreamedCreate, openai_completions.AsyncCompletionsWithStreamingResponse
):
    def __init__(self, completions: AsyncCompletions) -> None:
        super().__init__(completions)
        self._wrap_create(completions)
