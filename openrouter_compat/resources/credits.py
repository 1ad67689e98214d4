"""`client.credits`: `GET /credits`, the account's credits bought and used (management key required)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx2
from openai._compat import cached_property
from openai._legacy_response import async_to_raw_response_wrapper, to_raw_response_wrapper
from openai._resource import AsyncAPIResource, SyncAPIResource
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Query, not_given

from .._lazy import deprecated_aliases
from ..types import credits as credits_types
from ._platform import data_of, platform_options

__all__ = [
    "AsyncCredits",
    "AsyncCreditsWithRawResponse",
    "AsyncCreditsWithStreamingResponse",
    "Credits",
    "CreditsWithRawResponse",
    "CreditsWithStreamingResponse",
]


class Credits(SyncAPIResource):
    """Account credits. Needs a management key: `client.with_options(api_key=MGMT_KEY).credits.retrieve()`."""

    @cached_property
    def with_raw_response(self) -> CreditsWithRawResponse:
        return CreditsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> CreditsWithStreamingResponse:
        return CreditsWithStreamingResponse(self)

    def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> credits_types.Credits:
        """Total credits bought and used; a 401/403 raises saying a management key is required."""
        return self._get(
            "/credits",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(credits_types.Credits),
        )


class AsyncCredits(AsyncAPIResource):
    """The async twin of `Credits`."""

    @cached_property
    def with_raw_response(self) -> AsyncCreditsWithRawResponse:
        return AsyncCreditsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncCreditsWithStreamingResponse:
        return AsyncCreditsWithStreamingResponse(self)

    async def retrieve(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> credits_types.Credits:
        """Total credits bought and used; a 401/403 raises saying a management key is required."""
        return await self._get(
            "/credits",
            options=platform_options(extra_headers, extra_query, extra_body, timeout, unwrap=True),
            cast_to=data_of(credits_types.Credits),
        )


class CreditsWithRawResponse:
    def __init__(self, credits: Credits) -> None:
        self._credits = credits
        self.retrieve = to_raw_response_wrapper(credits.retrieve)


class AsyncCreditsWithRawResponse:
    def __init__(self, credits: AsyncCredits) -> None:
        self._credits = credits
        self.retrieve = async_to_raw_response_wrapper(credits.retrieve)


class CreditsWithStreamingResponse:
    def __init__(self, credits: Credits) -> None:
        self._credits = credits
        self.retrieve = to_streamed_response_wrapper(credits.retrieve)


class AsyncCreditsWithStreamingResponse:
    def __init__(self, credits: AsyncCredits) -> None:
        self._credits = credits
        self.retrieve = async_to_streamed_response_wrapper(credits.retrieve)


# The names before the naming rule (docs/architecture.md, "Naming"): they still work, with a DeprecationWarning.
if TYPE_CHECKING:
    CreditsResource = Credits
    CreditsResourceWithRawResponse = CreditsWithRawResponse
    CreditsResourceWithStreamingResponse = CreditsWithStreamingResponse
    AsyncCreditsResource = AsyncCredits
    AsyncCreditsResourceWithRawResponse = AsyncCreditsWithRawResponse
    AsyncCreditsResourceWithStreamingResponse = AsyncCreditsWithStreamingResponse
else:
    __getattr__ = deprecated_aliases(
        __name__,
        {
            "CreditsResource": (__name__, "Credits"),
            "CreditsResourceWithRawResponse": (__name__, "CreditsWithRawResponse"),
            "CreditsResourceWithStreamingResponse": (__name__, "CreditsWithStreamingResponse"),
            "AsyncCreditsResource": (__name__, "AsyncCredits"),
            "AsyncCreditsResourceWithRawResponse": (__name__, "AsyncCreditsWithRawResponse"),
            "AsyncCreditsResourceWithStreamingResponse": (__name__, "AsyncCreditsWithStreamingResponse"),
        },
    )
