"""`client.key`: `GET /key`, the limits and usage of the key the client is using."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx2
from openai._compat import cached_property
from openai._legacy_response import async_to_raw_response_wrapper, to_raw_response_wrapper
from openai._resource import AsyncAPIResource, SyncAPIResource
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Query, not_given

from .._lazy import deprecated_aliases
from ..types import key as key_types
from ._platform import data_of, platform_options

__all__ = [
    "AsyncKey",
    "AsyncKeyWithRawResponse",
    "AsyncKeyWithStreamingResponse",
    "Key",
    "KeyWithRawResponse",
    "KeyWithStreamingResponse",
]


class Key(SyncAPIResource):
    """The current API key: spending limit, what is left of it, usage by period, tier, expiry."""

    @cached_property
    def with_raw_response(self) -> KeyWithRawResponse:
        return KeyWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> KeyWithStreamingResponse:
        return KeyWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> key_types.Key:
        """Describe the key in use (works with any key)."""
        return self._get(
            "/key",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(key_types.Key),
        )


class AsyncKey(AsyncAPIResource):
    """The async twin of `Key`."""

    @cached_property
    def with_raw_response(self) -> AsyncKeyWithRawResponse:
        return AsyncKeyWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncKeyWithStreamingResponse:
        return AsyncKeyWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> key_types.Key:
        """Describe the key in use (works with any key)."""
        return await self._get(
            "/key",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(key_types.Key),
        )


class KeyWithRawResponse:
    def __init__(self, key: Key) -> None:
        self._key = key
        self.retrieve = to_raw_response_wrapper(key.retrieve)


class AsyncKeyWithRawResponse:
    def __init__(self, key: AsyncKey) -> None:
        self._key = key
        self.retrieve = async_to_raw_response_wrapper(key.retrieve)


class KeyWithStreamingResponse:
    def __init__(self, key: Key) -> None:
        self._key = key
        self.retrieve = to_streamed_response_wrapper(key.retrieve)


class AsyncKeyWithStreamingResponse:
    def __init__(self, key: AsyncKey) -> None:
        self._key = key
        self.retrieve = async_to_streamed_response_wrapper(key.retrieve)


# The names before the naming rule (docs/architecture.md, "Naming"): they still work, with a DeprecationWarning.
if TYPE_CHECKING:
    KeyResource = Key
    KeyResourceWithRawResponse = KeyWithRawResponse
    KeyResourceWithStreamingResponse = KeyWithStreamingResponse
    AsyncKeyResource = AsyncKey
    AsyncKeyResourceWithRawResponse = AsyncKeyWithRawResponse
    AsyncKeyResourceWithStreamingResponse = AsyncKeyWithStreamingResponse
else:
    __getattr__ = deprecated_aliases(
        __name__,
        {
            "KeyResource": (__name__, "Key"),
            "KeyResourceWithRawResponse": (__name__, "KeyWithRawResponse"),
            "KeyResourceWithStreamingResponse": (__name__, "KeyWithStreamingResponse"),
            "AsyncKeyResource": (__name__, "AsyncKey"),
            "AsyncKeyResourceWithRawResponse": (__name__, "AsyncKeyWithRawResponse"),
            "AsyncKeyResourceWithStreamingResponse": (__name__, "AsyncKeyWithStreamingResponse"),
        },
    )
