"""`POST /chat/completions` with OpenRouter's fields as typed keyword arguments and typed results."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, cast, overload

from openai import _legacy_response
from openai._compat import cached_property
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Omit, omit
from openai.lib._parsing import ResponseFormatT
from openai.lib.streaming.chat import AsyncChatCompletionStreamManager, ChatCompletionStreamManager
from openai.resources.chat import completions as openai_completions
from openai.types.chat import ChatCompletionMessageParam as OpenAIChatCompletionMessageParam
from openai.types.chat import ParsedChatCompletion, completion_create_params
from openai.types.shared.chat_model import ChatModel
from typing_extensions import Unpack, override

from ..._extras import check_fields
from ..._streaming import AsyncChatCompletionStream, ChatCompletionStream
from ...lib.chat_stream_helper import AsyncChatCompletionStreamManagerWrapper, ChatCompletionStreamManagerWrapper
from ...types.chat.chat_completion import ChatCompletion
from ...types.chat.chat_completion_message_param import ChatCompletionMessageParam
from ...types.chat.completion_create_params import (
    ChatCompletionCreateKwargs,
    ChatCompletionParseKwargs,
    ChatToolFields,
    OpenRouterChatParams,
)
from .._prepare import prepare_kwargs

if TYPE_CHECKING:
    from ..._client import AsyncOpenRouter, OpenRouter
    from ..._settings import OpenRouterSettings

__all__ = [
    "AsyncCompletions",
    "AsyncCompletionsWithRawResponse",
    "AsyncCompletionsWithStreamingResponse",
    "Completions",
    "CompletionsWithRawResponse",
    "CompletionsWithStreamingResponse",
]


def _as_openai(messages: Iterable[ChatCompletionMessageParam]) -> Iterable[OpenAIChatCompletionMessageParam]:
    """OpenRouter's wider messages, as `openai`'s methods are typed (they send messages as given)."""
    return cast("Iterable[OpenAIChatCompletionMessageParam]", messages)


def _prepare_create(settings: OpenRouterSettings, kwargs: dict[str, Any]) -> dict[str, Any]:
    """`tools` checked in place (`openai`'s helpers read them), then OpenRouter's fields into `extra_body`."""
    check_fields(kwargs, ChatToolFields, mode=settings.validation)
    return prepare_kwargs(settings, kwargs, OpenRouterChatParams)


class Completions(openai_completions.Completions):
    """`client.chat.completions`: everything `openai` offers, plus OpenRouter's request fields."""

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
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        stream: Literal[False] | Omit | None = omit,
        **kwargs: Unpack[ChatCompletionCreateKwargs],
    ) -> ChatCompletion: ...

    @overload
    def create(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        stream: Literal[True],
        **kwargs: Unpack[ChatCompletionCreateKwargs],
    ) -> ChatCompletionStream: ...

    @overload
    def create(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        stream: bool,
        **kwargs: Unpack[ChatCompletionCreateKwargs],
    ) -> ChatCompletion | ChatCompletionStream: ...

    @override
    def create(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        stream: Literal[False] | Literal[True] | Omit | None = omit,
        **kwargs: Any,
    ) -> ChatCompletion | ChatCompletionStream:
        """Create a chat completion; OpenRouter fields are validated before anything is sent."""
        kwargs = _prepare_create(self._client._openrouter, {"model": model, **kwargs})
        result = super().create(messages=_as_openai(messages), stream=stream, **kwargs)
        return cast("ChatCompletion | ChatCompletionStream", result)

    @override
    def parse(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        response_format: type[ResponseFormatT] | Omit = omit,
        **kwargs: Unpack[ChatCompletionParseKwargs],
    ) -> ParsedChatCompletion[ResponseFormatT]:
        """`openai`'s structured-output helper; OpenRouter fields typed and validated as in `create`."""
        prepared = _prepare_create(self._client._openrouter, {"model": model, **kwargs})
        return super().parse(messages=_as_openai(messages), response_format=response_format, **prepared)

    @override
    def stream(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        response_format: completion_create_params.ResponseFormat | type[ResponseFormatT] | Omit = omit,
        **kwargs: Unpack[ChatCompletionParseKwargs],
    ) -> ChatCompletionStreamManager[ResponseFormatT]:
        """`openai`'s streaming helper; OpenRouter fields typed, `reasoning_details`/citations merged correctly."""
        prepared = _prepare_create(self._client._openrouter, dict(kwargs))  # then `create` applies defaults once
        manager = super().stream(
            messages=_as_openai(messages), model=model, response_format=response_format, **prepared
        )
        return ChatCompletionStreamManagerWrapper(manager)


