"""`client.key`: `GET /key`, the limits and usage of the key the client is using."""

from __future__ import annotations

import httpx2
from openai._compat import cached_property
from openai._legacy_response import async_to_raw_response_wrapper, to_raw_response_wrapper
from openai._resource import AsyncAPIResource, SyncAPIResource
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Query, not_given

from ..types.key import Key
from ._platform import data_of, platform_options

__all__ = [
    "AsyncKeyResource",
    "AsyncKeyResourceWithRawResponse",
    "AsyncKeyResourceWithStreamingResponse",
    "KeyResource",
    "KeyResourceWithRawResponse",
    "KeyResourceWithStreamingResponse",
]


class KeyResource(SyncAPIResource):
    """The current API key: spending limit, what is left of it, usage by period, tier, expiry."""

    @cached_property
    def with_raw_response(self) -> KeyResourceWithRawResponse:
        return KeyResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> KeyResourceWithStreamingResponse:
        return KeyResourceWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> Key:
        """Describe the key in use (works with any key)."""
        return self._get(
            "/key",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(Key),
        )


class AsyncKeyResource(AsyncAPIResource):
    """The async twin of `KeyResource`."""

    @cached_property
    def with_raw_response(self) -> AsyncKeyResourceWithRawResponse:
        return AsyncKeyResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncKeyResourceWithStreamingResponse:
        return AsyncKeyResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> Key:
        """Describe the key in use (works with any key)."""
        return await self._get(
            "/key",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(Key),
        )


class KeyResourceWithRawResponse:
    def __init__(self, key: KeyResource) -> None:
        self._key = key
        self.retrieve = to_raw_response_wrapper(key.retrieve)


class AsyncKeyResourceWithRawResponse:
    def __init__(self, key: AsyncKeyResource) -> None:
        self._key = key
        self.retrieve = async_to_raw_response_wrapper(key.retrieve)


class KeyResourceWithStreamingResponse:
    def __init__(self, key: KeyResource) -> None:
        self._key = key
        self.retrieve = to_streamed_response_wrapper(key.retrieve)


class AsyncKeyResourceWithStreamingResponse:
    def __init__(self, key: AsyncKeyResource) -> None:
        self._key = key
        self.retrieve = async_to_streamed_response_wrapper(key.retrieve)
