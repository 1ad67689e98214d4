"""`POST /responses` with OpenRouter's fields as typed keyword arguments and typed results.

Only `create` is overridden; `stream()` calls it (so it gets the same validation), and `retrieve`,
`parse()` and the raw/streaming wrappers parse into OpenRouter's `Response` through `_response_types`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, cast, overload

from openai import _legacy_response
from openai._compat import cached_property
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Omit, omit
from openai.resources.responses import responses as openai_responses
from typing_extensions import Unpack, override

from .._extras import check_fields
from .._streaming_responses import AsyncResponseEventStream, ResponseEventStream
from ..types.responses.response import Response
from ..types.responses.response_create_params import OpenRouterResponseParams, ResponseCreateKwargs, ResponseToolFields
from ._prepare import prepare_kwargs

if TYPE_CHECKING:
    from .._client import AsyncOpenRouter, OpenRouter

__all__ = [
    "AsyncResponses",
    "AsyncResponsesWithRawResponse",
    "AsyncResponsesWithStreamingResponse",
    "Responses",
    "ResponsesWithRawResponse",
    "ResponsesWithStreamingResponse",
]


class Responses(openai_responses.Responses):
    """`client.responses`: everything `openai` offers, plus OpenRouter's request fields."""

    _client: OpenRouter

    @cached_property
    @override
    def with_raw_response(self) -> ResponsesWithRawResponse:
        return ResponsesWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> ResponsesWithStreamingResponse:
        return ResponsesWithStreamingResponse(self)

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
        check_fields(kwargs, ResponseToolFields, mode=self._client._openrouter.validation)
        kwargs = prepare_kwargs(self._client._openrouter, kwargs, OpenRouterResponseParams)
        result = super().create(stream=stream, **kwargs)
        return cast("Response | ResponseEventStream", result)


class AsyncResponses(openai_responses.AsyncResponses):
    """`client.responses` of the async client."""

    _client: AsyncOpenRouter

    @cached_property
    @override
    def with_raw_response(self) -> AsyncResponsesWithRawResponse:
        return AsyncResponsesWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> AsyncResponsesWithStreamingResponse:
        return AsyncResponsesWithStreamingResponse(self)

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
        check_fields(kwargs, ResponseToolFields, mode=self._client._openrouter.validation)
        kwargs = prepare_kwargs(self._client._openrouter, kwargs, OpenRouterResponseParams)
        result = await super().create(stream=stream, **kwargs)
        return cast("Response | AsyncResponseEventStream", result)


# As in `chat/completions.py`: each mixin declares `create` as the wrapper of OUR overloaded `create` (the type
# checker infers it), and, listed before openai's class, its type wins over openai's; `# type: ignore[misc]`
# on each class line is that deliberate conflict. Everything else (retrieve, cancel, input_items, ...) is openai's.


class _RawCreate:
    def _wrap_create(self, responses: Responses) -> None:
        self.create = _legacy_response.to_raw_response_wrapper(responses.create)


class _AsyncRawCreate:
    def _wrap_create(self, responses: AsyncResponses) -> None:
        self.create = _legacy_response.async_to_raw_response_wrapper(responses.create)


class _StreamedCreate:
    def _wrap_create(self, responses: Responses) -> None:
        self.create = to_streamed_response_wrapper(responses.create)


class _AsyncStreamedCreate:
    def _wrap_create(self, responses: AsyncResponses) -> None:
        self.create = async_to_streamed_response_wrapper(responses.create)


class ResponsesWithRawResponse(_RawCreate, openai_responses.ResponsesWithRawResponse):  # type: ignore[misc]
    """`client.responses.with_raw_response`: `openai`'s, with `create` taking OpenRouter's fields and `.parse()`
    typed as our `Response` / `ResponseEventStream`."""

    def __init__(self, responses: Responses) -> None:
        super().__init__(responses)
        self._wrap_create(responses)


class AsyncResponsesWithRawResponse(  # type: ignore[misc]
    _AsyncRawCreate, openai_responses.AsyncResponsesWithRawResponse
):
    def __init__(self, responses: AsyncResponses) -> None:
        super().__init__(responses)
        self._wrap_create(responses)


class ResponsesWithStreamingResponse(  # type: ignore[misc]
    _StreamedCreate, openai_responses.ResponsesWithStreamingResponse
):
    """`client.responses.with_streaming_response`: as the raw twin, the body read only on demand."""

    def __init__(self, responses: Responses) -> None:
        super().__init__(responses)
        self._wrap_create(responses)


class AsyncResponsesWithStreamingResponse(  # type: ignore[misc]
    _AsyncStreamedCreate, openai_responses.AsyncResponsesWithStreamingResponse
):
    def __init__(self, responses: AsyncResponses) -> None:
        super().__init__(responses)
        self._wrap_create(responses)
