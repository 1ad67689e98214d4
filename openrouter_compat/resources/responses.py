"""`POST /responses` with OpenRouter's fields as typed keyword arguments and typed results.

`create` and `parse()` are overridden, each running `_prepare` (the one check of `tools`/`input` and the OpenRouter
fields) once; `stream()` calls our `create`, and the raw/streaming wrappers wrap these, so every route that sends a
body passes through it exactly once. `retrieve` and the rest parse into OpenRouter's `Response` through
`_response_types`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast, overload

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


_Method = TypeVar("_Method", bound=Callable[..., Any])
_AsyncMethod = TypeVar("_AsyncMethod", bound=Callable[..., Coroutine[Any, Any, Any]])


def _checked(method: _Method) -> _Method:
    """`openai`'s `method` (it posts without our `create`), its keyword arguments through `_prepare` first; its
    signature (overloads and all) is kept, so `openai`'s typing of it stays."""

    @functools.wraps(method)
    def checked(self: Responses, **kwargs: Any) -> Any:
        return method(self, **_prepare(self._client._openrouter, kwargs))

    return cast("_Method", checked)


def _async_checked(method: _AsyncMethod) -> _AsyncMethod:
    """`_checked` for an async method: refused before the request is built, as `create` is."""

    @functools.wraps(method)
    async def checked(self: AsyncResponses, **kwargs: Any) -> Any:
        return await method(self, **_prepare(self._client._openrouter, kwargs))

    return cast("_AsyncMethod", checked)


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

    parse = _checked(openai_responses.Responses.parse)
    """`openai`'s structured-output helper (it posts itself); `tools`, `input` and OpenRouter fields (in
    `extra_body`, or `reasoning` widened) validated as in `create`. `stream()` calls our `create`."""


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

    parse = _async_checked(openai_responses.AsyncResponses.parse)
    """`openai`'s structured-output helper, validated as in `create`."""


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
