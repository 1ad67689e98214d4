"""`POST /responses` with OpenRouter's fields as typed keyword arguments and typed results.

`create` and `parse()` are overridden, each running `_prepare` (the one check of `tools`/`input` and the OpenRouter
fields) once; `stream()` validates OpenRouter's fields into `extra_body` and calls our `create` (which checks `tools`
and `input`), and the raw/streaming wrappers wrap these, so every route that sends a body is checked exactly once.
All three take OpenRouter's fields as typed keyword arguments. `retrieve` and the rest parse into OpenRouter's
`Response` through `_response_types`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, cast, overload

import httpx2
from openai import _legacy_response
from openai._compat import cached_property
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Omit, Query, not_given, omit
from openai.lib._parsing._responses import TextFormatT
from openai.lib.streaming.responses import AsyncResponseStreamManager, ResponseStreamManager
from openai.resources.responses import responses as openai_responses
from openai.types.responses.parsed_response import ParsedResponse
from openai.types.responses.tool_param import ParseableToolParam
from typing_extensions import Unpack, override

from .._extras import check_fields
from .._streaming_responses import AsyncResponseEventStream, ResponseEventStream
from ..types.responses.response import Response
from ..types.responses.response_create_params import (
    OpenRouterResponseParams,
    ResponseCreateKwargs,
    ResponseParseKwargs,
    ResponseStreamKwargs,
    ResponseToolFields,
)
from ._prepare import prepare_kwargs

if TYPE_CHECKING:
    from .._client import AsyncOpenRouter, OpenRouter
    from .._settings import OpenRouterSettings

__all__ = [
    "AsyncResponses",
    "AsyncResponsesWithRawResponse",
    "AsyncResponsesWithStreamingResponse",
    "Responses",
    "ResponsesWithRawResponse",
    "ResponsesWithStreamingResponse",
]


def _prepare(settings: OpenRouterSettings, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The one request check of every Responses route: `tools` and `input` validated in place (`openai` sends
    and its helpers read them), then OpenRouter's fields validated into `extra_body`."""
    check_fields(kwargs, ResponseToolFields, mode=settings.validation)
    return prepare_kwargs(settings, kwargs, OpenRouterResponseParams)


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
        kwargs = _prepare(self._client._openrouter, kwargs)
        result = super().create(stream=stream, **kwargs)
        return cast("Response | ResponseEventStream", result)

    @overload
    def parse(
        self,
        *,
        text_format: type | Omit = omit,
        parse_as: type[TextFormatT] | None,
        **kwargs: Unpack[ResponseParseKwargs],
    ) -> ParsedResponse[TextFormatT]: ...

    @overload
    def parse(
        self,
        *,
        text_format: type[TextFormatT] | Omit = omit,
        parse_as: Omit = omit,
        **kwargs: Unpack[ResponseParseKwargs],
    ) -> ParsedResponse[TextFormatT]: ...

    @override
    def parse(self, **kwargs: Any) -> ParsedResponse[Any]:
        """`openai`'s structured-output helper (it posts itself); `tools`, `input` and OpenRouter fields
        validated as in `create`."""
        return super().parse(**_prepare(self._client._openrouter, kwargs))

    @overload
    def stream(
        self,
        *,
        response_id: str,
        text_format: type[TextFormatT] | Omit = omit,
        starting_after: int | Omit = omit,
        tools: Iterable[ParseableToolParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> ResponseStreamManager[TextFormatT]: ...

    @overload
    def stream(
        self, *, text_format: type[TextFormatT] | Omit = omit, **kwargs: Unpack[ResponseStreamKwargs]
    ) -> ResponseStreamManager[TextFormatT]: ...

    @override
    def stream(self, **kwargs: Any) -> ResponseStreamManager[Any]:
        """`openai`'s streaming helper; it calls our `create`, which checks `tools` and `input`, so only
        OpenRouter's fields are validated here (into `extra_body`: `openai`'s helper takes only its own)."""
        return super().stream(**prepare_kwargs(self._client._openrouter, kwargs, OpenRouterResponseParams))


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
        kwargs = _prepare(self._client._openrouter, kwargs)
        result = await super().create(stream=stream, **kwargs)
        return cast("Response | AsyncResponseEventStream", result)

    @overload
    async def parse(
        self,
        *,
        text_format: type | Omit = omit,
        parse_as: type[TextFormatT] | None,
        **kwargs: Unpack[ResponseParseKwargs],
    ) -> ParsedResponse[TextFormatT]: ...

    @overload
    async def parse(
        self,
        *,
        text_format: type[TextFormatT] | Omit = omit,
        parse_as: Omit = omit,
        **kwargs: Unpack[ResponseParseKwargs],
    ) -> ParsedResponse[TextFormatT]: ...

    @override
    async def parse(self, **kwargs: Any) -> ParsedResponse[Any]:
        """`openai`'s structured-output helper, validated as in `create` (refused before anything is built)."""
        return await super().parse(**_prepare(self._client._openrouter, kwargs))

    @overload
    def stream(
        self,
        *,
        response_id: str,
        text_format: type[TextFormatT] | Omit = omit,
        starting_after: int | Omit = omit,
        tools: Iterable[ParseableToolParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> AsyncResponseStreamManager[TextFormatT]: ...

    @overload
    def stream(
        self, *, text_format: type[TextFormatT] | Omit = omit, **kwargs: Unpack[ResponseStreamKwargs]
    ) -> AsyncResponseStreamManager[TextFormatT]: ...

    @override
    def stream(self, **kwargs: Any) -> AsyncResponseStreamManager[Any]:
        """`openai`'s streaming helper (it calls our `create`); OpenRouter's fields validated here, as sync."""
        return super().stream(**prepare_kwargs(self._client._openrouter, kwargs, OpenRouterResponseParams))


# As in `chat/completions.py`: each mixin declares `create` and `parse` (which `openai`'s streaming twin lacks) as
# the wrappers of OUR methods (the type checker infers them), and, listed before openai's class, their types win;
# `# type: ignore[misc]` on each class line is that deliberate conflict. Everything else (retrieve, cancel,
# input_items, ...) is openai's.


class _RawCreate:
    def _wrap_create(self, responses: Responses) -> None:
        self.create = _legacy_response.to_raw_response_wrapper(responses.create)
        self.parse = _legacy_response.to_raw_response_wrapper(responses.parse)


class _AsyncRawCreate:
    def _wrap_create(self, responses: AsyncResponses) -> None:
        self.create = _legacy_response.async_to_raw_response_wrapper(responses.create)
        self.parse = _legacy_response.async_to_raw_response_wrapper(responses.parse)


class _StreamedCreate:
    def _wrap_create(self, responses: Responses) -> None:
        self.create = to_streamed_response_wrapper(responses.create)
        self.parse = to_streamed_response_wrapper(responses.parse)


class _AsyncStreamedCreate:
    def _wrap_create(self, responses: AsyncResponses) -> None:
        self.create = async_to_streamed_response_wrapper(responses.create)
        self.parse = async_to_streamed_response_wrapper(responses.parse)


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
