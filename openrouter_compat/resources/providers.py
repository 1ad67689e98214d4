"""`client.providers`: `GET /providers`, the upstream providers OpenRouter can route to."""

from __future__ import annotations

import httpx2
from openai import _legacy_response
from openai._compat import cached_property
from openai._resource import AsyncAPIResource, SyncAPIResource
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Query, not_given

from ..types.providers import Provider
from ._platform import data_of, platform_options

__all__ = [
    "AsyncProviders",
    "AsyncProvidersWithRawResponse",
    "AsyncProvidersWithStreamingResponse",
    "Providers",
    "ProvidersWithRawResponse",
    "ProvidersWithStreamingResponse",
]


class Providers(SyncAPIResource):
    """`client.providers`: list the providers (name, slug for routing, policies, locations)."""

    @cached_property
    def with_raw_response(self) -> ProvidersWithRawResponse:
        return ProvidersWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ProvidersWithStreamingResponse:
        return ProvidersWithStreamingResponse(self)

    def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> list[Provider]:
        """Every provider; use `slug` in `provider={"order": [...]}` / `only` / `ignore`."""
        result = self._get(
            "/providers",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(list[Provider]),
        )
        return result


class AsyncProviders(AsyncAPIResource):
    """`client.providers` of the async client."""

    @cached_property
    def with_raw_response(self) -> AsyncProvidersWithRawResponse:
        return AsyncProvidersWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncProvidersWithStreamingResponse:
        return AsyncProvidersWithStreamingResponse(self)

    async def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> list[Provider]:
        """Every provider; use `slug` in `provider={"order": [...]}` / `only` / `ignore`."""
        result = await self._get(
            "/providers",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(list[Provider]),
        )
        return result


class ProvidersWithRawResponse:
    def __init__(self, providers: Providers) -> None:
        self._providers = providers
        self.list = _legacy_response.to_raw_response_wrapper(providers.list)


class AsyncProvidersWithRawResponse:
    def __init__(self, providers: AsyncProviders) -> None:
        self._providers = providers
        self.list = _legacy_response.async_to_raw_response_wrapper(providers.list)


class ProvidersWithStreamingResponse:
    def __init__(self, providers: Providers) -> None:
        self._providers = providers
        self.list = to_streamed_response_wrapper(providers.list)


class AsyncProvidersWithStreamingResponse:
    def __init__(self, providers: AsyncProviders) -> None:
        self._providers = providers
        self.list = async_to_streamed_response_wrapper(providers.list)
