"""`client.generations`: `GET /generation`, a generation's cost, tokens and routing, optionally waiting
for the stats to appear (they can 404 for a short while right after the request)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import httpx2
from openai._compat import cached_property
from openai._legacy_response import async_to_raw_response_wrapper, to_raw_response_wrapper
from openai._response import async_to_streamed_response_wrapper, to_streamed_response_wrapper
from openai._types import Body, Headers, NotGiven, Query, RequestOptions, not_given
from tenacity import AsyncRetrying, Retrying, stop_before_delay

from .._exceptions import NotFoundError
from .._retry import RetryPolicy
from ..types.generations import Generation
from ._generated.generations import (
    AsyncGeneratedGenerations,
    AsyncGeneratedGenerationsWithRawResponse,
    AsyncGeneratedGenerationsWithStreamingResponse,
    GeneratedGenerations,
    GeneratedGenerationsWithRawResponse,
    GeneratedGenerationsWithStreamingResponse,
)
from ._platform import data_of, platform_options, reworded

if TYPE_CHECKING:
    import openai


__all__ = [
    "POLL_POLICY",
    "AsyncGenerations",
    "AsyncGenerationsWithRawResponse",
    "AsyncGenerationsWithStreamingResponse",
    "Generations",
    "GenerationsWithRawResponse",
    "GenerationsWithStreamingResponse",
]

POLL_POLICY: dict[str, Any] = RetryPolicy().poll_options()
"""How `retrieve(id, wait=...)` polls by default (sync and async): only on 404, backoff 0.2s doubling up to 2s;
a client's own `retry_policy` (`poll_initial_backoff`, `poll_max_backoff`) decides. The stop condition,
`stop_before_delay(wait)`, is added per call."""


def _poll_options(client: object) -> dict[str, Any]:
    """The polling options of `client`'s retry policy (the default one for a plain `openai` client)."""
    policy = getattr(client, "retry_policy", None)
    return policy.poll_options() if isinstance(policy, RetryPolicy) else POLL_POLICY


def _retrieve_options(
    id: str,
    extra_headers: Headers | None,
    extra_query: Query | None,
    extra_body: Body | None,
    timeout: float | httpx2.Timeout | NotGiven | None,
) -> RequestOptions:
    """The options of `GET /generation?id=...` (an empty `id` is refused before anything is sent)."""
    if not id:
        raise ValueError(f"Expected a non-empty value for `id` but received {id!r}")
    return platform_options(extra_headers, extra_query, extra_body, timeout, query={"id": id}, unwrap=True)


def _gave_up(exc: NotFoundError, id: str, wait: float, started: float, attempts: int) -> openai.APIStatusError:
    waited = time.monotonic() - started
    return reworded(
        exc,
        f"Error code: 404 - generation {id!r} still not found after waiting {waited:.1f}s "
        f"({attempts} attempts, wait={wait:g}s); stats can take a few seconds to appear, or the id is wrong",
    )


class Generations(GeneratedGenerations):
    """Stats of past generations: `total_cost`, tokens, latency, provider, fallbacks tried; with the generated
    `content()` and `feedback()` of `/generation/*`."""

    @cached_property
    def with_raw_response(self) -> GenerationsWithRawResponse:
        return GenerationsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> GenerationsWithStreamingResponse:
        return GenerationsWithStreamingResponse(self)

    def retrieve(
        self,
        id: str,
        *,
        wait: float = 0,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> Generation:
        """Stats of generation `id` (e.g. `completion.id`); with `wait > 0`, poll up to `wait` seconds on 404."""
        options = _retrieve_options(id, extra_headers, extra_query, extra_body, timeout)
        if wait <= 0:
            return self._get("/generation", options=options, cast_to=data_of(Generation))
        started, attempts = time.monotonic(), 0
        try:
            for attempt in Retrying(stop=stop_before_delay(wait), **_poll_options(self._client)):
                with attempt:
                    attempts += 1
                    return self._get("/generation", options=options, cast_to=data_of(Generation))
        except NotFoundError as exc:
            raise _gave_up(exc, id, wait, started, attempts) from exc
        raise AssertionError("unreachable: tenacity either returns or re-raises")


class AsyncGenerations(AsyncGeneratedGenerations):
    """The async twin of `Generations`."""

    @cached_property
    def with_raw_response(self) -> AsyncGenerationsWithRawResponse:
        return AsyncGenerationsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncGenerationsWithStreamingResponse:
        return AsyncGenerationsWithStreamingResponse(self)

    async def retrieve(
        self,
        id: str,
        *,
        wait: float = 0,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx2.Timeout | NotGiven | None = not_given,
    ) -> Generation:
        """Stats of generation `id` (e.g. `completion.id`); with `wait > 0`, poll up to `wait` seconds on 404."""
        options = _retrieve_options(id, extra_headers, extra_query, extra_body, timeout)
        if wait <= 0:
            return await self._get("/generation", options=options, cast_to=data_of(Generation))
        started, attempts = time.monotonic(), 0
        try:
            async for attempt in AsyncRetrying(stop=stop_before_delay(wait), **_poll_options(self._client)):
                with attempt:
                    attempts += 1
                    return await self._get("/generation", options=options, cast_to=data_of(Generation))
        except NotFoundError as exc:
            raise _gave_up(exc, id, wait, started, attempts) from exc
        raise AssertionError("unreachable: tenacity either returns or re-raises")


class GenerationsWithRawResponse(GeneratedGenerationsWithRawResponse):
    def __init__(self, generations: Generations) -> None:
        super().__init__(generations)
        self._generations = generations
        self.retrieve = to_raw_response_wrapper(generations.retrieve)


class AsyncGenerationsWithRawResponse(AsyncGeneratedGenerationsWithRawResponse):
    def __init__(self, generations: AsyncGenerations) -> None:
        super().__init__(generations)
        self._generations = generations
        self.retrieve = async_to_raw_response_wrapper(generations.retrieve)


class GenerationsWithStreamingResponse(GeneratedGenerationsWithStreamingResponse):
    def __init__(self, generations: Generations) -> None:
        super().__init__(generations)
        self._generations = generations
        self.retrieve = to_streamed_response_wrapper(generations.retrieve)


class AsyncGenerationsWithStreamingResponse(AsyncGeneratedGenerationsWithStreamingResponse):
    def __init__(self, generations: AsyncGenerations) -> None:
        super().__init__(generations)
        self._generations = generations
        self.retrieve = async_to_streamed_response_wrapper(generations.retrieve)