class AsyncCompletions(openai_completions.AsyncCompletions):
    """`client.chat.completions` of the async client."""

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
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        stream: Literal[False] | Omit | None = omit,
        **kwargs: Unpack[ChatCompletionCreateKwargs],
    ) -> ChatCompletion: ...

    @overload
    async def create(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        stream: Literal[True],
        **kwargs: Unpack[ChatCompletionCreateKwargs],
    ) -> AsyncChatCompletionStream: ...

    @overload
    async def create(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        stream: bool,
        **kwargs: Unpack[ChatCompletionCreateKwargs],
    ) -> ChatCompletion | AsyncChatCompletionStream: ...

    @override
    async def create(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        stream: Literal[False] | Literal[True] | Omit | None = omit,
        **kwargs: Any,
    ) -> ChatCompletion | AsyncChatCompletionStream:
        """Create a chat completion; OpenRouter fields are validated before anything is sent."""
        kwargs = _prepare_create(self._client._openrouter, {"model": model, **kwargs})
        result = await super().create(messages=_as_openai(messages), stream=stream, **kwargs)
        return cast("ChatCompletion | AsyncChatCompletionStream", result)

    @override
    async def parse(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        response_format: type[ResponseFormatT] | Omit = omit,
        **kwargs: Unpack[ChatCompletionParseKwargs],
    ) -> ParsedChatCompletion[ResponseFormatT]:
        """`openai`'s structured-output helper; OpenRouter fields typed and validated as in `create`."""
        prepared = _prepare_create(self._client._openrouter, {"model": model, **kwargs})
        return await super().parse(messages=_as_openai(messages), response_format=response_format, **prepared)

    @override
    def stream(
        self,
        *,
        messages: Iterable[ChatCompletionMessageParam],
        model: str | ChatModel,
        response_format: completion_create_params.ResponseFormat | type[ResponseFormatT] | Omit = omit,
        **kwargs: Unpack[ChatCompletionParseKwargs],
    ) -> AsyncChatCompletionStreamManager[ResponseFormatT]:
        """`openai`'s streaming helper; OpenRouter fields typed, `reasoning_details`/citations merged correctly."""
        prepared = _prepare_create(self._client._openrouter, dict(kwargs))  # then `create` applies defaults once
        manager = super().stream(
            messages=_as_openai(messages), model=model, response_format=response_format, **prepared
        )
        return AsyncChatCompletionStreamManagerWrapper(manager)


# openai's `...WithRawResponse` classes set `self.create` to a wrapper of openai's own `create`, so a subclass
# cannot re-type it by assignment; each mixin below declares `create` and `parse` (inferred by the type checker
# from the wrappers of OUR overloaded `create` and generic `parse`: a `Callable` cannot spell those) and, listed
# first, its types win. The `# type: ignore[misc]` on each class line is that deliberate conflict.


class _RawCreate:
    def _wrap_methods(self, completions: Completions) -> None:
        self.create = _legacy_response.to_raw_response_wrapper(completions.create)
        self.parse = _legacy_response.to_raw_response_wrapper(completions.parse)


class _AsyncRawCreate:
    def _wrap_methods(self, completions: AsyncCompletions) -> None:
        self.create = _legacy_response.async_to_raw_response_wrapper(completions.create)
        self.parse = _legacy_response.async_to_raw_response_wrapper(completions.parse)


class _StreamedCreate:
    def _wrap_methods(self, completions: Completions) -> None:
        self.create = to_streamed_response_wrapper(completions.create)
        self.parse = to_streamed_response_wrapper(completions.parse)


class _AsyncStreamedCreate:
    def _wrap_methods(self, completions: AsyncCompletions) -> None:
        self.create = async_to_streamed_response_wrapper(completions.create)
        self.parse = async_to_streamed_response_wrapper(completions.parse)


class CompletionsWithRawResponse(_RawCreate, openai_completions.CompletionsWithRawResponse):  # type: ignore[misc]
    """`client.chat.completions.with_raw_response`: `openai`'s (retrieve, list, messages, ...), with `create`
    taking OpenRouter's fields and `.parse()` typed as our `ChatCompletion` / `ChatCompletionStream`; the
    structured-output `parse(...)` takes OpenRouter's fields too."""

    def __init__(self, completions: Completions) -> None:
        super().__init__(completions)
        self._wrap_methods(completions)


class AsyncCompletionsWithRawResponse(  # type: ignore[misc]
    _AsyncRawCreate, openai_completions.AsyncCompletionsWithRawResponse
):
    def __init__(self, completions: AsyncCompletions) -> None:
        super().__init__(completions)
        self._wrap_methods(completions)


class CompletionsWithStreamingResponse(  # type: ignore[misc]
    _StreamedCreate, openai_completions.CompletionsWithStreamingResponse
):
    """`client.chat.completions.with_streaming_response`: as the raw twin, the body read only on demand."""

    def __init__(self, completions: Completions) -> None:
        super().__init__(completions)
        self._wrap_methods(completions)


class AsyncCompletionsWithStreamingResponse(  # type: ignore[misc]
    _AsyncStreamedCreate, openai_completions.AsyncCompletionsWithStreamingResponse
):
    def __init__(self, completions: AsyncCompletions) -> None:
        super().__init__(completions)
        self._wrap_methods(completions)
