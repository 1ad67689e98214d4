"""`POST /completions` (legacy text completions) with OpenRouter's fields as typed keyword arguments."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, cast, overload

from openai._types import Omit, SequenceNotStr, omit
from openai.resources import completions as openai_completions
from typing_extensions import Unpack, override

from .._streaming import AsyncCompletionStream, CompletionStream
from ..types.completion import Completion
from ..types.completion_create_params import CompletionCreateKwargs, OpenRouterCompletionParams
from ._prepare import prepare_kwargs

if TYPE_CHECKING:
    from .._client import AsyncOpenRouter, OpenRouter

__all__ = ["AsyncCompletions", "Completions"]

Prompt = str | SequenceNotStr[str] | Iterable[int] | Iterable[Iterable[int]] | None


class Completions(openai_completions.Completions):
    """`client.completions`: `openai`'s legacy text completions, plus OpenRouter's request fields."""

    _client: OpenRouter

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
