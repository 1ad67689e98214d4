"""`client.beta`: `openai`'s Beta resource, whose `chat` is our `client.chat` (as in `openai`, where both are the
same `Chat`), so `beta.chat.completions.parse/stream` take and validate OpenRouter's fields as the plain ones do."""

from __future__ import annotations

from openai._compat import cached_property
from openai.resources.beta import beta as openai_beta
from typing_extensions import override

from .chat import AsyncChat, Chat

__all__ = [
    "AsyncBeta",
    "AsyncBetaWithRawResponse",
    "AsyncBetaWithStreamingResponse",
    "Beta",
    "BetaWithRawResponse",
    "BetaWithStreamingResponse",
]


class Beta(openai_beta.Beta):
    @cached_property
    @override
    def chat(self) -> Chat:
        return Chat(self._client)

    @cached_property
    @override
    def with_raw_response(self) -> BetaWithRawResponse:
        return BetaWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> BetaWithStreamingResponse:
        return BetaWithStreamingResponse(self)


class AsyncBeta(openai_beta.AsyncBeta):
    @cached_property
    @override
    def chat(self) -> AsyncChat:
        return AsyncChat(self._client)

    @cached_property
    @override
    def with_raw_response(self) -> AsyncBetaWithRawResponse:
        return AsyncBetaWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> AsyncBetaWithStreamingResponse:
        return AsyncBetaWithStreamingResponse(self)


class BetaWithRawResponse(openai_beta.BetaWithRawResponse):
    """`client.beta.with_raw_response`: `openai`'s (its beta has no `chat` here; `client.chat.with_raw_response`)."""


class AsyncBetaWithRawResponse(openai_beta.AsyncBetaWithRawResponse):
    """`client.beta.with_raw_response` of the async client."""


class BetaWithStreamingResponse(openai_beta.BetaWithStreamingResponse):
    """`client.beta.with_streaming_response`: `openai`'s."""


class AsyncBetaWithStreamingResponse(openai_beta.AsyncBetaWithStreamingResponse):
    """`client.beta.with_streaming_response` of the async client."""
