"""`client.embeddings`: `openai`'s Embeddings with OpenRouter's typed `provider`/`input_type` and multimodal
inputs; results are `openrouter_compat.types.CreateEmbeddingResponse` (provider, usage.cost). New: `models()`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

import httpx2
from openai import _legacy_response
from openai._compat import cached_property
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Query, SequenceNotStr, not_given
from openai.resources import embeddings as openai_embeddings
from openai.types.embedding_model import EmbeddingModel
from typing_extensions import Unpack, override

from ..types.create_embedding_response import CreateEmbeddingResponse
from ..types.embedding_create_params import EmbeddingCreateKwargs, EmbeddingMultimodalInput, OpenRouterEmbeddingParams
from ..types.model import Model
from ._platform import data_of, platform_options
from ._prepare import prepare_kwargs

if TYPE_CHECKING:
    from .._client import AsyncOpenRouter, OpenRouter

__all__ = [
    "AsyncEmbeddings",
    "AsyncEmbeddingsWithRawResponse",
    "AsyncEmbeddingsWithStreamingResponse",
    "EmbeddingInput",
    "Embeddings",
    "EmbeddingsWithRawResponse",
    "EmbeddingsWithStreamingResponse",
]

EmbeddingInput = (
    str | SequenceNotStr[str] | Iterable[int] | Iterable[Iterable[int]] | Iterable[EmbeddingMultimodalInput]
)
"""A string, strings, token ids, lists of token ids, or OpenRouter's multimodal `{"content": [...]}` items."""


def _models_options(
    extra_headers: Headers | None,
    extra_query: Query | None,
    extra_body: Body | None,
    timeout: float | httpx2.Timeout | NotGiven | None,
    *,
    unwrap: bool,
) -> Any:
    return platform_options(
        unwrap=unwrap, extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout
    )


class Embeddings(openai_embeddings.Embeddings):
    """`client.embeddings`: `create` with OpenRouter's fields, and `models()`."""

    _client: OpenRouter

    @cached_property
    @override
    def with_raw_response(self) -> EmbeddingsWithRawResponse:
        return EmbeddingsWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> EmbeddingsWithStreamingResponse:
        return EmbeddingsWithStreamingResponse(self)

    @override
    def create(
        self,
        *,
        input: EmbeddingInput,
        model: str | EmbeddingModel,
        **kwargs: Unpack[EmbeddingCreateKwargs],
    ) -> CreateEmbeddingResponse:
        """Embed `input`; OpenRouter fields (`provider`, `input_type`) are validated before anything is sent."""
        prepared = prepare_kwargs(self._client._openrouter, {"model": model, **kwargs}, OpenRouterEmbeddingParams)
        result = super().create(input=cast(Any, input), **prepared)
        return cast(CreateEmbeddingResponse, result)

    def models(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> list[Model]:
        """The embedding models (`GET /embeddings/models`), typed like `client.models.list()` items."""
        result = self._get(
            "/embeddings/models",
            options=_models_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(list[Model]),
        )
        return result


class AsyncEmbeddings(openai_embeddings.AsyncEmbeddings):
    """`client.embeddings` of the async client."""

    _client: AsyncOpenRouter

    @cached_property
    @override
    def with_raw_response(self) -> AsyncEmbeddingsWithRawResponse:
        return AsyncEmbeddingsWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> AsyncEmbeddingsWithStreamingResponse:
        return AsyncEmbeddingsWithStreamingResponse(self)

    @override
    async def create(
        self,
        *,
        input: EmbeddingInput,
        model: str | EmbeddingModel,
        **kwargs: Unpack[EmbeddingCreateKwargs],
    ) -> CreateEmbeddingResponse:
        """Embed `input`; OpenRouter fields (`provider`, `input_type`) are validated before anything is sent."""
        prepared = prepare_kwargs(self._client._openrouter, {"model": model, **kwargs}, OpenRouterEmbeddingParams)
        result = await super().create(input=cast(Any, input), **prepared)
        return cast(CreateEmbeddingResponse, result)

    async def models(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> list[Model]:
        """The embedding models (`GET /embeddings/models`), typed like `client.models.list()` items."""
        result = await self._get(
            "/embeddings/models",
            options=_models_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(list[Model]),
        )
        return result


# As in `chat/completions.py`: each mixin declares `create` as the wrapper of OUR `create` (the type checker
# infers it), and, listed before openai's class, its type wins over openai's; `# type: ignore[misc]` on each
# class line is that deliberate conflict.


class _RawCreate:
    def _wrap_create(self, embeddings: Embeddings) -> None:
        self.create = _legacy_response.to_raw_response_wrapper(embeddings.create)


class _AsyncRawCreate:
    def _wrap_create(self, embeddings: AsyncEmbeddings) -> None:
        self.create = _legacy_response.async_to_raw_response_wrapper(embeddings.create)


class _StreamedCreate:
    def _wrap_create(self, embeddings: Embeddings) -> None:
        self.create = to_streamed_response_wrapper(embeddings.create)


class _AsyncStreamedCreate:
    def _wrap_create(self, embeddings: AsyncEmbeddings) -> None:
        self.create = async_to_streamed_response_wrapper(embeddings.create)


class EmbeddingsWithRawResponse(_RawCreate, openai_embeddings.EmbeddingsWithRawResponse):  # type: ignore[misc]
    """`client.embeddings.with_raw_response`: `create` (with OpenRouter's fields) and `models`."""

    def __init__(self, embeddings: Embeddings) -> None:
        super().__init__(embeddings)
        self._wrap_create(embeddings)
        self.models = _legacy_response.to_raw_response_wrapper(embeddings.models)


class AsyncEmbeddingsWithRawResponse(  # type: ignore[misc]
    _AsyncRawCreate, openai_embeddings.AsyncEmbeddingsWithRawResponse
):
    def __init__(self, embeddings: AsyncEmbeddings) -> None:
        super().__init__(embeddings)
        self._wrap_create(embeddings)
        self.models = _legacy_response.async_to_raw_response_wrapper(embeddings.models)


class EmbeddingsWithStreamingResponse(  # type: ignore[misc]
    _StreamedCreate, openai_embeddings.EmbeddingsWithStreamingResponse
):
    """`client.embeddings.with_streaming_response`: `create` and `models`, body read on demand."""

    def __init__(self, embeddings: Embeddings) -> None:
        super().__init__(embeddings)
        self._wrap_create(embeddings)
        self.models = to_streamed_response_wrapper(embeddings.models)


class AsyncEmbeddingsWithStreamingResponse(  # type: ignore[misc]
    _AsyncStreamedCreate, openai_embeddings.AsyncEmbeddingsWithStreamingResponse
):
    def __init__(self, embeddings: AsyncEmbeddings) -> None:
        super().__init__(embeddings)
        self._wrap_create(embeddings)
        self.models = async_to_streamed_response_wrapper(embeddings.models)
