"""`client.chat`: `openai`'s Chat resource, whose `completions` speaks OpenRouter."""

from __future__ import annotations

from openai._compat import cached_property
from openai.resources.chat import chat as openai_chat

from .completions import AsyncCompletions, Completions

__all__ = ["AsyncChat", "Chat"]


class Chat(openai_chat.Chat):
    @cached_property
    def completions(self) -> Completions:
        return Completions(self._client)


class AsyncChat(openai_chat.AsyncChat):
    @cached_property
    def completions(self) -> AsyncCompletions:
        return AsyncCompletions(self._client)
