"""`client.credits`: `GET /credits`, the account's credits bought and used (management key required)."""

from __future__ import annotations

import httpx2
from openai._compat import cached_property
from openai._legacy_response import async_to_raw_response_wrapper, to_raw_response_wrapper
from openai._resource import AsyncAPIResource, SyncAPIResource
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Query, not_given

from ..types.credits import Credits
from ._platform import data_of, management_key_required, platform_options

__all__ = [
    "AsyncCreditsResource",
    "AsyncCreditsResourceWithRawResponse",
    "AsyncCreditsResourceWithStreamingResponse",
    "CreditsResource",
    "CreditsResourceWithRawResponse",
    "CreditsResourceWithStreamingResponse",
]

_ENDPOINT = "GET /credits"


class CreditsResource(SyncAPIResource):
    """Account credits. Needs a management key: `client.with_options(api_key=MGMT_KEY).credits.retrieve()`."""

    @cached_property
    def with_raw_response(self) -> CreditsResourceWithRawResponse:
        return CreditsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> CreditsResourceWithStreamingResponse:
        return CreditsResourceWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> Credits:
        """Total credits bought and used; a 401/403 raises saying a management key is required."""
        with management_key_required(_ENDPOINT):
            return self._get(
                "/credits",
                options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
                cast_to=data_of(Credits),
            )


class AsyncCreditsResource(AsyncAPIResource):
    """The async twin of `CreditsResource`."""

    @cached_property
    def with_raw_response(self) -> AsyncCreditsResourceWithRawResponse:
        return AsyncCreditsResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncCreditsResourceWithStreamingResponse:
        return AsyncCreditsResourceWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> Credits:
        """Total credits bought and used; a 401/403 raises saying a management key is required."""
        with management_key_required(_ENDPOINT):
            return await self._get(
                "/credits",
                options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
                cast_to=data_of(Credits),
            )


class CreditsResourceWithRawResponse:
    def __init__(self, credits: CreditsResource) -> None:
        self._credits = credits
        self.retrieve = to_raw_response_wrapper(credits.retrieve)


class AsyncCreditsResourceWithRawResponse:
    def __init__(self, credits: AsyncCreditsResource) -> None:
        self._credits = credits
        self.retrieve = async_to_raw_response_wrapper(credits.retrieve)


class CreditsResourceWithStreamingResponse:
    def __init__(self, credits: CreditsResource) -> None:
        self._credits = credits
        self.retrieve = to_streamed_response_wrapper(credits.retrieve)


class AsyncCreditsResourceWithStreamingResponse:
    def __init__(self, credits: AsyncCreditsResource) -> None:
        self._credits = credits
        self.retrieve = async_to_streamed_response_wrapper(credits.retrieve)
