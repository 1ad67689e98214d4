"""`POST /responses` with OpenRouter's fields as typed keyword arguments and typed results.

Only `create` is overridden; `stream()` calls it (so it gets the same validation), and `retrieve`,
`parse()` and the raw/streaming wrappers parse into OpenRouter's `Response` through `_response_types`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, cast, overload

from openai._types import Omit, omit
from openai.resources.responses import responses as openai_responses
from typing_extensions import Unpack, override

from .._streaming_responses import AsyncResponseEventStream, ResponseEventStream
from ..types.responses.response import Response
from ..types.responses.response_create_params import OpenRouterResponseParams, ResponseCreateKwargs
from ._prepare import prepare_kwargs

if TYPE_CHECKING:
    from .._client import AsyncOpenRouter, OpenRouter

__all__ = ["AsyncResponses", "Responses"]


class Responses(openai_responses.Responses):
    """`client.responses`: everything `openai` offers, plus OpenRouter's request fields."""

    _client: OpenRouter

    @overload
    def create(
        self, *, stream: Literal[False] | Omit | None = omit, **kwargs: Unpack[ResponseCreateKwargs]
    ) -> Response: ...

    @overload
    def create(self, *, stream: Literal[True], **kwargs: Unpack[ResponseCreateKwargs]) -> ResponseEventStream: ...

    @overload
    def create(self, *, stream: bool, **kwargs: Unpack[ResponseCreateKwargs]) -> Response | ResponseEventStream: ...

    @override
    def create(
        self, *, stream: Literal[False] | Literal[True] | Omit | None = omit, **kwargs: Any
    ) -> Response | ResponseEventStream:
        """Create a model response; OpenRouter fields are validated before anything is sent."""
        kwargs = prepare_kwargs(self._client._openrouter, kwargs, OpenRouterResponseParams)
        result = super().create(stream=stream, **kwargs)
        return cast("Response | ResponseEventStream", result)


class AsyncResponses(openai_responses.AsyncResponses):
    """`client.responses` of the async client."""

    _client: AsyncOpenRouter

    @overload
    async def create(
        self, *, stream: Literal[False] | Omit | None = omit, **kwargs: Unpack[ResponseCreateKwargs]
    ) -> Response: ...

    @overload
    async def create(
        self, *, stream: Literal[True], **kwargs: Unpack[ResponseCreateKwargs]
    ) -> AsyncResponseEventStream: ...

    @overload
    async def create(
        self, *, stream: bool, **kwargs: Unpack[ResponseCreateKwargs]
    ) -> Response | AsyncResponseEventStream: ...

    @override
    async def create(
        self, *, stream: Literal[False] | Literal[True] | Omit | None = omit, **kwargs: Any
    ) -> Response | AsyncResponseEventStream:
        """Create a model response; OpenRouter fields are validated before anything is sent."""
        kwargs = prepare_kwargs(self._client._openrouter, kwargs, OpenRouterResponseParams)
        result = await super().create(stream=stream, **kwargs)
        return cast("Response | AsyncResponseEventStream", result)
