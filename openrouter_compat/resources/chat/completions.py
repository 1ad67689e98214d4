"""`POST /chat/completions` with OpenRouter's fields as typed keyword arguments and typed results."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, cast, overload

from openai._types import Omit, omit
from openai.resources.chat import completions as openai_completions
from openai.types.chat import ChatCompletionMessageParam
from openai.types.shared.chat_model import ChatModel
from typing_extensions import Unpack, override

from ..._streaming import AsyncChatCompletionStream, ChatCompletionStream
from ...lib.chat_stream_helper import AsyncChatCompletionStreamManagerWrapper, ChatCompletionStreamManagerWrapper
from ...types.chat.chat_completion import ChatCompletion
from ...types.chat.completion_create_params import ChatCompletionCreateKwargs, OpenRouterChatParams
from .._prepare import prepare_kwargs

if TYPE_CHECKING:
    from ..._client import AsyncOpenRouter, OpenRouter

__all__ = ["AsyncCompletions", "Completions"]


class Completions(openai_completions.Completions):
    """`client.chat.completions`: everything `openai` offers, plus OpenRouter's request fields."""

    _client: OpenRouter

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
        kwargs = prepare_kwargs(self._client._openrouter, {"model": model, **kwargs}, OpenRouterChatParams)
        result = super().create(messages=messages, stream=stream, **kwargs)
        return cast("ChatCompletion | ChatCompletionStream", result)

    if not TYPE_CHECKING:  # type checkers keep seeing `openai`'s exact signature and types

        def stream(self, **kwargs):
            """`openai`'s `.stream()` helper, with `reasoning_details` merged by OpenRouter's rules."""
            return ChatCompletionStreamManagerWrapper(super().stream(**kwargs))


class AsyncCompletions(openai_completions.AsyncCompletions):
    """`client.chat.completions` of the async client."""

    _client: AsyncOpenRouter

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
        kwargs = prepare_kwargs(self._client._openrouter, {"model": model, **kwargs}, OpenRouterChatParams)
        result = await super().create(messages=messages, stream=stream, **kwargs)
        return cast("ChatCompletion | AsyncChatCompletionStream", result)

    if not TYPE_CHECKING:

        def stream(self, **kwargs):
            """`openai`'s `.stream()` helper, with `reasoning_details` merged by OpenRouter's rules."""
            return AsyncChatCompletionStreamManagerWrapper(super().stream(**kwargs))
