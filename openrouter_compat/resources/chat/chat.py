"""`client.chat`: `openai`'s Chat resource, whose `completions` speaks OpenRouter."""

from __future__ import annotations

from openai._compat import cached_property
from openai.resources.chat import chat as openai_chat
from typing_extensions import override

from .completions import (
    AsyncCompletions,
    AsyncCompletionsWithRawResponse,
    AsyncCompletionsWithStreamingResponse,
    Completions,
    CompletionsWithRawResponse,
    CompletionsWithStreamingResponse,
)

__all__ = [
    "AsyncChat",
    "AsyncChatWithRawResponse",
    "AsyncChatWithStreamingResponse",
    "Chat",
    "ChatWithRawResponse",
    "ChatWithStreamingResponse",
]


class Chat(openai_chat.Chat):
    @cached_property
    @override
    def completions(self) -> Completions:
        return Completions(self._client)

    @cached_property
    @override
    def with_raw_response(self) -> ChatWithRawResponse:
        return ChatWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> ChatWithStreamingResponse:
        return ChatWithStreamingResponse(self)


class AsyncChat(openai_chat.AsyncChat):
    @cached_property
    @override
    def completions(self) -> AsyncCompletions:
        return AsyncCompletions(self._client)

    @cached_property
    @override
    def with_raw_response(self) -> AsyncChatWithRawResponse:
        return AsyncChatWithRawResponse(self)

    @cached_property
    @override
    def with_streaming_response(self) -> AsyncChatWithStreamingResponse:
        return AsyncChatWithStreamingResponse(self)


class ChatWithRawResponse(openai_chat.ChatWithRawResponse):
    """`client.with_raw_response.chat` / `client.chat.with_raw_response`: `completions` is OpenRouter's."""

    _chat: Chat

    @cached_property
    @override
    def completions(self) -> CompletionsWithRawResponse:
        return CompletionsWithRawResponse(self._chat.completions)


class AsyncChatWithRawResponse(openai_chat.AsyncChatWithRawResponse):
    _chat: AsyncChat

    @cached_property
    @override
    def completions(self) -> AsyncCompletionsWithRawResponse:
        return AsyncCompletionsWithRawResponse(self._chat.completions)


class ChatWithStreamingResponse(openai_chat.ChatWithStreamingResponse):
    """`client.with_streaming_response.chat`: as the raw twin, the body read only on demand."""

    _chat: Chat

    @cached_property
    @override
    def completions(self) -> CompletionsWithStreamingResponse:
        return CompletionsWithStreamingResponse(self._chat.completions)


class AsyncChatWithStreamingResponse(openai_chat.AsyncChatWithStreamingResponse):
    _chat: AsyncChat

    @cached_property
    @override
    def completions(self) -> AsyncCompletionsWithStreamingResponse:
        return AsyncCompletionsWithStreamingResponse(self._chat.completions)
