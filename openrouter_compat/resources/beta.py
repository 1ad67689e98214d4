"""`client.beta`: `openai`'s Beta resource, whose `chat` is our `client.chat` (as in `openai`, where both are the
same `Chat`), so `beta.chat.completions.parse/stream` take and validate OpenRouter's fields as the plain ones do."""

from __future__ import annotations

from openai._compat import cached_property
from openai.resources.beta import beta as openai_beta
from typing_extensions import override

from .chat import AsyncChat, Chat

__all__ = ["AsyncBeta", "Beta"]


class Beta(openai_beta.Beta):
    @cached_property
    @override
    def chat(self) -> Chat:
        return Chat(self._client)


class AsyncBeta(openai_beta.AsyncBeta):
    @cached_property
    @override
    def chat(self) -> AsyncChat:
        return AsyncChat(self._client)
